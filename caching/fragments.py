"""
The parts every page shares (the menu, the home page's address, the partner strip), kept
once per language and site instead of being looked up for every page that is built.

They are filed under the page cache's generation (pages.current_generation), so the
change that makes pages fresh (invalidation.py) makes these fresh too, in every worker
process: a process that still holds an older generation's parts never reads them again.
Each process keeps its own copy in the ``default`` cache (memory, or Redis when set); the
generation itself is read from the shared ``pages`` cache, a single read per use.
"""

from django.core.cache import cache
from django.utils import translation

from .pages import current_generation

# Long enough to outlive any generation that matters; a new one makes these unreadable.
FRAGMENT_SECONDS = 60 * 60 * 24


def sitewide(name, request, build):
    """
    What ``build()`` returns for this site and language, built at most once per
    generation. ``build`` must return something that does not depend on the page.
    """
    host = request.get_host() if request is not None else ""
    key = f"sitewide:{current_generation()}:{name}:{host}:{translation.get_language()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=FRAGMENT_SECONDS)
    return value
