"""
Search of the live pages in the visitor's language, at /sok/ and /en/search/: the query
cleaned to at most MAX_WORDS words, ranked and paged by the database (search/backends.py:
title matches first, then exact spellings, then relevance), within a time limit, and
with the closest titles offered when nothing matched (search/suggestions.py).
"""

import re

from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page as WagtailPage

from memory.site import active_locale, public

from .backends import SearchTimeout, time_limit
from .suggestions import closest_titles

# Longer queries are cut here: nobody types more, and the database need not read more.
MAX_QUERY_LENGTH = 200
# And to this many words: each is a list the full-text index reads and merges.
MAX_WORDS = 8
RESULTS_PER_PAGE = 10
# Past the last page the last is shown; a number beyond this is not even passed on.
MAX_PAGE = 100_000
# Only words reach the search backend: quotes, brackets and operators are syntax to
# SQLite's FTS5 and PostgreSQL's tsquery, and a lone one is an error there.
NOT_A_WORD = re.compile(r"[^\w\s-]|_")


def clean_query(raw):
    """
    The visitor's query as plain words, at most MAX_QUERY_LENGTH characters and then at
    most MAX_WORDS words; and what was cut to get there ({"length", "words"}).
    """
    words = [word.strip("-") for word in NOT_A_WORD.sub(" ", raw).split()]
    query = " ".join(word for word in words if word)
    cut = set()
    if len(query) > MAX_QUERY_LENGTH:
        cut.add("length")
        query = query[:MAX_QUERY_LENGTH].strip()
    words = query.split()
    if len(words) > MAX_WORDS:
        cut.add("words")
        query = " ".join(words[:MAX_WORDS])
    return query, cut


def page_number(raw):
    """The page asked for: 1 unless a number, and within what the database can count."""
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class Matched:
    """What a paginator needs of results it does not read itself: their number (and
    their model, for the admin's paginator to name them)."""

    def __init__(self, total, model=None):
        self.total = total
        self.model = model

    def count(self):
        return self.total


def results_page(found, number):
    """
    Page ``number`` of ``found`` (the last if there are fewer), read with the count of
    every match by the site's backend (search/backends.py), in one or two statements.
    """
    items, number, total = found.page(number, RESULTS_PER_PAGE)
    return Page(items, number, Paginator(Matched(total), RESULTS_PER_PAGE))


@require_safe
def search(request):
    """Searches the live pages of the visitor's language only."""
    query, cut = clean_query(request.GET.get("q", ""))
    results, suggestions, status = None, [], 200
    if query:
        pages = public(WagtailPage.objects.live()).filter(locale=active_locale())
        try:
            with time_limit():
                results = results_page(
                    pages.specific().search(query), page_number(request.GET.get("page"))
                )
                if not results.paginator.count:
                    suggestions = closest_titles(query, pages)
        except SearchTimeout:
            results, status = None, 503
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "suggestions": suggestions,
            "search_stopped": status == 503,
            "query_cut": cut,
            "max_query_length": MAX_QUERY_LENGTH,
            "max_words": MAX_WORDS,
            "translatable_view": True,
            "page_title": _("Search"),
        },
        status=status,
    )
