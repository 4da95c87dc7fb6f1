"""
Documents only through Wagtail's checks. A document in a private collection is refused to
anonymous visitors by every address that could hand out its file: Wagtail's view
(``/documents/<id>/<name>``), the application's own media serving in `make run`
(``/media/documents/…``) and, on S3, the object's address in the bucket. An editor gets
it; a public document still downloads for anyone; images stay public.

Both storages are served as deployed: the site under gunicorn as `make run` serves it,
with media on the local disk, and with media in a bucket on a real S3 API server (moto's,
as tests/test_s3_media.py runs it).
"""

import http.client
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from django.core.files.base import ContentFile

from produktionslyftet.storage import DOCUMENT_URL_SECONDS, S3MediaStorage
from tests.admin_forms import admin_session
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

PRIVATE = b"%PDF-1.4 styrelsens protokoll"
PUBLIC = b"%PDF-1.4 verksamhetsplan"
# A collection only logged-in users may see (Wagtail's CollectionViewRestriction), with
# one document; a public one in the root collection; the path of one demo image.
DOCUMENTS = f"""
import json
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

root = Collection.get_first_root_node()
board = root.add_child(name="Styrelsen")
CollectionViewRestriction.objects.create(
    collection=board, restriction_type=CollectionViewRestriction.LOGIN
)
made = {{}}
for key, collection, name, content in [
    ("private", board, "styrelseprotokoll.pdf", {PRIVATE!r}),
    ("public", root, "verksamhetsplan.pdf", {PUBLIC!r}),
]:
    document = Document.objects.create(
        title=name, collection=collection, file=ContentFile(content, name=name)
    )
    made[key] = {{"id": document.pk, "filename": document.filename, "file": document.file.name}}
made["image"] = Image.objects.order_by("pk").first().file.name
print(json.dumps(made))
"""


def served(workdir, **storage):
    """The demo site under gunicorn with the documents above: its address and theirs."""
    port = free_port()
    with demo_site(workdir, "local", public_port=port, **storage) as env:
        shell = manage(env, "shell", "-c", DOCUMENTS, capture_output=True, text=True)
        made = json.loads(shell.stdout.strip().splitlines()[-1])
        with running(gunicorn(env, port), env, f"http://127.0.0.1:{port}/healthz"):
            yield {"url": f"http://127.0.0.1:{port}", "port": port, **made}


@pytest.fixture(scope="module")
def local_site():
    """As `make run` serves it: media on the local disk, served by the application."""
    yield from served(Path(tempfile.mkdtemp(prefix="produktionslyftet-documents-")))


@pytest.fixture(scope="module")
def s3():
    with s3_bucket() as bucket:
        yield bucket


@pytest.fixture(scope="module")
def s3_site(s3):
    """The same, with media in the bucket (as docs/deployment.md sets it up)."""
    yield from served(
        Path(tempfile.mkdtemp(prefix="produktionslyftet-documents-s3-")),
        AWS_STORAGE_BUCKET_NAME=S3_BUCKET,
        AWS_S3_ENDPOINT_URL=s3["endpoint"],
        AWS_S3_REGION_NAME="us-east-1",
        **S3_KEYS,
    )


def download(site, document, session=requests):
    return session.get(
        f"{site['url']}/documents/{document['id']}/{document['filename']}",
        timeout=10,
        allow_redirects=False,
    )


