from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import twofactor


class Command(BaseCommand):
    """Lift an editor's two-step verification when their phone is lost (docs/security.md)."""

    help = (
        "Remove an editor's two-step verification (authenticator app and recovery codes), "
        "as when their phone is lost: at their next sign-in they set up a new app, or, "
        "where it is not required, sign in with their password alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if twofactor.remove(user):
            self.stdout.write(f"Removed {username}'s authenticator app and recovery codes.")
        else:
            self.stdout.write(f"{username} had no authenticator app; nothing to remove.")
