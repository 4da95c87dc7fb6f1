"""
People and partners have drafts, revisions, preview, locking and moderation, as pages do:
what an editor saves waits until someone who may publish does, and visitors see only
what is live, in every place that shows them (footer, partners page, team, byline, feed,
structured data).
"""

import json

import pytest
from lxml import html as lxml_html

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Revision, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from articles.models import ArticlePage
from governance.groups import WORKFLOW_NAME
from partners.models import Partner
from regions.models import Person, RegionPage
from tests.admin_forms import form_data
from translations import store
from translations.review import REVIEW_ACTION, SUBMIT_ACTION
from translations.status import Status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]

ADD_PARTNER = "/admin/snippets/partners/partner/add/?locale=sv"


def edit_url(obj):
    opts = obj._meta
    return f"/admin/snippets/{opts.app_label}/{opts.model_name}/edit/{obj.pk}/"


def save_in_admin(client, obj, publish=False, **changes):
    data = form_data(client, edit_url(obj), form_id="w-editor-form")
    data.update(changes)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(edit_url(obj), data)


def stop_translation(client, source):
    """Stop syncing ``source``'s English, so that Wagtail's own editor edits it."""
    translation = Translation.objects.get(source__object_id=source.translation_key)
    client.post(f"/admin/localize/translate/{translation.pk}/disable/")
    translation.refresh_from_db()
    assert not translation.enabled


def text(client, path):
    """The page as served (the footer names partners in its logos' alt text)."""
    return client.get(path).content.decode()


