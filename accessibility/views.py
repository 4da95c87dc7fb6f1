"""The statement's page: the statement itself, and the barrier report form at its foot."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from interest.forms import TOKEN_MAX_AGE
from limits import counters
from produktionslyftet.security import client_address

from . import mail
from .forms import BarrierReportForm
from .models import BarrierReport


def too_many_reports(request):
    """As many reports an hour from one client address as the interest form allows."""
    return counters.exceeded(
        "barrier-reports", client_address(request), settings.INTEREST_RATE_LIMIT, 60 * 60
    )


def serve_statement(page, request):
    status = 200
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if too_many_reports(request):
            form.is_valid()
            form.add_error(None, _("Too many forms from your address. Try again in an hour."))
            status = 429
        elif form.is_spam:
            return redirect(f"{page.url}?sent=1#report")
        elif form.is_valid():
            data = form.cleaned_data
            if counters.first_use("barrier-token", data["started"], TOKEN_MAX_AGE):
                report = BarrierReport.objects.create(
                    language=translation.get_language(),
                    address=data["address"],
                    description=data["description"],
                    email=data["email"],
                )
                mail.send(report, page)
            return redirect(f"{page.url}?sent=1#report")
        else:
            status = 400
    else:
        form = BarrierReportForm()
    context = page.get_context(request)
    context.update(form=form, sent=request.GET.get("sent") == "1")
    return TemplateResponse(request, page.get_template(request), context, status=status)
