"""Production settings are safe by default and take their secrets from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="produktionslyftet.settings.production",
        SECRET_KEY="a-long-random-looking-value-used-only-by-this-test-8f3b1c9e2d7a",
        ALLOWED_HOSTS="produktionslyftet.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="produktionslyftet.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_setting_rejects_values_it_does_not_understand():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="produktionslyftet.settings.test", DEBUG="maybe"
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def setting(module, expression, **env):
    code = f"from django.conf import settings; print({expression})"
    result = manage("shell", "-c", code, DJANGO_SETTINGS_MODULE=module, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_bucket_in_the_environment_puts_media_on_s3_with_documents_behind_wagtail():
    env = {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}
    module = "produktionslyftet.settings.test"
    assert setting(module, "settings.STORAGES['default']['BACKEND']", **env) == (
        "produktionslyftet.storage.S3MediaStorage"
    )
    assert setting(module, "settings.WAGTAILDOCS_SERVE_METHOD", **env) == "redirect"
    assert setting(module, "settings.AWS_S3_FILE_OVERWRITE", **env) == "False"
    assert setting(module, "settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_make_run_serves_with_the_production_settings_over_plain_http():
    module = "produktionslyftet.settings.local"
    assert setting(module, "settings.DEBUG") == "False"
    assert setting(module, "settings.STORAGES['staticfiles']['BACKEND']") == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert setting(module, "settings.SECURE_SSL_REDIRECT") == "False"
    assert setting(module, "settings.DATABASES['default']['CONN_MAX_AGE']") == "60"
