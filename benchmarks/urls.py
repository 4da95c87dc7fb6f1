"""
The site's addresses plus ``/bench/same-bytes/<name>``: a trivial view that returns a
saved copy of a page through the same server and middleware, the reference the page
figures are compared with. It marks itself not to be kept, so every request reaches it.
"""

import functools
import os
from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import path

from produktionslyftet.urls import urlpatterns as site_urlpatterns

COPIES = Path(os.environ.get("BENCH_COPIES", "/nonexistent"))


@functools.cache
def saved_copy(name):
    copy = COPIES / name
    if "/" in name or not copy.is_file():
        raise Http404
    return copy.read_bytes()


def same_bytes(request, name):
    response = HttpResponse(saved_copy(name), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "max-age=0"
    return response


urlpatterns = [path("bench/same-bytes/<str:name>", same_bytes), *site_urlpatterns]
