"""
modelsearch's internals the site's search backend (search/backends.py) relies on, each
with its start-up check. modelsearch's public API is ``.search()`` and the backend
setting; a backend of one's own subclasses its classes, and these are the parts of them
it reaches below that:

- ``Results``: its search results read by the site's own ranking, through the private
  ``_do_search`` / ``_do_count`` / ``_score_field`` its base class calls and keeps, with
  its own results class (``library_results_class``) for what the ranking leaves to it;
- ``LanguageIndex``: each object indexed with its language's configuration, by giving
  modelsearch's indexer a copy of the backend naming it;
- ``LanguageQueryCompiler``: a query stemmed by every language's configuration;
- the compiler's attributes and the index entry's fields the ranking reads.
"""

import copy
from collections import defaultdict

from modelsearch.backends.base import BaseSearchQueryCompiler, BaseSearchResults
from modelsearch.backends.database.postgres import postgres
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText

from django.db import connections

from .checks import qualified, reach


def index_entry_model():
    """modelsearch's model of an index entry (one per indexed object)."""
    return get_app_config().get_model("IndexEntry")


class Results(BaseSearchResults):
    """
    Search results a subclass reads itself: ``read()`` the objects from ``start`` to
    ``stop``, ``count_in_slice()`` them; where it cannot, ``library_read()`` and
    ``library_total()`` ask modelsearch's own results class, as the backend had it
    (``backend.library_results_class``).
    """

    def _do_search(self):
        return self.read()

    def _do_count(self):
        return self.count_in_slice()

    @property
    def scored(self):
        """Whether the caller asked for each result's score (``annotate_score``)."""
        return self._score_field is not None

    def library(self):
        results = self.backend.library_results_class(
            self.backend, self.query_compiler, prefetch_related=self.prefetch_related
        )
        results.start, results.stop, results._score_field = self.start, self.stop, self._score_field
        return results

    def library_read(self):
        return list(self.library()._do_search())

    def library_total(self):
        """How many results modelsearch finds in all, whatever the slice."""
        results = self.library()
        results.start, results.stop = 0, None
        return results._do_count()


class LanguageIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            by_config[self.backend.config_for_object(obj)].append(obj)
        for config, group in by_config.items():
            # modelsearch's indexer reads the configuration from the backend: give it a
            # copy that names this group's, rather than change the shared one.
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
        queries = [build(query, config=each) for each in self.configs or [config]]
        combined = queries[0]
        for each in queries[1:]:
            combined = combined | each
        return combined


@reach("modelsearch", "search/backends.py (the site's search backend)", id="compat.E201")
def search_backend():
    wanted = [
        (BaseSearchResults, ["_do_search", "_do_count", "facet", "_clone", "_set_limits"]),
        (BaseSearchQueryCompiler, ["check"]),
        (postgres.PostgresSearchBackend, ["results_class", "autocomplete_query_compiler_class"]),
        (postgres.PostgresSearchQueryCompiler, ["build_tsquery", "get_config"]),
        (postgres.PostgresIndex, ["add_items"]),
        (PlainText, ["query_string", "operator"]),
        (Phrase, ["query_string"]),
    ]
    gone = [
        f"{qualified(owner)}.{name}"
        for owner, names in wanted
        for name in names
        if not has_attribute(owner, name)
    ]
    results = BaseSearchResults(None, None)
    gone += [
        f"BaseSearchResults().{name}"
        for name in ("query_compiler", "prefetch_related", "start", "stop", "_score_field")
        if not hasattr(results, name)
    ]
    compiler_init = BaseSearchQueryCompiler.__init__.__code__.co_names
    gone += [
        f"BaseSearchQueryCompiler().{name}"
        for name in ("queryset", "query", "fields", "order_by_relevance")
        if name not in compiler_init
    ]
    fields = {field.name for field in index_entry_model()._meta.get_fields()}
    wanted_fields = {"title", "body", "autocomplete", "title_norm", "content_type", "object_id"}
    if connections["default"].vendor == "postgresql":
        wanted_fields |= {"title_text", "body_text"}
    gone += [f"IndexEntry.{name}" for name in sorted(wanted_fields - fields)]
    return gone


def has_attribute(owner, name):
    if hasattr(owner, name):
        return True
    # Instance attributes set in __init__ (query_string, operator).
    init = getattr(owner, "__init__", None)
    return name in getattr(getattr(init, "__code__", None), "co_names", ())
