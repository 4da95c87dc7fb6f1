"""The statement's page: the statement itself, and the barrier report form at its foot."""

from django.utils import translation

from errands import later
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
        # The worker mails it, and tries again; the report is in the admin all the same.
        later(mail.mail_report, report.pk, page.pk)

    return serve_guarded_form(
        page, request, BarrierReportForm, "barrier", accept, f"{page.url}?sent=1#report"
    )
