"""
Start every cache afresh after a deploy, a restore or a data migration: the page cache
and the site-wide parts kept with it get a new generation, and the caches in front
(Varnish, Cloudflare) let go of the whole site, at once rather than through the worker.
A cache that does not take the ban is named, and the deploy goes on: the page cache is
new all the same. Nothing changed by an editor triggers this, so nothing else would.
"""

from django.core.management.base import BaseCommand

from caching.downstream import ban
from memory.generation import new_generation


class Command(BaseCommand):
    help = "Renew the page cache and ban everything the caches in front keep (run on deploy)."

    def handle(self, *args, **options):
        generation = new_generation()
        failures = ban()  # now, not through the worker: this deploy's pages are the new ones
        self.stdout.write(f"Page cache renewed (generation {generation}).")
        for failure in failures:
            self.stderr.write(f"Could not {failure}")
        if not failures:
            self.stdout.write("Caches in front banned.")
