"""Site-wide template tags: the main menu, the language switcher and the alternates."""

import locale

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from home import identity
from home.models import HomePage, ProgrammePeriod
from memory.kept import sitewide
from memory.site import public

register = template.Library()


def home_and_menu(context):
    """
    The address of the home page of the visitor's language and its menu: the same on
    every page, so built once per generation of the content (memory/kept.py).
    """
    request = context.get("request")
    memo = getattr(request, "_home_and_menu", None)
    if memo is not None:
        return memo

    def build():
        home = (
            HomePage.objects.live().filter(locale__language_code=translation.get_language()).first()
        )
        if home is None:
            return {"home_url": None, "menu": []}
        return {
            "home_url": home.get_url(request),
            "menu": [
                {"url": item.get_url(request), "title": item.title, "path": item.path}
                for item in public(home.get_children().live()).in_menu()
            ],
        }

    memo = sitewide("home-and-menu", request, build)
    if request is not None:
        request._home_and_menu = memo
    return memo


@register.simple_tag(takes_context=True)
def site_name(context):
    """The site's name (home/identity.py)."""
    return identity.site_name(context.get("request"))


@register.simple_tag(takes_context=True)
def locale_home_page_url(context):
    """The address of the home page of the visitor's language, or None."""
    return home_and_menu(context)["home_url"]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else None
    return {
        "items": [
            {
                **item,
                "current": current_path == item["path"],
                "active": current_path is not None and current_path.startswith(item["path"]),
            }
            for item in home_and_menu(context)["menu"]
        ],
    }


@register.simple_tag(takes_context=True)
def page_languages(context):
    """
    One entry per site language, for the switcher and for ``hreflang`` links: the same
    page in that language where a live translation exists, otherwise that language's
    home page, flagged as a fallback. Views that are not pages (search) set
    ``translatable_view`` and are linked at their own address in each language.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    urls = {}
    if isinstance(page, Page):
        for translated in public(page.get_translations(inclusive=True).live()).select_related(
            "locale"
        ):
            urls[translated.locale.language_code] = translated.get_full_url(request)
    elif context.get("translatable_view"):
        for code, _name in settings.LANGUAGES:
            urls[code] = request.build_absolute_uri(translate_url(request.get_full_path(), code))

    homes = None  # looked up only when a language has no version of this page
    current_code = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        fallback = url is None
        if fallback:
            if homes is None:
                homes = {
                    home.locale.language_code: home
                    for home in HomePage.objects.live().select_related("locale")
                }
            if code not in homes:
                continue
            url = homes[code].get_full_url(request)
        name = translation.get_language_info(code)["name_local"]
        languages.append(
            {
                "code": code,
                "name": name[:1].upper() + name[1:],
                "url": url,
                "is_current": code == current_code,
                "is_fallback": fallback,
            }
        )
    return languages


@register.simple_tag
def og_locale(language_code):
    """Open Graph's locale (language_TERRITORY) for a language: settings.LANGUAGE_TERRITORIES."""
    territory = settings.LANGUAGE_TERRITORIES.get(language_code)
    if territory:
        return f"{language_code}_{territory}"
    return locale.normalize(language_code).split(".")[0]


@register.simple_tag
def default_language():
    """The source language, whose pages are the x-default alternates."""
    return settings.LANGUAGE_CODE


@register.simple_tag
def programme_periods():
    """The programme's periods in the active language (the timeline block shows them)."""
    return ProgrammePeriod.objects.in_locale()
