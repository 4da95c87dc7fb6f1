"""
Media on S3-compatible storage, switched on by the environment: the site served by
gunicorn with AWS_STORAGE_BUCKET_NAME and friends set, against a real S3 API server on
loopback (moto's standalone server). An editor uploads an image in the admin and
publishes an article using it; the page points at the bucket, the renditions are in it,
and deleting the image removes them. Documents are private objects, sent by the bucket
only once Wagtail's view has checked them (tests/test_documents.py).
"""

import io
import re
import tempfile
from pathlib import Path

import pytest
import requests
from PIL import Image

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.admin_forms import form_fields
from tests.servers import (
    S3_BUCKET,
    S3_KEYS,
    demo_site,
    free_port,
    gunicorn,
    manage,
    running,
    s3_bucket,
)

ARTICLE = """
from articles.models import ArticlePage
print(ArticlePage.objects.get(locale__language_code="sv", slug="reflektion-fran-mitt-sverige").pk)
"""


@pytest.fixture(scope="module")
def s3():
    with s3_bucket() as bucket:
        yield bucket


@pytest.fixture(scope="module")
def site(s3):
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-s3-"))
    port = free_port()
    storage = {
        "AWS_STORAGE_BUCKET_NAME": S3_BUCKET,
        "AWS_S3_ENDPOINT_URL": s3["endpoint"],
        "AWS_S3_REGION_NAME": "us-east-1",
        **S3_KEYS,
    }
    with demo_site(workdir, "local", public_port=port, fresh=True, **storage) as env:
        shell = manage(env, "shell", "-c", ARTICLE, capture_output=True, text=True)
        article = int(shell.stdout.strip().splitlines()[-1])
        with running(gunicorn(env, port), env, f"http://127.0.0.1:{port}/healthz"):
            yield {"url": f"http://127.0.0.1:{port}", "article": article}


def keys(s3, prefix):
    listing = s3["client"].list_objects_v2(Bucket=S3_BUCKET, Prefix=prefix)
    return {item["Key"] for item in listing.get("Contents", [])}


def editor(site):
    session = requests.Session()
    data = form_fields(session.get(site["url"] + "/admin/login/", timeout=10).content)
    data.update(username="admin", password="produktionslyftet")
    assert session.post(site["url"] + "/admin/login/", data=data, timeout=10).url.endswith(
        "/admin/"
    )
    return session


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(session, site, title):
    url = site["url"] + "/admin/images/add/"
    data = form_fields(session.get(url, timeout=10).content)
    data["title"] = title
    response = session.post(
        url,
        data=data,
        files={"file": ("verkstad.png", png("#2a6f97"), "image/png")},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    listing = session.get(site["url"] + "/admin/images/?q=" + title, timeout=10).text
    return int(re.search(r"/admin/images/(\d+)/", listing).group(1))


def publish_with_listing_image(session, site, image_id):
    url = f"{site['url']}/admin/pages/{site['article']}/edit/"
    data = form_fields(session.get(url, timeout=10).content, form_id="page-edit-form")
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Brödtext.</p>"))])})
    )
    data.update({"listing_image": str(image_id), "action-publish": "action-publish"})
    assert session.post(url, data=data, timeout=30, allow_redirects=False).status_code == 302


def test_images_live_in_the_bucket_from_upload_to_deletion(site, s3):
    session = editor(site)
    image_id = upload_image(session, site, "Verkstadsgolvet")
    originals = keys(s3, "original_images/")
    assert any("verkstad" in key for key in originals), "the original is in the bucket"

    publish_with_listing_image(session, site, image_id)
    html = requests.get(site["url"] + "/aktuellt/", timeout=30).text
    sources = re.findall(r'(?:src|srcset)="([^"]*verkstad[^"]*)"', html)
    assert sources, "the article card shows the image"
    assert all(source.startswith(f"{s3['endpoint']}/{S3_BUCKET}/images/") for source in sources)
    renditions = {key for key in keys(s3, "images/") if "verkstad" in key}
    assert renditions, "its renditions are in the bucket"
    for source in sources:
        assert requests.get(source.split()[0], timeout=10).status_code == 200

    delete = f"{site['url']}/admin/images/{image_id}/delete/"
    data = form_fields(session.get(delete, timeout=10).content)
    assert session.post(delete, data=data, timeout=30).status_code == 200
    assert not {key for key in keys(s3, "") if "verkstad" in key}, "original and renditions gone"


def test_a_second_upload_of_the_same_name_never_overwrites(site, s3):
    session = editor(site)
    upload_image(session, site, "Första")
    upload_image(session, site, "Andra")
    originals = [key for key in keys(s3, "original_images/") if "verkstad" in key]
    assert len(originals) == 2


def test_documents_are_served_through_wagtails_view(site, s3):
    session = editor(site)
    url = site["url"] + "/admin/documents/add/"
    data = form_fields(session.get(url, timeout=10).content)
    data["title"] = "Verksamhetsplan"
    response = session.post(
        url,
        data=data,
        files={"file": ("plan.pdf", b"%PDF-1.4 plan", "application/pdf")},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert any("plan" in key for key in keys(s3, "documents/"))
    listing = session.get(site["url"] + "/admin/documents/", timeout=10).text
    document_id = re.search(r"/admin/documents/edit/(\d+)/", listing).group(1)
    download = requests.get(
        f"{site['url']}/documents/{document_id}/plan.pdf", timeout=10, allow_redirects=False
    )
    key = next(key for key in keys(s3, "documents/") if "plan" in key)
    direct = f"{s3['endpoint']}/{S3_BUCKET}/{key}"
    assert download.status_code == 302, "Wagtail's checks passed, then the bucket sends it"
    assert download.headers["Location"].startswith(direct + "?"), "at a signed address"
    assert requests.get(download.headers["Location"], timeout=10).content == b"%PDF-1.4 plan"
    assert requests.get(direct, timeout=10).status_code == 403, "never at its plain address"
