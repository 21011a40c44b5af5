"""The translators' workflow on wagtail-localize (README, "Translation workflow").

- `roles`: the Editors, Translators and Moderators groups and their permissions;
- `workflow`: sync, publish and the guard against publishing untranslated segments;
- `po`: PO file export and import; `memory`: translation memory;
- `status` and `reports`: where every translation stands, and the Translations report;
- `views`, `panels`, `wagtail_hooks`: the admin screens and hooks; `signals`: receivers.
"""
