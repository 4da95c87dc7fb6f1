"""Events for tests: added under a page and published, in Swedish, as an editor would."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from events.models import EventPage

STOCKHOLM = ZoneInfo("Europe/Stockholm")
numbers = itertools.count(1)


def in_days(days, hour=9):
    """``days`` from today at ``hour`` o'clock, Stockholm time."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=STOCKHOLM)


def add_event(parent, *, days=10, hours=6, publish=True, **fields):
    """An event ``days`` from now under ``parent``, ``hours`` long, published unless told not."""
    number = next(numbers)
    start = fields.pop("start", in_days(days))
    values = {
        "title": f"Inspirationsdag {number}",
        "slug": f"inspirationsdag-{number}",
        "introduction": "En dag om produktivitet.",
        "start": start,
        "end": start + datetime.timedelta(hours=hours),
        "venue_name": "Mittuniversitetet",
        "street_address": "Holmgatan 10",
        "municipality": "Sundsvall",
        "locale": parent.locale,
        **fields,
    }
    event = EventPage(**values)
    parent.add_child(instance=event)
    if publish:
        event.save_revision().publish()
    event.refresh_from_db()
    return event