def status_of(site, path):
    """The status of ``path`` sent exactly as written: no client tidies ``..`` or ``//``."""
    connection = http.client.HTTPConnection("127.0.0.1", site["port"], timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def asks_for_login(response):
    return response.status_code == 302 and "/login/" in response.headers["Location"]


def seconds_valid(address):
    """How long the signed ``address`` is good for: SigV4's query, or SigV2's (which
    botocore signs with for us-east-1, as here)."""
    query = parse_qs(urlsplit(address).query)
    if "X-Amz-Signature" in query:
        return int(query["X-Amz-Expires"][0])
    assert query["Signature"], "signed"
    return int(query["Expires"][0]) - time.time()


def storage(s3, **options):
    return S3MediaStorage(
        bucket_name=S3_BUCKET,
        endpoint_url=s3["endpoint"],
        region_name="us-east-1",
        access_key=S3_KEYS["AWS_ACCESS_KEY_ID"],
        secret_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
        file_overwrite=False,
        **options,
    )


# On the local disk, as `make run` serves it


def test_a_private_document_is_refused_to_anonymous_visitors_by_every_path(local_site):
    private = local_site["private"]
    assert asks_for_login(download(local_site, private))
    media = requests.get(f"{local_site['url']}/media/{private['file']}", timeout=10)
    assert media.status_code == 404
    assert PRIVATE not in media.content


@pytest.mark.parametrize(
    "spelling",
    ["/media/{file}", "/media//{file}", "/media/./{file}", "/media/images/../{file}",
     "/media/original_images/%2e%2e/{file}"],
)  # fmt: skip
def test_no_spelling_of_media_serves_a_document(local_site, spelling):
    assert status_of(local_site, spelling.format(file=local_site["public"]["file"])) == 404


def test_a_public_document_downloads_for_anonymous_visitors(local_site):
    response = download(local_site, local_site["public"])
    assert response.status_code == 200 and response.content == PUBLIC
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_images_are_still_served_from_media(local_site):
    assert status_of(local_site, f"/media/{local_site['image']}") == 200


def test_an_editor_gets_a_private_document(local_site):
    response = download(local_site, local_site["private"], admin_session(local_site["url"]))
    assert response.status_code == 200 and response.content == PRIVATE


# On S3


def test_on_s3_a_private_document_is_refused_to_anonymous_visitors_by_every_path(s3_site, s3):
    private = s3_site["private"]
    assert asks_for_login(download(s3_site, private))
    bucket = requests.get(f"{s3['endpoint']}/{S3_BUCKET}/{private['file']}", timeout=10)
    assert bucket.status_code == 403 and PRIVATE not in bucket.content
    assert status_of(s3_site, f"/media/{private['file']}") == 404


def test_on_s3_an_editor_is_sent_to_a_signed_address_that_soon_expires(s3_site, s3):
    response = download(s3_site, s3_site["private"], admin_session(s3_site["url"]))
    assert response.status_code == 302, "Wagtail's checks passed, then the bucket sends it"
    address = response.headers["Location"]
    assert address.startswith(f"{s3['endpoint']}/{S3_BUCKET}/{s3_site['private']['file']}?")
    assert 0 < seconds_valid(address) <= 60
    signed = requests.get(address, timeout=10)
    assert signed.status_code == 200 and signed.content == PRIVATE
    assert signed.headers["Content-Disposition"].startswith("attachment"), "a download"
    assert requests.get(address.split("?")[0], timeout=10).status_code == 403


def test_on_s3_a_public_document_downloads_for_anonymous_visitors(s3_site):
    response = download(s3_site, s3_site["public"])
    assert response.status_code == 302
    assert seconds_valid(response.headers["Location"]) > 0
    assert requests.get(response.headers["Location"], timeout=10).content == PUBLIC


def test_on_s3_a_document_is_never_stored_public_even_where_uploads_are(s3):
    public_by_default = storage(s3, default_acl="public-read")
    document = public_by_default.save("documents/acl.pdf", ContentFile(PRIVATE))
    other = public_by_default.save("uploads/acl.txt", ContentFile(b"public"))
    plain = f"{s3['endpoint']}/{S3_BUCKET}/"
    assert requests.get(plain + other, timeout=10).status_code == 200, "the default ACL holds"
    assert requests.get(plain + document, timeout=10).status_code == 403


def test_on_s3_a_documents_address_is_signed_and_at_the_bucket_even_behind_a_cdn(s3):
    behind_a_cdn = storage(s3, custom_domain="media.produktionslyftet.se")
    image = behind_a_cdn.url("images/verkstad.width-400.png")
    assert image == "https://media.produktionslyftet.se/images/verkstad.width-400.png"
    document = behind_a_cdn.url("documents/plan.pdf")
    assert document.startswith(f"{s3['endpoint']}/{S3_BUCKET}/documents/plan.pdf?")
    assert DOCUMENT_URL_SECONDS - 5 < seconds_valid(document) <= DOCUMENT_URL_SECONDS
