"""
The serving stack under load, as ratios to references measured in the same run: the
demo under gunicorn (as `make run` serves it), Varnish hits in front of it, and the same
bytes as a static file from nginx, all on loopback with wrk. Prints a table and writes
artifacts/bench_stack.json; fails on nothing, since the figures depend on the machine.

    make bench    # runs bench_pages.py, then this when varnishd and wrk are installed
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import demo_site, free_port, gunicorn, manage, running  # noqa: E402

PATHS = ["/", "/aktuellt/", "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/"]
SECONDS = 8
CONNECTIONS = 8


def wrk(url):
    """Requests per second and latency percentiles (ms) from wrk."""
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", url], capture_output=True)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = {}
    for label, value, unit in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", out):
        factor = {"us": 0.001, "ms": 1, "s": 1000}[unit]
        percentiles[f"p{label}_ms"] = round(float(value) * factor, 3)
    return {"rps": rate, **percentiles}


def nginx_serving(directory, port, workdir):
    config = workdir / "nginx.conf"
    config.write_text(
        f"""
daemon off; worker_processes 2; pid {workdir}/nginx.pid; error_log {workdir}/nginx.err;
events {{ worker_connections 1024; }}
http {{ access_log off; server {{ listen 127.0.0.1:{port}; root {directory}; }} }}
"""
    )
    return [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(config), "-p", str(workdir)]


def main():
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not shutil.which("wrk") or not Path(varnishd).exists():
        print("bench_stack: needs wrk and varnishd (apt-get install wrk varnish); skipped")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-stack-"))
    front, app, plain = free_port(), free_port(), free_port()
    rows = []
    with demo_site(workdir, "local", public_port=front) as env:
        manage(env, "collectstatic", "--no-input", "-v0")
        vcl = workdir / "default.vcl"
        vcl.write_text(
            (ROOT / "deploy" / "varnish" / "default.vcl")
            .read_text()
            .replace('.port = "8000"', f'.port = "{app}"')
        )
        varnish = [
            varnishd, "-F", "-j", "none", "-n", str(workdir / "varnish"),
            "-a", f"127.0.0.1:{front}", "-f", str(vcl), "-s", "malloc,128m",
        ]  # fmt: skip
        static = workdir / "static-copy"
        static.mkdir()
        with (
            running(gunicorn(env, app), env, f"http://127.0.0.1:{app}/healthz"),
            running(varnish, env, f"http://127.0.0.1:{front}/healthz"),
        ):
            for path in PATHS:
                body = urllib.request.urlopen(f"http://127.0.0.1:{app}{path}").read()
                copy = static / (re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home")
                copy.write_bytes(body)
                rows.append({"path": path, "bytes": len(body), "copy": copy.name})
            use_nginx = shutil.which("nginx") or Path("/usr/sbin/nginx").exists()
            with (
                running(nginx_serving(static, plain, workdir), env, f"http://127.0.0.1:{plain}/")
                if use_nginx
                else _nothing()
            ):
                for row in rows:
                    row["gunicorn"] = wrk(f"http://127.0.0.1:{app}{row['path']}")
                    row["varnish"] = wrk(f"http://127.0.0.1:{front}{row['path']}")
                    if use_nginx:
                        row["nginx"] = wrk(f"http://127.0.0.1:{plain}/{row['copy']}")

    print(f"\nThe stack on loopback (wrk, {CONNECTIONS} connections, {SECONDS} s each)")
    print(f"{'page':<58} {'gunicorn':>9} {'Varnish':>9} {'nginx':>9}  hit/nginx  hit/uncached")
    for row in rows:
        nginx_rps = row.get("nginx", {}).get("rps")
        print(
            f"{row['path']:<58} {row['gunicorn']['rps']:>9.0f} {row['varnish']['rps']:>9.0f} "
            f"{nginx_rps or 0:>9.0f}  "
            f"{(row['varnish']['rps'] / nginx_rps) if nginx_rps else float('nan'):>9.2f}  "
            f"{row['varnish']['rps'] / row['gunicorn']['rps']:>12.0f}"
        )
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "bench_stack.json").write_text(json.dumps(rows, indent=2))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


if __name__ == "__main__":
    sys.exit(main())
