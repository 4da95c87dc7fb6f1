from django import template

from .. import permissions, review

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, translation, page):
    """The moderation state of a translated page, for its translation editor."""
    return review.review_state(context["request"].user, translation, page)


@register.simple_tag(takes_context=True)
def may_publish_sync(context, translation_source):
    """Whether the sync form may offer "publish immediately" to this user."""
    return permissions.can_publish_sync(context["request"].user, translation_source)
