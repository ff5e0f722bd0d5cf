"""One JSON object per log line, for a clinic deployment's log collector; and no link key in any log line.

What goes in is what the code logs: event names, ids and error types. No view or task logs answers, pain
scores, notes or file contents; the access log (audit app) is the record of who saw what, not these logs.

Link keys. The booking and invitation links keep their key after the `#`, which never reaches a server
(clinic/links.py), so a request line has nothing to hide. Some requests still carry a signed key in their path:
a booking link from a mail sent before that change (`/afspraak/beheer/<key>/`), and any other signed link.
`redact` replaces every value Django's `signing` makes (payload, time stamp and signature, joined by colons)
with HIDDEN. It runs in both formatters of our own handler (the message and any traceback) and, through
`install_redaction`, as a filter on the loggers that write request lines with handlers of their own:
gunicorn's access and error logs, and Django's request, server and CSRF loggers.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

HIDDEN = "[hidden]"
# What django.core.signing makes: an optional "." (compressed), a base64 payload, a base64 time stamp and a
# base64 signature of at least 20 characters, joined by ":" (or %3A when the address was percent-encoded).
_COLON = r"(?::|%3[aA])"
_SIGNED = re.compile(
    rf"\.?[A-Za-z0-9_-]+{_COLON}[A-Za-z0-9_-]+(?:{_COLON}[A-Za-z0-9_-]+)?{_COLON}[A-Za-z0-9_-]{{20,}}"
)
# The loggers that write request lines through handlers we do not configure.
REQUEST_LOGGERS = (
    "gunicorn.access",
    "gunicorn.error",
    "django.request",
    "django.server",
    "django.security.csrf",
)


def redact(text: str) -> str:
    """`text` with every signed key replaced by HIDDEN."""
    return _SIGNED.sub(HIDDEN, text)


class RedactSecrets(logging.Filter):
    """Rewrites a record whose message holds a signed key; the record is always let through."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a broken format is the logging module's to report
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_redaction() -> None:
    """Put RedactSecrets on REQUEST_LOGGERS (once). Runs when Django starts, in every web process: gunicorn
    loads the application in each worker, after its own loggers are set up, and never removes filters."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactSecrets) for existing in logger.filters):
            logger.addFilter(RedactSecrets())


class RedactingFormatter(logging.Formatter):
    """The plain text formatter, with signed keys hidden (also in tracebacks)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
