"""A fixed raw query run as a prepared statement on PostgreSQL: planned once per connection.

The translation status of one page (news.translation.status) is a query of two dozen
correlated subqueries: PostgreSQL took 8 ms to plan it and 1 to 2 ms to run it, on every
request of the page editor. Prepared on the connection, it is planned for its first five
executions (PostgreSQL's custom plans), then run on the generic plan it keeps. Production
keeps a connection for DATABASE_CONN_MAX_AGE (60 s), so a server process prepares it about
once a minute. Other databases (SQLite) run the query as it is.

A prepared statement belongs to the database session: a pooler that hands one client's
transactions to several sessions (PgBouncer's transaction mode) would need its own support
for them (deploy/README.md).
"""

import hashlib
import re

from django.db import connections

# Django's SQL writes parameters as %s and a literal % as %%.
_PLACEHOLDER = re.compile(r"%([%s])")


def _numbered(sql):
    """``sql`` with PostgreSQL's numbered parameters ($1, $2...) for Django's %s."""
    numbers = iter(range(1, sql.count("%s") + 1))
    return _PLACEHOLDER.sub(lambda match: "%" if match[1] == "%" else f"${next(numbers)}", sql)


def raw(manager, sql, params):
    """``manager.raw(sql, params)``, as a statement prepared once per connection on
    PostgreSQL. ``sql`` must be fixed text (compiled once per process), not built per call."""
    connection = connections[manager.db]
    if connection.vendor != "postgresql":
        return manager.raw(sql, params)
    name = "news_" + hashlib.sha256(sql.encode()).hexdigest()[:24]
    connection.ensure_connection()
    session = connection.connection  # the psycopg connection: a new one prepares again
    prepared = getattr(session, "news_prepared", None)
    if prepared is None:
        prepared = session.news_prepared = set()
    if name not in prepared:
        with connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {_numbered(sql)}")
        prepared.add(name)
    placeholders = ", ".join(["%s"] * len(params))
    return manager.raw(f"EXECUTE {name}({placeholders})", params)
