"""
A backup is one .tar.gz: the database in its engine's own format (SQLite's online backup,
or pg_dump's custom format), every media file, and a manifest that counts what it holds,
so that a restore can say whether everything came back.
"""

import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

# What a restore must bring back, counted in the manifest and compared afterwards.
COUNTED = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.Locale",
    "wagtail_localize.Translation",
    "wagtail_localize.StringTranslation",
    "regions.Person",
    "partners.Partner",
    "wagtailimages.Image",
    "wagtailimages.Rendition",
    "wagtaildocs.Document",
    "auth.User",
    "auth.Group",
]


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def database():
    config = settings.DATABASES["default"]
    return config["ENGINE"].rsplit(".", 1)[-1], config


def pg_environment(config):
    env = {"PGPASSWORD": str(config.get("PASSWORD") or "")}
    args = [
        "--host",
        str(config.get("HOST") or "localhost"),
        "--port",
        str(config.get("PORT") or 5432),
    ]
    if config.get("USER"):
        args += ["--username", config["USER"]]
    return args, env


def media_root():
    storage = settings.STORAGES["default"]["BACKEND"]
    if not storage.endswith("FileSystemStorage"):
        return None  # on S3: the bucket's own versioning is the backup (docs/deployment.md)
    return Path(settings.MEDIA_ROOT)


def create(output):
    """Write a backup of the database and media to ``output``; returns the manifest."""
    engine, config = database()
    manifest = {"created": timezone.now().isoformat(), "engine": engine, "counts": counts()}
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if engine == "sqlite3":
            dump = work / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            connection.connection.backup(target)
            target.close()
        elif engine == "postgresql":
            dump = work / "database.pgdump"
            args, env = pg_environment(config)
            subprocess.run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    *args,
                    "--file",
                    str(dump),
                    config["NAME"],
                ],
                env={**env, "PATH": "/usr/bin:/bin"},
                check=True,
            )
        else:
            raise ValueError(f"No backup for the {engine} engine")
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        # It holds password hashes and every submission: readable by its owner only, from
        # the moment it exists.
        output.touch(mode=0o600)
        output.chmod(0o600)
        with tarfile.open(output, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            root = media_root()
            if root is not None and root.exists():
                archive.add(root, arcname="media")
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return manifest


def restore(archive_path):
    """Restore a backup into the configured (empty or expendable) database and media."""
    engine, config = database()
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        work = Path(work)
        archive.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["engine"] != engine:
            raise ValueError(f"This backup is of {manifest['engine']}, not {engine}")
        connection.close()
        if engine == "sqlite3":
            source = sqlite3.connect(work / "database.sqlite3")
            target = sqlite3.connect(config["NAME"])
            source.backup(target)
            target.close()
            source.close()
        else:
            args, env = pg_environment(config)
            subprocess.run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", *args,
                 "--dbname", config["NAME"], str(work / "database.pgdump")],
                env={**env, "PATH": "/usr/bin:/bin"},
                check=True,
            )  # fmt: skip
        root = media_root()
        if root is not None and (work / "media").exists():
            shutil.copytree(work / "media", root, dirs_exist_ok=True)
    return manifest
