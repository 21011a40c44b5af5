"""The search index of articles in a shape that finds the newest matches of a query cheaply.

Wagtail's index table (``wagtailsearch_indexentry``) holds an article's text vectors apart
from its language and publication date: finding the newest 500 matches of a common word
means walking the articles by date and, for each, a lookup in the article, page and index
tables (some 60 ms for a word in a fifth of 100,000 articles, growing with the archive).
`ArticleSearchEntry` keeps, for every indexed article, a copy of its index entry's
vectors beside its locale and publication date, so that the walk reads one narrow table
along one index (``article_search_newest``; 3 ms for the same search), and a rare word is
found through a GIN index on ``title || body`` instead (migration ``news.0014``).

The search backend (news.search.backend) writes a row whenever Wagtail indexes an article,
on PostgreSQL only; a page's deletion deletes it. Whether an article is live and public is
never copied: searches read it from the page itself.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ArticleSearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # Indexed first in article_search_newest, not on its own.
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    publication_date = models.DateField()
    # The article's Wagtail index entry: its vectors, in the text search configuration of
    # its language (news.search.backend), and its title's norm (for Wagtail's ranking).
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField(default=1.0)

    class Meta:
        indexes = [
            models.Index(
                fields=["locale", "publication_date", "page"], name="article_search_newest"
            ),
            # Searches in every language at once (the API without a locale).
            models.Index(fields=["publication_date", "page"], name="article_search_newest_all"),
        ]

    def __str__(self):
        return f"search entry of page {self.page_id}"
