"""
Each group can do its job and nothing more: a matrix of who may do what where, checked
through Wagtail's permission API and through real admin requests. A refused request
changes nothing.
"""

import io

import pytest
from lxml import html as lxml_html

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import Collection, GroupCollectionPermission, Page

from articles.models import ArticlePage
from governance.groups import sync_editor_groups
from home.models import HomePage
from partners.models import Partner, PartnersPage
from regions.models import Person, RegionIndexPage, RegionPage
from tests.admin_forms import post_page_edit
from tests.conftest import EDITOR_GROUPS, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(sv, en):
    region_sv = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    article_sv = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    return {
        "own_region_sv": region_sv,
        "own_region_en": region_sv.get_translation(en),
        "own_article_sv": article_sv,
        "own_article_en": article_sv.get_translation(en),
        "other_region_sv": RegionPage.objects.get(locale=sv, slug="ovre-norrland"),
        "other_region_en": RegionPage.objects.get(locale=en, slug="upper-norrland"),
        "home_sv": HomePage.objects.get(locale=sv),
        "home_en": HomePage.objects.get(locale=en),
        "partners_sv": PartnersPage.objects.get(locale=sv),
        "partners_en": PartnersPage.objects.get(locale=en),
    }


EDITABLE = {
    "office": {
        "own_region_sv",
        "own_region_en",
        "own_article_sv",
        "own_article_en",
        "other_region_sv",
        "other_region_en",
        "home_sv",
        "home_en",
        "partners_sv",
        "partners_en",
    },
    "region": {"own_region_sv", "own_region_en", "own_article_sv", "own_article_en"},
    "other_region": {"other_region_sv", "other_region_en"},
    "translator": {"own_region_en", "own_article_en", "other_region_en", "home_en", "partners_en"},
}
ALL_TARGETS = sorted(EDITABLE["office"])


@pytest.mark.parametrize("actor", EDITOR_GROUPS)
@pytest.mark.parametrize("target", ALL_TARGETS)
def test_edit_permission_matrix(users, pages, actor, target):
    expected = target in EDITABLE[actor]
    perms = pages[target].permissions_for_user(users[actor])
    assert perms.can_edit() is expected
    response = login(users[actor]).get(f"/admin/pages/{pages[target].pk}/edit/")
    assert response.status_code == (200 if expected else 302)


@pytest.mark.parametrize("actor", EDITOR_GROUPS)
@pytest.mark.parametrize("target", ALL_TARGETS)
def test_only_the_programme_office_publishes(users, pages, actor, target):
    assert pages[target].permissions_for_user(users[actor]).can_publish() is (actor == "office")


@pytest.mark.parametrize(
    ("actor", "parent", "allowed"),
    [
        ("region", "own_region_sv", True),
        ("region", "own_region_en", True),
        ("region", "other_region_sv", False),
        ("region", "home_sv", False),
        ("translator", "own_region_en", False),
        ("translator", "own_region_sv", False),
        ("office", "other_region_sv", True),
    ],
)
def test_adding_articles(users, pages, actor, parent, allowed):
    page = pages[parent]
    assert page.permissions_for_user(users[actor]).can_add_subpage() is allowed
    response = login(users[actor]).get(f"/admin/pages/add/articles/articlepage/{page.pk}/")
    assert response.status_code == (200 if allowed else 302)


def test_publishing_through_the_editor_is_refused_without_publish_permission(users, pages):
    # (A translator edits English pages in wagtail-localize's editor, not this form.)
    page = pages["own_article_sv"]
    live_title = page.title
    post_page_edit(
        login(users["region"]), page, title="Ändrad rubrik", **{"action-publish": "action-publish"}
    )
    page.refresh_from_db()
    assert page.title == live_title, "the live page is unchanged"
    assert Page.objects.get(pk=page.pk).live_revision_id == page.live_revision_id


