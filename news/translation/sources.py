"""wagtail-localize's sources with their segments written in bulk (wagtail-localize, taken over).

``TranslationSource.refresh_segments`` stores each segment on its own: a get-or-create (with
savepoints) of its string, its context and the segment, an update of the context's field
path, and the memory signal's query: seven or eight queries a segment, some 450 of the 680 a
submission of an article took, and as many again at every sync. ``take_over()`` (the app's
``ready()``) replaces, for every door that stores a source (the admin's submit and sync, the
API, the queue's workers, commands):

- ``refresh_segments`` and ``update_from_db`` (every sync) with ``write_segments``: the same
  rows with a query or two per table (``tests/translation/test_bulk_writes.py`` compares the
  two on a source of every segment kind; the library's own stays as
  ``LIBRARY_REFRESH_SEGMENTS``);
- ``get_or_create_from_instance`` (every submission) and ``update_or_create_from_instance``
  with ``get_or_create_source`` and ``update_or_create_source``, which extract the segments
  from the instance itself rather than from a copy rebuilt from the JSON just stored: the
  same data without the copy's queries. The WordPress import creates its sources with them
  too; its pages' child relations should be in memory
  (``news.translation.relations.load_relations``), or each is read once more.

A string segment added to a source that has translations is filled from translation memory,
as the signal does for the library's (``news.translation.signals``).
"""

import functools
import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.signals import post_migrate
from django.utils import timezone
from modelcluster.models import (
    ClusterableModel,
    get_serializable_data_for_fields,
)
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from news.rows import delete_rows

from .memory import fill_from_memory
from .relations import load_relations, prefetch_relations, prefetched_relations_held

# What makes a segment the same as one stored (wagtail-localize gets or creates by these).
_SEGMENT_KEYS = {
    StringSegment: ("context_id", "order", "string_id", "attrs"),
    TemplateSegment: ("context_id", "order", "template_id"),
    RelatedObjectSegment: ("context_id", "order", "object_id"),
    OverridableSegment: ("context_id", "order", "data_json"),
}


def get_or_create_source(instance):
    """``(source, created)``, as wagtail-localize's ``get_or_create_from_instance`` (every
    submission): a stored source as it is, a new one written from the instance."""
    if isinstance(instance, Page):
        instance = instance.specific
    source = _stored_source(instance)
    if source is not None:
        return source, False
    return _write_source(instance, None)


def update_or_create_source(instance):
    """``(source, created)``, as wagtail-localize's ``update_or_create_from_instance``."""
    if isinstance(instance, Page):
        instance = instance.specific
    return _write_source(instance, _stored_source(instance))


def _stored_source(instance):
    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()


def _write_source(instance, source):
    """``(source, created)``: ``source`` (the instance's stored source, or None) written from
    ``instance`` unless it holds its content already."""
    content_type = ContentType.objects.get_for_model(instance.get_translation_model())
    TranslatableObject.objects.bulk_create(
        [TranslatableObject(translation_key=instance.translation_key, content_type=content_type)],
        ignore_conflicts=True,
    )
    prefetch_relations(instance)
    content_json = _content_json(instance)
    if source and json.loads(content_json) == json.loads(source.content_json):
        return source, False
    created = source is None
    if created:
        source = TranslationSource.objects.create(
            object_id=instance.translation_key,
            locale_id=instance.locale_id,
            specific_content_type=ContentType.objects.get_for_model(type(instance)),
            **_source_fields(instance, content_json),
        )
    else:
        _save_source(source, instance, content_json)
    with prefetched_relations_held(instance):
        write_segments(source, instance, created)
    return source, created


def _source_fields(instance, content_json):
    return {
        "object_repr": str(instance)[:200],
        "content_json": content_json,
        "schema_version": schema_version(instance._meta.app_label),
        "last_updated_at": timezone.now(),
    }


