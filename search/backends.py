"""
The site's search backend: Wagtail's database search (django-modelsearch) with its own
ranking, folding diacritics and bounded in time, on SQLite and on PostgreSQL. Every
``.search()`` and ``.autocomplete()`` goes through it: the site's search, the admin's
page search and the choosers.

What it reaches for below modelsearch's public API (its results' private methods, its
indexer's and query compiler's workings) is in ``compat/modelsearch.py``, whose start-up
check names modelsearch's version and anything gone; ``search/checks.py`` warns when the
database lacks the index tables and columns queried here.

Why not modelsearch's own ranking: on SQLite it orders by a correlated subquery that runs
the full-text match again for every matching row (15 s for a common word at 10,000
articles). Here a plain-words search reads the index in at most two statements, however
many matches and whichever page:

1. the words match folded ("foretag" finds "företag"): SQLite's FTS5 folds diacritics
   itself (``unicode61``); on PostgreSQL each language's configuration runs ``unaccent``
   before its stemmer (``swedish_unaccent``, ``english_unaccent``, ``simple_unaccent``
   for autocomplete: search/migrations);
2. in the order: the title holds every word, then the words spelt exactly as typed (an
   index of the unfolded words beside the folded one), then relevance (FTS5's ``bm25``,
   PostgreSQL's ``ts_rank``), then the newest;
3. narrowed to what the searched queryset holds (``EXISTS``, by primary key), so the
   caller's filters (language, live, public, the admin's permissions) still apply.

PostgreSQL ranks every match and counts them in one statement. SQLite counts, then has
FTS5 order its most relevant matches inside the index and puts only those in the site's
order (SQLiteRanking says why). Queries of another shape (negation, chosen fields, other
orderings) go to modelsearch's own code, within the same time limit.

On PostgreSQL each object is indexed with the configuration of its locale's language
(``SEARCH_CONFIGS``, e.g. ``{"sv": "swedish_unaccent", "en": "english_unaccent"}``;
objects without a locale, and languages not named, use ``SEARCH_CONFIG``), and a query
matches a text stemmed in any of them (the site's search narrows the results to the
visitor's language itself; the admin's searches all). After changing configurations run
``manage.py update_index`` once.
"""

import re
import time
from contextlib import contextmanager

from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections, transaction
from django.db.models import Count
from django.db.models.expressions import RawSQL

from wagtail.models import Locale

from compat import modelsearch
from compat.modelsearch import LanguageIndex, LanguageQueryCompiler, index_entry_model

# Whatever is asked, a search reads at most this many words (the site's search says so
# before it gets here) and matches a word by its beginning only from this length on: a
# one-letter prefix is most of the index.
MAX_TERMS = 12
MIN_PREFIX = 2
# A search that takes longer than this is stopped (SearchTimeout), so that no query holds
# a worker: SEARCH_TIMEOUT_MS in the settings.
DEFAULT_TIMEOUT_MS = 3000
# How often SQLite asks whether the time is up: every this many virtual machine
# instructions (about a tenth of a millisecond).
PROGRESS_STEPS = 2_000
# How alike a "did you mean" title's words must be to the query on PostgreSQL (pg_trgm's
# word similarity, 0 to 1; its default is 0.6).
MIN_WORD_SIMILARITY = 0.5
# What a word is to both databases' full-text syntax once quoted: letters and digits.
WORD = re.compile(r"\w+")


class SearchTimeout(Exception):
    """A search took longer than SEARCH_TIMEOUT_MS and was stopped."""


def timeout_ms():
    # At least a millisecond: PostgreSQL reads 0 as no limit at all.
    return max(int(getattr(settings, "SEARCH_TIMEOUT_MS", DEFAULT_TIMEOUT_MS)), 1)


