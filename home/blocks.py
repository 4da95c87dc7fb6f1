"""
The StreamField blocks every page body is built from, in one place.

Each block names its icon, its template (in ``templates/blocks/``) and a preview value,
so editors see what they are choosing in the block picker.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Produktionslyftet hjälper små och medelstora tillverkare.</p>"
        description = _("Running text with headings, lists and links.")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alt text an editor gives it (or marked decorative), and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"
        description = _("An image with alternative text and an optional caption.")

    def get_preview_value(self):
        # The first image in the library: a preview has no chosen image of its own.
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        return {"image": image, "caption": "Verkstadsgolvet i Sundsvall."} if image else None


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Vi är inte längre en vit fläck på kartan.",
            "attribution": "Pernilla Ingelsson",
        }
        description = _("A quotation, set apart from the text.")


class CallToActionBlock(blocks.StructBlock):
    """A short pitch with one button, to a page on the site or an address elsewhere."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(required=False, label=_("Or an address elsewhere"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "title": "Vill ditt företag vara med?",
            "text": "Kontakta noden i din region.",
            "url": "https://example.org/",
            "button_label": "Kontakta oss",
        }
        description = _("A short invitation with one button.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose a page or give an address for the button.")}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("For example a YouTube link."))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("An embedded video with an optional caption.")
        # Only the caption: an embed would fetch from the video host while an editor
        # merely browses the block chooser.
        preview_value = {"video": None, "caption": "Ett studiebesök i bild."}


class TimelineBlock(blocks.StaticBlock):
    """The programme's periods, as the programme periods in the admin list them (its
    template reads them with the ``programme_periods`` tag)."""

    class Meta:
        icon = "date"
        label = _("Programme periods")
        template = "blocks/timeline_block.html"
        description = _("A timeline of the programme's periods, kept up to date for you.")
        admin_text = _("Shows the programme periods from the admin, in the page's language.")

    def get_preview_value(self):
        # A static block has no value (None); any true one stands in to render the preview.
        return "timeline"


class BodyBlock(blocks.StreamBlock):
    """The body of every page type."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    timeline = TimelineBlock()
