"""
The content's generation: a short random name that changes whenever anything a public
page shows can have changed (invalidation.py). What is remembered per generation (kept.py,
and the page cache's pages) is dropped with it, in every process on every machine.

It is kept in a cache of its own (``PAGE_GENERATION_ALIAS``, Redis when ``REDIS_URL`` is
set): when the pages' store is full it drops entries at random, and losing the
generation would rebuild every page.
"""

import uuid

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "page-cache:generation"


def generation_cache():
    return caches[settings.PAGE_GENERATION_ALIAS]


def current_generation():
    generation = generation_cache().get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    return generation


def new_generation():
    """Start afresh: everything remembered so far is built again on its next use."""
    generation = uuid.uuid4().hex[:12]
    generation_cache().set(GENERATION_KEY, generation, timeout=None)
    return generation
