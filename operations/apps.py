from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backup and restore of the database and media."""

    name = "operations"