@contextmanager
def time_limit(using="default"):
    """
    Stop the database work inside after ``SEARCH_TIMEOUT_MS`` with SearchTimeout: SQLite
    through a progress handler, PostgreSQL through ``statement_timeout`` for the
    transaction. Nested limits keep the outer one.
    """
    connection = connections[using]
    if getattr(connection, "search_time_limited", False):
        yield
        return
    connection.search_time_limited = True
    try:
        if connection.vendor == "sqlite":
            with sqlite_time_limit(connection):
                yield
        elif connection.vendor == "postgresql":
            with postgresql_time_limit(connection):
                yield
        else:
            yield
    finally:
        connection.search_time_limited = False


@contextmanager
def sqlite_time_limit(connection):
    connection.ensure_connection()
    deadline = time.monotonic() + timeout_ms() / 1000
    stopped = []

    def past_deadline():
        if time.monotonic() > deadline:
            stopped.append(True)
            return 1
        return 0

    connection.connection.set_progress_handler(past_deadline, PROGRESS_STEPS)
    try:
        yield
    except DatabaseError as error:
        if stopped:
            raise SearchTimeout from error
        raise
    finally:
        connection.connection.set_progress_handler(None, 0)


@contextmanager
def postgresql_time_limit(connection):
    """
    Also tells the planner to read the full-text indexes rather than the table: it does
    not know that matching a row's tsvector costs more than finding it in a GIN index,
    and reads the whole table for a word that half the entries hold (twice as slow at
    10,000 articles); and sets how alike "did you mean" titles must be. SET LOCAL lasts
    until the end of the transaction: a transaction of the search's own when there is
    none, else the settings are put back afterwards.
    """
    outer = connection.in_atomic_block
    try:
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('statement_timeout'),"
                    " current_setting('enable_seqscan'),"
                    " current_setting('pg_trgm.word_similarity_threshold', true),"
                    " set_config('statement_timeout', %s, true),"
                    " set_config('enable_seqscan', 'off', true),"
                    " set_config('pg_trgm.word_similarity_threshold', %s, true)",
                    [str(timeout_ms()), str(MIN_WORD_SIMILARITY)],
                )
                timeout, seqscan, similarity = cursor.fetchone()[:3]
            yield
            if outer:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, true),"
                        " set_config('enable_seqscan', %s, true),"
                        " set_config('pg_trgm.word_similarity_threshold', %s, true)",
                        [timeout, seqscan, similarity or "0.6"],
                    )
    except DatabaseError as error:
        if getattr(error.__cause__, "sqlstate", None) == "57014":  # query_canceled
            raise SearchTimeout from error
        raise


# --- what a query asks for -------------------------------------------------------------


class Plan:
    """A plain-words query, as the ranked search reads it."""

    def __init__(self, compiler, autocomplete):
        query = compiler.query
        self.phrase = isinstance(query, Phrase)
        self.terms = WORD.findall(query.query_string)[:MAX_TERMS]
        self.operator = "or" if getattr(query, "operator", "and").lower() == "or" else "and"
        self.autocomplete = autocomplete
        self.prefix = (
            autocomplete
            and not self.phrase
            and bool(self.terms)
            and len(self.terms[-1]) >= MIN_PREFIX
        )
        self.queryset = compiler.queryset
        self.content_types = get_descendants_content_types_pks(compiler.queryset.model)

    @classmethod
    def of(cls, compiler, autocomplete):
        """
        The plan, or None for a query the ranked search leaves to modelsearch. A plan
        without terms (nothing but punctuation was asked) matches nothing.
        """
        query = compiler.query
        if (
            not isinstance(query, (PlainText, Phrase))
            or compiler.fields is not None
            or not compiler.order_by_relevance
        ):
            return None
        return cls(compiler, autocomplete)

    def key(self):
        return entry_key(self.queryset)

    def searched(self):
        return held_by(self.queryset)


def entry_key(queryset):
    """SQL for the primary key of an index entry ``e``'s object (the entry has text)."""
    pk = queryset.model._meta.pk
    pk = getattr(pk, "target_field", pk)  # a subclass's pk points at its parent's
    return f"CAST(e.object_id AS {pk.cast_db_type(connections[queryset.db])})"


