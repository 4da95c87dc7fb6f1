"""What a reader sees on an article: the byline in the seed's form, in each language."""

import pytest

pytestmark = pytest.mark.django_db

SV_URL = "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/"
EN_URL = "/en/regions/central-norrland/reflections-from-the-middle-of-sweden/"


def test_swedish_byline_names_the_author_and_her_role_in_the_region(client):
    html = client.get(SV_URL).content.decode()
    assert "Pernilla Ingelsson • Regionledare Mellersta Norrland" in html


def test_english_byline_names_the_author_and_her_translated_role(client):
    html = client.get(EN_URL).content.decode()
    assert "Pernilla Ingelsson • Regional leader, Central Norrland" in html


def test_article_dates_are_written_the_way_each_language_writes_them(client):
    assert "31 maj 2011" in client.get(SV_URL).content.decode()
    assert "31 May 2011" in client.get(EN_URL).content.decode()


def test_national_article_has_no_regional_role(client):
    html = client.get("/aktuellt/atta-noder-ett-gemensamt-lyft/").content.decode()
    assert "•" not in html.split('class="article__meta"')[1].split("</p>")[0]


def test_page_language_is_declared(client):
    assert '<html lang="sv">' in client.get(SV_URL).content.decode()
    assert '<html lang="en">' in client.get(EN_URL).content.decode()


def test_footer_shows_partners_and_financiers_in_the_visitors_language(client):
    sv_html = client.get("/").content.decode()
    en_html = client.get("/en/").content.decode()
    assert "Partner till Produktionslyftet" in sv_html
    assert "Intressenter och finansiärer" in sv_html
    assert 'alt="KK-stiftelsen"' in sv_html
    assert "Partners of Produktionslyftet" in en_html
    assert "Stakeholders and financiers" in en_html
    assert 'alt="The Knowledge Foundation"' in en_html
