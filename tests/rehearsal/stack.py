"""
The production stack of docs/deployment.md, brought up on this machine's loopback with
the guide's own files and scripts, as a sysadmin would: PostgreSQL and Redis from
Debian, the environment file from deploy/produktionslyftet.env, deploy/bin/create-database
and deploy/bin/deploy, gunicorn and Varnish run with the ExecStart of their systemd units,
nginx with deploy/nginx/produktionslyftet.conf and a throwaway certificate, on ports 80
and 443 for the host name ``localhost``.

What differs from a real machine is said in ``INSTALLED``: the paths the files name,
the site's host name, and a second Varnish beside the first. Nothing else is rewritten.
"""

import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import requests

from tests.servers import ROOT, free_port, varnish_vcl

HOSTNAME = "localhost"
SITE = f"https://{HOSTNAME}"
ADMIN = ("driftansvarig", secrets.token_urlsafe(16))
DEMO_PASSWORD = secrets.token_urlsafe(16)


def program(name):
    found = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if Path(p).exists()), None
    )
    if not found:
        raise RuntimeError(f"{name} is not installed; .ci/run installs it (apt-get)")
    return found


def postgres_bin():
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed; .ci/run installs it (apt-get)")
    return versions[-1]


def read_environment_file(path):
    """KEY=value lines as systemd's EnvironmentFile= reads them (and deploy/bin/common)."""
    values = {}
    for line in Path(path).read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[name] = value
    return values


def fill_template(template, values):
    """The environment template with ``values`` set; each must be a variable it lists."""
    lines, missing = [], set(values)
    for line in template.splitlines():
        match = re.match(r"^#? ?([A-Z][A-Z0-9_]*)=", line)
        if match and match.group(1) in values:
            name = match.group(1)
            line = f"{name}={values[name]}"
            missing.discard(name)
        lines.append(line)
    if missing:
        raise AssertionError(f"deploy/produktionslyftet.env does not list {sorted(missing)}")
    return "\n".join(lines) + "\n"


def exec_start(unit_text, which=-1):
    """The command line of a unit's (last, or ``which``) ExecStart=."""
    lines = [line for line in unit_text.splitlines() if line.startswith("ExecStart=")]
    return [line.removeprefix("ExecStart=") for line in lines if line != "ExecStart="][which]


