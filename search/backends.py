"""
PostgreSQL full-text search with each language's own stemming.

Wagtail's database backend takes one text-search configuration for the whole index
(``SEARCH_CONFIG``), so English pages were indexed and searched with Swedish stemming:
"companies" did not find "company". Here each object is indexed with the configuration
of its locale's language, and a search uses the active language's (``SEARCH_CONFIGS``,
for example ``{"sv": "swedish", "en": "english"}``); objects without a locale, and
languages not named, use ``SEARCH_CONFIG``. Autocomplete keeps Wagtail's unstemmed
"simple" configuration.

SQLite's FTS5 does not stem at all; settings choose this backend on PostgreSQL only.
After switching an existing database to it, run ``manage.py update_index`` once.
"""

import copy
from collections import defaultdict

from modelsearch.backends.database.postgres import postgres

from django.utils import translation

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
    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())


class LanguageSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})
        self.locale_languages = {}

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
