"""
Offered ⇔ allowed: every action the admin shows a role (a link or button in the explorer,
the page editor, the translation editor, the snippet screens and the translation status
report) answers that role without a permission refusal, and every action shown to the
programme office on the same screen but not to the role refuses the role. The screens are
rendered with the test client and read as a browser reads them, the translation editor's
from the properties its React app is drawn from.
"""

import json
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import Translation

from articles.models import ArticlePage
from home.models import HomePage
from partners.models import Partner
from regions.models import RegionIndexPage, RegionPage
from tests.conftest import login

pytestmark = [pytest.mark.django_db]

ROLES = ["office", "region", "translator"]

# Not actions on the content: the session, the user's own account, the dashboard.
NOT_ACTIONS = ("/admin/logout/", "/admin/account/", "/admin/login/")
# Bulk actions: their links are completed with the chosen rows by the listing's script.
NOT_ACTIONS += ("/admin/bulk/",)
# A listing in another order ("Sort menu order" leads to the explorer ordered by it).
ORDERINGS = "?ordering="

REFUSALS = (
    "permission",
    "behörighet",
    "not yours",
    "inte din",
)


def refused(response):
    if response.status_code == 403:
        return True
    # Only what this request said: the storage also holds messages of earlier ones.
    said = " ".join(
        str(message) for message in get_messages(response.wsgi_request)._queued_messages
    )
    return any(word in said for word in REFUSALS)


def editor_actions(data):
    """What the translation editor's footer and toolbox offer, from its properties."""
    links, perms = data["links"], data["perms"]
    offered = [links["downloadPofile"]]
    offered += [mode["url"] for mode in data.get("previewModes", [])]
    if links.get("convertToAliasUrl"):
        offered.append(links["convertToAliasUrl"])
    if perms.get("canDelete"):
        offered.append(links["deleteUrl"])
    if perms.get("canUnpublish") and links.get("unpublishUrl"):
        offered.append(links["unpublishUrl"])
    return offered


# The page editor's action menu items that are buttons of its form, and the view each
# one leads to.
MENU_BUTTONS = {
    "localize-convert-to-alias": lambda page_id: reverse(
        "wagtail_localize:convert_to_alias", args=[page_id]
    ),
}


def offered(client, url):
    """The admin addresses the screen at ``url`` offers, or None if it refuses the user."""
    response = client.get(url)
    if refused(response) or response.status_code == 302:
        return None
    assert response.status_code == 200, url
    tree = lxml_html.fromstring(response.content)
    # Links of the screen, its header and its side panels (a page's history and usage), a
    # chooser's link to the chosen item among them; not the side panels' toggles.
    found = tree.xpath(
        "(//main//a | //header//a)[not(contains(@class, 'w-side-panel-toggle'))]/@href"
    )
    for props in tree.xpath('//*[contains(@class, "js-translation-editor")]/@data-props'):
        found += editor_actions(json.loads(props))
    edit = urlsplit(url).path.split("/")
    if edit[1:3] == ["admin", "pages"] and edit[-2] == "edit":
        for name in tree.xpath("//footer//button/@name"):
            if name in MENU_BUTTONS:
                found.append(MENU_BUTTONS[name](int(edit[3])))
    return {
        link.split("#")[0]
        for link in found
        if link.startswith("/admin/")
        and link.split("#")[0] not in {"/admin/", "/admin/pages/", url}
        and not link.startswith(NOT_ACTIONS)
        and ORDERINGS not in link
    }


@pytest.fixture
def screens(sv, en):
    """The screens the journey passes, for each role."""
    home_sv = HomePage.objects.get(locale=sv)
    regions_sv = RegionIndexPage.objects.get(locale=sv)
    own_sv = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    article_sv = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    article_en = article_sv.get_translation(en)
    article_sv.introduction = "En ny ingress."
    article_sv.save_revision().publish()  # out of date: Sync is offered
    partner_en = Partner.objects.filter(locale=en).first()
    partner_sv = partner_en.get_translation(sv)
    return [
        "/admin/pages/",
        f"/admin/pages/{home_sv.pk}/",
        f"/admin/pages/{regions_sv.pk}/",
        f"/admin/pages/{own_sv.pk}/",
        f"/admin/pages/{own_sv.get_translation(en).pk}/",
        f"/admin/pages/{HomePage.objects.get(locale=en).pk}/",
        f"/admin/pages/{own_sv.pk}/edit/",
        f"/admin/pages/{article_sv.pk}/edit/",
        f"/admin/pages/{article_en.pk}/edit/",  # the translation editor
        "/admin/snippets/partners/partner/",
        f"/admin/snippets/partners/partner/edit/{partner_sv.pk}/",
        f"/admin/snippets/partners/partner/edit/{partner_en.pk}/",
        "/admin/snippets/regions/person/",
        "/admin/reports/translation-status/",
    ]


