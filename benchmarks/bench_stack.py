"""
The serving stack under load, as ratios to references measured in the same run, all on
loopback with wrk. For each page: gunicorn (as `make run` serves it) building the page
afresh (page cache off) and answering from the page cache; the reference, a trivial
Django view returning the same bytes through the same server and middleware
(benchmarks/urls.py); Varnish hits in front; and the same bytes as a static file from
nginx. Prints a table and files it in artifacts/bench.json; fails on nothing, since the
figures depend on the machine.

    make bench    # runs bench_pages.py, then this when varnishd and wrk are installed
"""

import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import articles_asked, record, scaled_site  # noqa: E402
from tests.servers import free_port, gunicorn, manage, running, varnish  # noqa: E402

PATHS = ["/", "/aktuellt/", "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/"]
SECONDS = 8
ROUNDS = 3
CONNECTIONS = 8


def wrk(url, seconds=SECONDS):
    """Requests per second and latency percentiles (ms) from wrk."""
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d1s", url], capture_output=True)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = {}
    for label, value, unit in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", out):
        factor = {"us": 0.001, "ms": 1, "s": 1000}[unit]
        percentiles[f"p{label}_ms"] = round(float(value) * factor, 3)
    return {"rps": rate, **percentiles}


def alternating(first, second, rounds=ROUNDS):
    """
    wrk on two URLs in turn, ``rounds`` times each, and the median run of each: a ratio
    of two figures taken minutes apart on a shared machine says more about the machine.
    """
    runs = [(wrk(first, SECONDS // 2), wrk(second, SECONDS // 2)) for _ in range(rounds)]
    return tuple(
        sorted((run[i] for run in runs), key=lambda figures: figures["rps"])[rounds // 2]
        for i in (0, 1)
    )


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
    front, app, uncached, plain = free_port(), free_port(), free_port(), free_port()
    static = workdir / "static-copy"
    static.mkdir()
    rows = []
    env = {
        **scaled_site(articles_asked(), "127.0.0.1", front),
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
    }
    manage(env, "collectstatic", "--no-input", "-v0")
    env = {**env, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "BENCH_COPIES": str(static)}
    varnish_front = varnish(workdir, front, app, memory="128m")
    use_nginx = shutil.which("nginx") or Path("/usr/sbin/nginx").exists()
    with (
        running(gunicorn(env, app), env, f"http://127.0.0.1:{app}/healthz"),
        running(
            gunicorn(env, uncached),
            {**env, "PAGE_CACHE_SECONDS": "0"},
            f"http://127.0.0.1:{uncached}/healthz",
        ),
        running(varnish_front, env, f"http://127.0.0.1:{front}/healthz"),
        running(nginx_serving(static, plain, workdir), env, f"http://127.0.0.1:{plain}/")
        if use_nginx
        else _nothing(),
    ):
        for path in PATHS:
            body = urllib.request.urlopen(f"http://127.0.0.1:{app}{path}").read()
            copy = static / (re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home")
            copy.write_bytes(body)
            row = {"path": path, "bytes": len(body), "copy": copy.name}
            row["uncached"] = wrk(f"http://127.0.0.1:{uncached}{path}")
            row["page_cache"], row["same_bytes_view"] = alternating(
                f"http://127.0.0.1:{app}{path}",
                f"http://127.0.0.1:{app}/bench/same-bytes/{copy.name}",
            )
            row["varnish"] = wrk(f"http://127.0.0.1:{front}{path}")
            if use_nginx:
                row["nginx"] = wrk(f"http://127.0.0.1:{plain}/{copy.name}")
            rows.append(row)

    print(
        f"\nThe stack on loopback (wrk, {CONNECTIONS} connections, {SECONDS} s each; cached and"
        f" view: median of {ROUNDS} alternating runs), req/s"
    )
    print(
        f"{'page':<58} {'uncached':>9} {'cached':>9} {'view':>9} {'Varnish':>9} {'nginx':>9}"
        f"  {'cached/view':>11} {'uncached/view':>13} {'p99/p50':>7}"
    )
    for row in rows:
        view = row["same_bytes_view"]["rps"]
        hit = row["page_cache"]
        row["ratios"] = {
            "cached_to_view": round(hit["rps"] / view, 3),
            "uncached_to_view": round(row["uncached"]["rps"] / view, 4),
            "cached_p99_to_p50": round(hit["p99_ms"] / hit["p50_ms"], 2),
        }
        print(
            f"{row['path']:<58} {row['uncached']['rps']:>9.0f} {hit['rps']:>9.0f} {view:>9.0f} "
            f"{row['varnish']['rps']:>9.0f} {row.get('nginx', {}).get('rps', 0):>9.0f}"
            f"  {row['ratios']['cached_to_view']:>11.2f} {row['ratios']['uncached_to_view']:>13.1%}"
            f" {row['ratios']['cached_p99_to_p50']:>7.2f}"
        )
    record("stack", {"connections": CONNECTIONS, "seconds": SECONDS, "rows": rows})
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


if __name__ == "__main__":
    sys.exit(main())
