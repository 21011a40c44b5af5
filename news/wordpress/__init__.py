"""Import a WordPress (WXR) export with WPML's languages and translation groups.

``reader`` streams the export, ``wpml`` finds languages and groups, ``html`` and ``links``
turn post bodies into StreamField blocks, ``media`` imports uploads, ``importer`` writes
pages, ``localize`` links translation groups through wagtail-localize, ``report`` tells
what happened. ``terms`` and ``authors`` collect categories, tags and authors until topics
and bylines exist. The command is ``manage.py import_wordpress``.
"""
