"""
Which node serves my county: Sweden's 21 counties, each served by exactly one node in the
demo, shown on the region pages, found from the regions page by a plain form in both
languages, and kept to one node each by the admin.
"""

import pytest
from lxml import html as lxml_html

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from regions.counties import COUNTIES
from regions.models import County, RegionPage
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def test_the_21_counties_with_their_official_codes():
    assert County.objects.count() == 21
    jamtland = County.objects.get(code="23")
    assert (jamtland.letter, jamtland.name_sv, jamtland.name_en) == (
        "Z",
        "Jämtlands län",
        "Jämtland County",
    )
    assert len({code for code, *_ in COUNTIES}) == 21


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_county_leads_to_exactly_one_node_in_each_language(language):
    for county in County.objects.all():
        nodes = RegionPage.objects.live().filter(locale__language_code=language, counties=county)
        assert nodes.count() == 1, f"{county.name_sv}: {list(nodes)}"


def test_the_nodes_follow_nuts_2():
    mellersta = RegionPage.objects.get(locale__language_code="sv", slug="mellersta-norrland")
    assert {c.name_sv for c in mellersta.counties.all()} == {"Västernorrlands län", "Jämtlands län"}
    ovre = RegionPage.objects.get(locale__language_code="sv", slug="ovre-norrland")
    assert {c.code for c in ovre.counties.all()} == {"24", "25"}


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "/regioner/mellersta-norrland/",
            "Betjänar företag i Jämtlands län och Västernorrlands län.",
        ),
        (
            "/en/regions/central-norrland/",
            "Serves companies in Jämtland County and Västernorrland County.",
        ),
    ],
)
def test_a_region_page_lists_its_counties(client, path, text):
    tree = lxml_html.fromstring(client.get(path).content)
    assert " ".join(tree.xpath("string(//p[@class='region__counties'])").split()) == text


@pytest.mark.parametrize(
    ("path", "answer", "link"),
    [
        (
            "/regioner/?county=23",
            "Jämtlands län betjänas av noden Mellersta Norrland, som drivs av Mittuniversitetet.",
            "/regioner/mellersta-norrland/",
        ),
        (
            "/en/regions/?county=23",
            "Jämtland County is served by the Central Norrland node, run by Mid Sweden University.",
            "/en/regions/central-norrland/",
        ),
    ],
)
def test_the_regions_page_says_which_node_serves_a_county(client, path, answer, link):
    response = client.get(path)
    tree = lxml_html.fromstring(response.content)
    (status,) = tree.xpath("//p[@class='county-finder__answer']")
    assert " ".join(status.text_content().split()) == answer
    assert status.xpath(".//a/@href") == [link]
    assert tree.xpath("//select[@name='county']/option[@selected]/@value") == ["23"]
    marked = tree.xpath("//a[contains(@class, 'sweden-map__node--selected')]/@href")
    assert marked == [link], "the map marks the node"


def test_the_finder_is_a_plain_form_that_needs_no_script(client):
    tree = lxml_html.fromstring(client.get("/regioner/").content)
    (form,) = tree.xpath("//form[@class='county-finder']")
    assert form.get("method") == "get" and form.get("action") == "/regioner/"
    assert len(form.xpath(".//option[@value!='']")) == 21
    assert form.xpath(".//button[@type='submit']")


@pytest.mark.parametrize("county", ["99", "<script>", "", "2" * 500])
def test_an_unknown_county_gets_a_plain_answer(client, county):
    response = client.get("/regioner/", {"county": county})
    assert response.status_code == 200
    answer = lxml_html.fromstring(response.content).xpath("//p[@class='county-finder__answer']")
    if county:
        assert "Det länet finns inte" in answer[0].text_content()
    else:
        assert answer == []


def test_the_admin_refuses_a_county_another_node_serves(sv):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
    from django.test import Client

    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    ovre = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    url = f"/admin/pages/{ovre.pk}/edit/"
    data = form_data(client, url, form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Text.</p>"))])}))
    data["counties"] = ["24", "25", "23"]  # Jämtland is Mellersta Norrland's
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Jämtlands län betjänas redan av Mellersta Norrland" in response.content.decode()
    ovre.refresh_from_db()
    assert {c.code for c in ovre.counties.all()} == {"24", "25"}
