"""
Mutation testing of the critical modules with cosmic-ray (``make mutate``).

Each module is mutated only against its own tests: a mutant is one small change to the
code (a comparison turned round, ``and`` for ``or``, a ``not`` added, a loop that never
runs, ...), and the tests should fail on it. A mutant they pass is a behaviour no test
pins. The code is mutated in copies of the tree under ``.mutation_cache/`` (never the
checkout), one per worker, each with its test database in a file that every run reuses
(``produktionslyftet.settings.mutation``), so a mutant costs one pytest run of its tests,
not the half a minute of loading the demo site.

    python mutation/run.py [--jobs 2] [translations/permissions.py ...]

prints the killed and surviving mutants per module and in total, and each survivor's diff.
With ``--again`` only the mutants the module's last run did not kill run again: after a
test was added for a survivor, that shows the new score without the hour.
"""

import argparse
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".mutation_cache"

# The module (a file, or an app's folder) and the tests that are its own.
MODULES = {
    "translations/permissions.py": [
        "tests/test_translation_permissions.py",
        "tests/test_permissions.py",
    ],
    "translations/status.py": [
        "tests/test_translation_workflow.py",
        "tests/test_unpublished_source.py",
        "tests/test_snippet_drafts.py",
    ],
    "governance": [
        "tests/test_permissions.py",
        "tests/test_moderation.py",
    ],
    "caching": [
        "tests/test_page_cache.py",
        "tests/test_scaling.py",
        "tests/test_serving.py",
        "tests/test_fail_soft.py",
        "tests/test_errands.py",
    ],
    # What the page cache and the admin both remember, split out of caching/ (the
    # generation, the kept parts, the site and locales): the same tests reach it.
    "memory": [
        "tests/test_page_cache.py",
        "tests/test_serving.py",
        "tests/test_query_budget.py",
    ],
}

# Tests left out of a module's runs: those of the site served by gunicorn build a demo of
# their own in every run (minutes per mutant); the tests in the process reach the same code.
DESELECTED = {
    "caching": "over_http or every_worker or editor_reading_the_site",
    "memory": "over_http or every_worker or editor_reading_the_site",
}

# Modules whose code runs while the demo site loads (the editor groups are made then):
# each of their mutants loads it afresh, slower, or the tests would check the unmutated
# code's groups.
FRESH_DATABASE = {"governance"}

# Operators whose mutants say nothing about this code: arithmetic and bit operators it
# does not use, comparisons turned into ones no one would write (== into <, is), and the
# two that insert or swap variables at random.
EXCLUDED_OPERATORS = [
    r"core/ReplaceBinaryOperator_(?!Add_Sub|Sub_Add|Mul_Div|Div_Mul)",
    r"core/ReplaceComparisonOperator_(Eq|NotEq)_(Lt|LtE|Gt|GtE|Is|IsNot)$",
    r"core/ReplaceComparisonOperator_(Lt|LtE|Gt|GtE)_(Eq|NotEq|Is|IsNot)$",
    r"core/ReplaceComparisonOperator_(Is|IsNot)_(Lt|LtE|Gt|GtE|Eq|NotEq)$",
    r"core/ReplaceUnaryOperator_",
    r"core/VariableReplacer",
    r"core/VariableInserter",
]

# What a copy of the tree leaves out: the environment, caches, data and other copies.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".tools",
    ".mutation_cache",
    ".*_cache",
    "__pycache__",
    "*.sqlite3*",
    "node_modules",
    "media",
    "static_collected",
    "artifacts",
    "backups",
    "var",
)

SETTINGS = "produktionslyftet.settings.mutation"


def pytest_command(tests, fresh=False, deselected=None):
    """One run of a module's tests in a copy: stop at the first failure, keep the database."""
    chosen = ["-k", shlex.quote(f"not ({deselected})")] if deselected else []
    return " ".join(
        [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "--no-header",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--create-db" if fresh else "--reuse-db",
            *chosen,
            *tests,
        ]
    )


