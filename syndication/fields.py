"""
What the content API (api.py) serves of each model, and how it reads: the fields a
visitor sees on the page, and nothing else. Nothing personal beyond what the page itself
shows: a byline's name, never an e-mail address or a photo. Kept here rather than as the
models' ``api_fields``, so that the pages' apps need not know the API.
"""

from rest_framework import serializers

from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

LISTING_IMAGE = "fill-640x360"
LOGO = "max-320x160"


class RegionSerializer(serializers.Serializer):
    """The region a page was written under: its name and slug, for ``?region=``."""

    title = serializers.CharField()
    slug = serializers.CharField()

    def to_representation(self, instance):
        return None if instance is None else super().to_representation(instance)


class BylineSerializer(serializers.Serializer):
    name = serializers.CharField()

    def to_representation(self, instance):
        return None if instance is None else instance.name


class CountiesField(serializers.Field):
    """The counties a region serves, named in the region page's own language."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, region):
        swedish = region.locale.language_code == "sv"
        return [
            {"code": county.code, "name": county.name_sv if swedish else county.name_en}
            for county in region.counties.all()
        ]


def article_fields():
    return [
        APIField("kind"),
        APIField("date"),
        APIField("introduction"),
        APIField("region", serializer=RegionSerializer(read_only=True)),
        APIField("byline_author", serializer=BylineSerializer(read_only=True)),
        APIField(
            "listing_image",
            serializer=ImageRenditionField(LISTING_IMAGE, read_only=True),
        ),
    ]


class EventCountyField(serializers.Field):
    """The county an event is held in, named in the event page's own language."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, event):
        county = event.county
        if county is None:
            return None
        swedish = event.locale.language_code == "sv"
        return {"code": county.code, "name": county.name_sv if swedish else county.name_en}


def event_fields():
    """Never the online link: the registered participants get it by mail."""
    return [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("cancelled"),
        APIField("introduction"),
        APIField("region", serializer=RegionSerializer(read_only=True)),
        APIField("venue_name"),
        APIField("municipality"),
        APIField("county", serializer=EventCountyField()),
        APIField("event_language"),
        APIField("cost"),
        APIField("capacity"),
        APIField("registration_deadline"),
    ]


def region_fields():
    return [
        APIField("introduction"),
        APIField("host_organisation"),
        APIField("counties", serializer=CountiesField()),
        APIField("latitude"),
        APIField("longitude"),
    ]


def partner_fields():
    return [
        APIField("name"),
        APIField("kind"),
        APIField("url"),
        APIField("description"),
        APIField("logo", serializer=ImageRenditionField(LOGO, read_only=True)),
    ]
