"""Property-based fuzzing of the OpenAPI schema with schemathesis.

Schemathesis reads /api/v3/openapi.json from the WSGI application and generates requests
for every operation in it, Wagtail's and ours, valid ones and invalid ones, anonymous (the
write operations answer 401). Every check schemathesis has runs (`--checks all`): no 5xx,
every status code, content type, header and body documented, schema-violating requests
refused, unsupported methods answered 405 with `Allow`, tokens not ignored... except the one
left out below, with its reason. The number of examples is bounded so that the whole run
takes a few minutes; FUZZ_EXAMPLES raises it for a longer run.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from ..factories import translate
from .builders import full_body, make_article

MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))

LEFT_OUT = [
    # "Schema-valid request rejected": some rules cannot be written in OpenAPI 3.1, so a
    # request the schema allows may still be refused, with a documented 400 or 422 that
    # names the rule (cms/api_schema.py): `cursor` is an opaque signed token (which strings
    # are valid is the signature's business), `fallback` needs `locale`, `child_of` excludes
    # `descendant_of`, a `search` needs a letter or digit and balanced double quotes.
    positive_data_acceptance,
]


@pytest.fixture
def same_connection():
    """Keep the test's database connection open across WSGI requests.

    Django closes connections at the end of each request; in a test, that connection holds
    the test's transaction (PostgreSQL closes it for good). Django's test client suspends
    this for its own requests; schemathesis calls the WSGI application directly.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_content(api_site, api_image, same_connection):
    """A few pages to find: an article with every block kind and its English edition."""
    article = make_article(
        api_site.news_lt, "Visi blokai", hero_image=api_image, body=full_body(api_image)
    )
    translate(article, api_site.en, title="Every block", slug="every-block")
    return article


# Loaded at collection: the schema needs no database, only the URLconf and the models.
schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application()).exclude(
    # Wagtail's snippets endpoints take the snippet type from an enum of registered
    # snippet models; this site registers none, so no request can be generated for them.
    path_regex="/snippets/"
)
schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_keeps_its_schema(case, fuzz_content):
    case.call_and_validate(excluded_checks=LEFT_OUT)
