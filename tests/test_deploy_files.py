"""
deploy/ holds everything docs/deployment.md has a sysadmin install; these checks keep
its files agreeing with the settings and with each other, so that one changed address
or variable cannot leave the others behind. The rehearsal (tests/rehearsal/) runs them.
"""

import re
import subprocess
from pathlib import Path

from tests.rehearsal.stack import exec_start, read_environment_file

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "produktionslyftet.env"
READERS = [
    *sorted((ROOT / "produktionslyftet" / "settings").glob("*.py")),
    DEPLOY / "gunicorn.conf.py",
]


def variables_read():
    """Every environment variable the settings and gunicorn's configuration read."""
    pattern = re.compile(
        r"""(?:env(?:_bool|_list|_addresses|_origins)?|environ\.get|getenv)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
    )
    return {name for path in READERS for name in pattern.findall(path.read_text())}


def variables_listed():
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", TEMPLATE.read_text(), re.M))


def test_the_environment_template_lists_every_variable_the_settings_read():
    read, listed = variables_read(), variables_listed()
    assert read - listed == set(), "read by the settings, missing from the template"
    assert listed - read - {"DJANGO_SETTINGS_MODULE"} == set(), "listed, read by nothing"


def test_every_variable_the_template_sets_is_in_the_guides_table():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    table = guide[guide.index("## Environment variables") :]
    missing = {name for name in variables_listed() if f"`{name}`" not in table}
    assert missing == set()


def test_the_template_is_for_production():
    values = read_environment_file(TEMPLATE)
    assert values["DJANGO_SETTINGS_MODULE"] == "produktionslyftet.settings.production"
    assert values["TRUSTED_PROXY_COUNT"] == "2", "nginx and Varnish both append"


def test_the_addresses_agree_from_nginx_to_gunicorn():
    values = read_environment_file(TEMPLATE)
    varnish_unit = (DEPLOY / "systemd" / "varnish.service.d" / "produktionslyftet.conf").read_text()
    varnish_listens = re.search(r"-a (\S+)", exec_start(varnish_unit)).group(1)
    nginx = (DEPLOY / "nginx" / "produktionslyftet.conf").read_text()
    assert f"server {varnish_listens};" in nginx, "nginx sends to Varnish"
    assert values["FRONTEND_CACHE_PURGE_URL"] == f"http://{varnish_listens}", "purges reach it"
    vcl = (DEPLOY / "varnish" / "default.vcl").read_text()
    host, port = values["GUNICORN_BIND"].split(":")
    assert f'.host = "{host}";' in vcl and f'.port = "{port}";' in vcl, "Varnish's backend"
    assert "/etc/varnish/unavailable.html" in vcl


def test_nginx_serves_images_from_media_root_and_never_a_document():
    nginx = (DEPLOY / "nginx" / "produktionslyftet.conf").read_text()
    directives = re.sub(r"#.*", "", nginx)
    media_root = read_environment_file(TEMPLATE)["MEDIA_ROOT"]
    assert re.findall(r"\blocation\b[^{]*", directives) == [
        "location ^~ /media/images/ ",
        "location ^~ /media/original_images/ ",
        "location / ",
    ], "only the images' folders are files; everything else goes to Varnish"
    assert sorted(re.findall(r"\balias\s+([^;]+);", directives)) == [
        f"{media_root}/images/",
        f"{media_root}/original_images/",
    ]
    assert not re.search(r"\b(root|try_files)\b", directives)
    assert "documents" not in directives


def test_the_units_run_the_guides_files():
    unit = (DEPLOY / "systemd" / "produktionslyftet.service").read_text()
    assert "EnvironmentFile=/etc/produktionslyftet/env" in unit
    assert "-c deploy/gunicorn.conf.py produktionslyftet.wsgi" in exec_start(unit)
    assert "ExecReload=/srv/produktionslyftet/deploy/bin/reload" in unit
    common = (DEPLOY / "bin" / "common").read_text()
    assert "/etc/produktionslyftet/env" in common, "the scripts read the unit's environment"
    values = read_environment_file(TEMPLATE)
    assert values["GUNICORN_PIDFILE"].startswith("/run/produktionslyftet/")
    assert "RuntimeDirectory=produktionslyftet" in unit
    worker = (DEPLOY / "systemd" / "produktionslyftet-worker.service").read_text()
    assert "EnvironmentFile=/etc/produktionslyftet/env" in worker
    assert "manage.py db_worker --backend errands" in exec_start(worker), "the errands' queue"
    daily = (DEPLOY / "systemd" / "produktionslyftet-daily.service").read_text()
    assert "ExecStart=/srv/produktionslyftet/deploy/bin/daily" in daily


def test_the_scripts_are_executable_shell_that_parses():
    for script in sorted((DEPLOY / "bin").iterdir()):
        if script.name != "common":
            assert script.stat().st_mode & 0o111, f"{script.name} is executable"
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_a_script_without_its_environment_says_where_it_should_be(tmp_path):
    result = subprocess.run(
        [str(DEPLOY / "bin" / "deploy")],
        env={"PATH": "/usr/bin:/bin", "PRODUKTIONSLYFTET_ENV": str(tmp_path / "missing")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "copy deploy/produktionslyftet.env there" in result.stderr
