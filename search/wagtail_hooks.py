"""
The admin's page search (/admin/pages/search/) as fast as the explorer it resembles.

It searches through the site's backend like everything else (search/backends.py: ranked
in one statement, diacritics folded, bounded in time). What is left is the listing:
Wagtail's search view, unlike the explorer, does not run the
``construct_explorer_page_queryset`` hooks, so the rows' translation buttons were read
a page at a time (translations/listing.py). Here the page search is Wagtail's own view
with those hooks run on its queryset, registered for the base Page model as Wagtail's
``PageViewSet.search_view_class`` allows, and a search stopped for taking too long says
so instead of failing. The index is read twice: once for the count of each type (Wagtail's
filter), which gives every other count on the page, and once for the page of results.
"""

from django.contrib import messages
from django.core.paginator import Page as ResultsPage
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from governance.explorer import ExplorerIndexView

from .backends import RankedResults, SearchTimeout, time_limit
from .views import Matched, page_number


class PageSearchView(SearchView):
    # Wagtail's view names no kind of item, so its header read "1–2 av 2 None".
    verbose_name = Page._meta.verbose_name
    verbose_name_plural = Page._meta.verbose_name_plural

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        # As the explorer does; no hook here reads the parent, which a search has not.
        for hook in hooks.get_hooks("construct_explorer_page_queryset"):
            pages = hook(None, pages, self.request)
        return pages

    def get_queryset(self):
        pages = super().get_queryset()
        if isinstance(self.all_pages, RankedResults) and isinstance(pages, RankedResults):
            # Wagtail counts the matches of each type for its filter. "All (n)", "There are
            # n matching pages" and the pager's count are those counts added up (or the
            # chosen type's), not three more counts of every match: the rows are the same
            # search of the same pages, of the chosen type if one is.
            counts = {content_type.pk: count for content_type, count in self.content_types}
            every_type = sum(counts.values())
            self.all_pages.counted(every_type)
            chosen = self.selected_content_type
            pages.counted(counts.get(chosen.pk, 0) if chosen else every_type)
        return pages

    def paginate_queryset(self, queryset, page_size):
        if not isinstance(queryset, RankedResults):
            return super().paginate_queryset(queryset, page_size)
        # The page asked for (the last if there are fewer), read by the site's ranking
        # with the count already known (get_queryset).
        number = page_number(self.request.GET.get(self.page_kwarg))
        part, number, total = queryset.paged(number, page_size)
        paginator = self.get_paginator(
            Matched(total, queryset.model),
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = ResultsPage(part, number, paginator)
        return page.paginator, page, part, page.has_other_pages()

    def get(self, request):
        try:
            with time_limit():
                response = super().get(request)
                response.render()  # the results are read as the table is drawn
                return response
        except SearchTimeout:
            messages.error(
                request,
                _("The search took too long and was stopped. Try fewer or more specific words."),
            )
            return redirect("wagtailadmin_pages:search")


class SitePageViewSet(PageViewSet):
    model = Page
    search_view_class = PageSearchView
    # The explorer, drawing a page's history and usage links only for those who may
    # open them (governance/explorer.py).
    index_view_class = ExplorerIndexView


# After Wagtail's own viewset for Page (registered at order -1), so that this one is used.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return SitePageViewSet()
