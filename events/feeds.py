"""
The calendar feeds (iCalendar, RFC 5545): every event of a language, a region's events,
and one file per event. A feed holds what is coming and what ended in the last
FEED_PAST_DAYS, without online links (those go to registrants only). Public, and kept in
the page cache until content changes, as the pages are.
"""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home.identity import site_name
from memory.site import public
from regions.models import RegionPage

from . import calendar
from .models import EventPage

FEED_PAST_DAYS = 90
FEED_LIMIT = 500


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def language_events():
    return public(EventPage.objects.live()).filter(locale__language_code=translation.get_language())


def feed(request, events, name, filename):
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = events.filter(end__gte=since).order_by("start", "pk")[:FEED_LIMIT]
    items = [(event, event.get_full_url(request), "") for event in events]
    return ics_response(calendar.calendar(items, name=name), filename)


def all_events(request):
    return feed(
        request,
        language_events(),
        _("%(site)s: events") % {"site": site_name(request)},
        "events.ics",
    )


def region_events(request, region):
    node = (
        public(RegionPage.objects.live())
        .filter(locale__language_code=translation.get_language(), slug=region)
        .first()
    )
    if node is None:
        raise Http404
    name = _("%(site)s: events in %(region)s") % {"site": site_name(request), "region": node.title}
    return feed(request, language_events().descendant_of(node), name, f"{region}.ics")


def one_event(request, pk):
    event = get_object_or_404(language_events(), pk=pk)
    return ics_response(
        calendar.calendar([(event, event.get_full_url(request), "")], name=event.title),
        f"{event.slug}.ics",
    )
