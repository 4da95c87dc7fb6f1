"""
gunicorn, the application server (``make run``, and production): why it, see
docs/deployment.md. Every value can be set from the environment.

Reload without a pause: deploy/bin/reload (systemd's ExecReload) starts as many new
workers as there are, waits until each has loaded the application, then lets the old
ones finish their requests and go. (``kill -HUP`` stops the old workers at once, and for
the seconds the new ones take to load Django nobody is served.)
"""

import multiprocessing
import os
from pathlib import Path

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
# The master's pid, for deploy/bin/reload; systemd's RuntimeDirectory holds it.
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
# gunicorn's control socket (gunicornc), when asked for: its default is one path per
# user, which two gunicorns on one machine would share.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket


# Each worker says when it has loaded the application and is serving, for
# deploy/bin/reload: a file named after its pid beside the pid file.
def ready_folder():
    return Path(pidfile).parent / "ready-workers" if pidfile else None


# A new worker loads Django at a lower priority, so that the workers serving meanwhile
# (a reload starts one beside them) keep the machine's cores; once loaded it serves at
# the usual priority. Going back needs LimitNICE=+0 (the systemd unit sets it) unless
# gunicorn runs as root. Only where deploy/bin/reload is used (a pid file is kept).
LOADING_NICENESS = 10


def post_fork(server, worker):
    if pidfile:
        os.nice(LOADING_NICENESS)


def post_worker_init(worker):
    if pidfile:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, 0)
        except PermissionError:
            worker.log.warning("This worker serves at niceness %d: set LimitNICE=+0", os.nice(0))
    if folder := ready_folder():
        folder.mkdir(exist_ok=True)
        (folder / str(worker.pid)).touch()


def worker_exit(server, worker):
    if folder := ready_folder():
        (folder / str(worker.pid)).unlink(missing_ok=True)


def on_starting(server):
    if (folder := ready_folder()) and folder.exists():
        for stale in folder.iterdir():
            stale.unlink()
