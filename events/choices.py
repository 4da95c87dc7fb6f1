from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    INSPIRATION_DAY = "inspiration", _("Inspiration day")
    TRAINING_DAY = "training", _("Training day")
    MEETING_PLACE = "meeting", _("Meeting place")
    WEBINAR = "webinar", _("Webinar")


class EventLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
