"""make mutate: the test settings, with the test database in a file of the tree's copy.

A mutation run starts pytest once per mutant; with ``--reuse-db`` each of them finds the
demo site already loaded there (tests/conftest.py) instead of loading it for half a minute.
"""

from .test import *  # noqa: F403

DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "mutation-test.sqlite3")}  # noqa: F405