def held_by(queryset):
    """
    SQL that holds for an index entry ``e`` whose object ``queryset`` holds, and its
    params: the queryset narrowed to the entry's object, correlated, so the database
    looks each match up by primary key (a semi-join on PostgreSQL) instead of listing
    every object of the queryset first.
    """
    found = queryset.order_by().filter(pk=RawSQL(entry_key(queryset), ())).values("pk")
    try:
        sql, params = found.query.sql_with_params()
    except EmptyResultSet:  # a queryset that can hold nothing (pk__in=[])
        return "1 = 0", []
    return f"EXISTS ({sql})", params


# --- the statements --------------------------------------------------------------------


class Ranking:
    """
    The statements of the ranked search; each database's subclass says how its index
    matches (``hits``) and orders (``order``). ``top`` reads a slice of the ranked
    matches, as cheaply as the database allows; ``ranked`` reads it the plain way,
    ordering every match, when ``top`` cannot tell (``complete``).
    """

    def hits(self, plan, narrowed=True):
        """
        FROM and WHERE of the entries that match, and their params; ``narrowed``, only
        those whose object the searched queryset holds.
        """
        raise NotImplementedError

    def order(self, plan):
        """[(ORDER BY term, its params)]: title, exact spelling, relevance, newest."""
        raise NotImplementedError

    def ranked(self, plan, start, stop):
        """(object id,) of the matches from ``start`` to ``stop``, every match ordered."""
        hits, hit_params = self.hits(plan)
        order = self.order(plan)
        terms = ", ".join(sql for sql, _params in order)
        return f"SELECT e.object_id {hits} ORDER BY {terms} LIMIT %s OFFSET %s", [
            *hit_params,
            *(value for _sql, values in order for value in values),
            self.no_limit if stop is None else stop - start,
            start,
        ]

    def top(self, plan, start, stop):
        return self.ranked(plan, start, stop)

    def complete(self, rows, start, stop):
        """Whether ``top``'s rows are the slice asked for."""
        return True

    def page(self, plan, number, size):
        """
        (object id, count of every match, position) of page ``number`` of ``size``, or of
        the last page if there are fewer: a page and the count in one statement. None
        where the database does better with a count and ``top`` (SQLite).
        """
        hits, hit_params = self.hits(plan)
        order = self.order(plan)
        terms = ", ".join(sql for sql, _params in order)
        sql = (
            "SELECT object_id, total, position FROM ("
            "SELECT e.object_id AS object_id, count(*) OVER () AS total,"
            f" row_number() OVER (ORDER BY {terms}) AS position {hits}) ranked"
            " WHERE position > least(%s, (total - 1) / %s * %s) ORDER BY position LIMIT %s"
        )
        return sql, [
            *(value for _sql, values in order for value in values),
            *hit_params,
            (number - 1) * size,
            size,
            size,
            size,
        ]

    def count(self, plan):
        hits, params = self.hits(plan)
        return f"SELECT count(*) {hits}", params

    def matching(self, plan):
        """
        The primary keys of the objects whose entries match, for ``pk__in`` on the
        searched queryset (facets): its own conditions apply, so the entries need not.
        """
        hits, params = self.hits(plan, narrowed=False)
        return f"SELECT {plan.key()} {hits}", params


