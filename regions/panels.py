"""
The region page's "On the university's site" panel: the code a university's web editor
pastes to show the node's news (the embed), and the content API's address for the same
news, both in the page's language. The addresses are reversed by name (``region_embed``,
syndication/), so that regions need not import what sits above it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel


class EmbedPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "regions/admin/embed_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["live"] = bool(page.pk and page.live)
            if not context["live"]:
                return context
            root = page.get_site().root_url
            code = page.locale.language_code
            with translation.override(code):
                embed = root + reverse("region_embed", args=[page.slug])
                title = _("News from Produktionslyftet %(region)s") % {"region": page.title}
            query = urlencode({"region": page.slug, "locale": code})
            context["embed_code"] = (
                f'<iframe src="{embed}" title="{title}" width="100%" height="480" '
                f'loading="lazy" style="border:0"></iframe>'
            )
            context["api_url"] = f"{root}/api/v2/news/?{query}"
            context["origins"] = settings.UNIVERSITY_ORIGINS
            return context
