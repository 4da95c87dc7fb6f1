"""
Errands: what a request asks for but need not wait for — mail, and the caches in front
letting go of pages — run by a worker from a queue in the database.

A request (or a publish) only writes the errand down, in its own transaction: an errand
is kept exactly when the change that asked for it is. ``deploy/bin/worker``
(``produktionslyftet-worker.service``) runs them, and one that fails to reach its server
is tried again later, a few times, before it is given up and logged as an error (mailed
to ``ADMINS``, and to Sentry). So a slow mail server or a Varnish that is restarting
costs the visitor and the editor nothing, and a purge is not lost to a moment's outage.

Where no worker runs (``make run``, the tests) ``ERRANDS_IN_BACKGROUND`` is off and each
errand runs at once where it is asked for, as before; nothing is tried again then.

Built on django-tasks, which Wagtail uses for its own background work: its backend
``"errands"`` (settings ``TASKS``) is the database's (django-tasks-db) or the immediate
one. Wagtail's own tasks keep the default backend.
"""

import logging
from datetime import timedelta
from functools import wraps

from django_tasks import task, task_backends

from django.utils import timezone

logger = logging.getLogger(__name__)

BACKEND = "errands"

# After the first attempt: a minute, five, half an hour, two hours, six. About nine hours
# in all, past a night's maintenance of a mail server or a cache.
RETRY_DELAYS = (60, 300, 1800, 7200, 21600)


class Undelivered(Exception):
    """An errand's server did not take it (refused, gone, timed out): worth another try."""


def errand(function):
    """
    ``function`` as a task of the errands' backend, tried again after each delay of
    ``RETRY_DELAYS`` while it raises ``Undelivered``. Its arguments are stored as JSON:
    pass primary keys and strings, never model instances.
    """

    @wraps(function)
    def attempt(*args, attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Undelivered as error:
            backend = task_backends[BACKEND]
            if attempt > len(RETRY_DELAYS) or not backend.supports_defer:
                logger.error("Errand %s gave up after %s attempts: %s", queued.name, attempt, error)
                return None
            delay = RETRY_DELAYS[attempt - 1]
            logger.warning(
                "Errand %s failed (attempt %s), tries again in %s s: %s",
                queued.name,
                attempt,
                delay,
                error,
            )
            queued.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
                *args, attempt=attempt + 1, **kwargs
            )
            return None

    queued = task(backend=BACKEND)(attempt)
    return queued


def later(errand, *args, **kwargs):
    """Write ``errand`` down for the worker (or, with no worker, run it now)."""
    return errand.enqueue(*args, **kwargs)