class SQLiteRanking(Ranking):
    """
    SQLite: modelsearch's FTS5 table (columns autocomplete, body, title; ``unicode61``,
    which folds diacritics) and ``site_search_exact_words``, an FTS5 index of the same
    entries that keeps them (search/migrations).

    Ordering every match costs a bm25() and a page lookup per match (a common word at
    10,000 articles: 10,000 of each, then a sort). Instead ``top`` has each index hand
    over its CANDIDATES most relevant matches, ordered by bm25 inside FTS5: the folded
    index with the title weighed heavily (so titles holding the words come first), and
    the exact one when some matches are spelt otherwise than typed. Only these are
    looked up, filtered by the searched queryset and put in the site's order. When
    they run out before the slice asked for does (a page far down, or a language with
    few of the matches), ``ranked`` orders every match instead.
    """

    no_limit = -1
    COLUMNS = ["autocomplete", "body", "title"]
    # bm25's weight for each of COLUMNS, in the FTS5 table's order: for the site's search
    # (title far above text, so that the most relevant include the title matches) and
    # for autocomplete (the admin's: titles only).
    WEIGHTS = {"autocomplete": (1.0, 0.0, 0.0), "text": (0.0, 1.0, 10.0)}
    CANDIDATES = 200

    def __init__(self):
        self.entries = index_entry_model()._meta.db_table
        self.fts = f"{self.entries}_fts"

    def expression(self, plan, columns):
        """An FTS5 query: the words, each quoted, within ``columns``."""
        quoted = [f'"{term}"' for term in plan.terms]
        if plan.phrase:
            words = '"' + " ".join(plan.terms) + '"'
        else:
            if plan.prefix:
                quoted[-1] += "*"
            words = f" {plan.operator.upper()} ".join(quoted)
        return f"{{{columns}}} : ({words})"

    def columns(self, plan):
        return "autocomplete" if plan.autocomplete else "title body"

    def bm25(self, plan, table):
        weights = self.WEIGHTS["autocomplete" if plan.autocomplete else "text"]
        return f"bm25({table}, {', '.join(map(str, weights))})"

    def filters(self, plan, narrowed=True):
        """What an entry must be to count: of the searched models, in the queryset."""
        types = ", ".join(str(int(pk)) for pk in plan.content_types)
        if not narrowed:
            return f"e.content_type_id IN ({types})", []
        searched, params = plan.searched()
        return f"e.content_type_id IN ({types}) AND {searched}", params

    def hits(self, plan, narrowed=True):
        filters, params = self.filters(plan, narrowed)
        fts = self.fts
        sql = (
            f"FROM {fts} JOIN {self.entries} e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND {filters}"
        )
        return sql, [self.expression(plan, self.columns(plan)), *params]

    def title_first(self, plan, entry):
        """ORDER BY term: the title holds every word (none for autocomplete: all do)."""
        if plan.autocomplete:
            return []
        fts = self.fts
        return [
            (
                f"{entry} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) DESC",
                [self.expression(plan, "title")],
            )
        ]

    def order(self, plan):
        fts, exact, words = self.fts, EXACT_INDEX, self.expression(plan, self.columns(plan))
        return [
            *self.title_first(plan, f"{fts}.rowid"),
            (f"e.id IN (SELECT rowid FROM {exact} WHERE {exact} MATCH %s) DESC", [words]),
            (self.bm25(plan, fts), []),
            ("e.id DESC", []),
        ]

    def top(self, plan, start, stop):
        if stop is None:
            return self.ranked(plan, start, stop)
        fts, exact, words = self.fts, EXACT_INDEX, self.expression(plan, self.columns(plan))
        candidates = self.candidates(stop)
        filters, filter_params = self.filters(plan)
        title = self.title_first(plan, "c.entry")
        sql = (
            # The most relevant matches, ordered inside FTS5.
            f"WITH folded(entry, score) AS MATERIALIZED (SELECT rowid, {self.bm25(plan, fts)}"
            f" FROM {fts} WHERE {fts} MATCH %s ORDER BY 2 LIMIT %s), "
            # And those spelt as typed, if some matches are not (two counts of the index).
            f"spelt(entry, score) AS MATERIALIZED (SELECT rowid, {self.bm25(plan, exact)}"
            f" FROM {exact} WHERE {exact} MATCH %s"
            f" AND (SELECT count(*) FROM {exact} WHERE {exact} MATCH %s)"
            f" < (SELECT count(*) FROM {fts} WHERE {fts} MATCH %s) ORDER BY 2 LIMIT %s), "
            "candidates(entry, spelt, score) AS (SELECT entry, max(spelt),"
            " coalesce(min(CASE WHEN spelt THEN score END), min(score)) FROM ("
            " SELECT entry, score, 0 AS spelt FROM folded"
            " UNION ALL SELECT entry, score, 1 FROM spelt) GROUP BY entry) "
            "SELECT e.object_id, (SELECT count(*) FROM folded), (SELECT count(*) FROM spelt), %s "
            f"FROM candidates c JOIN {self.entries} e ON e.id = c.entry WHERE {filters} "
            f"ORDER BY {''.join(sql + ', ' for sql, _params in title)}"
            "c.spelt DESC, c.score, e.id DESC LIMIT %s OFFSET %s"
        )
        params = [
            words,
            candidates,
            words,
            words,
            words,
            candidates,
            candidates,
            *filter_params,
            *(value for _sql, values in title for value in values),
            stop - start,
            start,
        ]
        return sql, params

    def page(self, plan, number, size):
        return None

    def candidates(self, stop):
        """How many matches each index hands over for a slice ending at ``stop``."""
        return max(self.CANDIDATES, 4 * stop)

    def complete(self, rows, start, stop):
        if stop is None or len(rows) == stop - start:
            return True
        # Fewer than asked: right if no index held back matches beyond its candidates
        # (each row says how many each handed over, and how many it could have).
        return bool(rows) and rows[0][1] < rows[0][3] and rows[0][2] < rows[0][3]


