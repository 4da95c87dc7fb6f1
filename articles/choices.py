from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    EDITORIAL = "editorial", _("Editorial")
    NEWS = "news", _("News brief")
    FEATURE = "feature", _("Feature")
    BLOG = "blog", _("Blog post")
