"""
The page tree offers an editor only what they may do there.

Wagtail shows "History" (and its listing rows' and header's other buttons) for every
page an editor can see in the explorer, which includes the ancestors of their own pages
(a regional editor sees the home page and the region index on the way to their region);
its history view then refuses anyone who may not edit the page. Here those buttons are
shown only where the view lets the user through. The explorer itself opens only on pages
the editor may see (``governance.explorer``).
"""

from urllib.parse import urlsplit

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.wagtail_hooks import page_header_buttons, page_listing_more_buttons

from compat.wagtail import replace_hook

from .dashboard import WaitingForYouPanel, waiting_for

# Wagtail's page views that need edit permission on the page, whatever their button asks.
NEEDS_EDIT = ["wagtailadmin_pages:history", "wagtailadmin_pages:usage"]


def only_allowed(buttons_hook):
    """``buttons_hook`` (its first two arguments the page and the user) without the
    buttons whose view would refuse the user. A listing asks it for each row: whoever
    may edit the page keeps every button, with no button's address made to find out;
    for others the addresses that need edit permission are made once per page, not
    looked up per button."""

    def filtered(page, user, *args, **kwargs):
        buttons = list(buttons_hook(page, user, *args, **kwargs))
        if page.permissions_for_user(user).can_edit():
            return buttons
        needs_edit = {reverse(name, args=[page.pk]) for name in NEEDS_EDIT}

        def refused_without_edit(button):
            url = getattr(button, "url", None)
            return bool(url) and urlsplit(url).path in needs_edit

        return [b for b in buttons if not refused_without_edit(b)]

    return filtered


# The page header's buttons and the listing's "More" menu have no construct hook: Wagtail's
# functions are swapped for ones that drop what its views would refuse
# (compat.wagtail.replace_hook).
replace_hook("register_page_header_buttons", page_header_buttons, only_allowed(page_header_buttons))
replace_hook(
    "register_page_listing_more_buttons",
    page_listing_more_buttons,
    only_allowed(page_listing_more_buttons),
)


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    rows = waiting_for(request.user)
    if rows:
        panels.insert(0, WaitingForYouPanel(rows))
