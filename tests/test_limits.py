"""
Limits that hold across workers and machines (limits/counters.py): the interest form's
posts per address, its token used once, and the receipts one mailbox gets a day — counted
in the database, or in Redis when there is one, and through a real gunicorn with several
worker processes, where a limit kept in each process's memory let twice the limit through.
"""

import datetime
import json
import tempfile
from pathlib import Path

import pytest
import requests
from lxml import html as lxml_html

from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from interest.models import Submission
from limits import counters
from limits.models import Counter
from tests.admin_forms import form_fields
from tests.servers import demo_site, free_port, gunicorn, manage, running
from tests.test_fail_soft import (  # noqa: F401 (fixtures)
    nothing_known_of_earlier_outages,
    real_redis,
    redis_down,
)
from tests.test_interest import COMPANY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_fill_time(settings):
    settings.INTEREST_MIN_FILL_SECONDS = 0
    settings.LIMITS_IN_CACHE = False


# --- the counters -------------------------------------------------------------------------


def test_a_limit_counts_in_the_database_until_its_window_ends():
    assert [counters.exceeded("test", "10.0.0.1", 2, 60) for _ in range(4)] == [
        False,
        False,
        True,
        True,
    ]
    assert not counters.exceeded("test", "10.0.0.2", 2, 60), "each address counts alone"
    Counter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not counters.exceeded("test", "10.0.0.1", 2, 60), "a new window begins afresh"
    assert Counter.objects.count() == 1, "expired windows are cleared as new ones begin"


def test_what_is_counted_is_not_stored_as_typed():
    counters.increment("receipts", "Karin@Example.org\r\nBcc: x", 60)
    (key,) = Counter.objects.values_list("key", flat=True)
    assert "Karin" not in key and "\n" not in key and len(key) < 100


def test_a_token_is_used_once():
    assert counters.first_use("token", "abc", 60)
    assert not counters.first_use("token", "abc", 60)
    assert counters.first_use("token", "abd", 60)


def test_with_redis_the_count_is_kept_there(real_redis, settings):  # noqa: F811
    settings.LIMITS_IN_CACHE = True
    assert [counters.exceeded("test", "10.0.0.9", 1, 60) for _ in range(3)] == [
        False,
        True,
        True,
    ]
    assert not Counter.objects.exists(), "nothing written to the database"


def test_with_redis_down_the_database_counts_instead(redis_down, settings):  # noqa: F811
    settings.LIMITS_IN_CACHE = True
    assert [counters.exceeded("test", "10.0.0.9", 1, 60) for _ in range(3)] == [
        False,
        True,
        True,
    ]
    assert Counter.objects.count() == 1


# --- the interest form, in one process -----------------------------------------------------


def test_one_form_sent_many_times_is_stored_once():
    client = Client()
    data = {**form_fields(client.get("/delta/").content), **COMPANY}
    answers = [client.post("/delta/", data) for _ in range(5)]
    assert {answer.status_code for answer in answers} == {302}, "each answered as sent"
    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 2, "one mail to the node, one receipt"


@override_settings(INTEREST_RECEIPTS_PER_DAY=3)
def test_a_mailbox_gets_at_most_its_receipts_a_day_and_nothing_typed_in_them():
    client = Client()
    for number in range(6):
        data = {**form_fields(client.get("/delta/").content), **COMPANY}
        data.update(company_name=f"Buy cheap pills {number}", contact_name="Visit evil.example")
        assert client.post("/delta/", data, REMOTE_ADDR=f"10.1.0.{number}").status_code == 302
    assert Submission.objects.count() == 6, "every company's interest reaches its node"
    receipts = [m for m in mail.outbox if m.to == [COMPANY["email"]]]
    assert len(receipts) == 3
    assert len(mail.outbox) - len(receipts) == 6
    for receipt in receipts:
        assert "pills" not in receipt.body + receipt.subject
        assert "evil.example" not in receipt.body + receipt.subject


# --- the interest form, through gunicorn with four workers ---------------------------------

COUNT = (
    "from interest.models import Submission; import json; "
    "print(json.dumps(Submission.objects.count()))"
)


@pytest.fixture(scope="module")
def served(django_db_blocker):
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-limits-"))
    port = free_port()
    with django_db_blocker.unblock(), demo_site(workdir, "local", public_port=port) as env:
        env = {
            **env,
            "INTEREST_MIN_FILL_SECONDS": "0",
            "INTEREST_RATE_LIMIT": "10",
            "TRUSTED_PROXY_COUNT": "1",  # each test a client address of its own
        }
        with running(gunicorn(env, port, workers=4), env, f"http://127.0.0.1:{port}/healthz"):
            yield {"url": f"http://127.0.0.1:{port}", "env": env}


def stored(served):
    shell = manage(served["env"], "shell", "-c", COUNT, capture_output=True, text=True)
    return json.loads(shell.stdout.strip().splitlines()[-1])


def fresh_form(url):
    """A visitor's session and the form's fields as a browser would send them back."""
    session = requests.Session()
    session.trust_env = False
    page = session.get(url + "/delta/", timeout=10)
    assert page.status_code == 200
    return session, {**form_fields(page.content), **COMPANY}


def test_the_rate_limit_holds_across_worker_processes(served):
    before = stored(served)
    statuses = []
    for _ in range(30):
        session, data = fresh_form(served["url"])
        answer = session.post(
            served["url"] + "/delta/",
            data,
            headers={"X-Forwarded-For": "192.0.2.10"},
            allow_redirects=False,
            timeout=10,
        )
        statuses.append(answer.status_code)
    assert statuses.count(302) == 10, statuses
    assert statuses.count(429) == 20, statuses
    assert stored(served) - before == 10
    refused = lxml_html.fromstring(answer.content)
    assert refused.xpath("//*[contains(text(), 'Try again in an hour')]") or refused.xpath(
        "//*[contains(text(), 'om en timme')]"
    ), "the visitor is told why, in the page's language"


def test_one_token_serves_one_submission_across_worker_processes(served):
    before = stored(served)
    session, data = fresh_form(served["url"])
    answers = [
        session.post(
            served["url"] + "/delta/",
            data,
            headers={"X-Forwarded-For": "192.0.2.44"},
            allow_redirects=False,
            timeout=10,
        )
        for _ in range(8)
    ]
    assert {answer.status_code for answer in answers} == {302}, "each answered as sent"
    assert stored(served) - before == 1
