"""The world map: TopoJSON decoding and the choropleth."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import Normalize  # noqa: E402

from report.publication import worldmap  # noqa: E402


def bbox(code: str) -> tuple[float, float, float, float]:
    points = [p for ring in worldmap.shapes()[code] for p in ring]
    lons, lats = [lon for lon, _ in points], [lat for _, lat in points]
    return min(lons), max(lons), min(lats), max(lats)


def test_decodes_about_170_countries_keyed_by_numeric_code():
    shapes = worldmap.shapes()
    assert len(shapes) >= 170
    assert all(len(code) == 3 and code.isdigit() for code in shapes)
    assert {"380", "854", "076", "643", "242", "840", "275"} <= shapes.keys()


def test_features_without_code_are_background_only():
    assert len(worldmap.unkeyed_shapes()) == 3  # N. Cyprus, Somaliland, Kosovo


def test_italy_bounding_box():
    west, east, south, north = bbox("380")
    assert 6 <= west <= 7 and 18 <= east <= 19
    assert 36 <= south <= 37 and 46.5 <= north <= 47.5


def test_antarctica_left_out():
    assert "010" not in worldmap.shapes()


def test_rings_are_closed_and_never_jump_across_the_map():
    for code, rings in worldmap.shapes().items():
        for ring in rings:
            assert len(ring) >= 4 and ring[0] == ring[-1], code
            for (lon1, _), (lon2, _) in zip(ring, ring[1:]):
                assert abs(lon2 - lon1) <= 180, code


@pytest.mark.parametrize("code", ["643", "242"])  # Russia, Fiji
def test_antimeridian_countries_continue_east_of_180(code):
    west, east, _, _ = bbox(code)
    assert 180 < east <= 191
    assert west > 0


def test_draw_world_to_svg(tmp_path):
    fig, ax = plt.subplots(figsize=(6, 3))
    try:
        worldmap.draw_world(ax, {"380": 5.0, "076": 1.0, 643: 3.0, "275": float("nan")},
                            cmap=plt.get_cmap("Blues"), norm=Normalize(0, 5),
                            edgecolor="white", background="#dddddd")
        assert len(ax.collections) == 1
        assert ax.get_xlim() == (-170, 190) and ax.get_ylim() == (-58, 84)
        assert ax.get_xticks().size == 0 and ax.get_yticks().size == 0
        out = tmp_path / "map.svg"
        fig.savefig(out)
    finally:
        plt.close(fig)
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_countries_of_one_colour_make_one_path_background_first():
    """Fewer SVG elements: one compound path per colour, every country's rings kept in it."""
    from matplotlib.colors import ListedColormap, to_rgba
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    worldmap.draw_world(ax, {"380": 2, "250": 2, "076": 1}, cmap=ListedColormap(["#ff0000", "#0000ff"]),
                        norm=Normalize(0.5, 2.5), edgecolor="white", background="#dddddd")
    collection, = ax.collections
    assert [tuple(c) for c in collection.get_facecolor()] == [to_rgba("#dddddd"), to_rgba("#ff0000"),
                                                              to_rgba("#0000ff")]  # codes in order: 076 first
    rings = {code: len(shape) for code, shape in worldmap.shapes().items()}
    closed = [int((path.codes == path.CLOSEPOLY).sum()) for path in collection.get_paths()]
    assert closed[1] == rings["076"] and closed[2] == rings["380"] + rings["250"]
    assert sum(closed) == sum(rings.values()) + sum(len(shape) for shape in worldmap.unkeyed_shapes())


def test_window_leaves_out_the_countries_outside_it():
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    worldmap.draw_world(ax, {"380": 1.0, "036": 1.0}, cmap=plt.get_cmap("Blues"), norm=Normalize(0, 1),
                        edgecolor="white", background="#dddddd", window=((-12.0, 36.0), (34.0, 62.0)))
    paths = ax.collections[0].get_paths()
    assert len(paths) == 2  # the background and Italy; Australia is outside
    for path in paths:
        box = path.get_extents()
        assert box.x1 >= -12 and box.x0 <= 36 and box.y1 >= 34 and box.y0 <= 62
