"""
Sweden drawn as SVG coordinates, from the outline the project ships
(``regions/data/sweden.json``: Natural Earth 1:110m, public domain). Nothing is fetched.
"""

import json
import math
from functools import cache
from pathlib import Path

OUTLINE = Path(__file__).resolve().parent / "data" / "sweden.json"

# Degrees to map units: an equirectangular projection true at 62° N, the middle of Sweden.
SCALE = 48
REFERENCE_LATITUDE = 62.0
# Where a node can be: Sweden's extent in decimal degrees, which RegionPage's latitude
# and longitude validators use too, so every valid position lands on the map.
SWEDEN_WEST, SWEDEN_EAST, SWEDEN_SOUTH, SWEDEN_NORTH = 10.5, 24.2, 55.0, 69.1
# The drawing's box: Sweden with a little room to the east and north.
WEST, EAST, SOUTH, NORTH = SWEDEN_WEST, SWEDEN_EAST + 0.3, SWEDEN_SOUTH, SWEDEN_NORTH + 0.4
MARGIN_X = 150  # room for labels on either side of the country
MARGIN_Y = 10


def project(longitude, latitude):
    x = (float(longitude) - WEST) * math.cos(math.radians(REFERENCE_LATITUDE)) * SCALE
    y = (NORTH - float(latitude)) * SCALE
    return round(x + MARGIN_X, 1), round(y + MARGIN_Y, 1)


@cache
def outline():
    """The SVG path data of Sweden's outline, and the viewBox that holds it."""
    rings = json.loads(OUTLINE.read_text())["rings"]
    path = " ".join(
        "M " + " L ".join(f"{x} {y}" for x, y in (project(lon, lat) for lon, lat in ring)) + " Z"
        for ring in rings
    )
    right, bottom = project(EAST, SOUTH)
    return path, f"0 0 {round(right + MARGIN_X)} {round(bottom + MARGIN_Y)}"


# A label runs to the right of its node unless another node sits that close on the right.
LABEL_WIDTH = 160
LABEL_HEIGHT = 18


def map_nodes(regions):
    """Each region with coordinates, placed on the map with its label beside it."""
    nodes = []
    for region in regions:
        if region.latitude is None or region.longitude is None:
            continue
        x, y = project(region.longitude, region.latitude)
        nodes.append({"region": region, "x": x, "y": y})
    for node in nodes:
        crowded_right = any(
            0 < other["x"] - node["x"] <= LABEL_WIDTH and abs(other["y"] - node["y"]) < LABEL_HEIGHT
            for other in nodes
        )
        node["anchor"] = "end" if crowded_right else "start"
        node["label_x"] = node["x"] - 12 if crowded_right else node["x"] + 12
        node["label_y"] = node["y"] + 5
    return nodes
