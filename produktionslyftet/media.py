"""
Uploaded media outside Wagtail's views: which files are documents, and the application's
own serving of MEDIA_ROOT in `make run` (SERVE_MEDIA), which refuses them.

A document may sit in a private collection, and only Wagtail's view
(``/documents/<id>/<name>``) checks its collection's view restrictions. So no other
address may hand out a document's file: not ``/media/documents/…`` here, not nginx (it
serves no files itself: deploy/nginx), not the bucket (produktionslyftet/storage.py).
Images and their renditions stay public by address.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views import static

from wagtail.documents import get_document_model


def is_document(name):
    """
    Whether the media path ``name`` (as a storage or a URL names it) is in the documents'
    folder, however it is spelt: ``documents/a.pdf``, ``/./documents/a.pdf``,
    ``images/../documents/a.pdf``, and ``Documents/a.pdf`` for case-blind file systems.
    """
    folder = get_document_model()._meta.get_field("file").upload_to.strip("/")
    first = posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/").split("/")[0]
    return first.casefold() == folder.casefold()


def serve(request, path):
    """Django's file serving of MEDIA_ROOT, for `make run` only: images, never documents."""
    if is_document(path):
        raise Http404("Documents are served at /documents/, which checks their collection.")
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)
