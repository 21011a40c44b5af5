from .fixtures import database_queue  # noqa: F401 (a fixture)
