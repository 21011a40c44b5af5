"""The demo content of the site, loaded by ``manage.py load_demo``.

- ``spec``: the vocabulary the content is written in (texts in both languages, body blocks);
- ``content``: the pages themselves, Lithuanian and English side by side;
- ``illustrations``: the hero images, drawn with Pillow;
- ``build``, ``translation``, ``loader``: the mechanics that turn all that into Wagtail pages
  and wagtail-localize translations, idempotently.
"""
