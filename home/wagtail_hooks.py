from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ProgrammePeriod


class ProgrammePeriodViewSet(SnippetViewSet):
    model = ProgrammePeriod
    icon = "date"
    menu_label = _("Programme periods")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "start", "end", "locale"]


register_snippet(ProgrammePeriodViewSet)
