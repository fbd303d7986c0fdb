"""The Editors group: change rights on all content, none on users, groups or sites."""

from django.db import migrations

GROUP = "Editors"
# Every model of these apps is content an editor manages.
CONTENT_APPS = ("people", "timeline", "publications")
# Plus these models of other apps.
EXTRA_MODELS = (("taggit", "tag"), ("taggit", "taggeditem"), ("redirects", "redirect"))
ACTIONS = ("add", "change", "delete", "view")


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now so the group
    # can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    extra = Permission.objects.none()
    for app_label, model in EXTRA_MODELS:
        extra |= Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    wanted = [p for p in (content | extra) if p.codename.split("_", 1)[0] in ACTIONS]
    group.permissions.add(*wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("people", "0001_initial"),
        ("timeline", "0001_initial"),
        ("publications", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
