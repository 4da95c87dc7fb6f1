from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from translations.snippets import TranslatableSnippetIndexView

from .models import Person, RegionPage


class PersonViewSet(SnippetViewSet):
    # Swedish items link their editor only for those who may edit the source language.
    index_view_class = TranslatableSnippetIndexView
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "email", "locale"]
    # Searched through the model's own index (name, then the rest): a list of fields here
    # restricts the search to them, which the SQLite backend turns into a 500.


register_snippet(PersonViewSet)


class YourRegionPanel(Component):
    """On a regional editor's dashboard: their region in each language, one click away."""

    name = "your_region"
    order = 50
    template_name = "regions/admin/your_region_panel.html"

    def __init__(self, regions):
        self.regions = regions

    def get_context_data(self, parent_context=None):
        return {"regions": self.regions}


@hooks.register("construct_homepage_panels")
def add_your_region_panel(request, panels):
    if request.user.is_superuser:
        return
    regions = sorted(
        RegionPage.objects.filter(
            group_permissions__group__user=request.user,
            group_permissions__permission__codename="add_page",
        )
        .distinct()
        .select_related("locale"),
        # The source language first: the region is written in Swedish, then translated.
        key=lambda region: (region.locale.language_code != settings.LANGUAGE_CODE, region.pk),
    )
    if regions:
        panels.insert(0, YourRegionPanel(regions))
