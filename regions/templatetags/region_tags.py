from django import template

from wagtail.models import Locale

from regions.models import RegionPage

register = template.Library()


@register.inclusion_tag("regions/includes/region_list.html")
def region_list(heading=""):
    """Every live regional node of the visitor's language, by name."""
    regions = RegionPage.objects.live().public().filter(locale=Locale.get_active())
    return {"regions": regions.order_by("title"), "heading": heading}
