"""
The content API for the universities' sites: news and articles, events, regions and partners,
read-only, per language, through Wagtail's API v2 (``/api/v2/``; docs/api.md).

Only what a visitor can read is served: live, public pages (Wagtail's own queryset),
published partners, and of each only the fields fields.py lists — no drafts, no body, no
e-mail address, no one's photo. What a client asks beyond that is
refused with a 400 that says why, never a 500: an unknown parameter, field, region or
value, or a search (the site's own search has its limits, search/).

Answers are public: the page cache and Varnish keep them (caching/), and a publish lets
go of them (signals.py). What reaches the application is counted per client address
(limits/): past API_REQUESTS_PER_MINUTE, a 429 with Retry-After. Browsers on the
universities' sites (UNIVERSITY_ORIGINS) may read it from their pages (CORS).
"""

from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import CharField
from rest_framework.throttling import BaseThrottle

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.models import Locale

from articles.models import ArticlePage, attach_regions
from events.models import EventPage, start_of_today
from limits import counters
from limits.clients import client_address
from memory.site import public
from partners.models import Partner
from regions.models import RegionPage, shown_people

from .fields import (
    LISTING_IMAGE,
    LOGO,
    article_fields,
    event_fields,
    partner_fields,
    region_fields,
)

LANGUAGE_CODE = CharField(source="locale.language_code", read_only=True)


class AddressThrottle(BaseThrottle):
    """API_REQUESTS_PER_MINUTE per client address, counted across workers and machines."""

    def allow_request(self, request, view):
        return not counters.exceeded(
            "api", client_address(request), settings.API_REQUESTS_PER_MINUTE, 60
        )

    def wait(self):
        return 60


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filters, with a value the field cannot hold a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(" ".join(error.messages)) from error


class RegionFilter(BaseFilterBackend):
    """``?region=<slug>``: what was written under that region (its slug in either language)."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("region")
        if slug is None:
            return queryset
        regions = public(RegionPage.objects.live())
        found = list(regions.filter(slug=slug))
        if not found:
            known = sorted(set(regions.values_list("slug", flat=True)))
            raise BadRequestError(f"no region {slug!r}; the regions are: {', '.join(known)}")
        within = Q()
        for region in found:
            within |= Q(path__startswith=region.path, depth__gt=region.depth)
        return queryset.filter(within)


class ReadOnly:
    """What every endpoint shares: JSON only, nobody signs in, counted per address."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = []
    throttle_classes = [AddressThrottle]
    # Searching is the site's own search's work, with its limits (search/).
    known_query_parameters = BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL's text cannot hold one, so no filter could be asked for it.
        if any("\x00" in value for _name, values in request.GET.lists() for value in values):
            raise BadRequestError("a parameter holds a NUL character")

    # What the endpoint serves of its model, beyond its id (fields.py).
    fields = []

    @classmethod
    def get_body_fields(cls, model):
        return [APIField(name) for name in cls.body_fields] + cls.fields

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a number")
        return super().find_object(queryset, request)


class PublicPagesViewSet(ReadOnly, PagesAPIViewSet):
    """One page type, live and public, filtered by language, region and its own fields."""

    filter_backends = [CheckedFieldsFilter, RegionFilter, OrderingFilter, LocaleFilter]
    known_query_parameters = ReadOnly.known_query_parameters | {"locale", "region"}
    find_query_parameters = frozenset(["id"])
    ordering = ("pk",)

    @cached_property
    def public_pages(self):
        """Wagtail's live, public pages of the site: asked for by several steps, built once."""
        return super().get_base_queryset()

    def get_base_queryset(self):
        return self.public_pages

    def get_queryset(self):
        if "type" in self.request.GET:
            raise BadRequestError("each endpoint serves one type; leave out ?type")
        pages = self.model.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )
        return pages.order_by(*self.ordering)


class NewsViewSet(PublicPagesViewSet):
    """News and articles, newest first, with their region and the byline's name."""

    name = "news"
    model = ArticlePage
    fields = article_fields()
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "kind", "date", "region"]
    ordering = ("-date", "-pk")

    def get_queryset(self):
        images = get_image_model().objects.prefetch_renditions(LISTING_IMAGE)
        return (
            super()
            .get_queryset()
            .select_related("author", "locale")
            .prefetch_related(Prefetch("listing_image", queryset=images))
        )

    def paginate_queryset(self, queryset):
        """The page of articles, with their regions and bylines found in two queries."""
        articles = list(super().paginate_queryset(queryset))
        attach_regions(articles, public(RegionPage.objects.live()))
        people = shown_people([article.author for article in articles if article.author])
        for article in articles:
            article.__dict__["byline_author"] = people.get(article.author_id)
        return articles


class WhenFilter(BaseFilterBackend):
    """
    ``?when=upcoming`` (not over before today, soonest first) or ``?when=past`` (the
    latest first), the day being Stockholm's, as the calendar counts it.
    """

    def filter_queryset(self, request, queryset, view):
        when = request.GET.get("when")
        if when is None:
            return queryset
        today = start_of_today()
        if when == "upcoming":
            return queryset.filter(end__gte=today).order_by("start", "pk")
        if when == "past":
            return queryset.filter(end__lt=today).order_by("-start", "-pk")
        raise BadRequestError("when is upcoming or past")


class EventsViewSet(PublicPagesViewSet):
    """Events, by their start, with their region and where they are held."""

    name = "events"
    model = EventPage
    fields = event_fields()
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "kind",
        "start",
        "end",
        "cancelled",
        "region",
        "municipality",
    ]
    filter_backends = [CheckedFieldsFilter, RegionFilter, WhenFilter, OrderingFilter, LocaleFilter]
    known_query_parameters = PublicPagesViewSet.known_query_parameters | {"when"}
    ordering = ("start", "pk")

    def get_queryset(self):
        return super().get_queryset().select_related("locale", "county")

    def paginate_queryset(self, queryset):
        events = list(super().paginate_queryset(queryset))
        attach_regions(events, public(RegionPage.objects.live()))
        return events


class RegionsViewSet(PublicPagesViewSet):
    """The regional nodes, in the order of the tree."""

    name = "regions"
    model = RegionPage
    fields = region_fields()
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "host_organisation"]
    ordering = ("path",)

    def get_queryset(self):
        return super().get_queryset().select_related("locale").prefetch_related("counties")


class PartnerLocaleFilter(BaseFilterBackend):
    """``?locale=en``: each partner in English where translated, else in Swedish."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        locale = get_object_or_404(Locale, language_code=request.GET["locale"])
        return queryset.in_locale(locale)


class PartnersViewSet(ReadOnly, BaseAPIViewSet):
    """Partners, stakeholders and financiers as published, in the order they are shown."""

    name = "partners"
    model = Partner
    fields = partner_fields()
    filter_backends = [CheckedFieldsFilter, PartnerLocaleFilter, OrderingFilter]
    known_query_parameters = ReadOnly.known_query_parameters | {"locale"}
    meta_fields = [*BaseAPIViewSet.meta_fields, APIField("locale", serializer=LANGUAGE_CODE)]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "kind", "locale"]

    def get_queryset(self):
        logos = get_image_model().objects.prefetch_renditions(LOGO)
        return (
            Partner.objects.public()
            .select_related("locale")
            .prefetch_related(Prefetch("logo", queryset=logos))
            .order_by("sort_order", "name", "pk")
        )


router = WagtailAPIRouter("api")
router.register_endpoint("news", NewsViewSet)
router.register_endpoint("events", EventsViewSet)
router.register_endpoint("regions", RegionsViewSet)
router.register_endpoint("partners", PartnersViewSet)
