"""Submit Wagtail admin forms the way a browser would: read the form, change fields, post."""

from lxml import html as lxml_html


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
