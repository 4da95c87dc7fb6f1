"""The article index's filters: kind, region, programme period and year, from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ArticleKind


class ListingFilterForm(forms.Form):
    """A listing's filters from the query string, each optional; the calendar's too."""

    def filters(self):
        """The valid filters as ``{name: value}``; invalid ones are left out."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if name not in self.errors and cleaned.get(name) not in (None, "")
        }


class ArticleFilterForm(ListingFilterForm):
    """
    Every field is optional, and a value the form does not know (``?kind=poem``,
    ``?year=abc``) is dropped rather than answered with an error: a visitor who edits
    the address still gets a sensible list.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    period = forms.ChoiceField(label=_("Period"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, regions, periods, years):
        """``periods`` annotated with their ``source_id``, the same in every language."""
        super().__init__(data)
        self.regions = {region.slug: region for region in regions}
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(ArticleKind.choices)
        self.fields["region"].choices = everything + [
            (slug, region.title) for slug, region in self.regions.items()
        ]
        self.periods = {str(period.source_id): period for period in periods}
        self.fields["period"].choices = everything + [
            (key, period.name) for key, period in self.periods.items()
        ]
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]

    def apply(self, articles):
        filters = self.filters()
        if "kind" in filters:
            articles = articles.filter(kind=filters["kind"])
        if "region" in filters:
            articles = articles.descendant_of(self.regions[filters["region"]])
        if "period" in filters:
            period = self.periods[filters["period"]]
            articles = articles.filter(date__gte=period.start)
            if period.end is not None:
                articles = articles.filter(date__lte=period.end)
        if "year" in filters:
            articles = articles.filter(date__year=filters["year"])
        return articles
