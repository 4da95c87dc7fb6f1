from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from translations.snippets import TranslatableSnippetIndexView

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    # Swedish items link their editor only for those who may edit the source language.
    index_view_class = TranslatableSnippetIndexView
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "sort_order", "locale"]
    list_filter = ["kind"]
    # Searched through the model's own index (name, then the rest): a list of fields here
    # restricts the search to them, which the SQLite backend turns into a 500.


register_snippet(PartnerViewSet)
