"""`make run`'s settings plus the benchmark's reference view (benchmarks/urls.py)."""

from produktionslyftet.settings.local import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
