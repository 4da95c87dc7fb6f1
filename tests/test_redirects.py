"""
Old addresses keep working (issue 27): a renamed or moved page answers 301 at its old
address in both languages, a whole moved section too, and the programme office imports
an earlier site's addresses from a CSV file, with the rows that could not be read shown
one by one, in Swedish.
"""

import pytest
from lxml import html as lxml_html

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.contrib.redirects.models import Redirect

from articles.models import ArticlePage
from home.models import ContentPage, HomePage

from .admin_forms import form_fields, post_page_edit
from .conftest import login

pytestmark = pytest.mark.django_db


def followed(client, path):
    """Where ``path`` sends a visitor, and with which status."""
    response = client.get(path)
    return response.status_code, response.get("Location")


def published_with(client, page, commit, **changes):
    """Publish ``page`` through its edit form; Wagtail leaves the redirect on commit."""
    with commit(execute=True):
        response = post_page_edit(client, page, **changes, **{"action-publish": "action-publish"})
    assert response.status_code == 302, response.content[:400]
    return type(page).objects.get(pk=page.pk)


def test_a_renamed_swedish_article_answers_at_its_old_address(
    client, users, sv, django_capture_on_commit_callbacks
):
    article = ArticlePage.objects.live().filter(locale=sv).first()
    old = article.url
    assert client.get(old).status_code == 200  # kept by the page cache, too
    renamed = published_with(
        login(users["office"]), article, django_capture_on_commit_callbacks, slug="ett-nytt-namn"
    )
    assert followed(client, old) == (301, renamed.url)
    assert client.get(renamed.url).status_code == 200


def test_a_renamed_english_translation_answers_at_its_old_address(
    client, users, en, django_capture_on_commit_callbacks
):
    article = ArticlePage.objects.live().filter(locale=en).first()
    old = article.url
    assert old.startswith("/en/") and client.get(old).status_code == 200
    # Its slug is a translation's (the translator's editor); published as it publishes.
    article.slug = "a-new-name"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision(user=users["translator"]).publish()
    renamed = ArticlePage.objects.get(pk=article.pk)
    assert followed(client, old) == (301, renamed.url)
    assert renamed.url.startswith("/en/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_moved_section_answers_at_every_old_address(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    section = home.add_child(instance=ContentPage(title="Gammal sektion", slug="gammal-sektion"))
    section.save_revision().publish()
    child = section.add_child(instance=ContentPage(title="Undersida", slug="undersida"))
    child.save_revision().publish()
    grandchild = child.add_child(instance=ContentPage(title="Djupare", slug="djupare"))
    grandchild.save_revision().publish()
    new_parent = home.add_child(instance=ContentPage(title="Ny plats", slug="ny-plats"))
    new_parent.save_revision().publish()
    old = {page.pk: page.url for page in (section, child, grandchild)}

    section.move(new_parent, pos="last-child")

    for pk, old_url in old.items():
        moved = ContentPage.objects.get(pk=pk)
        assert followed(client, old_url) == (301, moved.url), old_url
        assert moved.url.startswith(new_parent.url)
        assert client.get(moved.url).status_code == 200


# --- importing an earlier site's addresses --------------------------------------------


def import_redirects(client, name, content):
    """Upload ``content`` as the office would, confirm the columns, and import."""
    upload = client.post(
        "/admin/redirects/import/",
        {"import_file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )
    assert upload.status_code == 200
    fields = form_fields(upload.content)
    fields.update(from_index="0", to_index="1", permanent="on")
    return client.post("/admin/redirects/import/process/", fields)


def summary_rows(response):
    tree = lxml_html.fromstring(response.content)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td")]
        for row in tree.xpath("//main//table//tbody/tr")
    ]


def test_the_office_imports_an_earlier_sites_addresses_and_sees_each_row_that_failed(
    client, users, sv
):
    office = login(users["office"])
    article = ArticlePage.objects.live().filter(locale=sv).first()
    # Wagtail takes the new addresses whole: scheme, host and path.
    site = "https://produktionslyftet.se"
    csv = (
        "Gammal adress,Ny adress\n"
        f"/nyheter/artikel.aspx?id=12,{site}{article.url}\n"
        f"/om-oss.html,{site}/en/\n"
        f",{site}/saknar-gammal-adress/\n"
        f"/om-oss.html,{site}/dubblett/\n"
        "/utan-ny-adress.html,/bara-en-sokvag/\n"
    ).encode()

    response = import_redirects(office, "gamla-sajten.csv", csv)

    assert response.status_code == 200
    page = response.content.decode()
    assert "5 omdirigeringar i filen: 2 skapade, 3 rader kunde inte importeras" in page
    failed = summary_rows(response)
    assert [row[:2] for row in failed] == [
        ["", f"{site}/saknar-gammal-adress/"],
        ["/om-oss.html", f"{site}/dubblett/"],
        ["/utan-ny-adress.html", "/bara-en-sokvag/"],
    ]
    assert "obligatoriskt" in failed[0][2]
    assert "existerar redan" in failed[1][2]
    assert "giltig URL" in failed[2][2]
    assert followed(client, "/nyheter/artikel.aspx?id=12") == (301, f"{site}{article.url}")
    assert followed(client, "/om-oss.html") == (301, f"{site}/en/")


def test_a_file_that_is_not_a_table_gets_a_clear_answer(users):
    office = login(users["office"])
    before = Redirect.objects.count()
    response = office.post(
        "/admin/redirects/import/",
        {"import_file": SimpleUploadedFile("adresser.exe", b"MZ\x90\x00", "application/x-dosexec")},
        follow=True,
    )
    assert response.status_code == 200
    assert Redirect.objects.count() == before
    text = response.content.decode()
    assert "exe" in text and ("stöds inte" in text or "Filformat" in text)


def test_garbage_in_a_csv_file_is_refused_without_an_error_page(users):
    office = login(users["office"])
    before = Redirect.objects.count()
    response = office.post(
        "/admin/redirects/import/",
        {"import_file": SimpleUploadedFile("adresser.csv", b"\xff\xfe\x00\x81\x00garbage")},
        follow=True,
    )
    assert response.status_code == 200
    assert Redirect.objects.count() == before


@pytest.mark.parametrize("role", ["region", "translator"])
def test_only_the_office_manages_redirects(users, role):
    editor = login(users[role])
    assert editor.get("/admin/redirects/").status_code in {302, 403}
    assert "/admin/redirects/" not in editor.get("/admin/").content.decode()
    office = login(users["office"])
    assert office.get("/admin/redirects/").status_code == 200
    assert "/admin/redirects/" in office.get("/admin/").content.decode()
