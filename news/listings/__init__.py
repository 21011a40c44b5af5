"""Admin listings whose cost does not grow with the archive (issue 16): the explorer's listing
of a page's children (``explorer``) and the pagination it shares with the Translations report
(``paginator``)."""
