"""Values kept in this process's memory, for what depends on nothing but its key.

The admin's icons, its sidebar menu and StreamField block definitions are made from their
arguments alone (news.icons, news.sidebar, news.stream_forms): the same in every process,
so each process keeps its own, with no version to share. Whatever can change behind a key
(anything read from the database) belongs in the shared cache instead (``versions``).
"""


def kept(store, key, make, limit):
    """``store[key]``, made by ``make()`` the first time it is asked for; a store that holds
    ``limit`` values starts again from nothing."""
    value = store.get(key)
    if value is None:
        value = make()
        if len(store) >= limit:
            store.clear()
        store[key] = value
    return value
