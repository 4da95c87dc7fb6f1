"""``manage.py add_articles N``: the site at scale, in both languages, through wagtail-localize."""

import io

import pytest

from django.core.management import CommandError, call_command

from wagtail_localize.models import Translation

from articles.models import ArticlePage


def add(count):
    out = io.StringIO()
    call_command("add_articles", count, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_articles_are_added_in_swedish_and_translated_to_english(client, sv, en):
    before = ArticlePage.objects.filter(locale=sv).count()
    assert "3 articles added" in add(3)
    swedish = list(ArticlePage.objects.filter(locale=sv).order_by("-pk")[:3])
    assert ArticlePage.objects.filter(locale=sv).count() == before + 3
    assert len({article.get_parent().pk for article in swedish}) == 3, "spread over regions"
    for article in swedish:
        assert article.live
        english = article.get_translation(en)
        assert english.live and english.title != article.title
        assert english.slug.startswith("scale-")
        # A translation wagtail-localize knows and can sync, not a loose copy.
        assert Translation.objects.filter(
            source__object_id=article.translation_key, target_locale=en
        ).exists()
        assert client.get(english.url).status_code == 200
        assert english.title in client.get(english.url).content.decode()
    # The search index takes them in too, although it is written once per batch.
    assert (
        "Flow and lead times (1)" in client.get("/en/search/", {"q": "lead times"}).content.decode()
    )
    assert "Flöde och ledtider (1)" in client.get("/sok/", {"q": "ledtider"}).content.decode()


def test_running_it_again_adds_only_what_is_missing(sv):
    add(3)
    count = ArticlePage.objects.filter(locale=sv).count()
    assert "0 articles added" in add(3)
    assert "0 articles added" in add(2)
    assert ArticlePage.objects.filter(locale=sv).count() == count
    assert "2 articles added" in add(5)
    assert ArticlePage.objects.filter(locale=sv).count() == count + 2


def test_a_negative_number_is_refused(db):
    with pytest.raises(CommandError):
        call_command("add_articles", -1)