class Stack:
    """Every process of the rehearsal, started and stopped in order."""

    def __init__(self, work):
        self.work = Path(work)
        self.processes = {}
        self.logs = {}
        self.ports = {
            name: free_port()
            for name in ("postgres", "redis", "gunicorn", "varnish1", "varnish2", "smtp", "sentry")
        }
        self.run = self.work / "run"
        self.run.mkdir(parents=True)
        self.pg_socket = self.work / "pg-socket"
        # A virtualenv made once may be kept between rehearsals (REHEARSAL_VENV); CI makes it anew.
        self.venv = Path(os.environ.get("REHEARSAL_VENV") or self.work / "venv")

    # --- what a real machine has at these paths ---------------------------------------

    @property
    def installed(self):
        """The guide's paths and names, and where the rehearsal keeps each."""
        return {
            "/srv/produktionslyftet/.venv": str(self.venv),
            "/srv/produktionslyftet": str(ROOT),
            "/etc/produktionslyftet/env": str(self.env_file),
            "/run/produktionslyftet": str(self.run),
            "/var/lib/produktionslyftet": str(self.work / "lib"),
            "/var/cache/produktionslyftet": str(self.work / "cache"),
            "/var/backups/produktionslyftet": str(self.work / "backups"),
            "/etc/letsencrypt/live/produktionslyftet.se": str(self.work / "tls"),
        }

    def install(self, text):
        for production, here in self.installed.items():
            text = text.replace(production, here)
        # The host name, as a whole word (not produktionslyftet.settings).
        return re.sub(r"\bproduktionslyftet\.se\b", HOSTNAME, text)

    @property
    def env_file(self):
        return self.work / "etc" / "env"

    # --- processes --------------------------------------------------------------------

    def start(self, name, command, env=None, cwd=None):
        log = open(self.work / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        self.logs[name] = log
        self.processes[name] = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT
        )
        return self.processes[name]

    def stop(self, name, timeout=20):
        process = self.processes.pop(name, None)
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self.logs.pop(name).close()

    def log(self, name):
        return (self.work / f"{name}.log").read_text(errors="replace")

    def wait_for_port(self, name, port, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{name} exited:\n{self.log(name)[-3000:]}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{name} did not listen on {port}:\n{self.log(name)[-3000:]}")

    def script(self, name, *args, env=None, check=True):
        """One of deploy/bin's scripts, with the rehearsal's environment file."""
        environment = {
            **os.environ,
            "PRODUKTIONSLYFTET_ENV": str(self.env_file),
            "PRODUKTIONSLYFTET_VENV": str(self.venv),
            **(env or {}),
        }
        for name_ in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "VIRTUAL_ENV"):
            if name_ not in (env or {}):
                environment.pop(name_, None)
        result = subprocess.run(
            [str(ROOT / "deploy" / "bin" / name), *args],
            env=environment,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"deploy/bin/{name} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shell(self, code):
        """Python run by manage.py shell with the production environment; its last line."""
        result = self.script("manage", "shell", "-c", code)
        return result.stdout.strip().splitlines()[-1]

    # --- the services a sysadmin installs from Debian ---------------------------------

    def start_postgres(self):
        data = self.work / "postgres"
        data.mkdir()
        self.pg_socket.mkdir()
        shutil.chown(data, "postgres")
        shutil.chown(self.pg_socket, "postgres")
        self.work.chmod(0o755)
        bin_ = postgres_bin()
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(bin_ / "initdb"), "-D", str(data),
             "-U", "postgres", "--auth-local=peer", "--auth-host=scram-sha-256",
             "--encoding=UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.start(
            "postgres",
            ["runuser", "-u", "postgres", "--", str(bin_ / "postgres"), "-D", str(data),
             "-p", str(self.ports["postgres"]), "-k", str(self.pg_socket),
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
        )  # fmt: skip
        self.wait_for_port("postgres", self.ports["postgres"])

    def start_redis(self):
        self.start(
            "redis",
            [program("redis-server"), "--port", str(self.ports["redis"]), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
        )  # fmt: skip
        self.wait_for_port("redis", self.ports["redis"])

    def stop_redis(self):
        self.stop("redis")

    def certificate(self):
        tls = self.work / "tls"
        tls.mkdir()
        subprocess.run(
            [program("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem"),
             "-subj", f"/CN={HOSTNAME}", "-addext", f"subjectAltName=DNS:{HOSTNAME}"],
            check=True, capture_output=True,
        )  # fmt: skip
        return tls / "fullchain.pem"

    # --- the guide's files ------------------------------------------------------------

    def write_environment(self, extra):
        values = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOSTNAME,
            "CSRF_TRUSTED_ORIGINS": SITE,
            "WAGTAILADMIN_BASE_URL": SITE,
            "DATABASE_URL": (
                f"postgres://produktionslyftet:{secrets.token_hex(12)}"
                f"@127.0.0.1:{self.ports['postgres']}/produktionslyftet"
            ),
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "FRONTEND_CACHE_PURGE_URL": ",".join(
                f"http://127.0.0.1:{self.ports[name]}" for name in ("varnish1", "varnish2")
            ),
            "GUNICORN_BIND": f"127.0.0.1:{self.ports['gunicorn']}",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.ports["smtp"]),
            **extra,
        }
        template = self.install((ROOT / "deploy" / "produktionslyftet.env").read_text())
        self.env_file.parent.mkdir(parents=True)
        self.env_file.write_text(fill_template(template, values))
        self.env_file.chmod(0o600)
        return read_environment_file(self.env_file)

    def start_unit(self, name, unit_file):
        """A systemd unit of deploy/systemd as systemd runs it: its ExecStart, in its
        WorkingDirectory, with its EnvironmentFile."""
        unit = self.install((ROOT / "deploy" / "systemd" / unit_file).read_text())
        working_directory = re.search(r"^WorkingDirectory=(.*)$", unit, re.M).group(1)
        environment_file = re.search(r"^EnvironmentFile=(.*)$", unit, re.M).group(1)
        env = {"PATH": os.environ["PATH"], **read_environment_file(environment_file)}
        return self.start(name, shlex.split(exec_start(unit)), env=env, cwd=working_directory)

    def start_gunicorn(self):
        self.start_unit("gunicorn", "produktionslyftet.service")
        self.wait_for_port("gunicorn", self.ports["gunicorn"])
        return self.processes["gunicorn"]

    def start_worker(self):
        """The errands' worker, as produktionslyftet-worker.service runs it."""
        return self.start_unit("worker", "produktionslyftet-worker.service")

    def reload_gunicorn(self):
        """systemctl reload: the unit's ExecReload."""
        unit = self.install((ROOT / "deploy" / "systemd" / "produktionslyftet.service").read_text())
        command = re.search(r"^ExecReload=(.*)$", unit, re.M).group(1)
        subprocess.run(
            shlex.split(command),
            env={**os.environ, "PRODUKTIONSLYFTET_ENV": str(self.env_file)},
            check=True,
            capture_output=True,
        )

    def start_varnish(self, name):
        unit = (
            ROOT / "deploy" / "systemd" / "varnish.service.d" / "produktionslyftet.conf"
        ).read_text()
        command = shlex.split(exec_start(unit))
        vcl = self.work / f"{name}.vcl"
        source = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl.write_text(
            varnish_vcl(source, self.ports["gunicorn"], ROOT / "deploy/varnish/unavailable.html")
        )
        installed = {
            "127.0.0.1:6081": f"127.0.0.1:{self.ports[name]}",
            "/etc/varnish/default.vcl": str(vcl),
        }
        command = [installed.get(part, part) for part in command]
        # Each instance its own working directory (systemd gives the one Varnish its own).
        command += ["-n", str(self.work / name)]
        self.start(name, command)
        self.wait_for_port(name, self.ports[name])
        deadline = time.monotonic() + 30
        while "healthy" not in self.backends(name).lower():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} finds no healthy backend:\n{self.backends(name)}")
            time.sleep(0.5)

    def backends(self, name):
        """varnishadm's list of a Varnish's backends and their health."""
        return subprocess.run(
            [program("varnishadm"), "-n", str(self.work / name), "backend.list"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout

    def start_nginx(self):
        site = self.install((ROOT / "deploy" / "nginx" / "produktionslyftet.conf").read_text())
        # A second Varnish beside the first, as the guide says to add one.
        site = site.replace(
            "    server 127.0.0.1:6081;\n",
            "".join(
                f"    server 127.0.0.1:{self.ports[name]};\n" for name in ("varnish1", "varnish2")
            ),
        )
        nginx = self.work / "nginx"
        nginx.mkdir()
        (nginx / "site.conf").write_text(site)
        (nginx / "nginx.conf").write_text(
            # The rehearsal's folders are root's alone; on a machine www-data reads the
            # media as a member of the site's group (docs/deployment.md, step 1).
            "user root;\n"
            f"pid {nginx}/nginx.pid;\n"
            f"error_log {nginx}/error.log;\n"
            "events { worker_connections 1024; }\n"
            # The http block as Debian's /etc/nginx/nginx.conf has it: the types by name.
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"  access_log off;\n  include {nginx}/site.conf;\n}}\n"
        )
        self.start("nginx", [program("nginx"), "-c", str(nginx / "nginx.conf"), "-p", str(nginx),
                             "-g", "daemon off;"])  # fmt: skip
        self.wait_for_port("nginx", 443)

    def wait_until_served(self, session, url=SITE + "/", seconds=90):
        deadline = time.monotonic() + seconds
        while True:
            try:
                response = session.get(url, headers={"Host": HOSTNAME}, timeout=5)
                if response.status_code == 200:
                    return response
            except requests.RequestException as error:
                response = error
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the site does not answer through nginx and Varnish: {response}"
                )
            time.sleep(0.5)

    def stop_all(self):
        for name in list(self.processes)[::-1]:
            self.stop(name)
