"""The address of the client that sent a request, for login rate limiting (django-axes).

Without a proxy it is REMOTE_ADDR. Behind ``settings.TRUSTED_PROXY_COUNT`` reverse proxies
(nginx, a load balancer) REMOTE_ADDR is the nearest proxy, and each proxy appends the address
it saw to X-Forwarded-For: the client is the entry the outermost trusted proxy appended,
counting from the right. Entries further left were sent by the client and can be forged.
"""

from django.conf import settings


def client_ip(request):
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
