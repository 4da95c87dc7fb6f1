"""
What an organiser in the admin may see: the office every event's registrations, a node's
editors those of the events under their own region, nobody else anything.
"""

from django.db.models import Q

from wagtail.models import Locale

from interest.wagtail_hooks import own_nodes

from .models import EventPage, Registration


def sees_every_registration(user):
    return user.is_superuser or user.has_perm("events.view_every_registration")


def in_own_nodes(user, path_field):
    """A filter on ``path_field`` (a page path) for the subtrees of ``user``'s own nodes."""
    within = Q(pk__in=[])
    for node in own_nodes(user):
        within |= Q(**{f"{path_field}__startswith": node.path})
    return within


def visible_registrations(user):
    everything = Registration.objects.select_related("event")
    if sees_every_registration(user):
        return everything
    return everything.filter(in_own_nodes(user, "event__path"))


def organised_events(user):
    """
    The events (their Swedish source pages, which hold the registrations) whose
    registrations ``user`` may see; none for one who may see no registrations at all.
    """
    if not user.has_perm("events.view_registration"):
        return EventPage.objects.none()
    events = EventPage.objects.filter(locale=Locale.get_default())
    if sees_every_registration(user):
        return events
    return events.filter(in_own_nodes(user, "path"))