@functools.cache
def schema_version(app_label):
    """wagtail-localize's ``get_schema_version`` (the app's last applied migration), read once
    per process rather than at every source saved: it changes only when migrations run,
    and then it is forgotten (``forget_schema_versions``, on ``post_migrate``). A process
    running while another one migrates keeps the version of the code it runs."""
    return get_schema_version(app_label)


def forget_schema_versions(**kwargs):
    schema_version.cache_clear()


def _save_source(source, instance, content_json):
    fields = _source_fields(instance, content_json)
    for name, value in fields.items():
        setattr(source, name, value)
    source.save(update_fields=list(fields))


def _content_json(instance):
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def write_segments(source, instance, created=False, translations=None):
    """The source's segments as extracted from ``instance``; stale ones deleted (none are
    stored yet when it was just ``created``). New string segments are filled from memory
    for each of the source's enabled ``translations`` (read when not given)."""
    values = extract_segments(instance)
    contexts = _contexts(source.object_id, instance, dict.fromkeys(v.path for v in values))
    strings = _strings(source.locale_id, [v for v in values if isinstance(v, StringSegmentValue)])
    templates = _templates([v for v in values if isinstance(v, TemplateSegmentValue)])
    wanted = {model: [] for model in _SEGMENT_KEYS}
    for value in values:
        common = {"source": source, "context_id": contexts[value.path], "order": value.order}
        if isinstance(value, TemplateSegmentValue):
            segment = TemplateSegment(template_id=templates[_template_uuid(value)], **common)
        elif isinstance(value, RelatedObjectSegmentValue):
            segment = RelatedObjectSegment(object_id=value.translation_key, **common)
        elif isinstance(value, OverridableSegmentValue):
            data_json = json.dumps(value.data, cls=DjangoJSONEncoder)
            segment = OverridableSegment(data_json=data_json, **common)
        else:
            segment = StringSegment(
                string_id=strings[String._get_data_hash(value.string.data)],
                attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
                **common,
            )
        wanted[type(segment)].append(segment)
    for model, segments in wanted.items():
        new = segments if created else _unmatched(model, source, segments)
        if model is RelatedObjectSegment and new:
            # A stored segment's object is stored (its foreign key): only new ones may not be.
            _objects_of(new, values)
        model.objects.bulk_create(new)
        if model is StringSegment and new and not created:
            added = StringSegment.objects.filter(pk__in=[segment.pk for segment in new])
            if translations is None:
                translations = Translation.objects.filter(source=source, enabled=True)
            for translation in translations:
                fill_from_memory(translation, segments=added)


def _objects_of(segments, values):
    """The ``TranslatableObject`` of each related object segment, made where missing."""
    content_types = {
        value.translation_key: value.content_type
        for value in values
        if isinstance(value, RelatedObjectSegmentValue)
    }
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=key, content_type=content_types[key])
            for key in {segment.object_id for segment in segments}
        ],
        ignore_conflicts=True,
    )


def _unmatched(model, source, segments):
    """The segments not stored yet; stored ones not among them are deleted."""
    keys = _SEGMENT_KEYS[model]
    stored = {
        tuple(getattr(row, key) for key in keys): row.pk
        for row in model.objects.filter(source=source)
    }
    kept, new = set(), []
    for segment in segments:
        pk = stored.get(tuple(getattr(segment, key) for key in keys))
        if pk is None:
            new.append(segment)
        else:
            kept.add(pk)
    stale = set(stored.values()) - kept
    if stale:
        delete_rows(model.objects.filter(pk__in=stale))  # nothing refers to a segment
    return new


def _contexts(object_id, instance, paths):
    """``{path: context id}``, the missing contexts made with their field paths."""
    path_ids = {TranslationContext._get_path_id(path): path for path in paths}
    contexts = list(
        TranslationContext.objects.filter(object_id=object_id, path_id__in=list(path_ids))
    )
    for context in contexts:
        context.get_field_path(instance)  # contexts made before field paths existed
    stored = {context.path_id for context in contexts}
    new = []
    for path_id in (key for key in path_ids if key not in stored):
        context = TranslationContext(object_id=object_id, path=path_ids[path_id], path_id=path_id)
        context.field_path = _field_path(context, instance)
        new.append(context)
    TranslationContext.objects.bulk_create(new)
    return {context.path: context.pk for context in [*contexts, *new]}


