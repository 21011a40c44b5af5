"""Deleting rows in one statement."""


def delete_rows(queryset):
    """Delete the rows of ``queryset`` in one statement, without deletion signals: for rows
    that nothing refers to and that no receiver needs to see go.

    Django collects a model's deletes row by row (a query to read them, then the delete)
    whenever a deletion signal has a receiver for every model, as Wagtail and this project
    connect."""
    queryset._raw_delete(queryset.db)
