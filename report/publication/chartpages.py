"""Where the charts are printed: how tall each chart is drawn so that every page of the charts chapter is well
filled, without ever scaling a chart (its text keeps the one type scale of report/publication/charts.py, TYPE).

The charts keep their order. They are grouped into pages (a page break before the first chart of each page but the
chapter's first); a page whose charts at their natural height leave it less than FILLED full grows them (bar and
column charts only: more room between the bars, never larger text) up to STRETCH times their height; no page is
left less than FLOOR full where another grouping avoids it. The chapter's
last page is left as it comes. The geometry is templates/report.css's: an A4 page with 22 mm and 20 mm margins, the
chapter's heading, each figure's caption and margins; tests/test_pdf_publication.py measures the printed pages."""
from __future__ import annotations

from dataclasses import dataclass

MM = 1 / 25.4                      # inches
FRAME = 255 * MM                   # the text frame's height: 297 mm less the 22 mm and 20 mm margins
# what a figure takes beside its image: the caption (a line a language), the 2 mm above it, the figure's 6 mm margin
FIGURE_EXTRA = {"both": 18 * MM, "it": 13.5 * MM, "en": 13.5 * MM}
HEADING = {"both": 26 * MM, "it": 18 * MM, "en": 18 * MM}  # the chapter's heading, its rule and margin
LEAD_ROOM = 88 * MM                # the lead chart's room on the page of the year in figures
SLACK = 5 * MM                     # what the planned pages keep free, for rounding
FILLED = 0.8                       # every page but the chapter's last is filled this much where its charts can grow
FLOOR = 0.7                        # and never less than this (a little above the two thirds the layout rules ask)
STRETCH = 1.75                     # a chart grows at most this much to fill its page


@dataclass(frozen=True)
class Size:
    """A chart's natural height (its text on the type scale, its bars at their pitch) and the most it may grow to,
    in inches."""
    natural: float
    most: float


@dataclass(frozen=True)
class Placed:
    height: float      # inches, as drawn and as printed
    page_start: bool   # a page break before it


def fits_lead(size: Size) -> bool:
    """Whether a chart fits the room under the year in figures at its natural height."""
    return size.natural <= LEAD_ROOM


def room(edition: str, first: bool) -> float:
    """The height free for charts on a page of the chapter (the first holds the chapter's heading)."""
    return FRAME - (HEADING[edition] if first else 0.0)


def plan(sizes: list[Size], edition: str) -> list[Placed]:
    """Each chart's height and page break: the grouping into pages (in order) with every page but the last at
    least FILLED full where growing the charts allows it, the fewest pages, then the least growth."""
    extra = FIGURE_EXTRA[edition]
    n = len(sizes)
    best: list[tuple[float, int] | None] = [None] * (n + 1)  # from chart i on: (cost, end of i's page)
    best[n] = (0.0, n)
    for i in range(n - 1, -1, -1):
        free = room(edition, i == 0) - SLACK
        for j in range(i + 1, n + 1):
            group = sizes[i:j]
            natural = sum(s.natural + extra for s in group)
            if natural > free and j > i + 1:
                break
            cost = 1.0 + _shortfall(group, extra, free, edition, i == 0, last=j == n) + best[j][0]
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, j)
    out: list[Placed] = []
    i = 0
    while i < n:
        j = best[i][1]
        heights = _grown(sizes[i:j], extra, room(edition, i == 0) - SLACK, edition, i == 0, last=j == n)
        out += [Placed(h, page_start=k == 0 and i > 0) for k, h in enumerate(heights)]
        i = j
    return out


def _target(extra: float, count: int, free: float, edition: str, first: bool) -> float:
    """The total image height that fills a page FILLED full (less when the page cannot hold it)."""
    heading = HEADING[edition] if first else 0.0
    return min(FILLED * FRAME - heading, free) - extra * count


def _shortfall(group: list[Size], extra: float, free: float, edition: str, first: bool, last: bool) -> float:
    """The cost of a page: 0 when it is full enough at its charts' natural heights; their relative growth when
    growing fills it; a large cost when even the most growth leaves it short (the chapter's last page costs 0)."""
    if last:
        return 0.0
    target = _target(extra, len(group), free, edition, first)
    natural = sum(s.natural for s in group)
    if natural >= target:
        return 0.0
    most = sum(s.most for s in group)
    if most < target - (FILLED - FLOOR) * FRAME:
        return 100.0 + target - most
    return (min(target, most) - natural) / natural


def _grown(group: list[Size], extra: float, free: float, edition: str, first: bool, last: bool) -> list[float]:
    """The heights of a page's charts: natural, or grown in proportion to what each may grow to fill the page."""
    natural = [s.natural for s in group]
    if last:
        return natural
    need = _target(extra, len(group), free, edition, first) - sum(natural)
    room_to_grow = sum(s.most - s.natural for s in group)
    if need <= 0 or room_to_grow <= 0:
        return natural
    share = min(1.0, need / room_to_grow)
    return [s.natural + share * (s.most - s.natural) for s in group]