def preview(client, obj, **changes):
    """The admin's preview of ``obj`` with ``changes``: the form is posted, then shown."""
    opts = obj._meta
    url = f"/admin/snippets/{opts.app_label}/{opts.model_name}/preview/{obj.pk}/"
    data = form_data(client, edit_url(obj), form_id="w-editor-form")
    data.update(changes)
    assert json.loads(client.post(url, data).content)["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


@pytest.fixture
def partner(sv):
    return Partner.objects.filter(locale=sv).order_by("sort_order").first()


@pytest.fixture
def author(sv):
    """The Ledare's author: a member of Mellersta Norrland's team."""
    return ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige").author


# --- partners ------------------------------------------------------------------------


def test_a_new_partner_saved_as_a_draft_shows_nowhere_until_published(client, office):
    data = form_data(office, ADD_PARTNER, form_id="w-editor-form")
    data.update(name="Utkast Industri AB", kind="financier", sort_order="5")
    assert office.post(ADD_PARTNER, data).status_code == 302
    draft = Partner.objects.get(name="Utkast Industri AB")
    assert not draft.live
    for path in ("/", "/partner/"):
        assert "Utkast Industri AB" not in text(client, path), path

    assert save_in_admin(office, draft, publish=True).status_code == 302
    for path in ("/", "/partner/", "/en/partners/"):
        assert "Utkast Industri AB" in text(client, path), path


def test_a_draft_of_a_live_partner_leaves_the_public_name_until_published(client, office, partner):
    before = partner.name
    assert text(client, "/").count(before)
    assert save_in_admin(office, partner, name="Nytt namn AB").status_code == 302
    partner.refresh_from_db()
    assert partner.live and partner.has_unpublished_changes
    assert partner.name == before, "the row visitors read still holds the live name"
    assert "Nytt namn AB" not in text(client, "/")
    assert "Nytt namn AB" not in text(client, "/partner/")

    assert save_in_admin(office, partner, publish=True).status_code == 302
    assert "Nytt namn AB" in text(client, "/")
    assert partner.revisions.count() >= 2, "each save is a revision in its history"


def test_a_saved_draft_keeps_the_page_cache_and_a_publish_renews_it(client, office, partner):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    save_in_admin(office, partner, name="Bara ett utkast AB")
    assert client.get("/")["X-Page-Cache"] == "hit", "a draft changes nothing a visitor sees"
    save_in_admin(office, partner, publish=True)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Bara ett utkast AB" in response.content.decode()


def test_an_unpublished_partner_leaves_every_page(client, office, partner):
    url = f"/admin/snippets/partners/partner/unpublish/{partner.pk}/"
    assert office.post(url).status_code == 302
    for path in ("/", "/partner/"):
        assert partner.name not in text(client, path), path


def test_the_english_site_falls_back_to_the_live_swedish_partner(client, sv, en):
    partner = Partner.objects.get(locale=sv, name="Chalmers tekniska högskola")
    english = partner.get_translation(en)
    assert english.name in text(client, "/en/partners/")
    english.unpublish()
    english_text = text(client, "/en/partners/")
    assert english.name not in english_text
    assert partner.name in english_text, "the Swedish partner stands in, as for a missing one"


def test_the_preview_shows_the_draft_in_the_partners_own_language(office, partner, en):
    english = partner.get_translation(en)
    stop_translation(office, partner)
    page = preview(office, english, description="A draft description nobody else has seen.")
    assert page.get("lang") == "en"
    assert "On the partners page" in page.text_content()
    assert "A draft description nobody else has seen." in page.text_content()
    english.refresh_from_db()
    assert english.description != "A draft description nobody else has seen."


def test_the_office_locks_a_partner_and_a_translator_cannot_save_it(
    office, translator, partner, en
):
    english = partner.get_translation(en)
    stop_translation(office, partner)
    assert office.post(f"/admin/snippets/partners/partner/lock/{english.pk}/").status_code == 302
    english.refresh_from_db()
    assert english.locked
    revisions = english.revisions.count()
    response = save_in_admin(translator, english, description="Changed while locked.")
    assert response.status_code == 200, "the form comes back with why"
    assert english.revisions.count() == revisions, "nothing was saved"

    assert office.post(f"/admin/snippets/partners/partner/unlock/{english.pk}/").status_code == 302
    assert (
        save_in_admin(translator, english, description="Changed once unlocked.").status_code == 302
    )
    assert english.revisions.count() == revisions + 1


# --- moderation -------------------------------------------------------------------------


def test_people_and_partners_go_through_the_programme_offices_workflow(partner, author):
    assert partner.get_workflow().name == WORKFLOW_NAME
    assert author.get_workflow().name == WORKFLOW_NAME


def test_a_translator_may_not_publish_an_english_partner(office, translator, partner, en):
    english = partner.get_translation(en)
    stop_translation(office, partner)
    before = english.description
    save_in_admin(translator, english, publish=True, description="Published by a translator?")
    english.refresh_from_db()
    assert english.description == before, "visitors still read the live description"
    assert english.has_unpublished_changes, "what the translator wrote waits as a draft"
    editor = lxml_html.fromstring(translator.get(edit_url(english)).content)
    assert not editor.xpath('//button[@name="action-publish"]')
    assert editor.xpath('//button[@name="action-submit"]'), "submitting for moderation is offered"


def test_a_translator_submits_an_english_partner_and_the_office_approves(
    client, translator, office, partner, sv, en
):
    english = partner.get_translation(en)
    translation = Translation.objects.get(
        source__object_id=partner.translation_key, target_locale=en
    )
    partner.description = "En ny beskrivning av vad partnern gör."
    partner.save_revision().publish()
    translation.source.update_from_db()
    segment = StringSegment.objects.get(source=translation.source, string__data=partner.description)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=en,
        context=segment.context,
        data="A new description of what the partner does.",
    )

    editor = lxml_html.fromstring(translator.get(edit_url(english)).content)
    assert editor.xpath(f'//button[@name="{SUBMIT_ACTION}"]'), "the translator is offered submit"
    assert translator.post(edit_url(english), {SUBMIT_ACTION: "1"}).status_code == 302
    # wagtail-localize's editor of a snippet in moderation answered 500 on Wagtail 8
    # (translation_tags.TranslatedSnippetStatusPanel).
    waiting = lxml_html.fromstring(translator.get(edit_url(english)).content)
    assert waiting.xpath('//*[@data-review-state="in_review"]'), "the editor says it waits"
    state = WorkflowState.objects.for_instance(english).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert store.states([en]).get(translation_key=partner.translation_key).status == (
        Status.IN_REVIEW
    )
    assert "A new description" not in text(client, "/en/partners/"), "not live before approval"

    assert office.post(edit_url(english), {REVIEW_ACTION: "approve"}).status_code == 302
    assert "A new description of what the partner does." in text(client, "/en/partners/")
    assert store.states([en]).get(translation_key=partner.translation_key).status == (
        Status.UP_TO_DATE
    )


# --- the translation status -----------------------------------------------------------


def test_a_partner_translated_from_the_report_starts_as_a_draft(client, office, sv, en):
    partner = Partner.objects.create(locale=sv, name="Almi Företagspartner", kind="financier")
    partner.save_revision().publish()
    url = f"/admin/localize/submit/snippet/partners/partner/{partner.pk}/"
    assert office.post(url, {"locales": [en.pk]}).status_code == 302
    english = partner.get_translation(en)
    assert not english.live, "created as a draft, its text still Swedish"
    status = store.states([en]).get(translation_key=partner.translation_key).status
    assert status == Status.DRAFT
    assert "Almi Företagspartner" in text(client, "/en/partners/"), "the Swedish stands in"


