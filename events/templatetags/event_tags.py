from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from articles.models import attach_regions
from articles.templatetags.article_tags import json_ld_script
from home.identity import site_name
from memory.kept import sitewide
from memory.site import public
from regions.models import RegionPage

from ..models import EventIndexPage, EventPage, start_of_today

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_events(context, count=3, heading="", within=None):
    """
    The next live events of the visitor's language, or only those below one page (a
    region's own). Rendered once a day per generation of the page cache (the day is in
    the name), so that yesterday's events leave the list.
    """
    today = start_of_today()

    def render():
        language = translation.get_language()
        events = (
            public(EventPage.objects.live())
            .filter(locale__language_code=language)
            .select_related("county")
            .upcoming(today)
        )
        if within is not None:
            events = events.descendant_of(within)
        events = list(events[:count])
        regions = (
            [within]
            if within is not None
            else RegionPage.objects.filter(locale__language_code=language)
        )
        attach_regions(events, regions)
        calendar = EventIndexPage.objects.live().filter(locale__language_code=language).first()
        return render_to_string(
            "events/includes/upcoming_events.html",
            {"events": events, "heading": heading, "calendar": calendar, "region": within},
        )

    within_key = within.pk if within is not None else "all"
    name = f"upcoming-events:{today.date()}:{count}:{within_key}:{slugify(str(heading))}"
    return sitewide(name, context.get("request"), render)


SCHEMA = "https://schema.org/"


@register.simple_tag(takes_context=True)
def event_structured_data(context, event):
    """
    schema.org ``Event`` data for search engines: when, its status, how one attends, where
    (never the online link itself, which goes to registrants only), who holds it, what it
    costs and where to register.
    """
    request = context["request"]
    url = event.get_full_url(request)
    mode = (
        "MixedEventAttendanceMode"
        if event.is_in_person and event.is_online
        else "OnlineEventAttendanceMode"
        if event.is_online
        else "OfflineEventAttendanceMode"
    )
    locations = []
    if event.is_in_person:
        address = {"@type": "PostalAddress", "addressCountry": "SE"}
        if event.street_address:
            address["streetAddress"] = event.street_address
        if event.municipality:
            address["addressLocality"] = event.municipality
        if event.county:
            address["addressRegion"] = event.county.name
        locations.append({"@type": "Place", "name": event.venue_name, "address": address})
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    region = event.region
    organizer = {"@type": "Organization", "name": site_name(request)}
    if region is not None:
        organizer = {
            "@type": "Organization",
            "name": region.host_organisation,
            "url": region.get_full_url(request),
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.introduction,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organizer,
        "inLanguage": event.event_language,
        "url": url,
        "offers": {
            "@type": "Offer",
            "price": f"{event.cost or 0:.2f}",
            "priceCurrency": "SEK",
            "url": request.build_absolute_uri(reverse("event_registration", args=[event.pk])),
            "validThrough": event.registration_closes().isoformat(),
        },
    }
    return json_ld_script(data)
