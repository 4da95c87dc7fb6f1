"""
Search of the live pages in the visitor's language: the query cleaned to words, ranked
and paged by the database (title matches first), at /sok/ and /en/search/.
"""

import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Page

from caching.tree import active_locale, public

# Longer queries are cut here: nobody types more, and the database need not read more.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Only words reach the search backend: quotes, brackets and operators are syntax to
# SQLite's FTS5 and PostgreSQL's tsquery, and a lone one is an error there.
NOT_A_WORD = re.compile(r"[^\w\s-]|_")


def clean_query(raw):
    """The visitor's query as plain words, at most MAX_QUERY_LENGTH characters."""
    words = NOT_A_WORD.sub(" ", raw).split()
    query = " ".join(word.strip("-") for word in words if word.strip("-"))
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


class Concatenated:
    """Sequences read one after the other, each counted and sliced where it lives."""

    def __init__(self, *parts):
        self.parts = parts
        self.counts = [None] * len(parts)

    def count(self):
        return sum(self.count_of(i) for i in range(len(self.parts)))

    def count_of(self, i):
        if self.counts[i] is None:
            self.counts[i] = self.parts[i].count()
        return self.counts[i]

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        found, offset = [], 0
        for i, part in enumerate(self.parts):
            size = self.count_of(i)
            if stop is not None and stop <= offset:
                break
            if start < offset + size:
                found += list(
                    part[max(start - offset, 0) : None if stop is None else stop - offset]
                )
            offset += size
        return found


def ranked_results(pages, query):
    """
    Pages whose title holds every word first, then the rest, each part in the search
    backend's order of relevance. Both are counted and sliced by the database, so every
    result can be paged to and only the page shown is read.
    """
    in_title = Q()
    for word in query.split():
        in_title &= Q(title__icontains=word)
    return Concatenated(pages.filter(in_title).search(query), pages.exclude(in_title).search(query))


@require_safe
def search(request):
    """Searches the live pages of the visitor's language only."""
    query, truncated = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = public(Page.objects.live()).filter(locale=active_locale()).specific()
        results = Paginator(ranked_results(pages, query), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "query_truncated": truncated,
            "max_query_length": MAX_QUERY_LENGTH,
            "translatable_view": True,
            "page_title": _("Search"),
        },
    )
