"""
PostgreSQL full-text search with each language's own stemming.

Wagtail's database backend takes one text-search configuration for the whole index
(``SEARCH_CONFIG``), so English pages were indexed and searched with Swedish stemming:
"companies" did not find "company". Here each object is indexed with the configuration
of its locale's language (``SEARCH_CONFIGS``, for example ``{"sv": "swedish", "en":
"english"}``; objects without a locale, and languages not named, use ``SEARCH_CONFIG``),
and a query matches a text stemmed in any of them, whatever the language of the code
that searches (the site's search narrows the results to the visitor's language itself;
the admin's is Swedish). Autocomplete keeps Wagtail's unstemmed "simple"
configuration.

SQLite's FTS5 does not stem at all; settings choose this backend on PostgreSQL only.
After switching an existing database to it, run ``manage.py update_index`` once.
"""

import copy
import functools
import operator
from collections import defaultdict

from modelsearch.backends.database.postgres import postgres

from wagtail.models import Locale


class LanguageIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for_object(obj)].append(obj)
        for config, group in by_config.items():
            # Wagtail's indexer reads the configuration from the backend: give it a copy
            # that names this group's, rather than change the shared one.
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            super(LanguageIndex, index).add_items(model, group)


class LanguageQueryCompiler(postgres.PostgresSearchQueryCompiler):
    configs = ()

    def get_config(self, backend):
        self.configs = backend.all_configs()
        return backend.config

    def build_tsquery(self, query, config=None):
        """The query stemmed by each language's configuration, any of them matching."""
        build = super().build_tsquery
        return functools.reduce(
            operator.or_, [build(query, config=each) for each in self.configs or [config]]
        )


class LanguageSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})
        self.locale_languages = {}

    def all_configs(self):
        return sorted({self.config, *self.configs.values()})

    def config_for_language(self, code):
        return self.configs.get((code or "").split("-")[0], self.config)

    def config_for_object(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if locale_id not in self.locale_languages:
            self.locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self.locale_languages.get(locale_id))


SearchBackend = LanguageSearchBackend
