"""
gunicorn, the application server (``make run``, and production): why it, see
docs/deployment.md. Every value can be set from the environment.

Graceful reload: ``kill -HUP <master pid>`` starts new workers with the new code and
lets the old ones finish their requests.
"""

import multiprocessing
import os

bind = os.environ.get(
    "GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# Processes: WEB_CONCURRENCY, or one per core. Rendering a page is CPU work under the
# GIL: on the 2-core machine of docs/scaling.md, 2 processes of 1 thread served 58
# uncached pages/s, 2 of 2 threads 26, 3 of 1 thread 30. Raise threads where pages wait
# on a remote database rather than compute.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle each worker after this many requests (with jitter, so not all at once): a slow
# leak in any library never grows without bound. Not too often: page-cache hits come at
# thousands a second, and a worker that restarts every second or two (as at 2,000) makes
# the slowest responses a hundred times the typical one while it loads Django again.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "10000"))
# Access and error log to stdout/stderr, for the process manager to collect.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Trust X-Forwarded-* only from these addresses (the proxy in front); loopback by default.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "produktionslyftet"
