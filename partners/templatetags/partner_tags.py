from django import template

from partners.models import Partner, PartnerKind

register = template.Library()


@register.inclusion_tag("partners/includes/partner_footer.html")
def partner_footer():
    """The footer's logo strip: partners, then stakeholders and financiers."""
    partners = list(Partner.objects.in_locale())
    return {
        "partners": [p for p in partners if p.kind == PartnerKind.PARTNER],
        "supporters": [p for p in partners if p.kind != PartnerKind.PARTNER],
    }