def test_an_unpublished_english_partner_is_ready_to_publish_again(partner, en):
    english = partner.get_translation(en)
    assert store.states([en]).get(translation_key=partner.translation_key).status == (
        Status.UP_TO_DATE
    )
    english.unpublish()
    assert store.states([en]).get(translation_key=partner.translation_key).status == Status.READY


def test_locking_or_a_draft_of_the_swedish_partner_does_not_outdate_its_translation(
    office, partner, en
):
    office.post(f"/admin/snippets/partners/partner/lock/{partner.pk}/")
    save_in_admin(office, partner, description="Ett utkast som ingen har publicerat.")
    assert store.states([en]).get(translation_key=partner.translation_key).status == (
        Status.UP_TO_DATE
    )
    save_in_admin(office, partner, publish=True)
    assert store.states([en]).get(translation_key=partner.translation_key).status == (
        Status.OUTDATED
    )


# --- people -----------------------------------------------------------------------------


def test_an_unpublished_person_leaves_the_team_and_the_byline(client, author, sv):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    byline = "//*[@class='byline' or @class='article__signature']"
    assert author.name in text(client, region.url)
    assert lxml_html.fromstring(client.get(article.url).content).xpath(byline)

    assert author.name in client.get(f"/rss/{region.slug}/").content.decode()

    author.unpublish()
    team = lxml_html.fromstring(client.get(region.url).content).xpath("//section[@class='team']")
    assert not team or author.name not in team[0].text_content()
    page = lxml_html.fromstring(client.get(article.url).content)
    assert not page.xpath(byline)
    data = page.xpath("//script[@type='application/ld+json']/text()")
    assert "author" not in json.loads(data[0])
    assert author.name not in client.get(f"/rss/{region.slug}/").content.decode()
    assert author.name not in client.get("/rss/").content.decode()


@pytest.mark.parametrize("withdrawn", [True, False], ids=["withdrawn", "draft"])
def test_an_english_person_not_yet_live_shows_as_the_live_swedish_one(
    client, author, en, withdrawn
):
    english = author.get_translation(en)
    article = ArticlePage.objects.get(locale=author.locale, slug="reflektion-fran-mitt-sverige")
    english_article = article.get_translation(en)
    region = RegionPage.objects.get(locale=author.locale, slug="mellersta-norrland")
    english_region = region.get_translation(en)
    if withdrawn:
        english.unpublish()
    else:
        english.live = False  # a new translation, waiting for the office's approval
        english.save()
    team = lxml_html.fromstring(client.get(english_region.url).content)
    names = team.xpath("//section[@class='team']//p[@class='team__name']/text()")
    assert author.name in names, "the English team still shows the person"
    page = lxml_html.fromstring(client.get(english_article.url).content)
    byline = page.xpath("string(//*[@class='byline'])")
    assert author.name in byline
    assert english_region.title in byline, "with the role from the English team"
    data = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["author"]["name"] == author.name


def test_a_persons_preview_shows_them_as_the_team_shows_them(office, author):
    page = preview(office, author, name="Pernilla I. Ingelsson")
    assert page.get("lang") == "sv"
    names = page.xpath("//li[@class='team__member']/p[@class='team__name']/text()")
    assert names == ["Pernilla I. Ingelsson"]
    assert "I en nods team" in page.text_content()
    author.refresh_from_db()
    assert author.name != "Pernilla I. Ingelsson", "a preview saves nothing"


def test_the_office_publishes_people_and_partners_and_translators_only_lock(users):
    office, translator = users["office"], users["translator"]
    for model in (Person, Partner):
        name = model._meta.model_name
        assert office.has_perm(f"{model._meta.app_label}.publish_{name}")
        assert office.has_perm(f"{model._meta.app_label}.unlock_{name}")
        assert not translator.has_perm(f"{model._meta.app_label}.publish_{name}")
        assert translator.has_perm(f"{model._meta.app_label}.lock_{name}")


def test_every_demo_person_and_partner_has_a_published_revision(sv, en):
    for model in (Person, Partner):
        for obj in model.objects.all():
            assert obj.live and obj.live_revision_id, obj
    kinds = ContentType.objects.get_for_models(Person, Partner).values()
    assert Revision.objects.filter(base_content_type__in=kinds).exists()
