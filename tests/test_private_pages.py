"""
A private page is reachable by whom it is meant for: a login-restricted page sends a
visitor to the site's login form and back, a password-protected one shows its password
form and opens with the right password — in both languages. Wagtail's views for these
live at /_util/…, which the page view's pattern would otherwise take as page paths.
"""

import pytest
from lxml import html

from django.contrib.auth import get_user_model

from wagtail.models import PageViewRestriction

from home.models import ContentPage
from tests.admin_forms import form_fields

pytestmark = pytest.mark.django_db


def private(language, **restriction):
    page = ContentPage.objects.live().filter(locale__language_code=language).first()
    PageViewRestriction.objects.create(page=page, **restriction)
    return page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_login_restricted_page_leads_to_a_login_form_and_back(client, language):
    page = private(language, restriction_type="login")
    get_user_model().objects.create_user("medlem", "m@example.org", "rätt-lösenord-1")
    response = client.get(page.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert "/_util/login/" in login_url
    form = client.get(login_url)
    assert form.status_code == 200, "the login form is there"
    data = {**form_fields(form.content), "username": "medlem", "password": "rätt-lösenord-1"}
    answer = client.post(login_url, data)
    assert answer.status_code == 302 and answer["Location"] == page.url
    shown = client.get(page.url)
    assert shown.status_code == 200 and page.title in shown.content.decode()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_password_protected_page_opens_with_its_password(client, language):
    page = private(language, restriction_type="password", password="hemligt-ord")
    form = client.get(page.url)
    assert form.status_code == 200 and page.title not in form.content.decode()
    fields = form_fields(form.content)

    action = html.fromstring(form.content).xpath("//form[.//input[@name='password']]/@action")[0]
    wrong = client.post(action, {**fields, "password": "fel"})
    assert wrong.status_code == 200 and page.title not in wrong.content.decode()
    right = client.post(action, {**fields, "password": "hemligt-ord"})
    assert right.status_code == 302
    shown = client.get(page.url)
    assert shown.status_code == 200 and page.title in shown.content.decode()
