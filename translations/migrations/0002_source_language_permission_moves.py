"""
The permission to edit the Swedish source of snippets moves from HomePage to the
bilingual workflow's own model; groups and users that held it keep it.
"""

from django.db import migrations

CODENAME = "edit_source_language"


def move_grants(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = Permission.objects.filter(content_type__app_label="home", codename=CODENAME).first()
    if old is None:
        return  # a new database: the permission is created with the others after migrate
    content_type, _ = ContentType.objects.get_or_create(
        app_label="translations", model="translationstate"
    )
    new, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": old.name}
    )
    for group in old.group_set.all():
        group.permissions.add(new)
    for user in old.user_set.all():
        user.user_permissions.add(new)
    old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0005_source_language_permission_moves"),
        ("translations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="translationstate",
            options={
                "permissions": [
                    ("edit_source_language", "Can edit snippets in the source language (Swedish)")
                ]
            },
        ),
        migrations.RunPython(move_grants, migrations.RunPython.noop),
    ]
