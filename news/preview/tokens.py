"""Short-lived signed tokens, each for one page at one revision."""

from django.conf import settings
from django.core import signing

SALT = "news.preview.token"


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


def make_token(page_id, revision_id):
    signer = signing.TimestampSigner(salt=SALT)
    return signer.sign_object({"page": page_id, "revision": revision_id}, compress=False)


def read_token(token, max_age=None):
    """(page id, revision id) the token was made for; TokenExpired or TokenInvalid."""
    max_age = settings.HEADLESS_PREVIEW_MAX_AGE if max_age is None else max_age
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise TokenInvalid from error
    if not isinstance(data, dict):
        raise TokenInvalid
    page_id, revision_id = data.get("page"), data.get("revision")
    if not isinstance(page_id, int) or not isinstance(revision_id, int):
        raise TokenInvalid
    return page_id, revision_id
