"""
Every reach into a library's internals (compat/) fails the start-up checks when an
upgrade takes away what it relies on, naming the library, its installed version and
what is missing; on the locked versions none fails.
"""

import re
from importlib.metadata import version

import pytest

from django.core.checks import run_checks
from django.core.management import call_command

from wagtail import hooks
from wagtail.models import Page, Site

from compat import buttons, checks, templates

from .conftest import login


def errors_of(id):
    return checks.by_id(id)()


def assert_names(errors, library, *missing):
    assert errors, "the check did not fire"
    message = " ".join(error.msg for error in errors)
    assert f"{library} {version(library)}" in message
    for name in missing:
        assert name in message


def delete_everywhere(monkeypatch, cls, name):
    """Take ``name`` away from ``cls``, wherever in its bases it is defined."""
    for owner in cls.__mro__:
        if name in vars(owner):
            monkeypatch.delattr(owner, name)


# --- on the locked versions -------------------------------------------------------------


def test_on_the_locked_versions_no_reach_fails():
    assert [error for error in run_checks() if error.id.startswith("compat.")] == []


def test_manage_py_check_passes_on_the_locked_versions():
    call_command("check", fail_level="ERROR")


def test_every_reach_is_a_start_up_check_of_its_own():
    ids = [each.id for each in checks.REACHES]
    assert len(ids) == len(set(ids))
    from django.core.checks.registry import registry

    registered = registry.get_checks()
    assert all(each in registered for each in checks.REACHES)


# --- Wagtail ------------------------------------------------------------------------------


def test_a_swapped_hook_that_wagtail_localize_no_longer_registers_fails(monkeypatch):
    """What used to do nothing, silently, when the hook it swaps is gone."""
    registry = dict(hooks._hooks)
    registry["register_page_header_buttons"] = []
    monkeypatch.setattr(hooks, "_hooks", registry)
    assert_names(
        errors_of("compat.E001"),
        "wagtail",
        "wagtail_localize.wagtail_hooks.page_listing_more_buttons",
        "'register_page_header_buttons'",
    )


def test_the_hooks_registry_gone_fails(monkeypatch):
    monkeypatch.delattr(hooks, "_hooks")
    assert_names(errors_of("compat.E001"), "wagtail", "wagtail.hooks._hooks")


def test_the_site_look_up_without_its_memo_gone_fails(monkeypatch):
    monkeypatch.delattr(Site, "_find_for_request")
    assert_names(errors_of("compat.E002"), "wagtail", "Site._find_for_request")


def test_the_requests_memo_of_its_route_gone_fails(monkeypatch):
    def route_for_request(request, path):
        return None

    monkeypatch.setattr(Page, "route_for_request", staticmethod(route_for_request))
    assert_names(errors_of("compat.E002"), "wagtail", "request._wagtail_route_for_request")


def test_a_status_panel_without_the_arguments_copied_fails(monkeypatch):
    from wagtail.admin.ui.side_panels import StatusSidePanel

    def __init__(self, *args, locale=None, translations=None, **kwargs):
        pass

    monkeypatch.setattr(StatusSidePanel, "__init__", __init__)
    assert_names(errors_of("compat.E003"), "wagtail", "'usage_url'", "'last_updated_info'")


def test_a_page_without_its_step_length_fails(monkeypatch):
    delete_everywhere(monkeypatch, Page, "steplen")
    assert_names(errors_of("compat.E004"), "wagtail", "steplen")


def test_the_choosers_language_filter_gone_fails(monkeypatch):
    from wagtail.admin.forms import choosers

    monkeypatch.delattr(choosers, "LocaleFilterMixin")
    assert_names(errors_of("compat.E005"), "wagtail", "LocaleFilterMixin")


def test_the_page_viewsets_search_view_gone_fails(monkeypatch):
    from wagtail.admin.viewsets.pages import PageViewSet

    delete_everywhere(monkeypatch, PageViewSet, "search_view_class")
    assert_names(errors_of("compat.E006"), "wagtail", "search_view_class")


def without(monkeypatch, name, change):
    """Wagtail's or wagtail-localize's template ``name`` as ``change`` leaves it."""
    read = templates.library_template

    def library_template(package, wanted):
        text = read(package, wanted)
        return change(text) if wanted == name and text else text

    monkeypatch.setattr(templates, "library_template", library_template)


def test_a_block_the_mails_override_gone_fails(monkeypatch):
    name = "wagtailadmin/notifications/base.txt"
    without(monkeypatch, name, lambda text: text.replace("block greeting", "block salutation"))
    assert_names(errors_of("compat.E007"), "wagtail", "'greeting'", name)


def test_a_copied_template_changed_by_wagtail_fails(monkeypatch):
    name = "wagtailadmin/shared/user_avatar.html"
    without(monkeypatch, name, lambda text: text + "\n<span>new</span>")
    assert_names(errors_of("compat.E007"), "wagtail", name, "changed since")


def test_the_http_purges_cache_address_gone_fails(monkeypatch):
    from wagtail.contrib.frontend_cache.backends import http

    make = http.HTTPBackend.__init__

    def __init__(self, params):
        make(self, params)
        del self.cache_netloc

    monkeypatch.setattr(http.HTTPBackend, "__init__", __init__)
    assert_names(errors_of("compat.E008"), "wagtail", "cache_netloc")


# --- wagtail-localize -----------------------------------------------------------------------


def test_the_segments_of_a_translation_gone_fails(monkeypatch):
    from wagtail_localize.models import TranslationSource

    monkeypatch.delattr(TranslationSource, "_get_segments_for_translation")
    assert_names(errors_of("compat.E101"), "wagtail-localize", "_get_segments_for_translation")


