"""
Start every cache afresh after a deploy, a restore or a data migration: the page cache
and the site-wide parts kept with it get a new generation, and the caches in front
(Varnish, Cloudflare) let go of the whole site. Nothing changed by an editor triggers
this, so nothing else would.
"""

from django.core.management.base import BaseCommand

from caching.downstream import ban_everything
from caching.pages import new_generation


class Command(BaseCommand):
    help = "Renew the page cache and ban everything the caches in front keep (run on deploy)."

    def handle(self, *args, **options):
        generation = new_generation()
        ban_everything()
        self.stdout.write(f"Page cache renewed (generation {generation}); caches in front banned.")
