"""
Set up an empty production database as the site, after ``migrate``: the Swedish home and
index pages, the interest form and the accessibility statement, with their English
translations, the default site, the editor groups and the first administrator. The demo
is not needed for it.

Idempotent: what exists is found again and left as it is (a page an editor renamed, by
its type under its parent; the privacy page, as the one the interest form points at), so
a second run, or a run on the demo, creates and changes nothing. The one exception is the
default site's address: it follows ``--url`` (or WAGTAILADMIN_BASE_URL), as the address
in notification mail does, on every run; its name and root page stay as editors set them
(a root still on Wagtail's "Welcome" placeholder is pointed at the home page).
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale, Page, Site

from accessibility.models import AccessibilityStatementPage
from articles.models import ArticleIndexPage
from events.models import EventIndexPage
from governance.groups import sync_editor_groups
from home.models import ContentPage
from interest.models import InterestFormPage
from operations.site import MissingEnglish, SiteBuilder
from partners.models import PartnersPage
from regions.models import RegionIndexPage

# The pages a new site starts with. Every text a translator translates is written
# (Swedish, English). Titles and addresses are those of the demo; editors write the rest.
HOME = {
    "title": ("Produktionslyftet", "Produktionslyftet"),
    "slug": ("home", "home"),
    "introduction": (
        "Ett nationellt program som hjälper små och medelstora tillverkande företag att "
        "höja sin produktivitet.",
        "A national programme that helps small and medium-sized manufacturers raise "
        "their productivity.",
    ),
}
INDEX_PAGES = [
    (
        RegionIndexPage,
        {
            "title": ("Regioner", "Regions"),
            "slug": ("regioner", "regions"),
            "show_in_menus": True,
            "introduction": (
                "Programmets regionala noder och de län som var och en betjänar.",
                "The programme's regional nodes and the counties each of them serves.",
            ),
        },
    ),
    (
        ArticleIndexPage,
        {
            "title": ("Aktuellt", "News and articles"),
            "slug": ("aktuellt", "news"),
            "show_in_menus": True,
            "introduction": (
                "Nyheter och artiklar från programmet och noderna.",
                "News and articles from the programme and its nodes.",
            ),
        },
    ),
    (
        EventIndexPage,
        {
            "title": ("Kalender", "Events"),
            "slug": ("kalender", "events"),
            "show_in_menus": True,
            "introduction": (
                "Inspirationsdagar, utbildningsdagar och mötesplatser i noderna och i programmet.",
                "Inspiration days, training days and meeting places in the nodes and the "
                "programme.",
            ),
        },
    ),
    (
        PartnersPage,
        {
            "title": ("Partner", "Partners"),
            "slug": ("partner", "partners"),
            "show_in_menus": True,
            "introduction": (
                "Organisationerna som står bakom programmet och finansierar det.",
                "The organisations that stand behind the programme and fund it.",
            ),
        },
    ),
]
PRIVACY_PAGE = {
    "title": ("Personuppgifter", "Personal data"),
    "slug": ("personuppgifter", "personal-data"),
    "introduction": (
        "Hur programmet behandlar de personuppgifter som skickas via webbplatsen.",
        "How the programme handles the personal data sent through this site.",
    ),
}
INTEREST_FORM_PAGE = {
    "title": ("Delta i Produktionslyftet", "Take part in Produktionslyftet"),
    "slug": ("delta", "take-part"),
    "show_in_menus": True,
    "introduction": (
        "Anmäl ert företags intresse, så kontaktar vi er.",
        "Register your company's interest, and we will contact you.",
    ),
}

# The law on accessible digital public services asks for the statement from the start;
# the office completes it (docs/governance.md). What is said here the project has tested.
ACCESSIBILITY_PAGE = {
    "title": ("Tillgänglighetsredogörelse", "Accessibility statement"),
    "slug": ("tillganglighet", "accessibility"),
    "introduction": (
        "Hur tillgänglig webbplatsen är, och hur du rapporterar brister.",
        "How accessible the website is, and how to report shortcomings.",
    ),
}

SUPERUSER_VARIABLES = [
    "DJANGO_SUPERUSER_USERNAME",
    "DJANGO_SUPERUSER_EMAIL",
    "DJANGO_SUPERUSER_PASSWORD",
]


class Command(BaseCommand):
    help = (
        "Set up an empty database as the site: home and index pages in Swedish and English, "
        "the default site, editor groups, the first administrator. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            help="The site's public address, e.g. https://produktionslyftet.se "
            "(default: WAGTAILADMIN_BASE_URL). Without a port, https means 443 and http 80.",
        )

    def handle(self, *args, url=None, **options):
        hostname, port = site_address(url or settings.WAGTAILADMIN_BASE_URL)
        with transaction.atomic():
            groups_before = set(Group.objects.values_list("name", flat=True))
            setup = SiteSetup()
            setup.build(hostname, port)
            new_groups = [g.name for g in sync_editor_groups() if g.name not in groups_before]
            administrator = first_administrator()
        self.report(setup, new_groups, administrator)

    def report(self, setup, new_groups, administrator):
        pages = [obj for obj in setup.created if isinstance(obj, Page)]
        for label, objects in [
            ("Locales created", [o for o in setup.created if isinstance(o, Locale)]),
            ("Pages created", pages),
            ("Translated to English", setup.translated),
            ("Groups created", new_groups),
            ("Left for editors to translate", setup.untranslated),
        ]:
            if objects:
                self.stdout.write(f"{label}: {', '.join(describe(o) for o in objects)}")
        for site in setup.created + setup.updated:
            if isinstance(site, Site):
                done = "created" if site in setup.created else "updated"
                self.stdout.write(
                    f"Default site {done}: {site.hostname}:{site.port}, home {site.root_page.url}"
                )
        created, message = administrator
        if created:
            self.stdout.write(message)
        elif message:
            self.stderr.write(self.style.WARNING(message))
        if setup.created or setup.translated or setup.updated or new_groups or created:
            self.stdout.write(self.style.SUCCESS("The site is set up."))
        else:
            self.stdout.write(self.style.SUCCESS("Nothing to do: the site was set up already."))


class SiteSetup(SiteBuilder):
    """The pages every site starts from: the home page and the index pages under it."""

    def __init__(self):
        super().__init__(english={}, tool_name="setup_site")
        self.untranslated = []

    def translate(self, obj):
        # A page editors changed and left without English is theirs to translate.
        try:
            with transaction.atomic():
                super().translate(obj)
        except MissingEnglish:
            self.untranslated.append(obj)

    def swedish(self, fields):
        """``fields`` in Swedish, keeping the English of each text for its translation."""
        swedish = {}
        for name, value in fields.items():
            if isinstance(value, tuple):
                sv, en = value
                self.english[sv] = en
                value = sv
            swedish[name] = value
        return swedish

    def build(self, hostname, port):
        home = self.home_page(self.swedish(HOME), hostname=hostname, port=port)
        for model, fields in INDEX_PAGES:
            self.child(home, model, self.swedish(fields))
        form_fields = self.swedish(INTEREST_FORM_PAGE)
        form = self.find_child(home, InterestFormPage, form_fields["slug"])
        privacy = form.privacy_page.specific if form and form.privacy_page else None
        privacy = self.child(home, ContentPage, self.swedish(PRIVACY_PAGE), existing=privacy)
        self.child(home, InterestFormPage, {**form_fields, "privacy_page": privacy}, existing=form)
        self.child(home, AccessibilityStatementPage, self.swedish(ACCESSIBILITY_PAGE))


def site_address(url):
    """The host name and port of ``url``; without a port, https means 443 and http 80."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = parts._replace(netloc="")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"{url!r} is not an address such as https://produktionslyftet.se")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def first_administrator():
    """
    The superuser named by Django's DJANGO_SUPERUSER_* variables, created if no superuser
    exists yet; an existing user is never changed. Returns (created, what to tell).
    """
    User = get_user_model()
    if User.objects.filter(is_superuser=True).exists():
        return False, ""
    values = {name: os.environ.get(name, "") for name in SUPERUSER_VARIABLES}
    missing = [name for name, value in values.items() if not value]
    if missing:
        return False, (
            "There is no administrator yet: create one with `manage.py createsuperuser`, "
            f"or set {', '.join(missing)} and run setup_site again."
        )
    username, email, password = values.values()
    if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
        return False, (
            f"The user {username!r} exists and is not a superuser; it is left as it is. "
            "Create an administrator with `manage.py createsuperuser`."
        )
    User.objects.create_superuser(
        **{User.USERNAME_FIELD: username, "email": email, "password": password}
    )
    return True, f"Administrator created: {username!r} (from DJANGO_SUPERUSER_USERNAME)"


def describe(obj):
    if isinstance(obj, Page):
        return f"{obj.title} ({obj.url})"
    if isinstance(obj, Locale):
        return obj.language_code
    return str(obj)
