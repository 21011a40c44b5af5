"""Import a WordPress (WXR) export with WPML's languages and translation groups.

``reader`` streams the export, ``wpml`` finds languages and groups, ``html`` and ``links``
turn post bodies into StreamField blocks, ``media`` imports uploads, ``importer`` writes
pages, ``localize`` links translation groups through wagtail-localize, ``report`` tells
what happened. ``terms`` and ``topics`` make categories and tags topics, ``bylines`` makes
authors bylines. The command is ``manage.py import_wordpress``.
"""
