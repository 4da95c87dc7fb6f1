"""
A start-up check that the database holds the index tables and columns the site's search
(search/backends.py) queries. What it uses of modelsearch's code is checked with the
other reaches into libraries' internals (compat/modelsearch.py).
"""

from importlib.metadata import version

from django.core.checks import Tags, Warning, register
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from . import backends


def modelsearch_version():
    return version("modelsearch")


def migrated(connection):
    """Whether this app's migrations have run (migrate runs this check before them)."""
    loader = MigrationLoader(connection)
    ours = {key for key in loader.disk_migrations if key[0] == "site_search"}
    return ours <= set(loader.applied_migrations)


@register(Tags.database)
def the_database_has_the_search_tables(app_configs, databases=None, **kwargs):
    """
    A warning, not an error: ``migrate`` runs this check too, and must not be kept from
    running the migration that mends what it finds (a search fails loudly anyway).
    """
    warnings = []
    for alias in databases or []:
        if not migrated(connections[alias]):
            continue
        for name in backends.missing_tables(connections[alias]):
            warnings.append(
                Warning(
                    f"The search (search/backends.py) reads {name}, which the database "
                    f"{alias!r} does not have (modelsearch {modelsearch_version()}).",
                    hint="Run manage.py migrate; if it ran, modelsearch's index tables "
                    "have changed: adapt search/backends.py and search/migrations.",
                    id="site_search.W002",
                )
            )
    return warnings
