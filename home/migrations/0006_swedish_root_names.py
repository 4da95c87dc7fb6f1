"""
The tree's root page and the root collection get Swedish names: Wagtail creates them as
"Root", which the admin shows in breadcrumbs ("Utforskar: Root") and the image chooser.
"""

from django.db import migrations

NAMES = {"page": ("Root", "Alla sidor"), "collection": ("Root", "Alla samlingar")}


def rename(apps, index_from, index_to):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    old, new = NAMES["page"][index_from], NAMES["page"][index_to]
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    old, new = NAMES["collection"][index_from], NAMES["collection"][index_to]
    Collection.objects.filter(depth=1, name=old).update(name=new)


def to_swedish(apps, schema_editor):
    rename(apps, 0, 1)


def to_wagtails(apps, schema_editor):
    rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_source_language_permission_moves"),
    ]

    operations = [migrations.RunPython(to_swedish, to_wagtails)]
