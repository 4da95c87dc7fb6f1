"""The statement's page: the statement itself, and the barrier report form at its foot."""

from django.utils import translation

from interest.views import serve_guarded_form

from . import mail
from .forms import BarrierReportForm
from .reports import BarrierReport


def serve_statement(page, request):
    def accept(data):
        report = BarrierReport.objects.create(
            language=translation.get_language(),
            address=data["address"],
            description=data["description"],
            email=data["email"],
        )
        mail.send(report, page)  # a failure is logged; the report stays in the admin

    return serve_guarded_form(
        page, request, BarrierReportForm, "barrier", accept, f"{page.url}?sent=1#report"
    )