def environment():
    return {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONDONTWRITEBYTECODE": "1"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def module_files(module):
    path = ROOT / module
    files = [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [
        str(f.relative_to(ROOT))
        for f in files
        if "migrations" not in f.parts and f.name != "__init__.py"
    ]


def config_text(module, tests, timeout, worker_urls, fresh=False, deselected=None):
    quoted = ", ".join(f'"{name}"' for name in module_files(module))
    urls = ", ".join(f'"{url}"' for url in worker_urls)
    excluded = ", ".join(f"'{pattern}'" for pattern in EXCLUDED_OPERATORS)
    return f"""[cosmic-ray]
module-path = [{quoted}]
timeout = {timeout}
excluded-modules = []
test-command = "{pytest_command(tests, fresh, deselected)}"

[cosmic-ray.distributor]
name = "http"

[cosmic-ray.distributor.http]
worker-urls = [{urls}]

[cosmic-ray.filters.operators-filter]
exclude-operators = [{excluded}]
"""


def copies_for(slug, jobs, command):
    """Fresh copies of the tree, one per worker, each with the demo site in its database."""
    copies = []
    for n in range(jobs):
        copy = CACHE / slug / f"tree-{n}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
        (copy / "var").mkdir()
        copies.append(copy)
    # The baseline: the tests pass on the unmutated code, and each copy's database is made.
    started = time.monotonic()
    baselines = [
        subprocess.Popen(
            shlex.split(command),
            cwd=copy,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for copy in copies
    ]
    for copy, run in zip(copies, baselines, strict=True):
        output, _ = run.communicate()
        if run.returncode != 0:
            sys.exit(f"The tests fail on the unmutated code in {copy}:\n{output[-3000:]}")
    return copies, time.monotonic() - started


def cosmic_ray(*args, cwd):
    subprocess.run(
        [Path(sys.executable).parent / args[0], *args[1:]], cwd=cwd, env=environment(), check=True
    )


def score(session):
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    killed, survivors = 0, []
    with use_db(str(session), WorkDB.Mode.open) as db:
        pending = len(list(db.pending_work_items))
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            if result.test_outcome == TestOutcome.SURVIVED:
                survivors.append((item, result))
            else:
                killed += 1
    return killed, survivors, pending


def own_tests(module):
    """The tests of ``module``, or of the module it is part of (caching/pages.py: caching's)."""
    for name, tests in MODULES.items():
        if module == name or module.startswith(f"{name}/"):
            return tests
    return None


def identity(item):
    mutation = item.mutations[0]
    return (str(mutation.module_path), mutation.operator_name, mutation.occurrence)


def killed_before(session):
    """What the last run of a module killed: {mutant: its result}, to keep in the next."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    if not session.exists():
        return {}
    with use_db(str(session), WorkDB.Mode.open) as db:
        return {
            identity(item): result
            for item, result in db.completed_work_items
            if result.worker_outcome != WorkerOutcome.SKIPPED
            and result.test_outcome != TestOutcome.SURVIVED
        }


def keep_killed(session, killed):
    """Record the mutants killed last time as killed again, so that only the rest run."""
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        for item in list(db.pending_work_items):
            if identity(item) in killed:
                db.set_result(item.job_id, killed[identity(item)])


def mutate(module, jobs, minutes, again=False):
    tests = own_tests(module)
    parent = next(name for name in MODULES if module == name or module.startswith(f"{name}/"))
    fresh = parent in FRESH_DATABASE
    deselected = DESELECTED.get(parent)
    slug = module.replace("/", "-").removesuffix(".py")
    started = time.monotonic()
    copies, baseline = copies_for(slug, jobs, pytest_command(tests, fresh, deselected))
    ports = [free_port() for _ in copies]
    workers = [
        subprocess.Popen(
            [Path(sys.executable).parent / "cosmic-ray", "http-worker", "--port", str(port)],
            cwd=copy,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for copy, port in zip(copies, ports, strict=True)
    ]
    try:
        time.sleep(3)  # the workers listen
        work = CACHE / slug
        config = work / "config.toml"
        config.write_text(
            config_text(
                module,
                tests,
                timeout=max(120, round(3 * baseline)),
                worker_urls=[f"http://127.0.0.1:{port}" for port in ports],
                fresh=fresh,
                deselected=deselected,
            )
        )
        session = work / "session.sqlite"
        killed = killed_before(session) if again else {}
        session.unlink(missing_ok=True)
        cosmic_ray("cosmic-ray", "init", str(config), str(session), cwd=copies[0])
        cosmic_ray("cr-filter-operators", str(session), str(config), cwd=copies[0])
        cosmic_ray("cr-filter-pragma", str(session), cwd=copies[0])
        keep_killed(session, killed)
        execute = subprocess.Popen(
            [Path(sys.executable).parent / "cosmic-ray", "exec", str(config), str(session)],
            cwd=copies[0],
            env=environment(),
        )
        try:
            execute.wait(timeout=minutes * 60 if minutes else None)
        except subprocess.TimeoutExpired:
            execute.terminate()
            execute.wait()
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait()
    killed, survivors, pending = score(session)
    return killed, survivors, pending, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"some of {', '.join(MODULES)} (all)")
    parser.add_argument("--jobs", type=int, default=2, help="pytest runs at once (2)")
    parser.add_argument(
        "--minutes", type=float, default=0, help="stop each module after so long; score what ran"
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="run only the mutants that the module's last run did not kill (after new tests)",
    )
    args = parser.parse_args()
    args.modules = [m.rstrip("/") for m in args.modules] or list(MODULES)
    if unknown := [m for m in args.modules if own_tests(m) is None]:
        parser.error(f"not a module of make mutate: {', '.join(unknown)}")
    totals = [0, 0, 0.0]
    lines = []
    for module in args.modules:
        killed, survivors, pending, took = mutate(module, args.jobs, args.minutes, args.again)
        for item, result in survivors:
            mutation = item.mutations[0]
            print(
                f"\n--- survived: {mutation.module_path}:{mutation.start_pos[0]} "
                f"{mutation.operator_name} #{mutation.occurrence}"
            )
            print(result.diff)
        total = killed + len(survivors)
        line = f"{module}: {killed} of {total} mutants killed ({killed / max(total, 1):.0%}), {len(survivors)} survived, {took / 60:.0f} min"
        if pending:
            line += f" (stopped: {pending} not run)"
        print(f"\n{line}\n")
        lines.append(line)
        totals = [totals[0] + killed, totals[1] + total, totals[2] + took]
    print("Mutation scores")
    for line in lines:
        print(f"  {line}")
    killed, total, took = totals
    print(
        f"  total: {killed} of {total} mutants killed ({killed / max(total, 1):.0%}), {took / 60:.0f} min"
    )


if __name__ == "__main__":
    main()
