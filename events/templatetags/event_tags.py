from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from articles.models import attach_regions
from caching.fragments import sitewide
from caching.tree import public
from regions.models import RegionPage

from ..models import EventIndexPage, EventPage

register = template.Library()


def start_of_today():
    """Midnight of today in Stockholm: an event of today stays listed all day."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


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
