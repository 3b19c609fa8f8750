"""The world map: country outlines from Natural Earth 1:110m (world-atlas TopoJSON) and a choropleth drawn on a matplotlib axes."""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache

from report.assets import data_path

DATA_FILE = "countries-110m.json"
ANTARCTICA = "010"
XLIM = (-170.0, 190.0)
YLIM = (-58.0, 84.0)

Ring = list[tuple[float, float]]


def _decode_arcs(topology: dict) -> list[Ring]:
    """Absolute (lon, lat) points of every arc: undo the delta encoding and the quantization."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arc_indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join the arcs of one ring; index ~i is arc i reversed; shared end points are kept once."""
    ring: Ring = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _unwrap(ring: Ring) -> Ring:
    """Make longitudes continuous across the antimeridian (a jump over 180 degrees shifts the rest by 360)."""
    out: Ring = []
    offset = 0.0
    previous = None
    for lon, lat in ring:
        if previous is not None:
            step = lon + offset - previous
            if step > 180:
                offset -= 360
            elif step < -180:
                offset += 360
        previous = lon + offset
        out.append((previous, lat))
    return out


def _shift(ring: Ring, degrees: float) -> Ring:
    return [(lon + degrees, lat) for lon, lat in ring] if degrees else ring


def _polygon(rings: list[Ring]) -> list[Ring]:
    """Unwrap the rings of one polygon and place them in the map window.

    The outer ring is moved by a multiple of 360 so that it starts west of
    180 degrees, or to the right edge when it lies wholly west of the window
    (the eastern tip of Russia, Fiji's islands at -178); holes follow it.
    """
    outer, *holes = (_unwrap(ring) for ring in rings)
    lons = [lon for lon, _ in outer]
    shift = -360.0 * math.floor((min(lons) + 180.0) / 360.0)
    if max(lons) + shift < XLIM[0]:
        shift += 360.0
    placed = [_shift(outer, shift)]
    centre = (min(lons) + max(lons)) / 2 + shift
    for hole in holes:
        hole_centre = sum(lon for lon, _ in hole) / len(hole)
        placed.append(_shift(hole, -360.0 * round((hole_centre - centre) / 360.0)))
    return placed


def _geometry_rings(geometry: dict, arcs: list[Ring]) -> list[Ring]:
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:  # null geometries and anything that is not an area
        return []
    rings: list[Ring] = []
    for polygon in polygons:
        rings.extend(_polygon([_ring(ring, arcs) for ring in polygon]))
    return rings


@cache
def _decode() -> tuple[dict[str, list[Ring]], tuple[list[Ring], ...]]:
    """Country rings keyed by ISO 3166-1 numeric code, and the rings of features without a code."""
    topology = json.loads(data_path(DATA_FILE).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    keyed: dict[str, list[Ring]] = {}
    unkeyed: list[list[Ring]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if code == ANTARCTICA:
            continue
        rings = _geometry_rings(geometry, arcs)
        if not rings:
            continue
        if isinstance(code, str) and code.isdigit():
            keyed.setdefault(code, []).extend(rings)
        else:  # N. Cyprus, Somaliland, Kosovo: drawn, never coloured
            unkeyed.append(rings)
    return keyed, tuple(unkeyed)


def shapes() -> dict[str, list[Ring]]:
    """Rings (outer rings and holes, even-odd) of every country by ISO numeric code ('380' = Italy), Antarctica left out.

    Longitudes are continuous: rings crossing the antimeridian reach past 180.
    The returned dict is cached and shared; do not modify it.
    """
    return _decode()[0]


def unkeyed_shapes() -> list[list[Ring]]:
    """Rings of the features that have no ISO numeric code (N. Cyprus, Somaliland, Kosovo)."""
    return list(_decode()[1])


@cache
def _paths() -> tuple[tuple[str | None, object, tuple[float, float, float, float]], ...]:
    """One matplotlib Path per feature (code or None), all rings as closed sub-paths, with its bounds
    (west, south, east, north)."""
    import numpy as np
    from matplotlib.path import Path

    def path(rings: list[Ring]) -> Path:
        vertices, codes = [], []
        for ring in rings:
            if ring[0] != ring[-1]:
                ring = [*ring, ring[0]]
            vertices.extend(ring)
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(ring) - 2) + [Path.CLOSEPOLY])
        return Path(np.asarray(vertices, dtype=float), np.asarray(codes, dtype=np.uint8))

    def bounded(code: str | None, rings: list[Ring]):
        made = path(rings)
        return code, made, (*made.vertices.min(axis=0), *made.vertices.max(axis=0))

    keyed, unkeyed = _decode()
    return tuple([bounded(code, rings) for code, rings in sorted(keyed.items())]
                 + [bounded(None, rings) for rings in unkeyed])


def draw_world(ax, values: Mapping[str, float], *, cmap, norm, edgecolor, background, linewidth=0.3,
               window: tuple[tuple[float, float], tuple[float, float]] | None = None) -> None:
    """Draw the world on `ax`: countries whose ISO numeric code is in `values` filled with cmap(norm(value)), the others with `background`.

    Keys are ISO 3166-1 numeric codes as strings ('380'; ints and unpadded
    strings are accepted); a None or NaN value counts as missing. The map is
    plate carrée, limited to lon -170..190 and lat -58..84, without ticks.
    The countries of one colour make one compound path (a small SVG: one
    element per colour, not per country), the background colour first.
    window: ((west, east), (south, north)) leaves out the countries wholly
    outside it (for an inset whose limits are set afterwards).
    """
    from matplotlib.collections import PathCollection
    from matplotlib.colors import to_rgba
    from matplotlib.path import Path

    by_code = {}
    for code, value in values.items():
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            by_code[str(code).zfill(3)] = value
    background_rgba = to_rgba(background)
    groups: dict[tuple, list] = {background_rgba: []}
    for code, path, (west, south, east, north) in _paths():
        if window and (east < window[0][0] or west > window[0][1] or north < window[1][0] or south > window[1][1]):
            continue
        colour = tuple(cmap(norm(by_code[code]))) if code in by_code else background_rgba
        groups.setdefault(colour, []).append(path)
    groups = {colour: paths for colour, paths in groups.items() if paths}
    collection = PathCollection([Path.make_compound_path(*paths) for paths in groups.values()],
                                facecolors=list(groups), edgecolors=edgecolor, linewidths=linewidth,
                                joinstyle="round")
    ax.add_collection(collection, autolim=False)
    ax.set_xlim(*XLIM)
    ax.set_ylim(*YLIM)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
