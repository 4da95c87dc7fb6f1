from django.apps import AppConfig


class InterestConfig(AppConfig):
    """Companies sign up: the interest form, its submissions, routed to the county's node."""

    name = "interest"
    verbose_name = "Intresseanmälningar"
