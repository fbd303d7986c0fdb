from django.db import migrations


def rerender(apps, schema_editor):
    # The renderer now prefixes content's ids with user-content- and refuses links that leave
    # the site without a scheme: the stored HTML of existing records is rendered again.
    from portfolio.services import markdown_twins_rerender

    markdown_twins_rerender(apps, app_label="people")


class Migration(migrations.Migration):
    dependencies = [("people", "0006_slug_from_name")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
