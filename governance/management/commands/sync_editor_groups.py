"""Create or correct the editor groups, their permissions and the moderation workflow."""

from django.core.management.base import BaseCommand

from governance.groups import sync_editor_groups


class Command(BaseCommand):
    help = "Create or correct the programme office, regional and translator groups. Idempotent."

    def handle(self, *args, **options):
        for group in sync_editor_groups():
            self.stdout.write(f"{group.name}: {group.page_permissions.count()} page permissions")
