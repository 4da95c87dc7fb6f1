from django.db import migrations


def add_counties(apps, schema_editor):
    from regions.counties import COUNTIES

    County = apps.get_model("regions", "County")
    for code, letter, name_sv, name_en in COUNTIES:
        County.objects.update_or_create(
            code=code, defaults={"letter": letter, "name_sv": name_sv, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_counties")]

    operations = [migrations.RunPython(add_counties, migrations.RunPython.noop)]
