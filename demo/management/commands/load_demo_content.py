"""
Builds the demo site in Swedish and translates it to English with wagtail-localize.

Safe to run again: what exists already is left as it is, so a second run changes
nothing and an editor's changes to demo pages survive.
"""

import datetime
import os
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import DraftStateMixin
from wagtail_localize.models import TranslationSource

from accessibility.models import AccessibilityStatementPage
from articles.models import ArticleIndexPage, ArticlePage
from demo import content
from demo.images import logo, portrait
from events.models import EventIndexPage, EventPage
from governance.groups import PROGRAMME_OFFICE, TRANSLATORS, sync_editor_groups
from home.models import ContentPage, ProgrammePeriod
from interest.models import InterestFormPage
from operations.site import SiteBuilder
from partners.models import Partner, PartnersPage
from regions.models import (
    County,
    ParticipatingCompany,
    Person,
    RegionIndexPage,
    RegionPage,
    TeamMember,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ADMIN_USERNAME = "admin"
# One demo user per kind of editor: (username, group)
DEMO_EDITORS = [
    ("programkontoret", PROGRAMME_OFFICE),
    ("mellersta-norrland", "Region Mellersta Norrland"),
    ("oversattare", TRANSLATORS),
]


class Command(BaseCommand):
    help = "Build the bilingual demo site (Swedish source, English translations). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the local admin user.",
        )
        parser.add_argument(
            "--hostname",
            default="localhost",
            help="Host name of the default site, used in canonical and alternate links.",
        )
        parser.add_argument("--port", type=int, default=8000, help="Port of the default site.")

    def handle(self, *args, no_admin=False, hostname="localhost", port=8000, **options):
        with transaction.atomic():
            loader = DemoLoader(hostname=hostname, port=port)
            loader.load()
            sync_editor_groups()
            if not no_admin:
                loader.ensure_users(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(loader.created)} objects created, "
                f"{len(loader.translated)} translated to English."
            )
        )


class DemoLoader(SiteBuilder):
    """The demo's people, partners, periods and pages, each found again if it exists already."""

    def __init__(self, hostname="localhost", port=8000):
        super().__init__(english=content.ENGLISH, tool_name="demo content")
        self.hostname = hostname
        self.port = port
        self.people = {}

    def load(self):
        for person in content.PEOPLE:
            self.people[person["name"]] = self.snippet(
                Person,
                name=person["name"],
                email=person["email"],
                bio=person["bio"],
                photo=portrait(person["name"]),
            )
        for order, partner in enumerate(content.PARTNERS):
            self.snippet(
                Partner, **partner, logo=logo(partner["name"]), sort_order=(order + 1) * 10
            )

        self.periods = [self.snippet(ProgrammePeriod, **period) for period in content.PERIODS]

        home = self.home_page(content.HOME, hostname=self.hostname, port=self.port)
        for page in content.CONTENT_PAGES:
            self.page_tree(home, ContentPage, page)
        region_index = self.child(home, RegionIndexPage, content.REGION_INDEX)
        regions = {page["slug"]: self.region(region_index, dict(page)) for page in content.REGIONS}
        article_index = self.child(home, ArticleIndexPage, content.ARTICLE_INDEX)
        self.child(home, EventIndexPage, content.EVENT_INDEX)
        self.child(home, PartnersPage, content.PARTNERS_PAGE)
        privacy = self.child(home, ContentPage, content.PRIVACY_PAGE)
        self.child(home, InterestFormPage, {**content.INTEREST_FORM_PAGE, "privacy_page": privacy})
        self.child(home, AccessibilityStatementPage, content.ACCESSIBILITY_PAGE)
        for fields in content.ARTICLES:
            fields = dict(fields)
            region_slug = fields.pop("region")
            parent = regions[region_slug] if region_slug else article_index
            if "author" in fields:
                fields["author"] = self.people[fields["author"]]
            self.child(parent, ArticlePage, fields)
        for fields in content.EVENTS:
            fields = dict(fields)
            self.child(regions[fields.pop("region")], EventPage, self.event_fields(fields))

    # --- snippets ---------------------------------------------------------------------

    def snippet(self, model, *, name, **fields):
        obj = model.objects.filter(locale=self.sv, name=name).first()
        if obj is None:
            obj = model.objects.create(locale=self.sv, name=name, **fields)
            if isinstance(obj, DraftStateMixin):
                self.publish(obj)
            self.created.append(obj)
        self.translate(obj)
        return obj

    # --- pages ------------------------------------------------------------------------

    def page_tree(self, parent, model, fields):
        fields = dict(fields)
        children = fields.pop("children", [])
        page = self.child(parent, model, fields)
        for child in children:
            self.page_tree(page, model, child)

    def region(self, parent, fields):
        """A RegionPage with its team and companies, which modelcluster takes as arguments."""
        fields["team_members"] = [
            TeamMember(person=self.people[name], role=role, locale=self.sv)
            for name, role in fields.pop("team", [])
        ]
        fields["participating_companies"] = [
            ParticipatingCompany(name=name, town=town) for name, town in fields.pop("companies", [])
        ]
        counties = list(County.objects.filter(code__in=content.COUNTIES[fields["slug"]]))
        # Every node of the demo is one of the eight of Produktionslyftet 2.
        relations = {"counties": counties, "periods": self.periods}
        page = self.child(parent, RegionPage, {**fields, **relations})
        missing = {
            name: value for name, value in relations.items() if not getattr(page, name).exists()
        }
        if missing:  # a demo loaded before nodes served counties or had periods
            english = page.get_translation(self.en).specific
            for region in (page, english):
                for name, value in missing.items():
                    setattr(region, name, value)
                region.save_revision().publish()
                if region is page:  # the translation source follows the Swedish page
                    TranslationSource.update_or_create_from_instance(page)
        return page

    def event_fields(self, fields):
        """An event's fields, its time taken from today where it is to come."""
        if "when" in fields:
            start, end = (moment.replace(tzinfo=STOCKHOLM) for moment in fields.pop("when"))
        else:
            day = datetime.date.today() + datetime.timedelta(days=fields.pop("in_days"))
            while day.weekday() not in (1, 2, 3):  # on a Tuesday, Wednesday or Thursday
                day += datetime.timedelta(days=1)
            start, end = (
                datetime.datetime.combine(day, datetime.time(*hour_minute), tzinfo=STOCKHOLM)
                for hour_minute in fields.pop("hours")
            )
        county = fields.pop("county", None)
        return {
            **fields,
            "start": start,
            "end": end,
            "contact": self.people[fields["contact"]],
            "county": County.objects.filter(code=county).first() if county else None,
        }

    # --- people -----------------------------------------------------------------------

    def ensure_users(self, stdout):
        """A local superuser, and one user per kind of editor, all with the demo password."""
        User = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "produktionslyftet")
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
            stdout.write(f"Created the local admin user {ADMIN_USERNAME!r}.")
        for username, group_name in DEMO_EDITORS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            if created:
                user.set_password(password)
                user.save()
                stdout.write(f"Created the demo editor {username!r} ({group_name}).")
            user.groups.add(Group.objects.get(name=group_name))
