"""The demo site: complete in both languages, made by translation, safe to load twice."""

import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from articles.models import ArticleKind, ArticlePage
from events.models import EventPage
from home.models import HomePage
from partners.models import Partner, PartnerKind
from regions.models import Person, RegionPage

pytestmark = pytest.mark.django_db


def test_every_demo_page_answers_200_and_shows_its_title(client, live_pages):
    assert len(live_pages) > 40
    for page in live_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode(), page.url


def test_every_swedish_page_has_a_live_english_translation(sv, en):
    swedish = Page.objects.live().filter(locale=sv, depth__gt=1)
    for page in swedish:
        translation = page.get_translation_or_none(en)
        assert translation is not None and translation.live, page.url
        assert translation.translation_key == page.translation_key


def test_english_pages_were_made_by_wagtail_localize(sv, en):
    for page in Page.objects.filter(locale=sv, depth__gt=1):
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=en
        ).exists(), page.url


def test_english_urls_read_in_english(en):
    article = ArticlePage.objects.get(locale=en, slug="reflections-from-the-middle-of-sweden")
    assert article.url == "/en/regions/central-norrland/reflections-from-the-middle-of-sweden/"


def test_the_seed_editorial_is_under_its_region(sv):
    editorial = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    assert editorial.kind == ArticleKind.EDITORIAL
    assert str(editorial.date) == "2011-05-31"
    assert editorial.author.name == "Pernilla Ingelsson"
    assert editorial.region.title == "Mellersta Norrland"
    assert editorial.url == "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/"


def test_eight_regional_nodes_in_each_language(sv, en):
    assert RegionPage.objects.live().filter(locale=sv).count() == 8
    assert RegionPage.objects.live().filter(locale=en).count() == 8


def test_the_days_the_log_tells_of_are_past_events_of_their_node(sv):
    past = EventPage.objects.live().filter(locale=sv).past()
    assert {(event.title, event.region.slug, event.kind) for event in past} == {
        ("Inspirationsdag i Sundsvall", "mellersta-norrland", "inspiration"),
        ("Första utbildningsdagen", "mellersta-norrland", "training"),
    }


def test_upcoming_demo_events_of_every_kind_in_several_regions_in_both_languages(sv, en):
    upcoming = list(EventPage.objects.live().filter(locale=sv).upcoming())
    assert {event.kind for event in upcoming} == {"inspiration", "training", "meeting", "webinar"}
    assert len({event.region.slug for event in upcoming}) >= 3
    for event in upcoming:
        assert event.capacity and event.contact and (event.venue_name or event.online_link)
        english = event.get_translation(en)
        assert english.live and english.title != event.title
        assert english.start == event.start and english.contact.locale == en


def test_mellersta_norrland_has_the_seed_team_and_four_companies(sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    team = [(m.person.name, m.role) for m in region.team_members.all()]
    assert team == [
        ("Pernilla Ingelsson", "Regionledare"),
        ("Anna Mårtensson", "Utbildningsansvarig"),
        ("Anna Godevärn", "Insiktsansvarig"),
    ]
    assert region.participating_companies.count() == 4


def test_english_team_roles_are_translated_and_point_at_english_people(en):
    region = RegionPage.objects.get(locale=en, slug="central-norrland")
    members = list(region.team_members.select_related("person__locale"))
    assert [m.role for m in members] == ["Regional leader", "Head of training", "Head of insight"]
    assert {m.person.locale.language_code for m in members} == {"en"}


def test_every_kind_of_article_exists_in_both_languages(sv, en):
    for locale in (sv, en):
        kinds = set(ArticlePage.objects.live().filter(locale=locale).values_list("kind", flat=True))
        assert kinds == set(ArticleKind.values)


def test_partners_of_every_kind_are_translated(sv, en):
    for kind in PartnerKind.values:
        assert Partner.objects.filter(locale=sv, kind=kind).exists()
    assert Partner.objects.filter(locale=en).count() == Partner.objects.filter(locale=sv).count()
    assert Partner.objects.get(locale=en, name="The Knowledge Foundation").kind == "financier"


def test_people_keep_their_names_and_have_english_bios(en):
    person = Person.objects.get(locale=en, name="Pernilla Ingelsson")
    assert person.bio.startswith("Regional leader")


def test_loading_the_demo_twice_changes_nothing(sv):
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "partners": Partner.objects.count(),
        "translations": Translation.objects.count(),
    }
    call_command("load_demo_content", "--no-admin", "--hostname", "testserver", "--port", "80")
    assert counts == {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "partners": Partner.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_the_demo_has_one_home_page_per_language():
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == ["en", "sv"]
