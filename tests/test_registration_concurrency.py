"""
Never more confirmed seats than the event has: twenty people register for five seats at
the same moment, through a real gunicorn with four workers on PostgreSQL, where each
registration locks the event's row (events/registration.py).
"""

import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.admin_forms import form_fields
from tests.servers import demo_site, free_port, gunicorn, manage, running
from tests.test_registration import PERSON

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL): SQLite takes one writer at a time anyway, so "
    "it cannot show that the row lock is what keeps the seats",
)

SEATS = 5
PEOPLE = 20

MAKE_EVENT = f"""
import datetime, json
from django.utils import timezone
from events.models import EventPage
from regions.models import RegionPage
region = RegionPage.objects.get(slug="mellersta-norrland", locale__language_code="sv")
start = timezone.now() + datetime.timedelta(days=10)
event = EventPage(title="Sista platserna", slug="sista-platserna", start=start,
    end=start + datetime.timedelta(hours=3), venue_name="Mittuniversitetet", capacity={SEATS})
region.add_child(instance=event)
event.save_revision().publish()
print(json.dumps(event.pk))
"""
COUNT = (
    "from events.models import Registration; import json; from collections import Counter; "
    "print(json.dumps(Counter(Registration.objects.values_list('status', flat=True))))"
)


def last_line(result):
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def served(django_db_blocker):
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-events-"))
    port = free_port()
    with django_db_blocker.unblock(), demo_site(workdir, "local", public_port=port) as env:
        env = {
            **env,
            "INTEREST_MIN_FILL_SECONDS": "0",
            "INTEREST_RATE_LIMIT": "100",
            "TRUSTED_PROXY_COUNT": "1",
        }
        pk = last_line(manage(env, "shell", "-c", MAKE_EVENT, capture_output=True, text=True))
        with running(gunicorn(env, port, workers=4), env, f"http://127.0.0.1:{port}/healthz"):
            yield {"url": f"http://127.0.0.1:{port}/event-registration/{pk}/", "env": env}


def test_twenty_at_once_for_five_seats_confirm_exactly_five(served):
    forms = []
    for number in range(PEOPLE):
        session = requests.Session()
        session.trust_env = False
        data = {**form_fields(session.get(served["url"], timeout=10).content), **PERSON}
        data["email"] = f"deltagare{number}@example.org"
        forms.append((session, data, f"192.0.2.{number + 1}"))

    def post(form):
        session, data, address = form
        return session.post(
            served["url"],
            data,
            headers={"X-Forwarded-For": address},
            allow_redirects=False,
            timeout=60,
        ).status_code

    with ThreadPoolExecutor(PEOPLE) as pool:
        statuses = list(pool.map(post, forms))
    assert statuses == [302] * PEOPLE
    counts = last_line(manage(served["env"], "shell", "-c", COUNT, capture_output=True, text=True))
    assert counts == {"confirmed": SEATS, "waiting": PEOPLE - SEATS}
