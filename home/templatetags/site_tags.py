"""Site-wide template tags: the main menu, the language switcher and the alternates."""

from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page

from home.models import HomePage

register = template.Library()


def home_page_for(locale):
    return HomePage.objects.live().filter(locale=locale).first()


@register.simple_tag
def locale_home_page():
    """The home page of the visitor's language."""
    return home_page_for(Locale.get_active())


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    home = home_page_for(Locale.get_active())
    current = context.get("page")
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    return {
        "home": home,
        "items": [
            {
                "page": item,
                "active": current is not None
                and (current.pk == item.pk or current.path.startswith(item.path)),
            }
            for item in items
        ],
        "current": current,
    }


@register.simple_tag(takes_context=True)
def page_languages(context):
    """
    One entry per site language, for the switcher and for ``hreflang`` links: the same
    page in that language where a live translation exists, otherwise that language's
    home page, flagged as a fallback.
    """
    request = context["request"]
    page = context.get("page")
    current_code = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for translated in (
            page.get_translations(inclusive=True).live().public().select_related("locale")
        ):
            translations[translated.locale.language_code] = translated

    languages = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        fallback = target is None
        if fallback:
            locale = Locale.objects.filter(language_code=code).first()
            target = home_page_for(locale) if locale else None
        if target is None:
            continue
        info = translation.get_language_info(code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "url": target.get_full_url(request),
                "is_current": code == current_code,
                "is_fallback": fallback,
            }
        )
    return languages
