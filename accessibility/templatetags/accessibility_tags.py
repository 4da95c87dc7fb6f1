"""The footer's link to the accessibility statement of the visitor's language."""

from django import template
from django.utils import translation

from memory.kept import sitewide

from ..models import AccessibilityStatementPage

register = template.Library()


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context):
    """The statement's address in the visitor's language, or None; kept per generation."""
    request = context.get("request")

    def build():
        page = (
            AccessibilityStatementPage.objects.live()
            .filter(locale__language_code=translation.get_language())
            .first()
        )
        return page.get_url(request) if page else None

    return sitewide("accessibility-statement", request, build)