class PostgresRanking(Ranking):
    """
    PostgreSQL: modelsearch's tsvector columns, through ``site_search_text_words``, a GIN
    index of title and text together, and ``site_search_exact_words``, a GIN index of
    the plain text in the ``simple`` configuration, which keeps diacritics
    (search/migrations). Every match is ranked (``ts_rank``) in one statement.
    """

    no_limit = None

    def __init__(self, backend):
        self.backend = backend
        self.entries = index_entry_model()._meta.db_table

    def tsquery(self, plan, configs):
        """The words as a tsquery in each of ``configs``, any of them matching."""
        lexemes = [f"'{term}'" for term in plan.terms]
        if plan.prefix:
            lexemes[-1] += ":*"
        joiner = " <-> " if plan.phrase else (" | " if plan.operator == "or" else " & ")
        text = joiner.join(lexemes)
        sql = " || ".join(["to_tsquery(%s::regconfig, %s)"] * len(configs))
        return f"({sql})", [value for config in configs for value in (config, text)]

    def folded(self, plan):
        if plan.autocomplete:
            return self.tsquery(plan, [self.backend.autocomplete_config])
        return self.tsquery(plan, self.backend.all_configs())

    def hits(self, plan, narrowed=True):
        searched, searched_params = plan.searched() if narrowed else ("true", [])
        query, query_params = self.folded(plan)
        # Every word in the title or the text, through the GIN index of the two together
        # (modelsearch's are of each on its own); for autocomplete, in the title.
        match = f"{'e.autocomplete' if plan.autocomplete else f'({TEXT_WORDS})'} @@ {query}"
        types = ", ".join(str(int(pk)) for pk in plan.content_types)
        sql = (
            f"FROM {self.entries} e WHERE {match} AND e.content_type_id IN ({types}) AND {searched}"
        )
        return sql, [*query_params, *searched_params]

    def order(self, plan):
        query, query_params = self.folded(plan)
        spelt, spelt_params = self.tsquery(plan, ["simple"])
        weights = get_sql_weights()
        order = []
        if plan.autocomplete:
            score = (f"ts_rank(%s::float4[], e.autocomplete, {query})", [weights, *query_params])
        else:
            order.append((f"e.title @@ {query} DESC", query_params))
            score = (
                f"ts_rank(%s::float4[], e.title, {query}) * e.title_norm"
                f" + ts_rank(%s::float4[], e.body, {query})",
                [weights, *query_params, weights, *query_params],
            )
        return [
            *order,
            # Through the index of the exact words: a set found once, not a text per row.
            (
                f"e.id IN (SELECT entry_id FROM {EXACT_INDEX} WHERE words @@ {spelt}) DESC",
                spelt_params,
            ),
            (f"{score[0]} DESC", score[1]),
            ("e.id DESC", []),
        ]