def test_office_sees_the_screens(users, screens):
    client = login(users["office"])
    for url in screens:
        assert offered(client, url) is not None, url


@pytest.mark.parametrize("role", ROLES)
def test_offered_if_and_only_if_allowed(users, screens, role):
    office, client = login(users["office"]), login(users[role])
    wrongly_offered, wrongly_hidden = [], []
    answers = {}

    def answer(link):
        if link not in answers:
            answers[link] = client.get(link)
        return answers[link]

    for screen in screens:
        theirs = offered(client, screen)
        everything = offered(office, screen)
        if theirs is None:
            continue
        for link in sorted(theirs):
            if refused(answer(link)):
                wrongly_offered.append((screen, link))
        for link in sorted(everything - theirs):
            response = answer(link)
            if response.status_code != 405 and not refused(response):
                wrongly_hidden.append((screen, link, response.status_code))
    assert wrongly_offered == [], "offered, then refused:\n" + "\n".join(map(str, wrongly_offered))
    assert wrongly_hidden == [], "allowed, but not offered:\n" + "\n".join(map(str, wrongly_hidden))


# --- the cases the walk-through found ------------------------------------------------------


def convert_offered(client, page):
    """Whether the page's editor (the translation editor, or Wagtail's once the translation
    was stopped) offers "Convert to alias page"."""
    tree = lxml_html.fromstring(client.get(f"/admin/pages/{page.pk}/edit/").content)
    for props in tree.xpath('//*[contains(@class, "js-translation-editor")]/@data-props'):
        return bool(json.loads(props)["links"]["convertToAliasUrl"])
    return bool(tree.xpath('//footer//button[@name="localize-convert-to-alias"]'))


@pytest.mark.parametrize("stopped", [False, True])
@pytest.mark.parametrize(
    ("actor", "offered_to"), [("office", True), ("region", False), ("translator", False)]
)
def test_convert_to_alias_is_offered_only_to_those_who_may(
    users, sv, en, actor, offered_to, stopped
):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    english = article.get_translation(en)
    if stopped:
        Translation.objects.filter(source__object_id=article.translation_key).update(enabled=False)
    assert convert_offered(login(users[actor]), english) is offered_to


def test_another_regions_explorer_is_refused_with_a_plain_message(users, sv):
    other = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    own = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    response = login(users["region"]).get(f"/admin/pages/{other.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{own.pk}/", "their own region"
    said = [str(m) for m in response.context["messages"]]
    assert said == ["Den delen av sidträdet är inte din. Här är sidorna du arbetar med."]


def test_the_explorer_still_leads_a_regional_editor_through_the_ancestors(users, sv):
    regions = RegionIndexPage.objects.get(locale=sv)
    response = login(users["region"]).get(f"/admin/pages/{regions.pk}/")
    assert response.status_code == 200
    listed = lxml_html.fromstring(response.content).xpath("//table//a/@href")
    own = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    other = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    assert f"/admin/pages/{own.pk}/" in listed
    assert f"/admin/pages/{other.pk}/" not in listed


def chosen_items_links(client, url):
    """The links of ``url``'s choosers to the chosen items' editors that are shown."""
    tree = lxml_html.fromstring(client.get(url).content)
    return tree.xpath("//a[@data-chooser-edit-link][not(@hidden)]/@href")


def test_a_chooser_links_the_chosen_person_only_for_those_who_may_edit_people(users, sv):
    team_page = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    url = f"/admin/pages/{team_page.pk}/edit/"
    people = "/admin/snippets/regions/person/edit/"
    assert any(link.startswith(people) for link in chosen_items_links(login(users["office"]), url))
    # The regional editor edits the page and chooses its team, but may not edit people.
    assert not any(
        link.startswith(people) for link in chosen_items_links(login(users["region"]), url)
    )


def side_panel_text_and_links(client, page):
    tree = lxml_html.fromstring(client.get(f"/admin/pages/{page.pk}/").content)
    panel = tree.xpath("//*[@data-side-panel='status']")[0]
    return " ".join(panel.text_content().split()), panel.xpath(".//a/@href")


def test_a_page_passed_through_shows_its_usage_without_links_it_would_refuse(users, sv):
    home = HomePage.objects.get(locale=sv)
    text, links = side_panel_text_and_links(login(users["region"]), home)
    assert not [link for link in links if "/history/" in link or "/usage/" in link]
    assert "Refererad" in text, "the usage count is still told"
    text, links = side_panel_text_and_links(login(users["office"]), home)
    assert f"/admin/pages/{home.pk}/history/" in links
    assert f"/admin/pages/{home.pk}/usage/" in links
