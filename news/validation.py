"""Model validation without looking up the objects a row points to.

Django's ``full_clean`` checks that each foreign key's object exists, one query a key.
Where the keys were just read from the database or set by Wagtail from objects it holds (a
log entry's page, user and revision; a synced translation's owner, locale, revision and the
source's image), those lookups find what is known to be there. Everything else is still
validated: lengths, choices, the model's own ``clean``, uniqueness of what is not a key.
"""


def foreign_keys(model):
    """Names of ``model``'s many-to-one fields (its foreign keys)."""
    return [field.name for field in model._meta.concrete_fields if field.many_to_one]


def clean_without_lookups(instance, exclude=()):
    """``full_clean`` of all but the foreign keys (and the fields in ``exclude``)."""
    instance.full_clean(exclude=[*foreign_keys(type(instance)), *exclude])
