"""The article index's filters: kind, region and year, from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import RegionPage

from .choices import ArticleKind


class ArticleFilterForm(forms.Form):
    """
    Every field is optional, and a value the form does not know (``?kind=poem``,
    ``?year=abc``) is dropped rather than answered with an error: a visitor who edits
    the address still gets a sensible list.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, locale, years):
        super().__init__(data)
        self.regions = {
            region.slug: region
            for region in RegionPage.objects.live().public().filter(locale=locale).order_by("title")
        }
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(ArticleKind.choices)
        self.fields["region"].choices = everything + [
            (slug, region.title) for slug, region in self.regions.items()
        ]
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]

    def filters(self):
        """The valid filters as ``{name: value}``; invalid ones are left out."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if name not in self.errors and cleaned.get(name) not in (None, "")
        }

    def apply(self, articles):
        filters = self.filters()
        if "kind" in filters:
            articles = articles.filter(kind=filters["kind"])
        if "region" in filters:
            articles = articles.descendant_of(self.regions[filters["region"]])
        if "year" in filters:
            articles = articles.filter(date__year=filters["year"])
        return articles
