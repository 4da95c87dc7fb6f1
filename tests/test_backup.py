"""
`make backup` and `make restore`: a backup of the demo site (on SQLite, or on PostgreSQL
when DATABASE_URL names it), restored into an empty database and an empty media folder,
holds every page, revision, translation, snippet and image as it was.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.servers import ROOT, demo_site, manage, site_database

SNAPSHOT = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from wagtail.models import Page, Revision
from wagtail.images.models import Image
from wagtail_localize.models import StringTranslation, Translation
from partners.models import Partner
from regions.models import Person
media = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "pages": sorted((p.pk, p.title, p.locale.language_code, p.live, p.url_path, p.latest_revision_id)
                    for p in Page.objects.all()),
    "revisions": sorted(Revision.objects.values_list("pk", "object_id", "created_at")),
    "translations": sorted(Translation.objects.values_list("uuid", "target_locale__language_code", "enabled")),
    "strings": sorted(StringTranslation.objects.values_list("pk", "data")),
    "snippets": sorted([(p.pk, p.name, p.locale_id) for p in Person.objects.all()]
                       + [(p.pk, p.name, p.locale_id) for p in Partner.objects.all()]),
    "images": sorted((i.title, i.file.name, hashlib.sha1((media / i.file.name).read_bytes()).hexdigest())
                     for i in Image.objects.all()),
}, default=str))
"""


def snapshot(env):
    result = manage(env, "shell", "-c", SNAPSHOT, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_backup_restores_into_an_empty_database_as_it_was():
    first = Path(tempfile.mkdtemp(prefix="produktionslyftet-backup-"))
    second = Path(tempfile.mkdtemp(prefix="produktionslyftet-restore-"))
    archive = first / "backup.tar.gz"
    with demo_site(first, "local", public_port=80) as env:
        before = snapshot(env)
        assert before["images"] and before["translations"] and len(before["pages"]) > 40
        manage(env, "backup", "--output", str(archive), stdout=subprocess.DEVNULL)
        # It holds password hashes: nobody but its owner may read it.
        assert archive.stat().st_mode & 0o777 == 0o600

        empty_url, drop = site_database(second)
        restored = {**env, "DATABASE_URL": empty_url, "MEDIA_ROOT": str(second / "media")}
        try:
            result = manage(restored, "restore", str(archive), capture_output=True, text=True)
            assert "every count matches" in result.stdout
            assert snapshot(restored) == before
        finally:
            drop()


def test_a_damaged_archive_is_refused_with_a_message(tmp_path):
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(b"not an archive")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(broken)],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not a backup archive" in result.stderr
    assert "Traceback" not in result.stderr