# The unfolded word index: its name on SQLite, its expression on PostgreSQL (the migration
# creates both; a query must spell the expression exactly so as to use the index).
def closest_titles_by_trigrams(query, queryset, limit):
    """
    The primary keys of up to ``limit`` objects of ``queryset`` whose titles hold words
    most like ``query`` by pg_trgm's word similarity (at least
    ``pg_trgm.word_similarity_threshold``, which the search's transaction sets), both
    folded: through the trigram index of the folded titles (search/migrations).
    """
    held, held_params = held_by(queryset)
    types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(queryset.model))
    entries = index_entry_model()._meta.db_table
    sql = (
        f"SELECT e.object_id FROM {EXACT_INDEX} x JOIN {entries} e ON e.id = x.entry_id"
        " WHERE lower(unaccent(%s)) <%% x.title"
        f" AND e.content_type_id IN ({types}) AND {held}"
        " ORDER BY word_similarity(lower(unaccent(%s)), x.title) DESC, x.title LIMIT %s"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [query, *held_params, query, limit])
        return [row[0] for row in cursor.fetchall()]


# The exact words (an FTS5 table on SQLite, a table of tsvectors on PostgreSQL) and, on
# PostgreSQL, the folded words of title and text together, and its index.
EXACT_INDEX = "site_search_exact_words"
TEXT_WORDS = "e.title || e.body"
POSTGRES_TEXT_INDEX = "site_search_text_words"


# --- results ---------------------------------------------------------------------------


