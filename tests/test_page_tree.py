"""The tree drawn in README.md ("The page tree") is the only shape an editor can build."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticleIndexPage, ArticlePage
from events.models import EventIndexPage, EventPage
from home.models import ContentPage, HomePage
from interest.models import InterestFormPage
from partners.models import PartnersPage
from regions.models import RegionIndexPage, RegionPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_lives_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                RegionIndexPage,
                ArticleIndexPage,
                EventIndexPage,
                PartnersPage,
                InterestFormPage,
            },
        )

    def test_the_interest_form_is_one_leaf_page_under_each_home_page(self):
        self.assertAllowedParentPageTypes(InterestFormPage, {HomePage})
        self.assertAllowedSubpageTypes(InterestFormPage, set())
        self.assertEqual(InterestFormPage.max_count_per_parent, 1)

    def test_content_pages_nest_at_any_depth(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_regions_live_under_the_region_index(self):
        self.assertAllowedParentPageTypes(RegionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RegionIndexPage, {RegionPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})

    def test_articles_live_under_the_article_index_or_a_region(self):
        self.assertAllowedSubpageTypes(RegionPage, {ArticlePage, EventPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage, RegionPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_partners_page_has_no_children(self):
        self.assertAllowedParentPageTypes(PartnersPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnersPage, set())


class CreationInTheDemoTreeTest(WagtailPageTestCase):
    """With the demo site in place, what an editor may still add where."""

    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="sv")
        self.region = RegionPage.objects.get(slug="mellersta-norrland")
        self.article_index = ArticleIndexPage.objects.get(locale__language_code="sv")

    def test_no_second_home_page_in_the_same_language(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_singletons_under_the_home_page_cannot_be_added_twice(self):
        # assertCanCreateAt only compares page types; can_create_at also counts siblings.
        self.assertFalse(RegionIndexPage.can_create_at(self.home))
        self.assertFalse(ArticleIndexPage.can_create_at(self.home))
        self.assertFalse(PartnersPage.can_create_at(self.home))
        self.assertTrue(ContentPage.can_create_at(self.home))

    def test_region_editors_can_add_articles_to_their_region(self):
        self.assertTrue(ArticlePage.can_create_at(self.region))
        self.assertFalse(ContentPage.can_create_at(self.region))
        self.assertFalse(RegionPage.can_create_at(self.region))

    def test_articles_can_be_added_to_the_index(self):
        self.assertTrue(ArticlePage.can_create_at(self.article_index))
        self.assertFalse(RegionPage.can_create_at(self.article_index))

    def test_every_swedish_demo_page_is_routable(self):
        # assertPageIsRoutable does not know i18n_patterns' /en/ prefix, so English pages
        # are checked through the test client in test_demo_content instead.
        for page in Page.objects.live().filter(depth__gt=1, locale__language_code="sv").specific():
            with self.subTest(page=page.url):
                self.assertPageIsRoutable(page)


def test_a_new_swedish_page_gets_an_ascii_address(sv):
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Tursamtal i Östersund", slug=""))
    assert page.slug == "tursamtal-i-ostersund"
    typed = home.add_child(
        instance=ContentPage(title="Café på Åre", slug="café-på-åre-och-älvsbyn")
    )
    assert typed.slug == "cafe-pa-are-och-alvsbyn"


def test_an_existing_address_with_swedish_letters_keeps_working(sv, client):
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Tidigare", slug="tidigare"))
    ContentPage.objects.filter(pk=page.pk).update(
        slug="äldre-sida", url_path=f"{home.url_path}äldre-sida/"
    )
    page = ContentPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    assert page.slug == "äldre-sida"
    assert client.get("/%C3%A4ldre-sida/").status_code == 200


def test_every_position_the_admin_accepts_lands_on_the_map():
    from regions.maps import outline, project

    _path, view_box = outline()
    _x0, _y0, width, height = map(float, view_box.split())
    field = {f.name: f for f in RegionPage._meta.get_fields()}
    bounds = {
        name: sorted(v.limit_value for v in field[name].validators if hasattr(v, "limit_value"))
        for name in ("latitude", "longitude")
    }
    for latitude in bounds["latitude"]:
        for longitude in bounds["longitude"]:
            x, y = project(longitude, latitude)
            assert 0 <= x <= width and 0 <= y <= height, (latitude, longitude)
