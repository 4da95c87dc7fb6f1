"""
What the nodes and the programme invite companies to: inspiration days, training days,
meeting places and webinars, and the calendar of each language that lists them.

A node's events live under its RegionPage, as its articles do, so that its editors are
given them with the rest of their subtree; the programme office's live under the calendar.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.models import attach_regions
from home.models import BasePage, BodyPage
from memory.kept import sitewide
from memory.site import public
from regions.models import County, RegionPage, shown_people
from regions.municipalities import county_code_of

from .choices import EventKind, EventLanguage
from .filters import EventFilterForm

EVENTS_PER_PAGE = 12
# What a calendar that holds an event shows of it: a change raises its SEQUENCE.
CALENDAR_FIELDS = ("start", "end", "venue_name", "street_address", "municipality", "cancelled")


def start_of_today():
    """Midnight of today in Stockholm: an event of today stays listed all day."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


class EventQuerySet(PageQuerySet):
    """Events as the calendar and the region pages list them."""

    def upcoming(self, now=None):
        """Not yet over, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Over, the latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


class EventIndexPage(BasePage):
    """The calendar of one language (/kalender/, /en/events/): every event, wherever it lives."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    def events(self):
        """Every live, public event of this page's language, wherever it lives."""
        return (
            public(EventPage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("county")
        )

    def filter_choices(self):
        """What the calendar can be filtered by: its language's regions and the counties."""
        return {
            "regions": list(
                public(RegionPage.objects.live()).filter(locale_id=self.locale_id).order_by("title")
            ),
            "counties": sorted(County.objects.all(), key=lambda county: county.name),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor until content changes (memory/kept.py).
        choices = sitewide("event-filter-choices", request, self.filter_choices)
        form = EventFilterForm(request.GET, **choices)
        events = form.apply(self.events())
        now = timezone.now()
        # get_page() turns a missing, non-numeric or out-of-range page into a real page.
        upcoming = Paginator(events.upcoming(now), EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        past = Paginator(events.past(now), EVENTS_PER_PAGE).get_page(request.GET.get("past"))
        for listed in (upcoming, past):
            attach_regions(listed.object_list, form.regions.values())
        context.update(
            upcoming=upcoming,
            past=past,
            filter_form=form,
            active_filters=form.filters(),
            refused_filters=form.refused(),
        )
        return context


class EventPage(BodyPage):
    """
    One event. A node's lives under its RegionPage and belongs to that region; the
    programme office's under the calendar. The time, place and capacity are the same in
    every language (synchronised); what it is about is translated.
    """

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.INSPIRATION_DAY,
        help_text=_("Shown on the event and used to filter the calendar."),
    )
    start = models.DateTimeField(
        _("starts"), db_index=True, help_text=_("In Swedish time (Europe/Stockholm).")
    )
    end = models.DateTimeField(_("ends"), db_index=True)
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Leave empty for an online event.")
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    county = models.ForeignKey(
        County,
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_(
            "Where the venue is; the calendar can be filtered by it. Left empty, it is "
            "taken from the municipality, or else from the node when the node serves only one."
        ),
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_(
            "For a webinar or a hybrid event: sent to registered participants only, never "
            "shown on the page."
        ),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=2,
        choices=EventLanguage.choices,
        default=EventLanguage.SWEDISH,
    )
    contact = models.ForeignKey(
        "regions.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    cost = models.DecimalField(
        _("cost (SEK)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Per participant, excluding VAT. Leave empty when the event is free."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_("Registrations beyond it go to a waiting list. Leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Left empty, registration is open until the event starts."),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Keep the page, marked cancelled, so that those who registered find out."),
    )

    # RFC 5545's SEQUENCE: raised each time the event is saved with a changed time, place
    # or status, so that calendars that hold it take the change (events/calendar.py).
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = PageManager.from_queryset(EventQuerySet)()

    parent_page_types = ["events.EventIndexPage", "regions.RegionPage"]
    subpage_types = []
    template = "events/event_page.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("event_language")]),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("contact"),
                FieldPanel("cancelled"),
            ],
            heading=_("About the event"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("county")]),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("cost")]),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BodyPage.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("municipality"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    translatable_fields = [
        *BodyPage.translatable_fields,
        # The translation points at the same person's translated snippet.
        TranslatableField("contact"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("event_language", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("venue_name", overridable=False),
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("municipality", overridable=False),
        SynchronizedField("county", overridable=False),
        SynchronizedField("online_link", overridable=False),
        SynchronizedField("cost", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("registration_deadline", overridable=False),
        SynchronizedField("cancelled", overridable=False),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("Registration must close before the event starts.")
        if not self.venue_name and not self.online_link:
            errors["venue_name"] = _("Give a venue, an online link, or both.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Left empty, the county is the venue municipality's, where the site knows it;
        # else a node serving one county is where its events are (an online one
        # included: it is the node's), once the page is in the tree and its node known.
        if self.county_id is None:
            self.county = self.municipality_county()
        if self.county_id is None and self.path:
            self.county = self.node_county()
        if self.pk and kwargs.get("update_fields") is None:
            self.sequence = self.next_sequence()
        return super().save(*args, **kwargs)

    def next_sequence(self):
        """
        The stored SEQUENCE, one higher if what a calendar holds of the event (its time,
        place or status) differs from the stored row. Never lower: a page published from
        an older revision carries the sequence it had then.
        """
        stored = type(self).objects.filter(pk=self.pk).values("sequence", *CALENDAR_FIELDS).first()
        if stored is None:
            return self.sequence
        changed = any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS)
        return max(stored["sequence"], self.sequence) + changed

    def municipality_county(self):
        code = county_code_of(self.municipality) if self.municipality else None
        return County.objects.filter(code=code).first() if code else None

    def node_county(self):
        region = self.region
        if region is None:
            return None
        counties = list(region.counties.all()[:2])
        return counties[0] if len(counties) == 1 else None

    @cached_property
    def region(self):
        """The RegionPage this event was added under, or ``None`` for the programme's own."""
        return RegionPage.objects.ancestor_of(self).first()

    @cached_property
    def shown_contact(self):
        """The contact person as visitors see them (regions.models.shown_people)."""
        if self.contact is None:
            return None
        return shown_people([self.contact])[self.contact.pk]

    @property
    def is_online(self):
        return bool(self.online_link)

    @property
    def is_in_person(self):
        return bool(self.venue_name)

    @property
    def is_free(self):
        return not self.cost

    def is_over(self, now=None):
        return self.end < (now or timezone.now())

    def registration_closes(self):
        return self.registration_deadline or self.start

    def registration_open(self, now=None):
        return not self.cancelled and (now or timezone.now()) < self.registration_closes()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """
    One person's registration for an event: a seat, or a place on the waiting list when
    the seats are taken. Filed under the event's Swedish source page, so that both
    languages share the seats.
    """

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("email"))
    needs = models.TextField(_("needs"), blank=True)
    consent = models.BooleanField(_("consent to the handling of the data"))
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Set before the reminder mail goes (events/reminders.py), so that no second click,
    # nor two at once, mails anyone twice.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        permissions = [("view_every_registration", _("Can see every node's registrations"))]

    def __str__(self):
        return f"{self.name}, {self.organisation} ({self.event.title})"
