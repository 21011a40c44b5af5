"""POST a body signed as the site signs deliveries (to test receivers)."""

import urllib.error
import urllib.request

from news.webhooks.signing import signature_header


def post_signed(url, body, secret, *, timestamp=None, delivery_id="test-delivery"):
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Webhook-Id": delivery_id,
            "Webhook-Signature": signature_header(secret, body, timestamp),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
