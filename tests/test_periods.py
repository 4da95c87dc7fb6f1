"""The programme over time: periods on region pages, the about page and articles."""

import datetime

import pytest
from lxml import html as lxml_html

from django.core.exceptions import ValidationError

from articles.models import ArticleIndexPage, ArticlePage
from home.models import ProgrammePeriod
from regions.models import RegionPage
from tests.measure import uncached_queries

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return lxml_html.fromstring(response.content)


def timeline(document):
    return [
        " ".join(item.text_content().split())
        for item in document.xpath("//section[@class='timeline']//li")
    ]


@pytest.fixture
def first_period(sv):
    """An earlier period, with an article of its own dated inside it."""
    period = ProgrammePeriod.objects.create(
        locale=sv, name="Produktionslyftet 1", start=datetime.date(2006, 1, 1),
        end=datetime.date(2009, 12, 31),
    )  # fmt: skip
    index = ArticleIndexPage.objects.get(locale=sv)
    article = ArticlePage(
        title="Från första perioden", slug="forsta", date=datetime.date(2008, 5, 1)
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    return period


def test_a_region_page_shows_the_periods_its_node_took_part_in(client):
    document = page(client, "/regioner/mellersta-norrland/")
    assert document.xpath("string(//section[@class='timeline']/h2)") == "I programmet"
    assert timeline(document)[0].startswith("2010– Produktionslyftet 2")
    english = page(client, "/en/regions/central-norrland/")
    assert english.xpath("string(//section[@class='timeline']/h2)") == "In the programme"
    assert "Eight regional nodes" in timeline(english)[0]


def test_the_about_page_shows_every_period_in_order(client, first_period):
    items = timeline(page(client, "/om-produktionslyftet/"))
    assert [item.split(" Produktionslyftet")[0] for item in items] == ["2006–2009", "2010–"]


def test_a_translated_period_shows_in_english(client, en):
    period = ProgrammePeriod.objects.get(locale__language_code="sv")
    english = period.get_translation(en)
    english.name = "Production Lift 2"
    english.save()
    assert "Production Lift 2" in timeline(page(client, "/en/regions/central-norrland/"))[0]
    assert "Produktionslyftet 2" in timeline(page(client, "/regioner/mellersta-norrland/"))[0]


def test_an_article_shows_the_period_of_its_date(client, first_period):
    document = page(client, "/aktuellt/forsta/")
    assert document.xpath("string(//*[@class='article__period'])") == "Produktionslyftet 1"
    article = RegionPage.objects.get(slug="mellersta-norrland").get_children().first()
    document = page(client, article.url)
    assert document.xpath("string(//*[@class='article__period'])") == "Produktionslyftet 2"


def test_an_article_before_every_period_names_none(client, first_period):
    first_period.start = datetime.date(2009, 1, 1)
    first_period.save()
    assert not page(client, "/aktuellt/forsta/").xpath("//*[@class='article__period']")


def test_the_article_index_filters_by_period(client, first_period):
    def titles(query):
        document = page(client, f"/aktuellt/{query}")
        return {
            " ".join(h.text_content().split()) for h in document.xpath("//ul[@class='cards']//h2")
        }

    everything = titles("")
    first = titles(f"?period={first_period.pk}")
    second = titles(
        f"?period={ProgrammePeriod.objects.get(name='Produktionslyftet 2', locale=first_period.locale).pk}"
    )
    assert first == {"Från första perioden"}
    assert second == everything - first and second
    assert titles("?period=999999") == everything, "an unknown period filters nothing"


def test_the_english_index_filters_by_the_same_period(client, first_period):
    document = page(client, f"/en/news/?period={first_period.pk}")
    assert document.xpath("string(//select[@name='period']/option[@selected])") == (
        "Produktionslyftet 1"
    )


def test_a_period_cannot_end_before_it_starts(sv):
    period = ProgrammePeriod(
        locale=sv, name="Baklänges", start=datetime.date(2012, 1, 1), end=datetime.date(2011, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "end" in error.value.message_dict


def test_renaming_a_period_shows_on_kept_pages_at_once(client):
    path = "/regioner/mellersta-norrland/"
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    period = ProgrammePeriod.objects.get(locale__language_code="sv")
    period.name = "Produktionslyftet II"
    period.save()
    assert "Produktionslyftet II" in timeline(page(client, path))[0]


def test_timelines_cost_the_same_queries_with_more_periods(client, sv, en):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    paths = [region.url, "/om-produktionslyftet/", "/aktuellt/", "/en/news/"]
    before = [len(uncached_queries(client, path)) for path in paths]
    for year in (2012, 2014, 2016):
        period = ProgrammePeriod.objects.create(
            locale=sv, name=f"Period {year}", start=datetime.date(year, 1, 1)
        )
        period.copy_for_translation(en).save()
        region.periods.add(period)
    region.save_revision().publish()
    after = [len(uncached_queries(client, path)) for path in paths]
    assert after == before
    assert len(timeline(page(client, region.url))) == 4