class RankedResults(modelsearch.Results):
    """
    Search results read by the ranked search where it can, else by modelsearch's own
    results class (``library_read``, ``library_total``); either way within the time limit.
    """

    supports_facet = True

    @property
    def plan(self):
        compiler = self.query_compiler
        return Plan.of(
            compiler, isinstance(compiler, self.backend.autocomplete_query_compiler_class)
        )

    def run(self, sql, params):
        using = self.query_compiler.queryset.db
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ids(self, plan, start, stop):
        """The object ids of the ranked matches from ``start`` to ``stop``."""
        ranking = self.backend.ranking
        rows = self.run(*ranking.top(plan, start, stop))
        if not ranking.complete(rows, start, stop):
            rows = self.run(*ranking.ranked(plan, start, stop))
        return [row[0] for row in rows]

    def objects(self, plan, ids):
        found = {str(obj.pk): obj for obj in plan.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    # How many results there are in all, once counted (or told: ``counted``).
    matched = None
    # The objects of this slice where they were read with its page (``paged``).
    already_read = None

    def read(self):
        if self.already_read is not None:
            return self.already_read
        plan = self.plan
        with time_limit(self.query_compiler.queryset.db):
            if plan is None or self.scored:
                return self.library_read()
            if not plan.terms or (self.stop is not None and self.stop <= self.start):
                return []
            return self.objects(plan, self.ids(plan, self.start, self.stop))

    def page(self, number, size):
        """
        (results, number, total): page ``number`` of ``size`` results, or the last page
        if there are fewer, and how many results there are in all: in one statement
        where the database does it well (PostgreSQL), else a count, then the page (and
        no page when there is nothing to show); no count where the total is known already
        (``counted``).
        """
        plan = self.plan
        counted = self.matched is not None
        with time_limit(self.query_compiler.queryset.db):
            one_statement = (
                plan
                and plan.terms
                and not counted
                and self.backend.ranking.page(plan, number, size)
            )
            if one_statement:
                rows = self.run(*one_statement)
                if not rows:
                    return [], 1, 0
                self.matched = rows[0][1]
                number = (rows[0][2] - 1) // size + 1
                return self.objects(plan, [row[0] for row in rows]), number, self.matched
            total = self.total()
            number = max(min(number, -(-total // size)), 1)
            start, stop = (number - 1) * size, number * size
            if not total:
                return [], number, 0
            if plan is None:
                return list(self[start:stop]), number, total
            return self.objects(plan, self.ids(plan, start, stop)), number, total

    def paged(self, number, size):
        """
        (slice, number, total): ``page(number, size)`` as a slice of these results, read
        already, for whoever pages search results as a queryset (the admin's listings).
        """
        items, number, total = self.page(number, size)
        start = (number - 1) * size
        part = self[start : start + size]
        part.already_read = items
        part.counted(total)
        return part, number, total

    def counted(self, total):
        """Takes ``total`` as how many results there are in all (counted elsewhere, by
        ``facet`` for instance), so that ``count()`` need not ask the database."""
        self.matched = total

    def count_in_slice(self):
        total = self.total()
        total = max(total - self.start, 0)
        return total if self.stop is None else min(total, self.stop - self.start)

    def total(self):
        """How many results there are in all, whatever the slice; counted once."""
        if self.matched is not None:
            return self.matched
        plan = self.plan
        with time_limit(self.query_compiler.queryset.db):
            if plan is None:
                self.matched = self.library_total()
            elif not plan.terms:
                self.matched = 0
            else:
                self.matched = self.run(*self.backend.ranking.count(plan))[0][0]
        return self.matched

    def facet(self, field_name):
        plan = self.plan
        with time_limit(self.query_compiler.queryset.db):
            if plan is None:
                return self.library().facet(field_name)
            if not plan.terms:
                return {}
            sql, params = self.backend.ranking.matching(plan)
            counts = (
                plan.queryset.order_by()
                .filter(pk__in=RawSQL(sql, params))
                .values(field_name)
                .annotate(count=Count("pk"))
                .order_by("-count")
            )
            return {row[field_name]: row["count"] for row in counts}


class RankedBackendMixin:
    """What turns one of modelsearch's database backends into the site's."""

    def __init__(self, params):
        super().__init__(params)
        self.library_results_class = self.results_class
        self.results_class = RankedResults


# --- the backends ----------------------------------------------------------------------


class PostgresSearchBackend(RankedBackendMixin, postgres.PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", self.autocomplete_config)
        self.locale_languages = {}
        self.ranking = PostgresRanking(self)

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


def sqlite_backend_class():
    # modelsearch defines its SQLite models only on SQLite, so its module is imported here.
    from modelsearch.backends.database.sqlite import sqlite

    class SQLiteSearchBackend(RankedBackendMixin, sqlite.SQLiteSearchBackend):
        def __init__(self, params):
            super().__init__(params)
            self.ranking = SQLiteRanking()

    return SQLiteSearchBackend


def SearchBackend(params):  # modelsearch looks for this name in a backend module
    """The backend for the default database, as ``modelsearch.backends.database`` picks."""
    vendor = connections["default"].vendor
    if vendor == "postgresql":
        return PostgresSearchBackend(params)
    if vendor == "sqlite":
        return sqlite_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as library_backend

    return library_backend(params)


def missing_tables(connection):
    """The index tables and columns this module queries that the database lacks."""
    entries = index_entry_model()._meta.db_table
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        if connection.vendor == "sqlite":
            wanted = {f"{entries}_fts": SQLiteRanking.COLUMNS, EXACT_INDEX: SQLiteRanking.COLUMNS}
        elif connection.vendor == "postgresql":
            wanted = {
                entries: ["title", "body", "autocomplete", "title_text", "body_text"],
                EXACT_INDEX: ["entry_id", "words", "title"],
            }
        else:
            return []
        gone = []
        if connection.vendor == "postgresql":
            gone += missing_postgresql_parts(connection, cursor, entries)
        for table, columns in wanted.items():
            if table not in tables:
                gone.append(f"the table {table}")
                continue
            found = {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }
            gone += [f"{table}.{column}" for column in columns if column not in found]
        return gone


def missing_postgresql_parts(connection, cursor, entries):
    """The folded configurations the settings name and the index of the folded words."""
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    wanted = set()
    if isinstance(backend, PostgresSearchBackend):
        wanted = {*backend.all_configs(), backend.autocomplete_config}
    cursor.execute("SELECT cfgname FROM pg_ts_config")
    found = {row[0] for row in cursor.fetchall()}
    gone = [f"the text search configuration {name}" for name in sorted(wanted - found)]
    indexes = connection.introspection.get_constraints(cursor, entries)
    if POSTGRES_TEXT_INDEX not in indexes:
        gone.append(f"the index {POSTGRES_TEXT_INDEX}")
    return gone
