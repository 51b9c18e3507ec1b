"""The newsroom's roles and its review-before-publishing workflow.

- Reporters write and submit stories for review; they cannot publish.
- Editors review, publish and schedule, and manage sections, tags and authors.
- Data desk: reporters who also manage the data desk's tables.
- Administrators: everything, including people and settings.

Wagtail's first migrations create "Moderators" and "Editors" groups and a "Moderators
approval" workflow; the Editors group is reused with our permissions, and our workflow
replaces Wagtail's on the root page, so it applies to both editions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Reporters": ("add_page", "change_page"),
    "Data desk": ("add_page", "change_page"),
    "Editors": (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
    "Administrators": (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
}
MEDIA_PERMISSIONS = {
    "Reporters": ("add", "choose"),
    "Data desk": ("add", "choose"),
    "Editors": ("add", "change", "choose", "delete"),
    "Administrators": ("add", "change", "choose", "delete"),
}
MODEL_PERMISSIONS = {
    "Reporters": ("wagtailadmin.access_admin", "journalism.view_author"),
    "Data desk": ("wagtailadmin.access_admin", "journalism.view_author"),
    "Editors": (
        "wagtailadmin.access_admin",
        "journalism.add_author",
        "journalism.change_author",
        "journalism.delete_author",
        "journalism.view_author",
        "journalism.change_editionsettings",
        "journalism.view_editionsettings",
        "journalism.view_contactmessage",
        "journalism.change_contactmessage",
        "journalism.delete_contactmessage",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ),
}
ADMIN_APPS = (
    "journalism",
    "auth",
    "wagtailcore",
    "wagtailredirects",
    "wagtailadmin",
    "wagtailimages",
    "wagtaildocs",
    "wagtaillocales",
    "taggit",
    "django_tasks_database",
)


def _permission(apps, label):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}

    for name, group in groups.items():
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for action in MEDIA_PERMISSIONS[name]:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    ),
                )
        for label in MODEL_PERMISSIONS.get(name, ()):
            group.permissions.add(_permission(apps, label))

    groups["Administrators"].permissions.add(
        *Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
    )

    # The review workflow: Editors approve what Reporters and the Data desk submit.
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Editors' review", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Editors"]])
    workflow, _ = Workflow.objects.get_or_create(
        name="Review before publishing", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    previous = WorkflowPage.objects.filter(page=root_page).first()
    if previous and previous.workflow_id != workflow.pk:
        Workflow.objects.filter(pk=previous.workflow_id).update(active=False)
        previous.delete()
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators and not moderators.user_set.exists():
        moderators.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("journalism", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
