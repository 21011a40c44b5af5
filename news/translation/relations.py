"""A translatable instance's child relations read once, for what extracts its segments.

Its JSON, its segments, the field paths of its contexts and its translations' synchronised
fields each read its child relations (an article's authors, topics, related articles,
comments) otherwise, and the objects they name one by one.
"""

from contextlib import contextmanager

from django.db.models import prefetch_related_objects
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import TranslatableMixin


def relation_lookups(model):
    """The child relations of ``model`` and the translatable objects they name, as
    ``prefetch_related`` lookups."""
    lookups = []
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        lookups.append(name)
        if issubclass(relation.related_model, TranslatableMixin):
            lookups.extend(
                f"{name}__{field.name}"
                for field in relation.related_model._meta.concrete_fields
                if field.many_to_one
                and field is not relation.field
                and issubclass(field.related_model, TranslatableMixin)
            )
    return lookups


def load_relations(instances):
    """Read the child relations of ``instances`` (of one model) and the translatable objects
    they name, a query each, and keep them in memory for the extraction."""
    prefetch_related_objects(instances, *relation_lookups(type(instances[0])))
    for instance in instances:
        for relation in get_all_child_relations(type(instance)):
            name = relation.get_accessor_name()
            setattr(instance, name, list(getattr(instance, name).all()))


def prefetch_relations(instance):
    """``load_relations`` into Django's prefetch cache rather than into the relations, for an
    instance its caller holds (a submission's page; a save of it would write relations held
    in memory), unless some are in memory already: its JSON and its segments read them
    from there rather than each once more."""
    if isinstance(instance, ClusterableModel) and not getattr(
        instance, "_cluster_related_objects", None
    ):
        prefetch_related_objects([instance], *relation_lookups(type(instance)))


@contextmanager
def prefetched_relations_held(instance):
    """Within it, the child relations of ``instance`` in Django's prefetch cache
    (``prefetch_relations``) are held in memory as modelcluster holds them: a lookup among
    them is answered there (wagtail-localize's field path of a child's context looks the
    child up by its translation key: a query each otherwise)."""
    prefetched = getattr(instance, "_prefetched_objects_cache", {})
    if not isinstance(instance, ClusterableModel) or not prefetched:
        yield
        return
    held = instance.__dict__.setdefault("_cluster_related_objects", {})
    names = [
        name
        for name in (relation.get_accessor_name() for relation in get_all_child_relations(instance))
        if name in prefetched and name not in held
    ]
    for name in names:
        held[name] = list(prefetched[name])
    try:
        yield
    finally:
        for name in names:
            del held[name]