def _field_path(context, instance):
    """The field path of an unsaved context. wagtail-localize's ``get_field_path`` computes
    it and saves the context; this context is inserted with the others in one query, so its
    own ``save`` does nothing for this call (an attribute of this instance only)."""
    context.save = lambda **kwargs: None
    try:
        return context.get_field_path(instance)
    finally:
        del context.save


def _strings(locale_id, values):
    """``{data hash: string id}`` of the values' strings, the missing ones made."""
    texts = {String._get_data_hash(value.string.data): value.string.data for value in values}
    if not texts:
        return {}
    found = dict(
        String.objects.filter(locale_id=locale_id, data_hash__in=list(texts)).values_list(
            "data_hash", "pk"
        )
    )
    new = [
        String(locale_id=locale_id, data_hash=key, data=data)
        for key, data in texts.items()
        if key not in found
    ]
    String.objects.bulk_create(new)
    found.update((string.data_hash, string.pk) for string in new)
    return found


def _template_uuid(value):
    namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
    return uuid.uuid5(namespace, value.template)


def _templates(values):
    """``{uuid: template id}`` of the values' templates, the missing ones made."""
    wanted = {_template_uuid(value): value for value in values}
    if not wanted:
        return {}
    found = dict(Template.objects.filter(uuid__in=list(wanted)).values_list("uuid", "pk"))
    new = [
        Template(
            uuid=key,
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )
        for key, value in wanted.items()
        if key not in found
    ]
    Template.objects.bulk_create(new)
    found.update((template.uuid, template.pk) for template in new)
    return found


LIBRARY_REFRESH_SEGMENTS = TranslationSource.refresh_segments


@transaction.atomic
def refresh_segments(source):
    """``TranslationSource.refresh_segments``: the segments of the source's stored copy."""
    write_segments(source, source.as_instance())


@transaction.atomic
def update_from_db(source):
    """``TranslationSource.update_from_db``: ``update_source`` in a transaction."""
    return update_source(source)


def update_source(source, translations=None):
    """The source stored from its instance (every sync, in the sync's transaction),
    and the segments extracted from that instance, not from a copy rebuilt from the JSON just
    stored (30 ms of an article's sync, for the same data). Returns that instance, which
    a sync builds its translations from (news.translation.targets).

    The instance's child relations (an article's authors, topics, related articles,
    comments) are read once, into memory: its JSON, its segments and its translations'
    synchronised fields read them each once more otherwise. ``translations``: the source's
    enabled translations, when the caller holds them (``write_segments``)."""
    instance = source_instance(source)
    source.locale = instance.locale  # read with it: the source's, by the query
    if isinstance(instance, ClusterableModel):
        load_relations([instance])
    _save_source(source, instance, _content_json(instance))
    write_segments(source, instance, translations=translations)
    return instance


def source_instance(source):
    """``source.get_source_instance()``, with its locale and the objects its translatable
    foreign keys name (an article's hero image) read in the same query: extracting its
    segments reads each of them otherwise."""
    model = source.specific_content_type.model_class()
    related = [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field.get_field(model), models.ForeignKey)
    ]
    return model._base_manager.select_related("locale", *related).get(
        translation_key=source.object_id, locale_id=source.locale_id
    )


def take_over():
    TranslationSource.get_or_create_from_instance = staticmethod(get_or_create_source)
    TranslationSource.update_or_create_from_instance = staticmethod(update_or_create_source)
    TranslationSource.refresh_segments = refresh_segments
    TranslationSource.update_from_db = update_from_db
    post_migrate.connect(forget_schema_versions, dispatch_uid="forget_schema_versions")
