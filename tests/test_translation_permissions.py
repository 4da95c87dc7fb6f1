"""
wagtail-localize's views under the page tree's permissions: every one of them, for the
programme office, a regional editor (own and other region) and a translator, through
real admin requests. Opening needs permission to edit the translation; publishing needs
permission to publish it; a refused request changes nothing.
"""

import pytest
from lxml import html as lxml_html

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import ArticlePage
from partners.models import Partner
from regions.models import RegionPage
from tests.conftest import EDITOR_GROUPS, login
from translations.middleware import GUARDS, NAMESPACE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]

ACTORS = list(EDITOR_GROUPS)


@pytest.fixture
def new_article(sv):
    """A published Swedish Ledare in Mellersta Norrland with no English translation yet."""
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    article = region.add_child(
        instance=ArticlePage(
            title="Turné i Jämtland", slug="turne-i-jamtland", introduction="Ingress."
        )
    )
    article.save_revision().publish()
    return article


@pytest.fixture
def changed_article(sv, en):
    """Mellersta Norrland's translated Ledare, changed and republished in Swedish since."""
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    article.introduction = "En ny ingress som ingen har översatt."
    article.save_revision().publish()
    return article


def snapshot(page=None):
    """Everything a translation view could change."""
    english = english_of(page) if page else None
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "strings": sorted(StringTranslation.objects.values_list("pk", "data")),
        "translations": sorted(Translation.objects.values_list("pk", "enabled")),
        "english": (english.live, english.live_revision_id, english.title) if english else None,
    }


def english_of(page):
    return page.get_translations().filter(locale__language_code="en").first()


# --- every view has a guard ---------------------------------------------------------------


def test_every_wagtail_localize_view_has_a_guard():
    names = set()
    admin = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")
    for pattern in admin.url_patterns:
        if getattr(pattern, "namespace", None) == NAMESPACE:
            names |= {p.name for p in pattern.url_patterns}
    assert names, "wagtail-localize's views were found"
    assert names <= set(GUARDS), f"views without a guard: {sorted(names - set(GUARDS))}"


# --- starting a translation ---------------------------------------------------------------

SUBMIT_ALLOWED = {"office": True, "region": True, "other_region": False, "translator": True}


@pytest.mark.parametrize("actor", ACTORS)
def test_who_may_open_translate_this_page(users, new_article, actor):
    response = login(users[actor]).get(f"/admin/localize/submit/page/{new_article.pk}/")
    assert response.status_code == (200 if SUBMIT_ALLOWED[actor] else 302)


@pytest.mark.parametrize("actor", ACTORS)
def test_who_may_translate_a_page(users, new_article, en, actor):
    before = snapshot()
    login(users[actor]).post(f"/admin/localize/submit/page/{new_article.pk}/", {"locales": [en.pk]})
    created = new_article.get_translation_or_none(en) is not None
    assert created is SUBMIT_ALLOWED[actor]
    if not created:
        assert snapshot() == before


def test_a_region_editor_may_not_translate_the_national_home_page_tree(users, sv, en):
    page = Page.objects.get(locale=sv, depth=2).get_children().first().specific
    page.get_translations().delete()
    response = login(users["region"]).get(f"/admin/localize/submit/page/{page.pk}/")
    assert response.status_code == 302


SNIPPET_ALLOWED = {"office": True, "region": False, "other_region": False, "translator": True}


@pytest.mark.parametrize("actor", ACTORS)
def test_who_may_translate_a_partner(users, sv, en, actor):
    partner = Partner.objects.create(locale=sv, name="Almi", kind="financier", description="Lån.")
    url = f"/admin/localize/submit/snippet/partners/partner/{partner.pk}/"
    client = login(users[actor])
    assert client.get(url).status_code == (200 if SNIPPET_ALLOWED[actor] else 302)
    client.post(url, {"locales": [en.pk]})
    assert (partner.get_translation_or_none(en) is not None) is SNIPPET_ALLOWED[actor]


def test_a_page_whose_english_is_only_an_alias_is_offered_for_translation(users, new_article, en):
    """An alias shows the Swedish at an English address; translating it replaces the alias."""
    alias = new_article.copy_for_translation(en, alias=True)
    response = login(users["translator"]).get(f"/admin/localize/submit/page/{new_article.pk}/")
    assert response.status_code == 200
    login(users["translator"]).post(
        f"/admin/localize/submit/page/{new_article.pk}/", {"locales": [en.pk]}
    )
    alias.refresh_from_db()
    assert alias.alias_of_id is None, "the alias became a translation"


