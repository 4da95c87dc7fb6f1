from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Editors' sign-in: two-step verification, and Wagtail's password reset with limits."""

    name = "accounts"
