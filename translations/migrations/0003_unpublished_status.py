"""
The "not published yet" status: a Swedish page or snippet never published has it instead
of "missing". The kept statuses are emptied, so that they are worked out afresh with it
once migrating ends (translations.store.fill_when_empty).
"""

from django.db import migrations, models


def forget_the_kept_statuses(apps, schema_editor):
    apps.get_model("translations", "TranslationState").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('translations', '0002_source_language_permission_moves'),
    ]

    operations = [
        migrations.AlterField(
            model_name='translationstate',
            name='status',
            field=models.CharField(choices=[('missing', 'Missing'), ('unpublished', 'Not published yet'), ('draft', 'Draft'), ('outdated', 'Out of date'), ('in_review', 'In review'), ('ready', 'Ready to publish'), ('up_to_date', 'Up to date')], max_length=12),
        ),
        migrations.RunPython(forget_the_kept_statuses, migrations.RunPython.noop),
    ]
