"""The calendar's filters: region, county, kind and month, from the query string."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.filters import ListingFilterForm

from .choices import EventKind


class MonthField(forms.CharField):
    """A month as ``YYYY-MM`` (what ``<input type="month">`` sends): the first day of it."""

    widget = forms.TextInput(attrs={"type": "month"})
    default_error_messages = {"invalid": _("Give a month as year and month, e.g. 2030-03.")}

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            day = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not 2000 <= day.year <= 2100:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return day


class EventFilterForm(ListingFilterForm):
    """
    Every field is optional. A value the form does not know (``?kind=party``,
    ``?month=soon``) is left out and the visitor told which, with the events the other
    filters choose: never an error page.
    """

    region = forms.ChoiceField(label=_("Region"), required=False)
    county = forms.ChoiceField(label=_("County"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    month = MonthField(label=_("Month"), required=False)

    def __init__(self, data, *, regions, counties):
        super().__init__(data)
        everything = [("", _("All"))]
        self.regions = {region.slug: region for region in regions}
        self.fields["region"].choices = everything + [
            (slug, region.title) for slug, region in self.regions.items()
        ]
        self.fields["county"].choices = everything + [
            (county.code, county.name) for county in counties
        ]
        self.fields["kind"].choices = everything + list(EventKind.choices)

    def refused(self):
        """The labels of the filters whose values were not understood."""
        self.is_valid()
        return [self.fields[name].label for name in self.errors if name in self.fields]

    def apply(self, events):
        filters = self.filters()
        if "region" in filters:
            events = events.descendant_of(self.regions[filters["region"]])
        if "county" in filters:
            events = events.filter(county_id=filters["county"])
        if "kind" in filters:
            events = events.filter(kind=filters["kind"])
        if "month" in filters:
            first = filters["month"]
            following = (first + datetime.timedelta(days=32)).replace(day=1)
            # An event that runs into the month counts as in it.
            events = events.filter(start__date__lt=following, end__date__gte=first)
        return events
