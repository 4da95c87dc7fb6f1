from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "email", "locale"]
    search_fields = ["name", "bio"]


register_snippet(PersonViewSet)
