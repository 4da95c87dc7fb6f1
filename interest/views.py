"""The interest form page's GET and POST: stored, routed, mailed; spam kept out."""

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from errands import later
from limits import counters
from limits.clients import client_address
from regions.models import RegionPage

from . import mail
from .forms import TOKEN_MAX_AGE, InterestForm
from .submissions import Submission


def serving_node(county):
    """The node (its Swedish source page) that serves ``county`` now."""
    return (
        RegionPage.objects.live()
        .filter(locale=Locale.get_default(), counties=county)
        .order_by("pk")
        .first()
    )


def serve_guarded_form(page, request, form_class, kind, accept, sent_url):
    """
    A public form on ``page`` (a ``GuardedForm``), shown, or posted: when it is valid and
    neither spam nor a replay of one already sent, ``accept(cleaned_data)`` keeps it, and
    the visitor goes on to the address it returns, or to ``sent_url`` (which is also where
    spam and replays go, told nothing more). At most INTEREST_RATE_LIMIT posts an hour of each
    ``kind`` from one client address, on any worker.
    """
    status = 200
    if request.method == "POST":
        form = form_class(request.POST)
        if counters.exceeded(
            f"{kind}-posts", client_address(request), settings.INTEREST_RATE_LIMIT, 60 * 60
        ):
            form.is_valid()
            form.add_error(None, _("Too many forms from your address. Try again in an hour."))
            status = 429
        elif form.is_spam:
            return redirect(sent_url)
        elif form.is_valid():
            # Sent twice (a double click, or a script replaying one form): the first is
            # kept, the rest answered alike and dropped.
            if counters.first_use(f"{kind}-token", form.cleaned_data["started"], TOKEN_MAX_AGE):
                return redirect(accept(form.cleaned_data) or sent_url)
            return redirect(sent_url)
        else:
            status = 400
    else:
        form = form_class()
    context = page.get_context(request)
    context.update(form=form, sent=request.GET.get("sent") == "1")
    return TemplateResponse(request, page.get_template(request), context, status=status)


def serve_interest_form(page, request):
    def accept(data):
        submission = Submission.objects.create(
            language=translation.get_language(),
            company_name=data["company_name"],
            org_number=data["org_number"],
            county=data["county"],
            region=serving_node(data["county"]),
            employees=data["employees"],
            contact_name=data["contact_name"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            consent=data["consent"],
        )
        # The worker mails it and tries again while it cannot; the company is done.
        later(mail.mail_submission, submission.pk)

    return serve_guarded_form(page, request, InterestForm, "interest", accept, f"{page.url}?sent=1")