def test_its_page_buttons_hook_gone_fails(monkeypatch):
    from wagtail_localize import wagtail_hooks as localize_hooks

    monkeypatch.delattr(localize_hooks, "page_listing_more_buttons")
    assert_names(errors_of("compat.E102"), "wagtail-localize", "page_listing_more_buttons")


def test_creating_a_translation_without_its_user_fails(monkeypatch):
    from wagtail_localize.models import TranslationSource

    def create_or_update_translation(self, target_locale, publish=True):
        pass

    monkeypatch.setattr(
        TranslationSource, "create_or_update_translation", create_or_update_translation
    )
    assert_names(
        errors_of("compat.E103"),
        "wagtail-localize",
        "create_or_update_translation(self, locale, user",
    )


def test_the_translated_strings_comment_gone_fails(monkeypatch):
    from wagtail_localize.models import StringTranslation

    monkeypatch.delattr(StringTranslation, "get_comment")
    assert_names(errors_of("compat.E104"), "wagtail-localize", "get_comment")


def test_a_block_of_its_editor_gone_fails(monkeypatch):
    name = "wagtail_localize/admin/update_translations.html"
    without(monkeypatch, name, lambda text: text.replace("block visible_fields", "block fields"))
    assert_names(errors_of("compat.E105"), "wagtail-localize", "'visible_fields'", name)


# --- modelsearch and django-csp ---------------------------------------------------------------


def test_what_the_search_backend_uses_of_modelsearch_gone_fails(monkeypatch):
    from modelsearch.backends.base import BaseSearchResults

    monkeypatch.delattr(BaseSearchResults, "_do_count")
    assert_names(errors_of("compat.E201"), "modelsearch", "BaseSearchResults._do_count")


def test_django_csps_policy_parts_gone_fails(monkeypatch):
    from csp.middleware import CSPMiddleware

    monkeypatch.delattr(CSPMiddleware, "get_policy_parts")
    assert_names(errors_of("compat.E301"), "django-csp", "CSPMiddleware.get_policy_parts")


@pytest.mark.parametrize("reach", checks.REACHES, ids=lambda reach: reach.id)
def test_a_failing_reach_fails_manage_py_check(monkeypatch, reach):
    monkeypatch.setattr(reach, "find_missing", lambda: ["something"])
    assert [error.id for error in run_checks(tags=["compat"])] == [reach.id]


def test_what_the_site_changes_in_its_translation_editor_gone_fails(monkeypatch):
    from wagtail_localize import wagtail_hooks as localize_hooks

    monkeypatch.delattr(localize_hooks, "ConvertToAliasPageActionMenuItem")
    assert_names(errors_of("compat.E106"), "wagtail-localize", "ConvertToAliasPageActionMenuItem")


# --- the admin's buttons, drawn from their template's shapes (compat/buttons.py) ----------


@pytest.fixture
def fresh_shapes():
    buttons.shape.cache_clear()
    yield
    buttons.shape.cache_clear()


def as_drawn(client, path):
    """The page at ``path`` without what differs between any two requests (the CSP nonce
    and the CSRF token)."""
    html = client.get(path).content.decode()
    return re.sub(r'(nonce="|csrfmiddlewaretoken" value="|"CSRF_TOKEN": ")[\w-]+', "", html)


@pytest.mark.parametrize("role", ["office", "region", "translator"])
def test_the_listings_are_drawn_as_wagtails_templates_draw_them(monkeypatch, users, sv, en, role):
    """Every button of the explorer and the page search (their "More" menus) is the same
    drawn from its shape as through Wagtail's template, for each role."""
    from wagtail.admin.widgets.button import BaseButton

    client = login(users[role])
    # The region in the language the role works in.
    locale = en if role == "translator" else sv
    region = Page.objects.get(locale=locale, slug__in=["mellersta-norrland", "central-norrland"])
    paths = [f"/admin/pages/{region.pk}/", "/admin/pages/search/?q=lean"]
    fill, filled = buttons.fill, []
    monkeypatch.setattr(buttons, "fill", lambda *args: filled.append(args) or fill(*args))
    drawn = {path: as_drawn(client, path) for path in paths}
    assert drawn[paths[0]].count('class="w-dropdown__content"') > 5
    assert len(filled) > 20  # drawn from shapes, not through the template

    monkeypatch.setattr(BaseButton, "render_html", buttons.library_render_html)
    for path in paths:
        assert as_drawn(client, path) == drawn[path]


def test_a_button_template_that_reads_more_of_a_button_fails(settings, tmp_path, fresh_shapes):
    from django.template import Context

    from wagtail.admin.widgets.button import Button

    # The button template, as a release might change it: reading the button's aria_label.
    changed = tmp_path / buttons.TEMPLATE
    changed.parent.mkdir(parents=True)
    changed.write_text(
        templates.library_template("wagtail.admin", buttons.TEMPLATE).replace(
            "{{ button.base_attrs_string }}",
            '{{ button.base_attrs_string }} title="{{ button.aria_label }}"',
        )
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    assert_names(errors_of("compat.E011"), "wagtail", buttons.TEMPLATE, "with an address")

    # Meanwhile each button is drawn through the template, as Wagtail draws it.
    button = Button("Ändra", "/admin/pages/3/edit/", attrs={"aria-label": "Ändra sidan"})
    assert 'title="Ändra sidan"' in buttons.draw(button, Context())


def test_a_button_template_gone_elsewhere_fails(monkeypatch, fresh_shapes):
    from wagtail.admin.widgets.button import BaseButton

    monkeypatch.setattr(BaseButton, "template_name", "wagtailadmin/shared/other_button.html")
    assert_names(errors_of("compat.E011"), "wagtail", "BaseButton.template_name")
