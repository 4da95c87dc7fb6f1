"""
What is built once per generation of the content instead of for every request: the parts
every page shares (the menu, the home page's address, the partner strip, the latest
articles, the index's filter choices), what Wagtail asks of the page tree (site.py,
caching/tree.py) and the admin's translation listings (translations/listing.py).

They are filed under the content's generation (generation.py), so the change that makes
pages fresh (invalidation.py) makes these fresh too, in every worker process on every
machine: a process that still holds an older generation's values drops them on its next
read. Each process keeps its own, as plain objects in memory: there are few of them, and
reading them back from a cache would unpickle them on every request. The generation
itself is read from its shared cache, a single read per use.
"""

from django.utils import translation

from .generation import current_generation

MISSING = object()


class Kept:
    """
    What this process has built under one generation. The generation and its values are
    one pair, replaced by one assignment: a thread can never read a new generation with
    the old values (under CPython's GIL two assignments in a row happen to be safe too,
    but nothing promises it, least of all a free-threaded Python).
    """

    def __init__(self):
        self.pair = (None, {})

    def current(self):
        generation = current_generation()
        kept_generation, values = self.pair
        if generation != kept_generation:
            values = {}
            self.pair = (generation, values)
        return values


KEPT = Kept()


def kept(name, build):
    """What ``build()`` returns, built at most once per generation (``None`` included)."""
    values = KEPT.current()
    value = values.get(name, MISSING)
    if value is MISSING:
        value = values[name] = build()
    return value


def sitewide(name, request, build):
    """
    What ``build()`` returns for this site and language, built at most once per
    generation. ``build`` must return something that does not depend on the page.
    """
    host = request.get_host() if request is not None else ""
    return kept(f"sitewide:{name}:{host}:{translation.get_language()}", build)
