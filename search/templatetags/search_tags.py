from django import template

from search import views

register = template.Library()


@register.simple_tag
def search_max_length():
    """The search box takes no more than the search view reads."""
    return views.MAX_QUERY_LENGTH
