from django.apps import AppConfig


class InterestConfig(AppConfig):
    """Companies sign up: the interest form, its submissions, routed to the county's node."""

    name = "interest"
    verbose_name = "Intresseanmälningar"
    # Read by memory/: what companies send is never on a public page.
    not_shown_on_pages = ("Submission",)
