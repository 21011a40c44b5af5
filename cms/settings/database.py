"""The database: ``DATABASE_URL`` (parsed by dj-database-url), else SQLite in the project
folder, the zero-setup default; production and CI use ``DATABASE_URL``. With each engine's
connection options."""

import os

import dj_database_url


def default_database(base_dir):
    database = dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{base_dir / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    options = database.setdefault("OPTIONS", {})
    if engine == "sqlite3":
        # The development database is used by several processes at once (runserver's threads,
        # the scheduler, live preview's autosaves): write-ahead logging lets readers and a
        # writer work together, transactions take the write lock when they start (no deadlock
        # between two readers upgrading), and a busy database is waited for instead of
        # "database is locked".
        options.update(
            {
                "init_command": "PRAGMA journal_mode=WAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            }
        )
    elif engine == "postgresql" and "jit" not in options.get("options", ""):
        # PostgreSQL compiles a query to machine code when its plan looks dear
        # (jit_above_cost). The site's queries are short and many, and none gains from it:
        # the Translations report's count of 100,000 articles spent 0.3-1.3 s compiling for
        # 0.4 s of work. Options in DATABASE_URL (``?options=...``) are kept; a jit setting
        # among them wins.
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database
