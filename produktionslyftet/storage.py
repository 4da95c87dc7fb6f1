"""
Media on S3-compatible storage (settings: AWS_STORAGE_BUCKET_NAME): images public by
address, documents private.

Images and renditions are read by anyone at their plain bucket (or CDN) address, which
pages and the page cache keep. A document may be in a private collection, which only
Wagtail's view checks, so its object is never public and its address is never plain:
Wagtail's view (WAGTAILDOCS_SERVE_METHOD = "redirect") checks the collection's view
restrictions and only then redirects to ``url()``, a signed address that expires within
a minute and makes the file a download.
"""

import mimetypes
import posixpath

from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join

from django.utils.http import content_disposition_header

from produktionslyftet.media import is_document

# Long enough for the browser to follow Wagtail's redirect, too short to pass the address on.
DOCUMENT_URL_SECONDS = 60


class S3MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        """
        A document never takes the default ACL (AWS_DEFAULT_ACL), nor any other public
        one. Where ACLs are in use it is stored ``private``; where they are not (the
        default for new AWS buckets, which refuse any ACL on upload), it is private
        already, and only the bucket policy could open it (docs/deployment.md).
        """
        parameters = super().get_object_parameters(name)
        if is_document(name):
            parameters.pop("ACL", None)
            if self.default_acl:
                parameters["ACL"] = "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        """A document's address is signed, short-lived and at the bucket, never the CDN."""
        if not is_document(name):
            return super().url(name, parameters, expire, http_method)
        key = safe_join(self.location, clean_name(name))
        filename = posixpath.basename(key)
        content_type, _encoding = mimetypes.guess_type(filename)
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket_name,
                "Key": key,
                # As Wagtail's own serving: a download, never shown in the browser.
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type or "application/octet-stream",
                **(parameters or {}),
            },
            ExpiresIn=min(expire or DOCUMENT_URL_SECONDS, DOCUMENT_URL_SECONDS),
            HttpMethod=http_method,
        )
