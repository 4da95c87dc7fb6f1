"""Every block an editor can add shows a preview in the block picker, and renders it."""

import pytest

from home.blocks import BodyBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(BodyBlock.base_blocks))
def test_every_block_has_a_preview_that_renders(name):
    block = BodyBlock().child_blocks[name]
    preview = block.get_preview_value()
    assert preview, f"{name} has no preview value"
    html = block.render(block.normalize(preview))
    assert html.strip()


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page
