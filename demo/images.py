"""
Images the demo makes itself (logos and portraits), so nothing is ever downloaded. They
are the programme's, in its shared collection, which every editor may choose from.
"""

import hashlib
import io
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from governance.groups import programme_collection

# A Latin-1 subset of DejaVu Sans Bold: Pillow's built-in font has no å, ä or ö.
FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Bold-Latin1.ttf"
PALETTE = ["#0b4f6c", "#1b6e53", "#7a3b69", "#8a4b08", "#2d4a8a", "#5b5f2a"]


def _colour(text):
    return PALETTE[int(hashlib.sha256(text.encode()).hexdigest(), 16) % len(PALETTE)]


def _font(size):
    return ImageFont.truetype(str(FONT), size)


def _png(width, height, text, font_size):
    picture = PILImage.new("RGB", (width, height), _colour(text))
    draw = ImageDraw.Draw(picture)
    font = _font(font_size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    while right - left > width * 0.9 and font_size > 10:
        font_size -= 2
        font = _font(font_size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text(
        ((width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top),
        text,
        fill="#ffffff",
        font=font,
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer


def get_or_make_image(title, text, *, width, height, font_size):
    """The Wagtail image called ``title`` in the programme's collection, drawn with ``text``
    the first time it is asked for (one an earlier demo left in the root is moved there)."""
    collection = programme_collection()
    image = Image.objects.filter(title=title).first()
    if image is None:
        filename = hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
        image = Image(
            title=title,
            file=ImageFile(_png(width, height, text, font_size), name=filename),
            collection=collection,
        )
        image.save()
    elif image.collection.is_root():
        image.collection = collection
        image.save(update_fields=["collection"])
    return image


def logo(name):
    return get_or_make_image(f"Logo: {name}", name, width=480, height=160, font_size=34)


def portrait(name):
    initials = "".join(part[0] for part in name.split())
    return get_or_make_image(f"Portrait: {name}", initials, width=320, height=320, font_size=120)