def test_office_publishes_an_edit(users, pages):
    page = pages["other_region_sv"]
    response = post_page_edit(
        login(users["office"]),
        page,
        title="Övre Norrland (ny)",
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Övre Norrland (ny)"


@pytest.mark.parametrize("actor", ["region", "other_region", "translator"])
@pytest.mark.parametrize(
    "target", ["own_article_sv", "own_article_en", "other_region_sv", "partners_sv"]
)
def test_forbidden_deletes_change_nothing(users, pages, actor, target):
    page = pages[target]
    assert not page.permissions_for_user(users[actor]).can_delete()
    login(users[actor]).post(f"/admin/pages/{page.pk}/delete/")
    assert Page.objects.filter(pk=page.pk).exists()


def test_office_deletes_a_page(users, pages):
    page = pages["own_article_sv"]
    login(users["office"]).post(f"/admin/pages/{page.pk}/delete/")
    assert not Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("actor", ["region", "translator"])
def test_forbidden_moves_change_nothing(users, pages, actor, sv):
    article = pages["own_article_sv"]
    destination = pages["other_region_sv"]
    path = article.path
    assert not article.permissions_for_user(users[actor]).can_move_to(destination)
    login(users[actor]).post(f"/admin/pages/{article.pk}/move/{destination.pk}/confirm/")
    article.refresh_from_db()
    assert article.path == path


def test_office_moves_an_article_between_regions(users, pages):
    article, destination = pages["own_article_sv"], pages["other_region_sv"]
    login(users["office"]).post(f"/admin/pages/{article.pk}/move/{destination.pk}/confirm/")
    article.refresh_from_db()
    assert article.get_parent().pk == destination.pk


@pytest.mark.parametrize(
    ("actor", "allowed"), [("region", False), ("translator", False), ("office", True)]
)
def test_copying_an_article_into_another_region(users, pages, actor, allowed):
    article, destination = pages["own_article_sv"], pages["other_region_sv"]
    before = ArticlePage.objects.count()
    login(users[actor]).post(
        f"/admin/pages/{article.pk}/copy/",
        {"new_title": "Kopia", "new_slug": "kopia", "new_parent_page": destination.pk},
    )
    assert ArticlePage.objects.count() == before + (1 if allowed else 0)


# wagtail-localize's own views are covered by tests/test_translation_permissions.py.


# --- snippets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "language", "allowed"),
    [
        ("office", "sv", True),
        ("office", "en", True),
        ("translator", "en", True),
        ("translator", "sv", False),
        ("region", "sv", False),
        ("region", "en", False),
    ],
)
@pytest.mark.parametrize("model", [Person, Partner])
def test_snippet_editing(users, actor, language, allowed, model):
    obj = model.objects.filter(locale__language_code=language).first()
    url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/edit/{obj.pk}/"
    client = login(users[actor])
    assert client.get(url).status_code == (200 if allowed else 302)
    if not allowed:
        client.post(url, {"name": "Ändrat namn", "bio": "x", "description": "x"})
        obj.refresh_from_db()
        assert obj.name != "Ändrat namn"


@pytest.mark.parametrize(
    ("actor", "allowed"), [("translator", False), ("region", False), ("office", True)]
)
def test_deleting_a_swedish_partner(users, actor, allowed):
    partner = Partner.objects.get(locale__language_code="sv", name="IF Metall")
    login(users[actor]).post(f"/admin/snippets/partners/partner/delete/{partner.pk}/")
    assert Partner.objects.filter(pk=partner.pk).exists() is not allowed


def test_translators_cannot_create_swedish_snippets(users):
    client = login(users["translator"])
    assert client.get("/admin/snippets/regions/person/add/").status_code == 302
    assert client.get("/admin/snippets/regions/person/add/?locale=sv").status_code == 302


