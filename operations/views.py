"""
The admin's view for whoever runs the site: a server error on request, to check after a
deploy that errors reach the log, the administrators' mail and Sentry.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class RequestedTestError(Exception):
    """Raised on purpose; its traceback is the one the error reports should carry."""


class TestErrorView(WagtailAdminTemplateMixin, View):
    """GET: a page with one button. POST: an unhandled exception, as a real error would be."""

    page_title = _("Test error")
    header_icon = "warning"
    template_name = "operations/test_error.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        return self.render_to_response(self.get_context_data())

    def post(self, request):
        raise RequestedTestError(f"Test error requested by {request.user.get_username()}")
