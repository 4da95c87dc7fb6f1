"""Submit Wagtail admin forms the way a browser would: read the form, change fields, post."""

import requests
from lxml import html as lxml_html

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def form_data(client, url, form_id=None):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return form_fields(response.content, form_id)


def form_fields(content, form_id=None):
    """The fields of a page's form (``form_id``, or the main POST form) as a browser sends them."""
    tree = lxml_html.fromstring(content)
    form = (
        tree.xpath(f'//form[@id="{form_id}"]')[0]
        if form_id
        else tree.xpath("//main//form[@method='POST' or @method='post']")[0]
    )
    data = {}
    for field in form.xpath(".//input[@name] | .//textarea[@name] | .//select[@name]"):
        name, kind = field.get("name"), (field.get("type") or "").lower()
        if kind in {"submit", "button", "file"}:
            continue
        if kind in {"checkbox", "radio"}:
            if field.get("checked") is not None:
                data[name] = field.get("value", "on")
            continue
        if field.tag == "select":
            chosen = (
                field.xpath(".//option[@selected]/@value") or field.xpath(".//option/@value")[:1]
            )
            data[name] = chosen[0] if chosen else ""
        elif field.tag == "textarea":
            data[name] = field.text or ""
        else:
            data[name] = field.get("value", "")
    return data


def admin_session(base_url, username="admin", password="produktionslyftet"):
    """A ``requests`` session logged in to the admin of the site served at ``base_url``."""
    session = requests.Session()
    login = session.get(base_url + "/admin/login/", timeout=10)
    data = form_fields(login.content)
    data.update(username=username, password=password)
    response = session.post(base_url + "/admin/login/", data=data, timeout=10)
    assert response.url.endswith("/admin/"), "logged in"
    return session


def post_admin_form(session, url, changes, form_id=None):
    """Read the form at ``url`` as the session sees it, change ``changes``, post it back."""
    data = form_fields(session.get(url, timeout=10).content, form_id=form_id)
    data.update(changes)
    return session.post(url, data=data, timeout=30, allow_redirects=False)


def paragraph_body(text="Brödtext."):
    """A StreamField body of one paragraph, posted as the editor's JavaScript posts it."""
    return nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])})


def post_page_edit(client, page, **changes):
    """Post the page's edit form as the editor would, with ``changes`` made."""
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client, url, form_id="page-edit-form")
    data.update(paragraph_body())
    data.update(changes)
    return client.post(url, data)
