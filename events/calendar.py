"""
Events as iCalendar (RFC 5545), made with the ``icalendar`` library: the file attached to
a confirmation and offered on each event page. Times are given in Europe/Stockholm with its
VTIMEZONE; each event's UID is the same in every language and for ever.
"""

from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings

from home.identity import site_name

PRODUCT_ID = "-//Produktionslyftet//Events//SV"
STOCKHOLM = ZoneInfo(settings.TIME_ZONE)


def uid(event):
    """The same for an event in every language: its translation key."""
    return f"{event.translation_key}@produktionslyftet.se"


def vevent(event, url, *, online_link=""):
    """``event`` as a VEVENT; ``online_link`` only for those who registered."""
    item = icalendar.Event()
    item.add("uid", uid(event))
    item.add("dtstamp", event.last_published_at or event.latest_revision_created_at or event.start)
    item.add("dtstart", event.start.astimezone(STOCKHOLM))
    item.add("dtend", event.end.astimezone(STOCKHOLM))
    item.add("summary", event.title)
    if event.introduction:
        item.add("description", event.introduction)
    place = ", ".join(
        part for part in (event.venue_name, event.street_address, event.municipality) if part
    )
    if place or online_link:
        item.add("location", place or online_link)
    item.add("url", url)
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if online_link:
        item.add("conference", online_link, parameters={"value": "URI"})
    return item


def calendar(events, name=None):
    """A VCALENDAR of ``(event, url, online_link)`` triples, with the time zone it uses."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name or site_name())
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event, url, online_link in events:
        cal.add_component(vevent(event, url, online_link=online_link))
    cal.add_missing_timezones()
    return cal


def event_file(event, url, online_link=""):
    """One event as the bytes of an .ics file."""
    return calendar([(event, url, online_link)], name=event.title).to_ical()
