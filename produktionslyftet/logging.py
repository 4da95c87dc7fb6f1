"""
The application's log: one line of JSON per event on stderr, for the process manager or
a log collector to read (LOGGING in settings/base.py).

Each line holds ``time`` (UTC), ``level``, ``logger`` and ``message``; for an event about a
request (django.request, django.security) its ``method``, ``path`` and ``status``; for an
exception its ``exception`` and the whole ``traceback``, escaped inside the one line. The
query string is left out: it can carry what is not the log's to keep.
"""

import datetime
import json
import logging
import sys

# Characters that some readers take for the end of a line, which json.dumps leaves as
# they are once it may write more than ASCII.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON."""

    def format(self, record):
        event = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None:
            event["method"] = getattr(request, "method", None)
            event["path"] = getattr(request, "path", None)
        if hasattr(record, "status_code"):
            event["status"] = record.status_code
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            event["exception"] = f"{type(error).__name__}: {error}"
            event["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            event["traceback"] = record.exc_text
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        return json.dumps(event, ensure_ascii=False, default=str).translate(LINE_BREAKS)


class StderrHandler(logging.StreamHandler):
    """
    Writes to ``sys.stderr`` as it is when the event is logged, not as it was when logging
    was set up: a test runner that captures output, or closes what it captured, gets it.
    """

    def __init__(self, level=logging.NOTSET):
        logging.Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr
