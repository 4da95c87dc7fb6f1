from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from .status import Action, Status


class TranslationState(models.Model):
    """
    The translation status of one Swedish page or snippet in one other language, as
    ``translations.status.compute`` worked it out the last time anything it reads changed
    (``translations.store`` keeps it). The report filters and pages these rows, and the
    dashboard counts them, in the database.
    """

    translation_key = models.UUIDField()
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=7, choices=[("page", _("Page")), ("snippet", _("Snippet"))])
    # Pages are listed in tree order, so the page is a key, not a copy of its path.
    page = models.ForeignKey(Page, null=True, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    type_name = models.CharField(max_length=255)
    status = models.CharField(max_length=12, choices=Status.choices)
    action = models.CharField(max_length=13, choices=Action.choices)
    translation_id = models.PositiveIntegerField(null=True)
    # An alias shows the source's text; wagtail-localize still offers to translate it.
    translation_is_alias = models.BooleanField(default=False)
    synced = models.BooleanField(default=False)
    translation_source = models.ForeignKey(
        TranslationSource, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="one_state_per_language"
            )
        ]
        indexes = [models.Index(fields=["locale", "status"], name="state_by_status")]
        # Site-wide, on the bilingual workflow's one model; see permissions.py.
        permissions = [
            ("edit_source_language", _("Can edit snippets in the source language (Swedish)"))
        ]

    def __str__(self):
        return f"{self.title} ({self.language}): {self.status_label}"

    @property
    def language(self):
        return self.locale.get_display_name()

    @property
    def type_label(self):
        """The kind of page or snippet, in the reader's language (``type_name`` is the
        name in the language it was worked out in)."""
        content_type = self.page.content_type if self.page_id else self.content_type
        model = content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else self.type_name

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def action_label(self):
        return Action(self.action).label

    @property
    def action_url(self):
        if self.action == Action.TRANSLATE:
            if self.kind == "page":
                return reverse("wagtail_localize:submit_page_translation", args=[self.object_id])
            opts = self.content_type.model_class()._meta
            return reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[opts.app_label, opts.model_name, self.object_id],
            )
        if self.action == Action.SYNC:
            return reverse(
                "wagtail_localize:update_translations", args=[self.translation_source_id]
            )
        if self.kind == "page":
            return reverse("wagtailadmin_pages:edit", args=[self.translation_id])
        opts = self.content_type.model_class()._meta
        return reverse(
            f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[self.translation_id]
        )
