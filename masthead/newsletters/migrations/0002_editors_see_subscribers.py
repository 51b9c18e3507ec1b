from django.db import migrations


def let_editors_see_and_unsubscribe(apps, schema_editor):
    """Editors list subscribers and unsubscribe one on request ("change" means only that)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletters", model="subscriber")
    for codename, name in (
        ("view_subscriber", "Can view newsletter subscriber"),
        ("change_subscriber", "Can change newsletter subscriber"),
    ):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(let_editors_see_and_unsubscribe, migrations.RunPython.noop),
    ]