@pytest.fixture
def snippet_keeper(db):
    """Someone who may add, change and delete people and partners, but not the Swedish
    source: only the source-language hooks stand between them and it."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    group = Group.objects.create(name="Snippet keepers")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=[
                "access_admin",
                "add_person",
                "change_person",
                "delete_person",
                "add_partner",
                "change_partner",
                "delete_partner",
            ]
        )
    )
    user = get_user_model().objects.create_user("keeper", "keeper@example.org", "pw")
    user.groups.add(group)
    return login(user)


def test_the_source_language_hooks_refuse_what_the_model_permissions_allow(snippet_keeper):
    client = snippet_keeper
    swedish = Person.objects.filter(locale__language_code="sv").first()
    english = Person.objects.filter(locale__language_code="en").first()
    assert client.get("/admin/snippets/regions/person/add/?locale=en").status_code == 200
    assert client.get("/admin/snippets/regions/person/add/?locale=sv").status_code == 302
    assert client.get("/admin/snippets/regions/person/add/").status_code == 302
    assert client.get(f"/admin/snippets/regions/person/edit/{english.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/regions/person/edit/{swedish.pk}/").status_code == 302
    partner = Partner.objects.get(locale__language_code="sv", name="IF Metall")
    client.post(f"/admin/snippets/partners/partner/delete/{partner.pk}/")
    assert Partner.objects.filter(pk=partner.pk).exists(), "the Swedish source stays"
    english_partner = partner.get_translation(partner.get_translations().first().locale)
    client.post(f"/admin/snippets/partners/partner/delete/{english_partner.pk}/")
    assert not Partner.objects.filter(pk=english_partner.pk).exists(), "an English one may go"


# --- groups follow the tree --------------------------------------------------------------


def test_a_new_region_comes_with_its_own_group_and_collection(sv, en):
    index = RegionIndexPage.objects.get(locale=sv)
    region = index.add_child(
        instance=RegionPage(
            title="Gotland", slug="gotland", host_organisation="Uppsala universitet"
        )
    )
    group = Group.objects.get(name="Region Gotland")
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {region.pk}
    assert group.collection_permissions.filter(collection__name="Region Gotland").exists()

    english = region.copy_for_translation(en)
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {region.pk, english.pk}


def test_a_renamed_regions_new_translation_goes_to_the_regions_own_group(sv, en):
    """The group is found by the Swedish region it holds, not by a name the region outgrew."""
    index = RegionIndexPage.objects.get(locale=sv)
    region = index.add_child(
        instance=RegionPage(
            title="Gotland", slug="gotland", host_organisation="Uppsala universitet"
        )
    )
    region.title = "Gotlands län"
    region.save_revision().publish()

    english = region.copy_for_translation(en)
    group = Group.objects.get(name="Region Gotland")
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {region.pk, english.pk}
    assert not Group.objects.filter(name="Region Gotlands län").exists()


def test_syncing_groups_twice_changes_nothing():
    def snapshot():
        return sorted(
            (g.name, gpp.page_id, gpp.permission.codename)
            for g in Group.objects.all()
            for gpp in g.page_permissions.all()
        ) + sorted((g.name, p.codename) for g in Group.objects.all() for p in g.permissions.all())

    before = snapshot()
    sync_editor_groups()
    assert snapshot() == before


def test_sync_restores_permissions_someone_removed():
    group = Group.objects.get(name="Region Mellersta Norrland")
    group.page_permissions.all().delete()
    sync_editor_groups()
    assert group.page_permissions.count() == 6


def test_the_sync_command_restores_permissions_and_says_what_each_group_holds():
    group = Group.objects.get(name="Region Mellersta Norrland")
    group.page_permissions.all().delete()
    out = io.StringIO()
    call_command("sync_editor_groups", stdout=out)
    assert group.page_permissions.count() == 6
    assert "Region Mellersta Norrland: 6 page permissions" in out.getvalue()


def test_sync_takes_back_an_upload_to_the_programmes_collection_given_by_hand():
    """Only the programme office changes the shared images; a region's grant there goes."""
    group = Group.objects.get(name="Region Mellersta Norrland")
    programme = Collection.objects.get(name="Programmet")
    add_image = Permission.objects.get(
        content_type__app_label="wagtailimages", codename="add_image"
    )
    GroupCollectionPermission.objects.create(
        group=group, collection=programme, permission=add_image
    )
    sync_editor_groups()
    assert not group.collection_permissions.filter(
        collection=programme, permission=add_image
    ).exists()
    assert group.collection_permissions.filter(
        collection=programme, permission__codename="choose_image"
    ).exists()


def test_regional_editors_dashboard_leads_to_their_region(users, pages):
    tree = lxml_html.fromstring(login(users["region"]).get("/admin/").content)
    panel = tree.xpath('//section[@aria-labelledby="your-region-heading"]')[0]
    assert panel.xpath('string(.//*[@id="your-region-heading"])').strip() == "Din region"
    assert "w-panel--dashboard" in panel.get("class"), "drawn like Wagtail's own panels"
    links = panel.xpath(".//a/@href")
    for region in (pages["own_region_sv"], pages["own_region_en"]):
        assert f"/admin/pages/{region.pk}/add_subpage/" in links
        assert region.url in links
    titles = [t.strip() for t in panel.xpath(".//td[@class='title']//a/text()")]
    assert titles == ["Mellersta Norrland", "Central Norrland"], "Swedish first"
    assert "Övre Norrland" not in panel.text_content()


def test_a_regional_editor_can_still_preview_the_public_site(users):
    assert login(users["region"]).get("/regioner/mellersta-norrland/").status_code == 200


@pytest.mark.parametrize(("actor", "published"), [("translator", False), ("office", True)])
def test_publishing_from_the_translation_editor(users, pages, en, actor, published):
    """A translator's work waits for the programme office; the editor refuses their publish."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    english = pages["own_article_en"]
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=en
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.filter(
        translation_of=title.string, locale=en, context=title.context
    ).update(data="Reflections from central Sweden")
    login(users[actor]).post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    english.refresh_from_db()
    assert (english.title == "Reflections from central Sweden") is published