# --- syncing ------------------------------------------------------------------------------

SYNC_ALLOWED = {"office": True, "region": True, "other_region": False, "translator": True}


def sync_url(page):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return f"/admin/localize/update/{source.pk}/"


@pytest.mark.parametrize("actor", ACTORS)
def test_who_may_open_the_sync_form_and_whether_it_offers_publishing(users, changed_article, actor):
    response = login(users[actor]).get(sync_url(changed_article))
    assert response.status_code == (200 if SYNC_ALLOWED[actor] else 302)
    if response.status_code == 200:
        offered = lxml_html.fromstring(response.content).xpath(
            '//input[@name="publish_translations"]'
        )
        assert bool(offered) is (actor == "office")


@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_office_publishes_through_sync(
    users, changed_article, actor, django_capture_on_commit_callbacks
):
    english = english_of(changed_article)
    before = snapshot(changed_article)
    with django_capture_on_commit_callbacks(execute=True):
        login(users[actor]).post(sync_url(changed_article), {"publish_translations": "on"})
    english.refresh_from_db()
    if actor == "office":
        assert english.live_revision_id != before["english"][1]
    else:
        assert snapshot(changed_article) == before, "a refused sync changes nothing"


PARTNER_SYNC_ALLOWED = {"office": True, "region": False, "other_region": False, "translator": True}


@pytest.fixture
def translated_partner(users, sv, en):
    """A published Swedish partner, translated into English through wagtail-localize."""
    partner = Partner.objects.create(locale=sv, name="Almi", kind="financier", description="Lån.")
    login(users["office"]).post(
        f"/admin/localize/submit/snippet/partners/partner/{partner.pk}/", {"locales": [en.pk]}
    )
    assert partner.get_translation_or_none(en) is not None
    return partner


@pytest.mark.parametrize("actor", ACTORS)
def test_who_may_sync_a_partner_and_whether_it_offers_publishing(users, translated_partner, actor):
    """Translators sync partners, but their English goes through the workflow: only the
    programme office, which may publish partners, is offered "publish immediately"."""
    response = login(users[actor]).get(sync_url(translated_partner))
    assert response.status_code == (200 if PARTNER_SYNC_ALLOWED[actor] else 302)
    if response.status_code == 200:
        offered = lxml_html.fromstring(response.content).xpath(
            '//input[@name="publish_translations"]'
        )
        assert bool(offered) is (actor == "office")


def test_a_region_editor_syncs_without_publishing(users, changed_article):
    english = english_of(changed_article)
    live_revision = english.live_revision_id
    source = TranslationSource.objects.get(object_id=changed_article.translation_key)
    synced_before = source.last_updated_at
    response = login(users["region"]).post(sync_url(changed_article), {})
    assert response.status_code == 302
    source.refresh_from_db()
    english.refresh_from_db()
    assert source.last_updated_at > synced_before
    assert english.live_revision_id == live_revision


def test_the_other_regions_editor_cannot_publish_through_sync(users, sv):
    """The reported hole: Mellersta Norrland's editor published Övre Norrland's English page."""
    page = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    page.host_organisation = "Luleå tekniska universitet (ändrad)"
    page.save_revision().publish()
    english = english_of(page)
    before = snapshot(page)
    login(users["region"]).post(sync_url(page), {"publish_translations": "on"})
    english.refresh_from_db()
    assert snapshot(page) == before


# --- the translation editor's own views ---------------------------------------------------

EDIT_ALLOWED = {"office": True, "region": True, "other_region": False, "translator": True}


@pytest.fixture
def editor(changed_article, en):
    translation = Translation.objects.get(
        source__object_id=changed_article.translation_key, target_locale=en
    )
    segment = translation.source.stringsegment_set.select_related("string").first()
    return translation, segment


def editor_requests(translation, segment):
    base = f"/admin/localize/translate/{translation.pk}"
    po = SimpleUploadedFile("t.po", translation.export_po().__unicode__().encode())
    return [
        ("get", f"{base}/pofile/download/", {}),
        ("post", f"{base}/pofile/upload/", {"file": po, "next": "/admin/"}),
        ("post", f"{base}/machine_translate/", {"next": "/admin/"}),
        ("get", f"{base}/preview/", {}),
        ("post", f"{base}/disable/", {"next": "/admin/"}),
    ]


