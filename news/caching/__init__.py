"""Caching of the public site (README, "Caching"): HTTP headers for the edge cache
(`headers`), versions of cached listings (`versions`), and purging on change (`purge`); and
values a process keeps for itself, which depend on nothing but their key (`process`)."""
