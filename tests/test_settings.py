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
