"""Draft preview in an external front-end (docs/headless.md, "Draft preview").

The contract of wagtail-headless-preview (the front-end's preview route receives
``?content_type=news.articlepage&token=...`` and fetches the content with that token),
built here: its 0.9 release supports Wagtail 7 only, its tokens never expire (it checks
the signature without a maximum age) and name a page but not a revision (it stores a copy
of the editor's form in a table of its own), and it has no endpoint for Wagtail 8's
django-ninja API.
"""
