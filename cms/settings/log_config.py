"""Logging settings, imported by base: JSON lines on stdout (cms/logging.py)."""

import os

# Logs: JSON lines on stdout with the request id and path (cms/logging.py).
# Warnings and errors by default (Django logs every 4xx/5xx response, django-axes every
# lockout); this project's own loggers at INFO.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request": {"()": "cms.logging.RequestContextFilter"},
        "disallowed_host": {"()": "cms.logging.DisallowedHostFilter"},
    },
    "formatters": {"json": {"()": "cms.logging.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # A line per request is the web server's job (gunicorn's access log).
        "django.server": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        "cms": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Once, as a WARNING, shortened (cms/logging.py).
        "django.security.DisallowedHost": {
            "handlers": ["stdout"],
            "level": "WARNING",
            "filters": ["disallowed_host"],
            "propagate": False,
        },
    },
}
