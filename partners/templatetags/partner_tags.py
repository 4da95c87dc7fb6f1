from django import template
from django.template.loader import render_to_string

from home.identity import site_name
from memory.kept import sitewide
from partners.models import Partner, PartnerKind

register = template.Library()


@register.simple_tag(takes_context=True)
def partner_footer(context):
    """
    The footer's logo strip: partners, then stakeholders and financiers. The same on every
    page, so rendered once per generation of the content (memory/kept.py).
    """

    def render():
        partners = list(Partner.objects.in_locale().prefetch_related("logo__renditions"))
        return render_to_string(
            "partners/includes/partner_footer.html",
            {
                "partners": [p for p in partners if p.kind == PartnerKind.PARTNER],
                "supporters": [p for p in partners if p.kind != PartnerKind.PARTNER],
                "site_name": site_name(context.get("request")),
            },
        )

    return sitewide("partner-footer", context.get("request"), render)
