from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from memory.kept import sitewide
from memory.site import public
from regions.maps import map_nodes, outline
from regions.models import RegionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def region_list(context, heading=""):
    """
    Every live regional node of the visitor's language, by name; rendered once per
    generation of the content (memory/kept.py).
    """

    def render():
        regions = public(RegionPage.objects.live()).filter(
            locale__language_code=translation.get_language()
        )
        return render_to_string(
            "regions/includes/region_list.html",
            {"regions": regions.order_by("title"), "heading": heading},
        )

    return sitewide(f"region-list:{slugify(str(heading))}", context.get("request"), render)


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
