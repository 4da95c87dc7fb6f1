"""
Who may edit what: the editor groups, their page, collection and snippet permissions,
and the moderation workflow. Everything here is idempotent: it creates what is
missing, corrects what drifted, and can be run at any time (``sync_editor_groups``).

- The programme office edits, publishes, moves and deletes everywhere, in both
  languages, manages snippets, images and documents, and approves in the workflow.
- Each regional node's group adds and edits pages only in its own RegionPage subtree,
  in both languages, and submits them for moderation; it has a collection of its own,
  where its uploads go, and chooses from the programme's shared one ("Programmet").
- Translators edit the English tree and the English versions of snippets; never the
  Swedish source. What they finish goes to the workflow, pages and snippets alike.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage
from partners.models import Partner
from regions.models import Person, RegionPage

PROGRAMME_OFFICE = "Programkontoret"
TRANSLATORS = "Översättare"
REGION_GROUP_PREFIX = "Region "
WORKFLOW_NAME = "Programkontorets granskning"
MODERATED_SNIPPETS = (Person, Partner)
APPROVAL_TASK_NAME = "Programkontoret godkänner"

ALL_PAGE_ACTIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
REGION_PAGE_ACTIONS = ["add_page", "change_page", "lock_page"]
TRANSLATOR_PAGE_ACTIONS = ["change_page", "lock_page"]
MEDIA_ACTIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
# The programme's images and documents, which every editor may use and only the office
# may change: the demo's logos and portraits live there.
PROGRAMME_COLLECTION = "Programmet"
CHOOSE_ACTIONS = {"wagtailimages": ["choose_image"], "wagtaildocs": ["choose_document"]}
# app label -> codenames, for model-wide permissions
OFFICE_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "wagtail_localize": ["submit_translation"],
    "regions": [
        "add_person",
        "change_person",
        "delete_person",
        "view_person",
        "publish_person",
        "lock_person",
        "unlock_person",
    ],
    "partners": [
        "add_partner",
        "change_partner",
        "delete_partner",
        "view_partner",
        "publish_partner",
        "lock_partner",
        "unlock_partner",
    ],
    "translations": ["edit_source_language"],
    "home": [
        "add_programmeperiod",
        "change_programmeperiod",
        "delete_programmeperiod",
        "view_programmeperiod",
    ],
    "interest": ["view_submission", "view_every_submission", "delete_submission"],
    "events": ["view_registration", "view_every_registration", "delete_registration"],
    # What visitors report through the accessibility statement: read, never edited.
    "accessibility": ["view_barrierreport", "delete_barrierreport"],
    # Redirects, and their import from an earlier site's addresses (Settings → Redirects).
    "wagtailredirects": ["add_redirect", "change_redirect", "delete_redirect"],
}
REGION_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "wagtail_localize": ["submit_translation"],
    # Their own node's only: interest/ and events/wagtail_hooks.py filter by the region.
    "interest": ["view_submission"],
    "events": ["view_registration"],
}
# wagtail-localize's submit_translation is site-wide; translations/permissions.py narrows
# it to what each group may edit.
TRANSLATOR_MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "wagtail_localize": ["submit_translation"],
    # Without "publish": their English people and partners go through the workflow.
    "regions": ["change_person", "view_person", "lock_person"],
    "partners": ["change_partner", "view_partner", "lock_partner"],
    "home": ["change_programmeperiod", "view_programmeperiod"],
}


def permissions(app_label, codenames):
    found = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise LookupError(f"Unknown permissions {app_label}.{sorted(missing)}")
    return found


def page_permissions(codenames):
    return permissions("wagtailcore", codenames)


def set_model_permissions(group, table):
    group.permissions.set([p for app, codes in table.items() for p in permissions(app, codes)])


def set_page_permissions(group, pages, codenames):
    """Exactly ``codenames`` on exactly ``pages`` for ``group``; nothing else remains."""
    wanted = {(page.pk, perm.pk) for page in pages for perm in page_permissions(codenames)}
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[gpp.pk for gpp in existing if (gpp.page_id, gpp.permission_id) in wanted]
    ).delete()
    have = set(existing.values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
        for page_id, perm_id in wanted - have
    )


def media_permissions(table):
    return [p for app, codes in table.items() for p in permissions(app, codes)]


def set_collection_permissions(group, grants):
    """Exactly ``grants`` ({collection: permissions}) for ``group``; nothing else remains."""
    wanted = {(c.pk, p.pk) for c, perms in grants.items() for p in perms}
    existing = GroupCollectionPermission.objects.filter(group=group)
    for grant in existing:
        if (grant.collection_id, grant.permission_id) not in wanted:
            grant.delete()
    for collection_id, permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )


def programme_collection():
    """The shared collection of the programme's images and documents, made if missing."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PROGRAMME_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PROGRAMME_COLLECTION)
    return collection


@transaction.atomic
def sync_programme_office():
    group, _ = Group.objects.get_or_create(name=PROGRAMME_OFFICE)
    set_model_permissions(group, OFFICE_MODEL_PERMISSIONS)
    # The root holds the home page of every language, so this covers both.
    set_page_permissions(group, [Page.get_first_root_node()], ALL_PAGE_ACTIONS)
    set_collection_permissions(
        group, {Collection.get_first_root_node(): media_permissions(MEDIA_ACTIONS)}
    )
    return group


@transaction.atomic
def sync_translators():
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    set_model_permissions(group, TRANSLATOR_MODEL_PERMISSIONS)
    translated_homes = HomePage.objects.exclude(locale=Locale.get_default())
    set_page_permissions(group, list(translated_homes), TRANSLATOR_PAGE_ACTIONS)
    set_collection_permissions(
        group,
        {Collection.get_first_root_node(): permissions("wagtailimages", ["choose_image"])},
    )
    return group


def region_group_for(source_region):
    """The group that already holds permissions on this region, or a new one named after it."""
    group = (
        Group.objects.filter(
            name__startswith=REGION_GROUP_PREFIX,
            page_permissions__page=source_region,
        )
        .distinct()
        .first()
    )
    if group is None:
        group, _ = Group.objects.get_or_create(name=f"{REGION_GROUP_PREFIX}{source_region.title}")
    return group


def region_collection_for(group):
    root = Collection.get_first_root_node()
    name = group.name
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    return collection


@transaction.atomic
def sync_region(region):
    """The group of ``region``'s node: its subtree in every language, its own collection
    (where its uploads go, the only one it may add to), and the programme's to choose from."""
    source_locale = Locale.get_default()
    if region.locale_id != source_locale.pk:
        region = region.get_translation_or_none(source_locale) or region
    group = region_group_for(region)
    set_model_permissions(group, REGION_MODEL_PERMISSIONS)
    translations = list(region.get_translations(inclusive=True))
    set_page_permissions(group, translations, REGION_PAGE_ACTIONS)
    set_collection_permissions(
        group,
        {
            region_collection_for(group): media_permissions(MEDIA_ACTIONS),
            programme_collection(): media_permissions(CHOOSE_ACTIONS),
        },
    )
    return group


@transaction.atomic
def sync_workflow():
    """
    One workflow over the whole tree and the snippets visitors see (people, partners):
    the programme office approves what others submit.
    """
    office = Group.objects.get(name=PROGRAMME_OFFICE)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set([office])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in MODERATED_SNIPPETS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow


def sync_editor_groups():
    """Create or correct every editor group and the workflow. Returns the groups."""
    programme_collection()
    groups = [sync_programme_office(), sync_translators()]
    groups += [sync_region(r) for r in RegionPage.objects.filter(locale=Locale.get_default())]
    sync_workflow()
    return groups
