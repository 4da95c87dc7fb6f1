"""
The admin at any size: the explorer of a busy region, the translation status report and
the dashboard cost the same number of queries however many articles the site holds,
because the translation status is kept (translations/store.py) and the explorer's
wagtail-localize buttons are read from it (translations/listing.py). What is kept must
be what working it out afresh says, and the buttons what wagtail-localize would offer.
"""

import pytest
from lxml import html as lxml_html

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from articles.models import ArticlePage
from regions.models import RegionPage
from tests.admin_forms import form_data
from tests.conftest import EDITOR_GROUPS
from translations import listing, store
from translations.models import TranslationState
from translations.status import Status
from translations.wagtail_hooks import allowed_page_buttons, page_listing_more_buttons

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


def queries(client, url):
    client.get(url)  # the first request fills what every request shares
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def admin_costs(client, region):
    return {
        url: queries(client, url)
        for url in [
            f"/admin/pages/{region.pk}/",
            "/admin/",
            "/admin/reports/translation-status/",
            "/admin/reports/translation-status/?status=missing&kind=page&language=en",
        ]
    }


def add_untranslated(region, numbers):
    for number in numbers:
        region.add_child(
            instance=ArticlePage(title=f"Oöversatt {number}", slug=f"ooversatt-{number}")
        ).save_revision().publish()


def test_the_admin_costs_the_same_with_more_articles(office, region):
    # Some articles untranslated, so that the explorer offers both of its buttons.
    add_untranslated(region, range(2))
    before = admin_costs(office, region)
    call_command("add_articles", 60, verbosity=0)
    add_untranslated(region, range(2, 6))
    after = admin_costs(office, region)
    # No more with more articles. The report can cost less: its first page then shows
    # fewer kinds of page (the demo's events move to a later page), each kind a query.
    assert after.keys() == before.keys()
    assert all(after[path] <= before[path] for path in before), (before, after)


def test_the_report_pages_through_everything_in_the_database(office, en):
    call_command("add_articles", 120, verbosity=0)
    total = store.states([en]).count()
    assert total > 100
    response = office.get("/admin/reports/translation-status/", {"language": "en", "p": 2})
    assert response.status_code == 200
    rows = lxml_html.fromstring(response.content).xpath(
        '//table[@id="translation-status"]/tbody/tr'
    )
    assert len(rows) == min(100, total - 100)
    # Counts are of everything, not of the page shown.
    counts = lxml_html.fromstring(response.content).xpath("//span[@data-status]/text()")
    assert sum(int(text.rsplit(":", 1)[1]) for text in counts) == total


def test_a_publish_in_the_admin_changes_the_kept_status_at_once(office, region, en):
    url = f"/admin/pages/add/articles/articlepage/{region.pk}/"
    data = form_data(office, url, form_id="page-edit-form")
    data.update(
        title="Ny text",
        slug="ny-text",
        kind="news",
        date="2024-05-02",
        introduction="Ingress.",
        **{"action-publish": "action-publish"},
    )
    data.update(nested_form_data({"body": streamfield([])}))
    response = office.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="ny-text")
    # Read from the database as another process would: nothing is pending here.
    assert not store.pending
    assert TranslationState.objects.get(page=article, locale=en).status == Status.MISSING


@pytest.mark.parametrize("actor", list(EDITOR_GROUPS))
def test_the_explorer_offers_what_wagtail_localize_would_allow(users, actor, sv, en, region):
    user = users[actor]
    untranslated = region.add_child(instance=ArticlePage(title="Ny", slug="ny"))
    untranslated.save_revision().publish()
    changed = ArticlePage.objects.child_of(region).filter(locale=sv).exclude(pk=untranslated.pk)[0]
    changed.save_revision().publish()
    # A page written in English only: wagtail-localize offers to translate it to Swedish.
    english_only = region.get_translation(en).add_child(
        instance=ArticlePage(title="Only in English", slug="only-in-english", locale=en)
    )
    english_only.save_revision().publish()
    parents = [
        Page.objects.get(depth=1),
        region.get_parent(),
        region,
        RegionPage.objects.get(locale=sv, slug="ovre-norrland"),
        region.get_translation(en),
    ]
    offered = []
    for parent in parents:
        # As the explorer and the page search list them: with their states (listing.py).
        for page in listing.with_states(parent.get_children()):
            ours = [b.url for b in page_listing_more_buttons(page, user, next_url="/back/")]
            theirs = [b.url for b in allowed_page_buttons(page, user, None, "/back/")]
            assert ours == theirs, (actor, page.url_path)
            offered += ours
    if actor != "other_region":
        assert f"/admin/localize/submit/page/{untranslated.pk}/" in offered
    if actor == "office":
        assert f"/admin/localize/submit/page/{english_only.pk}/" in offered


def test_a_database_changed_behind_the_sites_back_is_rebuilt_by_the_command(en, capsys):
    expected = store.summary()
    TranslationState.objects.filter(status=Status.UP_TO_DATE).delete()
    assert store.summary() != expected
    call_command("translation_status", "--rebuild")
    assert store.summary() == expected
    assert "up_to_date: " in capsys.readouterr().out
