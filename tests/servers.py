"""
Real servers on loopback for the tests that need them: the site under gunicorn (as
`make run` serves it) or the development server, Varnish, an S3 API. Each is started in
a process of its own and stopped when its fixture ends.
"""

import atexit
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, process, seconds=60):
    """Wait until ``url`` answers at all (any status), or fail if ``process`` died."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{url} did not come up") from None
            time.sleep(0.3)


def site_database(workdir, template=None):
    """
    A database of the served site's own: on the PostgreSQL server the suite runs against
    when DATABASE_URL names one (a copy of ``template``'s database if given), otherwise
    an SQLite file. Returns its URL and a clean-up.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{workdir / 'site.sqlite3'}", lambda: None

    import psycopg

    parts = urlsplit(url)
    name = f"produktionslyftet_site_{os.getpid()}_{workdir.name[-6:].lower()}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    copy = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"{copy}')

    def drop():
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True, **kwargs
    )


# The demo site, built once per test session and copied for each served site that asks
# for it: building it (migrate, then the demo with its translations) takes half a minute.
BUILT = {}


def built_demo():
    """The database URL and media folder of the session's built demo site."""
    if "url" not in BUILT:
        workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-demo-"))
        database_url, drop_database = site_database(workdir)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.local",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(workdir / "media"),
        }
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_demo_content", "--hostname", "127.0.0.1", stdout=subprocess.DEVNULL)
        BUILT.update(url=database_url, media=workdir / "media")
        atexit.register(drop_database)
        atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    return BUILT["url"], BUILT["media"]


def collected_static():
    """
    The static files as collectstatic writes them (hashed, compressed), collected once per
    test session into a folder every served site reads: collecting takes half a minute.
    """
    if "static" not in BUILT:
        static = Path(tempfile.mkdtemp(prefix="produktionslyftet-static-"))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.local",
            "STATIC_ROOT": str(static),
        }
        manage(env, "collectstatic", "--no-input", "-v0")
        BUILT["static"] = static
        atexit.register(shutil.rmtree, static, ignore_errors=True)
    return BUILT["static"]


def copy_database(source_url, workdir):
    """A new database of ``workdir``'s, holding what ``source_url``'s holds."""
    target_url, drop_database = site_database(workdir, template=source_url)
    if target_url.startswith("sqlite"):
        with (
            closing(sqlite3.connect(urlsplit(source_url).path)) as source,
            closing(sqlite3.connect(urlsplit(target_url).path)) as target,
        ):
            source.backup(target)
    return target_url, drop_database


def set_site_port(database_url, port):
    """The demo's default site answers on ``port``: its links and canonical URLs say so."""
    update = "UPDATE wagtailcore_site SET port = %s WHERE is_default_site"
    if database_url.startswith("sqlite"):
        with closing(sqlite3.connect(urlsplit(database_url).path)) as connection, connection:
            connection.execute(update.replace("%s", "?"), [port])
    else:
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute(update, [port])


@contextmanager
def demo_site(workdir, settings, public_port, fresh=False, **environment):
    """
    Environment for a served demo site: its own database and media, with the demo: a copy
    of the session's built demo, or built ``fresh`` where ``environment`` says (media in
    a bucket); the session's collected static files.
    """
    if fresh:
        database_url, drop_database = site_database(workdir)
    else:
        source_url, media = built_demo()
        database_url, drop_database = copy_database(source_url, workdir)
        shutil.copytree(media, workdir / "media")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"produktionslyftet.settings.{settings}",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(collected_static()),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
        **environment,
    }
    try:
        if fresh:
            manage(env, "migrate", "--no-input", "-v0")
            manage(
                env,
                "load_demo_content",
                "--hostname",
                "127.0.0.1",
                "--port",
                str(public_port),
                stdout=subprocess.DEVNULL,
            )
        else:
            set_site_port(database_url, public_port)
        yield env
    finally:
        drop_database()


@contextmanager
def running(command, env, url, cwd=ROOT, log=None):
    """Run ``command`` until the block ends; ``url`` answers once it is up."""
    process = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    try:
        wait_for(url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def gunicorn(env, port, workers=2):
    """The command that serves the site as `make run` does."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "-c",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "/dev/null",
        "produktionslyftet.wsgi",
    ]


# The media bucket on moto's S3 API server, set up as docs/deployment.md says: images
# readable by anyone, documents not.
S3_BUCKET = "produktionslyftet-media"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
S3_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{S3_BUCKET}/images/*",
                f"arn:aws:s3:::{S3_BUCKET}/original_images/*",
            ],
        }
    ],
}


@contextmanager
def s3_bucket():
    """The bucket above on a real S3 API on loopback: its endpoint and a boto3 client."""
    import boto3

    port = free_port()
    command = [
        str(Path(sys.executable).with_name("moto_server")),
        "-H",
        "127.0.0.1",
        "-p",
        str(port),
    ]
    with running(command, {"PATH": "/usr/bin:/bin", **S3_KEYS}, f"http://127.0.0.1:{port}/"):
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1",
            aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
        )  # fmt: skip
        client.create_bucket(Bucket=S3_BUCKET)
        client.put_bucket_policy(Bucket=S3_BUCKET, Policy=json.dumps(S3_POLICY))
        yield {"endpoint": endpoint, "client": client}


VCL = ROOT / "deploy" / "varnish" / "default.vcl"
UNAVAILABLE_PAGE = ROOT / "deploy" / "varnish" / "unavailable.html"


def varnish_vcl(source, backend_port, unavailable_page=UNAVAILABLE_PAGE):
    """deploy/varnish/default.vcl as a machine installs it: its backend's port, its page."""
    return source.replace('.port = "8000"', f'.port = "{backend_port}"').replace(
        "/etc/varnish/unavailable.html", str(unavailable_page)
    )


def varnish(workdir, listen_port, backend_port, memory="64m", name="varnish"):
    """The command that runs deploy/varnish/default.vcl on ``listen_port`` in front of
    ``backend_port``, or None where varnishd is not installed."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        return None
    vcl = workdir / f"{name}.vcl"
    vcl.write_text(varnish_vcl(VCL.read_text(), backend_port))
    return [
        varnishd, "-F", "-j", "none", "-n", str(workdir / name),
        "-a", f"127.0.0.1:{listen_port}", "-f", str(vcl), "-s", f"malloc,{memory}",
    ]  # fmt: skip


def require(program):
    """The path of ``program``, or skip (fail in CI, where .ci/run must install it)."""
    import pytest

    found = shutil.which(program) or next(
        (p for p in (f"/usr/sbin/{program}", f"/usr/bin/{program}") if Path(p).exists()), None
    )
    if found:
        return found
    if in_ci():
        pytest.fail(f"{program} is not installed; .ci/run must install it")
    pytest.skip(f"{program} is not installed")
