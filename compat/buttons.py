"""
Wagtail's plain buttons drawn from their template's shapes, not through the template
each time.

A page listing draws nine or ten buttons for every row (its "More" menu), each through
``wagtailadmin/shared/button.html`` and the icon's template inside it: at twenty rows,
two hundred templates and a third of the admin's page search at 10,000 articles. The
button template reads five things of a button (its address, classes, attributes, icon
and label) and branches only on whether it has an address and an icon. So each of the
four shapes is drawn once, through the template itself (the site's override, if it had
one), with a word standing in for each of the five, and a button is its shape with the
words replaced by its own values, escaped as the template escapes them.

The reach (``BaseButton.render_html`` replaced, its template and what the template reads)
is checked at start-up by ``compat.E011``, which draws buttons of every shape both ways
and finds them the same; a shape that draws differently is not used (the template is).
"""

import functools
import re
from types import SimpleNamespace

from laces.components import Component

from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from .checks import missing_attributes, reach

TEMPLATE = "wagtailadmin/shared/button.html"
# What the template reads of a button; each stands in the shape as a word that escaping
# leaves as it is, and that names it.
SLOTS = ("url", "classname", "base_attrs_string", "icon_name", "label")
WORDS = {slot: f"zq{slot}qz" for slot in SLOTS}
WORD = re.compile(r"zq(\w+?)qz")
# What a template's context says of rendering a variable: escaped, localized as set.
AS_TEMPLATES = Context(autoescape=True)


def template_draws(button):
    """``button`` as Wagtail draws it, through its template."""
    return get_template(TEMPLATE).render({"button": button, "request": None})


@functools.cache
def shape(linked, with_icon):
    """The button template's output for a button with (or without) an address and an icon,
    each slot a word; None where the shape would not draw a button as the template does."""
    stand_in = SimpleNamespace(
        url=WORDS["url"] if linked else None,
        classname=WORDS["classname"],
        base_attrs_string=mark_safe(WORDS["base_attrs_string"]),
        icon_name=WORDS["icon_name"] if with_icon else None,
        label=WORDS["label"],
    )
    drawn = template_draws(stand_in)
    sample = sample_button(linked, with_icon)
    if fill(drawn, sample) != template_draws(sample):
        return None
    return drawn


def fill(drawn, button):
    """The shape ``drawn`` with ``button``'s values in place of its words, each rendered
    as the template renders a variable (localized, escaped unless safe)."""
    values = {slot: render_value_in_context(getattr(button, slot), AS_TEMPLATES) for slot in SLOTS}
    return mark_safe(WORD.sub(lambda word: values[word.group(1)], drawn))


def draws_from_shape(button):
    """Whether ``button`` is drawn by the plain template from what it says of itself."""
    from wagtail.admin.widgets.button import BaseButton

    kind = type(button)
    return (
        button.template_name == TEMPLATE
        and kind.get_context_data is BaseButton.get_context_data
        and kind.render_html is draw
    )


def draw(button, parent_context=None):
    """``BaseButton.render_html``: from its shape where it has one, else as Wagtail does."""
    if draws_from_shape(button):
        drawn = shape(bool(button.url), bool(button.icon_name))
        if drawn is not None:
            return fill(drawn, button)
    return library_render_html(button, parent_context)


def library_render_html(button, parent_context=None):
    return Component.render_html(button, parent_context)


def sample_button(linked, with_icon):
    from wagtail.admin.widgets.button import Button

    return Button(
        label='Ändra "<sida>" & mer',
        url="/admin/pages/1/edit/?next=/admin/pages/?q=a&p=2" if linked else None,
        icon_name="edit" if with_icon else None,
        classname="button button-small",
        attrs={"aria-label": "Ändra 'sida'", "data-x": '1"2'},
    )


def draw_buttons_from_shapes():
    from wagtail.admin.widgets.button import BaseButton

    BaseButton.render_html = draw


@reach("wagtail", "compat.buttons (the admin's buttons drawn from shapes)", id="compat.E011")
def button_shapes():
    from wagtail.admin.widgets.button import BaseButton

    gone = missing_attributes(
        BaseButton, ["template_name", "get_context_data", "url", "icon_name", "label"]
    )
    if getattr(BaseButton, "template_name", None) != TEMPLATE:
        gone.append(f"BaseButton.template_name {TEMPLATE!r}")
    if "render_html" not in vars(Component):
        gone.append("laces.components.Component.render_html")
    for linked in (True, False):
        for with_icon in (True, False):
            if shape(linked, with_icon) is None:
                gone.append(
                    f"{TEMPLATE} drawing a button {'with' if linked else 'without'} an "
                    f"address and {'with' if with_icon else 'without'} an icon from only "
                    f"its {', '.join(SLOTS)}"
                )
    return gone
