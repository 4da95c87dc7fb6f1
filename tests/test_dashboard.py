"""
Each role's dashboard says what waits for them ("Waiting for you"), each with its count
and one link, and the count is what the linked listing shows.
"""

import pytest
from lxml import html as lxml_html

from wagtail.models import WorkflowState

from articles.models import ArticlePage
from regions.models import RegionPage
from tests.conftest import login

pytestmark = pytest.mark.django_db


def waiting(client):
    """{label: (count, url)} of the dashboard's "Waiting for you" panel."""
    tree = lxml_html.fromstring(client.get("/admin/").content)
    rows = {}
    for row in tree.xpath('//section[@aria-labelledby="waiting-for-you-heading"]//tbody/tr'):
        link = row.xpath(".//td[1]//a")[0]
        rows[link.text_content().strip()] = (
            int(row.xpath("string(.//td[2])").strip()),
            link.get("href"),
        )
    return rows


def listed(client, url):
    """How many rows the listing at ``url`` shows."""
    response = client.get(url)
    assert response.status_code == 200, url
    tree = lxml_html.fromstring(response.content)
    rows = tree.xpath("//table[contains(@class, 'listing')]/tbody/tr[not(td[@colspan])]")
    return len(rows)


@pytest.fixture
def moderation(users, sv):
    """In Mellersta Norrland: one draft, one waiting for the office, one sent back."""
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    pages = {}
    for name in ("draft", "submitted", "returned"):
        page = region.add_child(
            instance=ArticlePage(title=f"Artikel {name}", slug=f"artikel-{name}", live=False)
        )
        page.save_revision(user=users["region"])
        pages[name] = page
    for name in ("submitted", "returned"):
        pages[name].get_workflow().start(pages[name], users["region"])
    state = WorkflowState.objects.for_instance(pages["returned"]).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["office"], "reject")
    return pages


def test_the_regional_editor_sees_drafts_and_returned_pages(users, moderation):
    client = login(users["region"])
    rows = waiting(client)
    assert set(rows) == {"Utkast i din region", "Skickade tillbaka med begärda ändringar"}
    assert rows["Utkast i din region"][0] == 1
    count, url = rows["Skickade tillbaka med begärda ändringar"]
    assert count == 1 == listed(client, url)


def test_the_office_sees_its_reviews_and_what_is_ready_to_publish(users, moderation):
    client = login(users["office"])
    rows = waiting(client)
    assert set(rows) == {"Väntar på din granskning", "Översättningar klara att publicera"}
    for count, url in rows.values():
        assert count == listed(client, url), url
    assert rows["Väntar på din granskning"][0] >= 1


def test_the_translator_sees_what_to_translate_and_translate_again(users, sv):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    article.introduction = "En ny ingress."
    article.save_revision().publish()  # its English is out of date
    client = login(users["translator"])
    rows = waiting(client)
    assert set(rows) == {
        "Att översätta",
        "Att översätta igen",
        "Skickade tillbaka med begärda ändringar",
    }
    for count, url in rows.values():
        assert count == listed(client, url), url
    assert rows["Att översätta igen"][0] >= 1
