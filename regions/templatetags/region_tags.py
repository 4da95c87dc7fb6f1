from django import template
from django.utils import translation

from caching.tree import public
from regions.maps import map_nodes, outline
from regions.models import RegionPage

register = template.Library()


@register.inclusion_tag("regions/includes/region_list.html")
def region_list(heading=""):
    """Every live regional node of the visitor's language, by name."""
    regions = public(RegionPage.objects.live()).filter(
        locale__language_code=translation.get_language()
    )
    return {"regions": regions.order_by("title"), "heading": heading}


@register.inclusion_tag("regions/includes/sweden_map.html")
def sweden_map(regions, title="", selected=None):
    """An inline SVG map of Sweden with a link on each node; drawn here, loaded from nowhere.

    ``selected``, the node that serves a county the visitor asked about, is marked.
    """
    path, view_box = outline()
    nodes = map_nodes(regions)
    for node in nodes:
        node["selected"] = selected is not None and node["region"].pk == selected.pk
    return {"outline": path, "view_box": view_box, "nodes": nodes, "title": title}
