"""Receiver URLs: http(s) only, never this site itself (checked when an endpoint is saved)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def _addresses(host, port):
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return set()
    return {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}


def site_endpoints():
    """(host name, port) pairs this site answers on, as far as the settings know them."""
    pairs = set()
    for site in Site.objects.all():
        pairs.add((site.hostname.lower(), site.port))
    admin = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if admin.hostname:
        pairs.add((admin.hostname.lower(), admin.port or DEFAULT_PORTS.get(admin.scheme, 80)))
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".").lower()
        if host and host != "*":
            pairs.update((host, port) for port in DEFAULT_PORTS.values())
    return pairs


def validate_receiver_url(url):
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise ValidationError(_("Only http:// and https:// URLs are accepted."))
    host = (parts.hostname or "").lower()
    if not host:
        raise ValidationError(_("The URL has no host name."))
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise ValidationError(_("The URL's port is not valid.")) from error
    addresses = _addresses(host, port)
    if not addresses:
        raise ValidationError(_("The host name %(host)s does not resolve.") % {"host": host})
    if not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES and any(
        address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
        for address in addresses
    ):
        raise ValidationError(_("The URL resolves to a private or local address."))
    for site_host, site_port in site_endpoints():
        if site_port != port:
            continue
        if site_host == host or addresses & _addresses(site_host, site_port):
            raise ValidationError(_("The URL points to this site itself."))
