"""The moderation mails greet each person by their full name, by username only if none."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from governance.groups import PROGRAMME_OFFICE
from tests.test_moderation import region, submitted_editorial  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def reviewer(username, **names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **names)
    user.groups.add(Group.objects.get(name=PROGRAMME_OFFICE))
    return user


@pytest.fixture
def reviewers(db):
    return {
        "named": reviewer("klind", first_name="Karin", last_name="Lind"),
        "unnamed": reviewer("granskare"),
    }


@pytest.fixture
def notified(reviewers, request):
    """The reviewers, once a regional editor has submitted an editorial to them."""
    request.getfixturevalue("submitted_editorial")
    return reviewers


def mail_to(user):
    (message,) = [m for m in mail.outbox if m.to == [user.email]]
    return message


def test_a_moderation_mail_greets_the_reviewer_by_full_name(notified):
    message = mail_to(notified["named"])
    html = message.alternatives[0][0] if message.alternatives else message.body
    assert "Hej Karin Lind," in message.body
    assert "Hej Karin Lind," in html


def test_a_moderation_mail_greets_someone_without_a_name_by_username(notified):
    assert "Hej granskare," in mail_to(notified["unnamed"]).body
