"""
The programme's images are shared: every editor chooses from the "Programmet" collection,
while a regional editor's uploads go to their own region's collection, and only the
programme office may change the programme's images.
"""

import io
import json

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.models import Image

from governance.groups import PROGRAMME_COLLECTION
from tests.conftest import login

pytestmark = pytest.mark.django_db


def png(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b4f6c").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def programme_image(db):
    return Image.objects.get(title="Logo: KTH")


def test_the_demo_images_are_the_programmes(db):
    images = Image.objects.all()
    assert images.count() == 20  # 17, and portraits of the events' three contacts
    assert {image.collection.name for image in images} == {PROGRAMME_COLLECTION}


def test_a_regional_editor_chooses_from_the_programmes_images(users, programme_image):
    response = login(users["region"]).get("/admin/images/chooser/")
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    assert programme_image.title in html
    assert f"/admin/images/chooser/chosen/{programme_image.pk}/" in html


def test_a_translator_chooses_from_the_programmes_images(users, programme_image):
    response = login(users["translator"]).get("/admin/images/chooser/")
    assert programme_image.title in json.loads(response.content)["html"]


def test_a_regional_editors_upload_goes_to_their_regions_collection(users):
    response = login(users["region"]).post(
        "/admin/images/add/", {"title": "Verkstaden i Sundsvall", "file": png("verkstad.png")}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get(title="Verkstaden i Sundsvall")
    assert image.collection.name == "Region Mellersta Norrland"


def test_a_regional_editors_upload_from_the_chooser_goes_to_their_regions_collection(users):
    response = login(users["region"]).post(
        "/admin/images/chooser/create/",
        {"image-chooser-upload-title": "Ledaren", "image-chooser-upload-file": png("l.png")},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    assert Image.objects.get(title="Ledaren").collection.name == "Region Mellersta Norrland"


def test_a_regional_editor_cannot_upload_into_the_programmes_collection(users):
    programme = Image.objects.get(title="Logo: KTH").collection
    login(users["region"]).post(
        "/admin/images/add/",
        {"title": "Inte här", "file": png("inte.png"), "collection": programme.pk},
    )
    assert not Image.objects.filter(title="Inte här", collection=programme).exists()


def test_a_regional_editor_cannot_edit_the_programmes_images(users, programme_image):
    client = login(users["region"])
    response = client.get(f"/admin/images/{programme_image.pk}/")
    assert response.status_code in (302, 403)
    client.post(f"/admin/images/{programme_image.pk}/", {"title": "Ändrad"})
    programme_image.refresh_from_db()
    assert programme_image.title == "Logo: KTH"


def test_a_regional_editor_cannot_delete_the_programmes_images(users, programme_image):
    response = login(users["region"]).post(f"/admin/images/{programme_image.pk}/delete/")
    assert response.status_code in (302, 403)
    assert Image.objects.filter(pk=programme_image.pk).exists()


def test_the_programme_office_can_edit_the_programmes_images(users, programme_image):
    response = login(users["office"]).get(f"/admin/images/{programme_image.pk}/")
    assert response.status_code == 200
