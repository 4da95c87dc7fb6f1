"""
Errands (errands/): mail and the caches' purges leave the request and the publish. In the
background they wait in the database for the worker, which sends them and tries again
what a server did not take. Tested with the real worker (django-tasks-db's ``db_worker``)
against loopback servers standing in for the mail server and Varnish.
"""

import io
import logging
from datetime import timedelta
from unittest import mock

import pytest
import requests
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accessibility.reports import BarrierReport
from articles.models import ArticlePage
from caching import downstream
from errands import RETRY_DELAYS
from interest.models import MailStatus, Submission
from partners.models import Partner
from produktionslyftet.settings.base import errand_backends
from tests.test_accessibility import send as send_report
from tests.test_interest import closed_port, send, smtp_server  # noqa: F401  (fixture)
from tests.test_scaling import CLOUDFLARE, purge_settings, recording_server

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_the_background(settings):
    settings.TASKS = errand_backends(True)
    settings.INTEREST_MIN_FILL_SECONDS = 0


def waiting():
    return DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")


def run_worker():
    """
    The worker as its unit runs it, once through what is due. It closes the database
    connection between errands, which would end the test's transaction on PostgreSQL:
    here it keeps it (the rehearsal runs it whole, on PostgreSQL).
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        run_worker_command()


def run_worker_command():
    call_command(
        "db_worker",
        "--backend",
        "errands",
        "--queue-name",
        "*",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=io.StringIO(),
    )


def make_due():
    """The time passes: whatever waits for a retry is due now."""
    waiting().update(run_after=timezone.now() - timedelta(seconds=1))


def test_the_visitor_is_answered_before_any_mail_is_sent(client, smtp_server):  # noqa: F811
    response = send(client, "/delta/")
    assert response.status_code == 302
    assert smtp_server.messages == [], "the request waited for no mail server"
    assert [errand.task_path for errand in waiting()] == ["interest.mail.mail_submission"]

    run_worker()
    assert len(smtp_server.messages) == 2, "the node's mail and the company's receipt"
    assert Submission.objects.get().mail_status == MailStatus.SENT
    assert not waiting().exists()


def test_a_mail_server_that_is_down_is_tried_again_later(client, smtp_server):  # noqa: F811
    send(client, "/delta/")
    with override_settings(EMAIL_PORT=closed_port()):
        run_worker()
    assert smtp_server.messages == []
    retry = waiting().get()
    delay = retry.run_after - timezone.now()
    assert timedelta(seconds=RETRY_DELAYS[0] - 5) < delay <= timedelta(seconds=RETRY_DELAYS[0])
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}

    run_worker()
    assert smtp_server.messages == [], "not before its time"
    make_due()
    run_worker()
    assert len(smtp_server.messages) == 2
    submission = Submission.objects.get()
    assert submission.mail_status == MailStatus.SENT and submission.mail_attempts == 2


def test_an_errand_gives_up_after_the_last_delay_and_says_so(client, caplog):
    send(client, "/delta/")
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed_port(),
        ),
        caplog.at_level(logging.WARNING),
    ):
        for _ in range(len(RETRY_DELAYS) + 1):
            run_worker()
            make_due()
    assert not waiting().exists()
    given_up = [r for r in caplog.records if r.name == "errands" and r.levelno == logging.ERROR]
    assert len(given_up) == 1 and "gave up after 6 attempts" in given_up[0].getMessage()
    submission = Submission.objects.get()
    assert submission.mail_status == MailStatus.FAILED and submission.mail_attempts == 6


def test_a_barrier_report_is_mailed_by_the_worker(client):
    response = send_report(client, description="Kontrasten i sidfoten är för svag.")
    assert response.status_code == 302 and mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 1 and "sidfoten" in mail.outbox[0].body
    assert BarrierReport.objects.get().mailed


def test_varnish_is_purged_at_once_and_nothing_is_left_for_the_worker(
    django_capture_on_commit_callbacks, sv
):
    article = ArticlePage.objects.filter(locale=sv).live().first()
    with recording_server() as varnish:
        with (
            override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            article.save_revision().publish()
            assert varnish.purged == [], "nothing before the commit"
        assert ("testserver", article.url) in varnish.purged, "the next reader gets it"
        assert varnish.banned_under == [("testserver", "/api/")]
        with (
            override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            Partner.objects.filter(locale=sv).first().save()
        assert varnish.banned == ["testserver"]
    assert not waiting().exists()


def test_what_a_varnish_that_was_down_did_not_take_the_worker_purges_later(
    django_capture_on_commit_callbacks, sv
):
    article = ArticlePage.objects.filter(locale=sv).live().first()
    with recording_server() as varnish:
        address = varnish.server_address
    # Varnish restarts: nobody answers on its port while the editor publishes.
    with (
        override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article.save_revision().publish()
    assert {errand.task_path for errand in waiting()} == {
        "caching.frontend.purge_downstream",
        "caching.downstream.ban_downstream",
    }
    with override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)):
        run_worker()
    retries = list(waiting())
    assert retries and all(r.args_kwargs["kwargs"]["attempt"] == 2 for r in retries), (
        "each purge and the ban tried again later"
    )
    with recording_server(address) as varnish:
        make_due()
        with override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)):
            run_worker()
        assert ("testserver", article.url) in varnish.purged
        assert ("testserver", "/aktuellt/") in varnish.purged
        assert varnish.banned_under == [("testserver", "/api/")]
    assert not waiting().exists()


def test_cloudflare_is_asked_by_the_worker(django_capture_on_commit_callbacks, sv):
    posted = []

    def post(url, json=None, headers=None, timeout=None):
        posted.append(json)
        response = requests.Response()
        response.status_code = 200
        return response

    with (
        override_settings(WAGTAILFRONTENDCACHE=CLOUDFLARE),
        mock.patch("caching.downstream.requests.post", post),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            Partner.objects.filter(locale=sv).first().save()
        assert posted == [], "not from the editor's request"
        run_worker()
    assert posted == [{"purge_everything": True}]


def test_without_a_cache_in_front_no_errand_is_written(django_capture_on_commit_callbacks, sv):
    with (
        override_settings(WAGTAILFRONTENDCACHE={}),
        django_capture_on_commit_callbacks(execute=True),
    ):
        Partner.objects.filter(locale=sv).first().save()
        downstream.ban_everything()
    assert not waiting().exists()


def test_a_deploy_bans_at_once_and_names_a_cache_that_is_down():
    with recording_server() as varnish:
        with override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)):
            call_command("renew_caches", stdout=io.StringIO())
        assert varnish.banned == ["testserver"], "not left to a worker: the deploy is now"
    assert not waiting().exists()
    errors = io.StringIO()
    with override_settings(WAGTAILFRONTENDCACHE=purge_settings(varnish)):
        call_command("renew_caches", stdout=io.StringIO(), stderr=errors)
    assert "Could not ban testserver" in errors.getvalue()


def test_a_registrants_mail_waits_for_the_worker_and_comes_with_the_event(client, smtp_server):  # noqa: F811
    from events.models import Registration, RegistrationStatus
    from regions.models import RegionPage
    from tests.events import add_event
    from tests.test_registration import register, register_url

    region = RegionPage.objects.get(locale__language_code="sv", slug="mellersta-norrland")
    event = add_event(region, capacity=1)
    with override_settings(EMAIL_PORT=closed_port()):
        response = register(client, register_url(event))
        assert response.status_code == 302, "the seat is taken without waiting for mail"
        assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
        run_worker()  # the mail server is down
    assert smtp_server.messages == []
    make_due()
    run_worker()
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["karin@example.org"]
    assert any(part.get_filename("").endswith(".ics") for part in message.iter_attachments())
