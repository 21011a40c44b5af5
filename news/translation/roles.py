"""The newsroom's roles: Wagtail groups, the permissions they hold and where they hold them.

Every permission here is an ordinary Wagtail/Django permission (group permission, page
permission on a subtree, collection permission) so the admin's own checks enforce them:

=========== =========================================== ======================================
group       page permissions                            other permissions
=========== =========================================== ======================================
Editors     add, change, publish, lock, unlock on       access admin, submit translations
            Wagtail's root page (every edition)         (wagtail-localize); add, change,
                                                        choose, delete images and documents
Translators change, publish on the root page of each    access admin; choose images and
            edition in a translation locale (``/en/``)  documents
Moderators  publish on Wagtail's root page; they act    access admin; choose images and
            through the "Moderators approval" workflow  documents
            (its group approval task lets them edit a
            page under review; approving the last task
            publishes it with *their* permission)
=========== =========================================== ======================================

The functions take an app registry (``apps``) so that the data migration (historical models)
and the runtime signal (``news.translation.signals``) share this code. An edition root in a
translation locale usually does not exist at migration time; ``grant_translators_on_editions``
runs again whenever such a home page is created.
"""

from django.conf import settings

EDITORS = "Editors"
TRANSLATORS = "Translators"
MODERATORS = "Moderators"
MODERATION_WORKFLOW = "Moderators approval"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def _model_permissions(app_label, model, actions):
    return [(app_label, model, f"{action}_{model}") for action in actions]


def _media_permissions(actions):
    return _model_permissions("wagtailimages", "image", actions) + _model_permissions(
        "wagtaildocs", "document", actions
    )


GROUP_PERMISSIONS = {
    EDITORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION],
    TRANSLATORS: [ACCESS_ADMIN],
    MODERATORS: [ACCESS_ADMIN],
}
# Page permissions held on Wagtail's root page, so on every edition.
ROOT_PAGE_PERMISSIONS = {
    EDITORS: _model_permissions(
        "wagtailcore", "page", ["add", "change", "publish", "lock", "unlock"]
    ),
    MODERATORS: _model_permissions("wagtailcore", "page", ["publish"]),
}
# Page permissions held on the root page of every edition in a translation locale.
EDITION_PAGE_PERMISSIONS = {
    TRANSLATORS: _model_permissions("wagtailcore", "page", ["change", "publish"]),
}
# Collection permissions held on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: _media_permissions(["add", "change", "choose", "delete"]),
    TRANSLATORS: _media_permissions(["choose"]),
    MODERATORS: _media_permissions(["choose"]),
}


def _permission(apps, app_label, model, codename):
    """The permission, created if the app's post_migrate has not created it yet."""
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    action = codename.rsplit("_", 1)[0]
    permission, _created = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def _grant_page_permissions(apps, group, page, permissions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(apps, *permission)
        )


def translation_edition_roots(apps):
    """Root pages (depth 2) of the editions in a locale other than the default one."""
    return (
        apps.get_model("wagtailcore", "Page")
        .objects.filter(depth=2)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
    )


def grant_translators_on_editions(apps, pages=None):
    """Give Translators their page permissions on every edition root in a translation locale."""
    group = apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    for page in translation_edition_roots(apps) if pages is None else pages:
        _grant_page_permissions(apps, group, page, EDITION_PAGE_PERMISSIONS[TRANSLATORS])


def configure_roles(apps):
    """Create (or reset) the three groups with exactly the permissions above, and the workflow."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.filter(depth=1).first()
    for name in (EDITORS, TRANSLATORS, MODERATORS):
        group, _created = Group.objects.get_or_create(name=name)
        # Wagtail's and wagtail-localize's own migrations give Editors and Moderators other
        # permissions (Moderators could publish anything, for example): start from nothing.
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.set([_permission(apps, *perm) for perm in GROUP_PERMISSIONS[name]])
        _grant_page_permissions(apps, group, root_page, ROOT_PAGE_PERMISSIONS.get(name, []))
        if root_collection is not None:
            for permission in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, *permission),
                )
    grant_translators_on_editions(apps)
    _configure_moderation_workflow(apps, root_page, Group.objects.get(name=MODERATORS))


def _configure_moderation_workflow(apps, root_page, moderators):
    """One workflow on the whole tree: a group approval task for Moderators."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=MODERATION_WORKFLOW,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.set([moderators])

    workflow, _created = Workflow.objects.get_or_create(
        name=MODERATION_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
