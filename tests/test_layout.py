"""The layout promises of the README ("Where things are"): every concern has a folder the
map names, no module outgrows 400 lines, and no project module imports one that imports it
back, at module level or inside a function."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "home", "news", "bench", "tests")
# Data, not code: migrations, the demo's texts and the generator's vocabulary.
DATA = ("migrations", "news/demo/content", "news/demo/bulk/words.py")
MAX_LINES = 400


def project_modules():
    """{dotted name: path} of every Python module of the project."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_modules(name, path, modules):
    """The project modules `name` imports anywhere in its body (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                if f"{origin}.{alias.name}" in modules:
                    found.add(f"{origin}.{alias.name}")
                elif origin in modules:
                    found.add(origin)
    found.discard(name)
    return found


def import_cycles(graph):
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return cycles


def test_no_module_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in project_modules().values()
        if not any(part in path.relative_to(ROOT).as_posix() for part in DATA)
        and (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_no_import_circle_between_project_modules():
    modules = project_modules()
    graph = {name: imported_modules(name, path, modules) for name, path in modules.items()}
    assert import_cycles(graph) == []


def test_the_cycle_check_sees_imports_inside_functions(tmp_path):
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    first.write_text("from second import thing\n")
    second.write_text("def later():\n    from first import other\n")
    modules = {"first": first, "second": second}
    graph = {name: imported_modules(name, path, modules) for name, path in modules.items()}
    assert import_cycles(graph) == [["first", "second"]]


def readme_map():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Where things are", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)


@pytest.mark.parametrize("entry", readme_map())
def test_every_place_the_map_names_exists(entry):
    assert (ROOT / entry).exists()


def test_every_subpackage_of_the_apps_is_on_the_map():
    """A concern with several modules is a subpackage, and the map says where it is."""
    mapped = {entry.rstrip("/") for entry in readme_map()}
    conventional = {"migrations", "templatetags", "management", "commands", "content"}
    subpackages = {
        init.parent.relative_to(ROOT).as_posix()
        for app in ("cms", "home", "news")
        for init in (ROOT / app).rglob("__init__.py")
        if init.parent.name not in conventional and init.parent != ROOT / app
    }
    # A subpackage inside a mapped one (news/demo/bulk in news/demo) is covered by it.
    unmapped = {
        package
        for package in subpackages
        if not any(package == place or package.startswith(f"{place}/") for place in mapped)
    }
    assert unmapped == set()