@pytest.mark.parametrize("actor", ACTORS)
def test_the_translation_editors_views(users, editor, changed_article, actor):
    translation, segment = editor
    client = login(users[actor])
    before = snapshot(changed_article)
    statuses = []
    for method, url, data in editor_requests(translation, segment):
        response = getattr(client, method)(url, data)
        statuses.append(response.status_code)
        if not EDIT_ALLOWED[actor]:
            assert response.status_code == 302 and response.url == "/admin/", url
    if not EDIT_ALLOWED[actor]:
        assert snapshot(changed_article) == before
    else:
        assert 302 in statuses and 200 in statuses
        translation.refresh_from_db()
        assert translation.enabled is False, "stopping the translation took effect"


@pytest.mark.parametrize("actor", ACTORS)
def test_editing_one_string(users, editor, en, actor):
    translation, segment = editor
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
    login(users[actor]).put(
        url, "value=A+translator%27s+words", content_type="application/x-www-form-urlencoded"
    )
    saved = StringTranslation.objects.filter(
        translation_of=segment.string, locale=en, data="A translator's words"
    ).exists()
    assert saved is EDIT_ALLOWED[actor]


@pytest.mark.parametrize(
    ("actor", "allowed"),
    [("office", True), ("region", False), ("other_region", False), ("translator", False)],
)
def test_converting_a_translation_to_an_alias_needs_publish_permission(
    users, changed_article, actor, allowed
):
    english = english_of(changed_article)
    login(users[actor]).post(f"/admin/localize/page/{english.pk}/convert_to_alias/", {})
    english.refresh_from_db()
    assert (english.alias_of_id == changed_article.pk) is allowed


# --- the buttons offered -------------------------------------------------------------------


def button_labels(response):
    return " ".join(lxml_html.fromstring(response.content).xpath("//a/text()"))


def page_links(client, page):
    response = client.get(f"/admin/pages/{page.pk}/")
    assert response.status_code == 200
    return lxml_html.fromstring(response.content).xpath("//a/@href")


def test_the_explorer_offers_wagtail_localize_actions_only_where_they_are_allowed(
    users, new_article, changed_article
):
    client = login(users["region"])
    own_region = new_article.get_parent()
    assert f"/admin/localize/submit/page/{new_article.pk}/" in page_links(client, own_region)
    assert any(
        link.startswith(sync_url(changed_article)) for link in page_links(client, own_region)
    )
    # The region index is shown for navigation, but its translations are not theirs to sync.
    index = own_region.get_parent().specific
    index.save_revision().publish()
    links = page_links(client, index)
    assert not any(link.startswith(sync_url(index)) for link in links)
    assert any(link.startswith(sync_url(own_region)) for link in links), "its own region's is"


def test_the_report_offers_only_what_the_viewer_may_do(users, new_article):
    def action_for(actor):
        response = login(users[actor]).get("/admin/reports/translation-status/?status=missing")
        row = lxml_html.fromstring(response.content).xpath(
            f'//tr[td[1][normalize-space()="{new_article.title}"]]'
        )[0]
        return [a.get("href") for a in row.xpath(".//a")]

    translate = f"/admin/localize/submit/page/{new_article.pk}/"
    assert action_for("translator") == [translate]
    assert action_for("region") == [translate]
    assert action_for("other_region") == []


def test_the_snippet_listing_offers_translate_only_to_those_allowed(users, sv, en):
    """A Swedish partner never published is translated only by those who may publish it:
    the translator is not offered wagtail-localize's button (construct_snippet_listing_buttons)."""
    draft = Partner.objects.create(
        locale=sv, name="Utkast AB", kind="financier", description="Ej publicerad.", live=False
    )
    Partner.objects.exclude(pk=draft.pk).delete()  # the listing, on one page
    translate = f"/admin/localize/submit/snippet/partners/partner/{draft.pk}/"

    def links(actor):
        response = login(users[actor]).get("/admin/snippets/partners/partner/")
        assert response.status_code == 200
        return lxml_html.fromstring(response.content).xpath("//a/@href")

    assert translate in links("office")
    assert translate not in links("translator")
