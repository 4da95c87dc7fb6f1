"""
"Did you mean …?": when a search finds nothing, the titles closest to what was typed, in
the visitor's language, with diacritics folded ("Ostersnd" → "Östersund").

On PostgreSQL with ``pg_trgm`` (search/migrations), one query: the titles whose words are
most like the query by trigrams (``word_similarity``, both folded), through a trigram
index of the folded titles (search/backends.py).
Elsewhere, difflib: each word of the query against the words of the language's titles
(read once per generation, and only words of about the same length compared), then the
titles that hold the closest words, found by the search itself.
"""

import difflib
import functools
import unicodedata

from django.db import connections

from memory.kept import kept

from .backends import WORD, closest_titles_by_trigrams

MAX_SUGGESTIONS = 3
# How alike a title's words must be to the query by difflib's ratio (on PostgreSQL:
# backends.MIN_WORD_SIMILARITY).
MIN_RATIO = 0.7
# Words shorter than this are not corrected (and not offered): too many are alike.
MIN_WORD = 3


def closest_titles(query, pages):
    """Up to MAX_SUGGESTIONS of ``pages`` whose titles are closest to ``query``."""
    connection = connections[pages.db]
    if connection.vendor == "postgresql" and has_trigrams(pages.db):
        return by_trigrams(query, pages)
    return by_words(query, pages)


@functools.cache
def has_trigrams(using):
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def by_trigrams(query, pages):
    ids = closest_titles_by_trigrams(query, pages, MAX_SUGGESTIONS)
    found = {str(page.pk): page for page in pages.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def fold(word):
    """``word`` in lower case without diacritics, as the search matches it."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def title_words(pages):
    """{length: {folded word: word}} of the words in ``pages``' titles, kept per generation."""

    def read():
        words = {}
        for title in pages.order_by().values_list("title", flat=True).iterator():
            for word in WORD.findall(title):
                if len(word) >= MIN_WORD and not word.isdigit():
                    words.setdefault(len(word), {}).setdefault(fold(word), word)
        return words

    return kept(f"search:title-words:{pages.query}", read)


def closest_word(word, words):
    """The title word most like ``word``, or None; itself if a title holds it."""
    key = fold(word)
    same_length = words.get(len(key), {})
    if key in same_length:
        return same_length[key]
    candidates = {}
    for length in range(len(key) - 2, len(key) + 3):
        candidates.update(words.get(length, {}))
    found = difflib.get_close_matches(key, candidates, n=1, cutoff=MIN_RATIO)
    return candidates[found[0]] if found else None


def by_words(query, pages):
    words = title_words(pages)
    corrected = [closest_word(word, words) for word in query.split() if len(word) >= MIN_WORD]
    corrected = [word for word in corrected if word]
    if not corrected:
        return []
    wanted = {fold(word) for word in corrected}
    found = []
    for page in pages.search(" ".join(corrected), operator="or")[: MAX_SUGGESTIONS * 3]:
        if wanted & {fold(word) for word in WORD.findall(page.title)}:
            found.append(page)
    return found[:MAX_SUGGESTIONS]
