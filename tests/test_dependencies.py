"""
Installs come from the locks in requirements/, which `make lock` writes from
pyproject.toml: production.txt for the [project] dependencies (deploy/bin/deploy), dev.txt
with the dev extra as well (make install, CI). A range changed or a package added or
removed in pyproject.toml without `make lock` fails here, and so does a pin without the
hashes that `pip install --require-hashes` checks.
"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PRODUCTION = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]
LOCKS = {
    "production": (ROOT / "requirements" / "production.txt", PRODUCTION),
    "dev": (ROOT / "requirements" / "dev.txt", PRODUCTION + DEV),
}
# How the lock tool (uv) marks a package that pyproject.toml itself names.
FROM_PYPROJECT = f"{PROJECT['name']} (pyproject.toml)"
HASH = re.compile(r"^sha256:[0-9a-f]{64}$")


def read_lock(path):
    """Each pin of a lock: the requirement, its hashes, and the comment saying why it is there."""
    pins = []
    for entry in re.split(r"\n(?=\S)", path.read_text()):
        if entry.startswith("#"):
            continue
        lines = entry.splitlines()
        spec = " ".join(line.strip().removesuffix("\\") for line in lines if "# " not in line)
        requirement, *hashes = (part.strip() for part in spec.split("--hash="))
        via = " ".join(line for line in lines if line.strip().startswith("#"))
        pins.append((Requirement(requirement), hashes, via))
    return pins


@pytest.mark.parametrize("lock", LOCKS)
def test_every_dependency_in_pyproject_is_pinned_within_its_range(lock):
    path, wanted = LOCKS[lock]
    pinned = {}
    for requirement, _hashes, _via in read_lock(path):
        pinned.setdefault(canonicalize_name(requirement.name), []).append(requirement)
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement} is not in {path.name}: run make lock"
        for pin in pinned[name]:
            (version,) = (spec.version for spec in pin.specifier)
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{path.name} pins {pin}, outside {requirement}: run make lock"
            )


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_names_what_pyproject_names_and_nothing_it_dropped(lock):
    path, wanted = LOCKS[lock]
    direct = {
        canonicalize_name(requirement.name)
        for requirement, _hashes, via in read_lock(path)
        if FROM_PYPROJECT in via
    }
    named = {canonicalize_name(requirement.name) for requirement in wanted}
    assert direct == named, "made from another pyproject.toml: run make lock"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_is_one_version_with_hashes(lock):
    path, _wanted = LOCKS[lock]
    pins = read_lock(path)
    assert pins
    for requirement, hashes, _via in pins:
        assert [spec.operator for spec in requirement.specifier] == ["=="], requirement
        assert hashes, f"{requirement} has no hashes"
        assert all(HASH.match(value) for value in hashes), requirement


def test_ci_tests_the_versions_production_runs():
    production, _ = LOCKS["production"]
    dev, _ = LOCKS["dev"]
    shared = {str(requirement) for requirement, _hashes, _via in read_lock(dev)}
    missing = {str(r) for r, _hashes, _via in read_lock(production)} - shared
    assert missing == set(), "pinned differently for development: run make lock"
