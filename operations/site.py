"""
Building the site's tree from code, for ``setup_site`` and the demo: each page found again
if it exists, created and published in Swedish if not, and translated to English through
wagtail-localize as a translator would.
"""

from django.conf import settings
from django.core.management.base import CommandError

from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage


class MissingEnglish(CommandError):
    """A text of the Swedish source that the builder has no English for."""


class SiteBuilder:
    """
    Finds or creates pages and publishes them in Swedish, then translates each to English
    from a Swedish → English mapping; what exists already is left as it is, so a second
    run changes nothing. ``created``, ``translated`` and ``updated`` list what a run did.
    """

    def __init__(self, english, tool_name):
        self.english = english  # Swedish text -> its English, for the PO files
        self.tool_name = tool_name
        self.created = []
        self.translated = []
        self.updated = []
        self.sv = self.ensure_locale("sv")
        self.en = self.ensure_locale("en")

    def ensure_locale(self, language_code):
        locale, created = Locale.objects.get_or_create(language_code=language_code)
        if created:
            self.created.append(locale)
        return locale

    @staticmethod
    def publish(obj):
        """Make a new page (or snippet with drafts) live, with a first revision as the admin would."""
        obj.save_revision().publish()

    # --- pages ------------------------------------------------------------------------

    def home_page(self, fields, *, hostname, port):
        """
        The Swedish HomePage, made in place of Wagtail's "Welcome" placeholder if missing,
        as the root of the default site at ``hostname:port``, translated to English.
        """
        home = HomePage.objects.filter(locale=self.sv).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations leave a placeholder "Welcome" page where ours belongs
            # (deleting it deletes the default site that points at it).
            for placeholder in root.get_children().exact_type(Page):
                placeholder.delete()
            home = HomePage(locale=self.sv, **fields)
            root.add_child(instance=home)
            self.publish(home)
            self.created.append(home)
        # The site before the translation: publishing the English home needs its address.
        self.default_site(home, hostname, port)
        self.translate(home)
        return home

    def default_site(self, root_page, hostname, port):
        """
        The default site, created at ``hostname:port`` with ``root_page`` if there is none.
        An existing one is moved to ``hostname:port``; its name and root stay the editors',
        unless the root is still Wagtail's placeholder.
        """
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                is_default_site=True,
                hostname=hostname,
                port=port,
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=root_page,
            )
            self.created.append(site)
            return site
        changes = {"hostname": hostname, "port": port}
        if site.root_page.specific_class is Page:
            changes["root_page"] = root_page
        if any(getattr(site, name) != value for name, value in changes.items()):
            for name, value in changes.items():
                setattr(site, name, value)
            site.save()
            self.updated.append(site)
        return site

    def find_child(self, parent, model, slug):
        """
        The child of ``parent`` that is this ``model`` page: the only one of its type where
        a parent may have one (so a renamed page is still found), else the one at ``slug``.
        """
        children = parent.get_children()
        if model.max_count_per_parent == 1:
            page = children.exact_type(model).first()
            if page is not None:
                return page.specific
        return children.filter(slug=slug).specific().first()

    def child(self, parent, model, fields, existing=None):
        """
        The ``model`` child of ``parent`` (``existing`` where the caller found it another
        way), created from ``fields`` and published if missing; translated to English.
        """
        page = existing or self.find_child(parent, model, fields["slug"])
        if page is None:
            page = model(locale=self.sv, **fields)
            parent.add_child(instance=page)
            self.publish(page)
            self.created.append(page)
        self.translate(page)
        return page

    # --- translation ------------------------------------------------------------------

    def translate(self, obj):
        """
        Translate ``obj`` to English as a translator would, unless it has been already:
        submit it to wagtail-localize, fill in the PO file it exports from ``english``,
        import the file and publish the translation.
        """
        if obj.has_translation(self.en):
            return
        # The source as ``obj`` is now, should an editor have changed it since an earlier
        # translation was deleted.
        source, _created = TranslationSource.update_or_create_from_instance(obj)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.en
        )
        po = translation.export_po()
        for entry in po:
            try:
                entry.msgstr = self.english[entry.msgid]
            except KeyError:
                raise MissingEnglish(
                    f"No English for {entry.msgid!r} ({entry.msgctxt} of {obj!r})."
                ) from None
        translation.import_po(po, tool_name=self.tool_name)
        # Publishing through save_target() is deferred to the end of the transaction, and
        # then saves the page as it was, wiping the child count of any English page that
        # got children meanwhile (wagtail-localize issue #773). Save a draft and publish
        # it now instead, from a revision read back from the database; a snippet with
        # drafts the same way.
        has_drafts = isinstance(obj, DraftStateMixin)
        translation.save_target(publish=not has_drafts)
        target = translation.get_target_instance()
        if has_drafts:
            target.get_latest_revision().publish()
        self.translated.append(target)
