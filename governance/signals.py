from django.db.models.signals import post_save
from django.dispatch import receiver

from regions.models import RegionPage

from .groups import sync_region


@receiver(post_save, sender=RegionPage)
def give_new_regions_their_editor_group(sender, instance, created, raw=False, **kwargs):
    """A new RegionPage, or a new translation of one, comes with its node's group."""
    if created and not raw:
        sync_region(instance)
