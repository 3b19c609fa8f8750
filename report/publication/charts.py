"""The report's charts: matplotlib SVGs in the report's typeface, colour-blind safe, labelled in the edition's language(s)."""
from __future__ import annotations

import io
import logging
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from babel.numbers import format_compact_currency, format_decimal

from report.publication import aggregate, chartpages
from report.countries import name as country_name
from report.countries import numeric
from report.departments import short_department
from report.i18n import EDITIONS, LOCALES, whole_euros
from report.files import atomic_path
from report.publication.fonts import register_matplotlib_fonts
from report.schema import VOCABULARIES
from report.texts import CATALOGUE, Pair, pair
from report.publication.svgfont import embed_fonts

log = logging.getLogger(__name__)

CURRENCY = "EUR"
FIGSIZE = (6.7, 4.0)  # inches: the report's text width (every chart) and the map's height; a bar chart is as tall
LINE_HEIGHT = 0.142   # as its labels need (LINE_HEIGHT per line, BAR_GAP between bars, MARGINS for the axis below,
BAR_GAP = 0.06        # MIN_HEIGHT at least), the chart of the years YEARS_HEIGHT; both may grow to fill their page
MARGINS = 0.7         # (report/publication/chartpages.py), never shrink
MIN_HEIGHT = 2.2
YEARS_HEIGHT = 2.6
BAR_WIDTH = 0.68      # a bar's thickness, as a share of the distance between bars at the natural height
LEAD = "by_area"      # the chart under the year in figures (when it fits there), the others in the charts chapter
EDGE, BOTTOM, RIGHT = 0.08, 0.55, 0.3  # inches: outer padding, room for the x axis, for its last label
LABEL_WIDTH = 46      # characters per line of a category label before it wraps
TEXT_SLACK = 1.03     # measured text widths are padded by this factor (renderers differ slightly)
MEASURE_DPI = 720
MIN_BAR = 0.006       # the shortest bar drawn for a value above zero, as a fraction of the longest

# Okabe & Ito (2008), the colour-blind-safe qualitative palette; bars use its dark blue and
# bluish green (both mid-grey or darker in black-and-white print) and carry their value as text.
# Every chart has one series, so colour never tells series apart and no hatching is needed.
OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000"}
COUNT_COLOUR = OKABE_ITO["blue"]
AMOUNT_COLOUR = OKABE_ITO["bluish_green"]
INK, MUTED, GRID, NO_DATA = "#222222", "#555555", "#DDDDDD", "#EBEBEB"
MAP_CMAP = "viridis"        # sequential, perceptually uniform, readable with any colour vision
MAP_RANGE = (0.85, 0.1)     # light (few) to dark (many); the lightest stays darker than the no-data grey
MAP_STEPS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
MAP_MAX_BINS = 6
EUROPE_LON, EUROPE_LAT = (-12.0, 36.0), (34.0, 62.0)
MAP_ROWS = (2.7, 1.3)  # the world above; the legend and Europe enlarged below
# The type scale of every chart, in points as printed: every chart is drawn at the size it is printed (FIGSIZE's
# width fits the text column, its height its page: chartpages.py; templates/report.css never scales a chart), so
# the same role has the same size in every chart, however tall.
TYPE = {
    "label": 8.5,   # a category: a bar's name, a column's year
    "value": 8,     # the number at the end of a bar or on top of a column
    "tick": 8,      # the numbers of the value axis
    "axis": 8.5,    # an axis title, a legend's title
    "small": 8,     # legend entries, the map inset's title
}


def style(family: str) -> dict:
    """The one style of every chart (matplotlib rcParams)."""
    return {
        # only the typeface the project ships (no system font is looked for: none may be installed); the
        # SVG carries it (report/publication/svgfont.py), so a browser's <img> shows the labels as they were measured
        "font.family": [family], "text.parse_math": False,  # '$' in a label is text, never mathtext
        "font.size": TYPE["label"], "axes.labelsize": TYPE["axis"], "xtick.labelsize": TYPE["tick"],
        "ytick.labelsize": TYPE["label"], "legend.fontsize": TYPE["small"], "legend.title_fontsize": TYPE["axis"],
        "text.color": INK, "axes.labelcolor": INK, "axes.edgecolor": MUTED, "xtick.color": MUTED,
        "ytick.color": INK, "axes.linewidth": 0.6,
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.grid": True, "axes.grid.axis": "x", "grid.color": GRID, "grid.linewidth": 0.6,
        "axes.axisbelow": True, "ytick.major.size": 0, "xtick.major.size": 3, "xtick.major.width": 0.6,
        "figure.figsize": FIGSIZE, "figure.facecolor": "white", "savefig.facecolor": "white",
        "figure.constrained_layout.use": False,  # laid out by hand from measured text: twice as fast
        "svg.fonttype": "none",          # text stays text (small files; WeasyPrint renders it in Titillium)
        "svg.hashsalt": "city-report",   # stable ids: the same data gives the same bytes
        "svg.id": "chart",
    }


# The Sustainable Development Goals' short names (sdg.<n> in the catalogue).
SDG_NAMES: dict[int, Pair] = {goal: pair(f"sdg.{goal}") for goal in range(1, 18)}


@dataclass(frozen=True)
class Chart:
    name: str      # file stem, e.g. "by_area"
    path: Path     # the SVG written
    title_it: str
    title_en: str
    alt_it: str    # what the chart shows, with its main numbers
    alt_en: str
    lead: bool = False        # shown under the year in figures, not in the charts chapter
    page_start: bool = False  # printed at the top of a page (chartpages.py)

    def title(self, lang: str) -> str:
        return Pair(self.title_it, self.title_en).get(lang)

    def alt(self, lang: str) -> str:
        return Pair(self.alt_it, self.alt_en).get(lang)


# ---- language and numbers ------------------------------------------------------------------------------

def _pick(pair: tuple[str, str], lang: str) -> str:
    """A text of an (Italian, English) pair in a language; both, joined by ' / ', in the bilingual edition."""
    it, en = pair
    if lang == "it":
        return it
    if lang == "en":
        return en
    return it if it == en else f"{it} / {en}"


def _locale(lang: str) -> str:
    """The Babel locale of an edition: the bilingual one writes numbers the Italian way."""
    return LOCALES.get(lang, LOCALES["it"])


def count_text(value, lang: str) -> str:
    return _count_text(int(round(value)), _locale(lang))


def money_text(value: float, lang: str) -> str:
    """A whole amount in euros: 1.234.567 € / €1,234,567."""
    return _money_text(round(value), _locale(lang))


def money_short(value: float, lang: str) -> str:
    """A short amount for bars and axes: compact where the locale has a compact form (1,2 Mln €, €950K),
    else whole euros (950.000 €)."""
    return _money_short(float(value), _locale(lang))


# Numbers are formatted once per process: the axes ask for the same ticks at every draw, the editions
# share their numbers.
@lru_cache(maxsize=4096)
def _count_text(number: int, locale: str) -> str:
    return format_decimal(number, locale=locale)


@lru_cache(maxsize=4096)
def _money_text(amount: int, locale: str) -> str:
    return whole_euros(amount, locale)


@lru_cache(maxsize=4096)
def _money_short(value: float, locale: str) -> str:
    compact = format_compact_currency(value, CURRENCY, locale=locale, fraction_digits=1)
    digits = re.sub(r"\D", "", compact)
    if value and len(digits) >= len(str(int(abs(value)))):  # no abbreviation in this locale at this size
        return _money_text(round(value), locale)
    return compact


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _label(pair: tuple[str, str], lang: str) -> str:
    """A category label: one language, or both ('Italia / Italy'); long ones wrap, the bilingual on two lines."""
    if lang != "both":
        return _wrap(_pick(pair, lang))
    it, en = pair
    number = re.match(r"\d+ · ", it)
    if number and en.startswith(number.group()):  # '13 · Lotta contro... / Climate action': the goal once
        en = en[number.end():]
    joined = _pick((it, en), lang)
    if len(joined) <= LABEL_WIDTH:
        return joined
    return "\n".join(_wrap(part, LABEL_WIDTH) for part in (it, en))


# ---- what each chart shows -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Bars:
    """A horizontal bar chart of one breakdown (aggregate.count_by or sum_by)."""
    name: str
    key: str
    amount: str | None = None  # None: activities counted

    def series(self, frame: pd.DataFrame) -> pd.Series:
        if self.amount is None:
            return aggregate.count_by(frame, self.key)
        return aggregate.sum_by(frame, self.key, self.amount)


BARS = (
    _Bars("by_area", "area"),
    _Bars("by_department", "department"),
    _Bars("by_type", "type"),
    _Bars("by_theme", "theme"),
    _Bars("budget_by_area", "area", "budget_eur"),
    _Bars("budget_by_funding", "funding_source", "budget_eur"),
    _Bars("sdgs", "sdgs"),
)


def _namer(key: str, department_names: dict[str, tuple[str, str]] | None) -> Callable[[object], tuple[str, str]]:
    """(Italian, English) name of a breakdown value."""
    if key in VOCABULARIES:
        vocabulary = VOCABULARIES[key]
        return lambda code: (vocabulary.label(code, "it"), vocabulary.label(code, "en"))
    if key == "department":
        names = department_names or {}

        def department(code):
            it, en = names.get(code, (code, code))
            return short_department(it, "it"), short_department(en, "en")
        return department
    if key == "sdgs":
        return lambda goal: tuple(f"{goal} · {text}" for text in SDG_NAMES[int(goal)])
    if key == "countries":
        return lambda code: (country_name(code, "it"), country_name(code, "en"))
    raise ValueError(f"no names for {key!r}")


def _sentence(parts: list[str]) -> str:
    return " ".join(p.strip() for p in parts if p)


def _items_text(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{label}: {value}" for label, value in pairs)


def _bars_alt(bars: _Bars, series: pd.Series, names, total, lang: str) -> str:
    """Alt text of a bar chart: what it shows, the total (when the bars add up to it) and every bar's value."""
    fmt = count_text if bars.amount is None else money_text
    title = pair(f"chart.{bars.name}.title").get(lang)
    head = f"{title}, {pair('chart.word.bars').get(lang)}"
    if total is not None:
        head += f" ({fmt(total, lang)} {pair('chart.word.total').get(lang)})"
    items = _items_text([(Pair(*names(value)).get(lang), fmt(amount, lang)) for value, amount in series.items()])
    note = CATALOGUE.get(f"chart.{bars.name}.note", Pair("", "")).get(lang)
    return _sentence([f"{head}.", f"{items}.", note])


# ---- drawing -------------------------------------------------------------------------------------------

def _figure():
    from matplotlib.figure import Figure

    return Figure(figsize=FIGSIZE)


def _bars_height(labels: list[str]) -> float:
    """A bar chart's natural height in inches: its labels' lines at the type scale, BAR_GAP between bars."""
    lines = max(label.count("\n") + 1 for label in labels)
    return max(MIN_HEIGHT, len(labels) * (lines * LINE_HEIGHT + BAR_GAP) + MARGINS)


@cache
def _measurer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, MEASURE_DPI)


@lru_cache(maxsize=4096)
def _line_width(line: str, size: float, family: tuple[str, ...]) -> float:
    """The padded width in inches of one line of text in `family` at `size` points."""
    from matplotlib.font_manager import FontProperties

    width = _measurer().get_text_width_height_descent(line, FontProperties(family=list(family), size=size),
                                                      ismath=False)[0]
    return width * TEXT_SLACK / MEASURE_DPI


def _text_width(texts: list[str], size: float) -> float:
    """The width in inches of the widest line of `texts` in the current font at `size` points.

    Measured at a high resolution: at 72 dpi hinting makes text 5 % narrower than WeasyPrint
    draws it, and long labels were cut at the left edge. Each line is measured once per process
    (the editions share their numbers and many labels).
    """
    from matplotlib import rcParams

    family = tuple(rcParams["font.family"])
    return max(_line_width(line, size, family) for text in texts for line in text.split("\n"))


def _place(fig, ax, left: float, bottom: float = BOTTOM, right: float = RIGHT) -> float:
    """Put the axes at margins given in inches; return the axes' width in inches."""
    width, height = fig.get_size_inches()
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height,
                        top=1 - EDGE / height)
    return width - left - right


Drawn = Iterator[tuple[str, object]]  # (language, the figure drawn in it), one language after the other


def _bar_axes():
    """The axes of the bar charts: one figure for every bar chart drawn in turn (its ticks are made once)."""
    ax = _figure().add_subplot()
    ax.spines["left"].set_color(MUTED)
    return ax


def _draw_bars(bars: _Bars, series: pd.Series, names, langs: tuple[str, ...], ax=None,
               heights: dict[str, float] | None = None) -> Drawn:
    """The bar chart in each language in turn: the bars are made once, the texts and margins per language.
    heights: the height of each language's chart in inches (its natural height when not given; a taller chart
    keeps its bars' thickness and spaces them more). On the axes of _bar_axes(), left as they were found once
    every language is drawn."""
    from matplotlib import rcParams
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = ax or _bar_axes()
    fig = ax.figure
    values = [float(v) for v in series.to_numpy()]
    colour = COUNT_COLOUR if bars.amount is None else AMOUNT_COLOUR
    positions = list(range(len(values)))
    top = max(values) if values and max(values) > 0 else 1.0
    # a tiny amount beside a large one still shows a stub (its label gives the exact value)
    shown = [max(v, top * MIN_BAR) if v > 0 else v for v in values]
    container = ax.barh(positions, shown, height=BAR_WIDTH, color=colour)
    fmt = count_text if bars.amount is None else money_short
    if bars.amount is None:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 2.5, 5, 10]))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    value_texts = []
    for lang in langs:
        labels = [_label(names(value), lang) for value in series.index]
        natural = _bars_height(labels)
        height = (heights or {}).get(lang, natural)
        fig.set_size_inches(FIGSIZE[0], height)
        thickness = BAR_WIDTH * (natural - BOTTOM - EDGE) / (height - BOTTOM - EDGE)
        for position, bar in zip(positions, container):
            bar.set_y(position - thickness / 2)
            bar.set_height(thickness)
        for text in value_texts:
            text.remove()
        value_labels = [fmt(v, lang) for v in values]
        value_texts = ax.bar_label(container, labels=value_labels, padding=3, fontsize=TYPE["value"], color=INK)
        ax.set_yticks(positions, labels)
        ax.set_ylim(len(values) - 0.5, -0.5)  # largest on top
        left = EDGE + _text_width(labels, rcParams["ytick.labelsize"]) + 0.06
        axes_width = _place(fig, ax, left)
        room = _text_width(value_labels, TYPE["value"]) + 0.1  # the longest bar keeps room for its value
        ax.set_xlim(0, top * axes_width / max(axes_width - room, axes_width / 2))
        if bars.amount is None:
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _, lang=lang: count_text(x, lang)))
            ax.set_xlabel(_pick(pair("chart.word.activities"), lang))
        else:
            ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _, lang=lang: money_short(x, lang) if x else "0"))
            ax.set_xlabel(_pick(pair("chart.word.budget"), lang))
        yield lang, fig
    for text in value_texts:
        text.remove()
    container.remove()


def _bins(values: list[int]) -> list[tuple[int, int]]:
    """Count bins for the map: (low, high) inclusive, on a 1-2-3-5-10 scale up to the largest count."""
    top = max(values)
    steps = [s for s in MAP_STEPS if s <= top]
    if len(steps) > MAP_MAX_BINS:
        steps = [s for s in steps if str(s)[0] in "125"][:MAP_MAX_BINS]  # the low counts keep their detail
    edges = [*steps, top + 1]
    return [(low, max(low, high - 1)) for low, high in zip(edges, edges[1:])]


def _bin_label(low: int, high: int, lang: str) -> str:
    if low == high:
        return count_text(low, lang)
    return f"{count_text(low, lang)}–{count_text(high, lang)}"


def _draw_map(table: pd.DataFrame, langs: tuple[str, ...]) -> Drawn:
    """The world map in each language in turn: the countries are drawn once, the legend and the inset's title
    per language."""
    import matplotlib
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    from report.publication.worldmap import draw_world

    counts = {numeric(code): int(n) for code, n in zip(table["country"], table["activities"])}
    bins = _bins(list(counts.values()))
    ramp = matplotlib.colormaps[MAP_CMAP]
    n = len(bins)
    colours = [ramp(MAP_RANGE[0] + (MAP_RANGE[1] - MAP_RANGE[0]) * (i / max(n - 1, 1))) for i in range(n)]
    cmap = ListedColormap(colours)
    norm = BoundaryNorm([low - 0.5 for low, _ in bins] + [bins[-1][1] + 0.5], n)
    fig = _figure()
    grid = fig.add_gridspec(2, 2, height_ratios=MAP_ROWS, width_ratios=(1, 1), left=0.01, right=0.99,
                            bottom=0.02, top=0.99, hspace=0.1, wspace=0.05)
    world = fig.add_subplot(grid[0, :])
    europe = fig.add_subplot(grid[1, 1])  # Europe enlarged, where most activities are
    key = fig.add_subplot(grid[1, 0])
    for ax, window in ((world, None), (europe, (EUROPE_LON, EUROPE_LAT))):
        draw_world(ax, counts, cmap=cmap, norm=norm, edgecolor="white", background=NO_DATA, linewidth=0.25,
                   window=window)
        ax.grid(False)
    europe.set_xlim(*EUROPE_LON)
    europe.set_ylim(*EUROPE_LAT)
    for spine in europe.spines.values():
        spine.set_visible(True)
        spine.set_color(MUTED)
        spine.set_linewidth(0.5)
    key.axis("off")
    for lang in langs:
        europe.set_title(_pick(pair("chart.word.europe"), lang), fontsize=TYPE["small"], color=MUTED, pad=2,
                         loc="left")
        handles = [Patch(facecolor=colour, edgecolor=MUTED, linewidth=0.4, label=_bin_label(low, high, lang))
                   for colour, (low, high) in zip(colours, bins)]
        handles.append(Patch(facecolor=NO_DATA, edgecolor=MUTED, linewidth=0.4,
                             label=_pick(pair("chart.word.none"), lang)))
        key.legend(handles=handles, loc="center", ncols=2, frameon=False, title=_pick(pair("chart.word.legend"), lang),
                   handlelength=1.8, handleheight=1.1, columnspacing=2.0, labelspacing=0.5)
        yield lang, fig


def _map_alt(table: pd.DataFrame, lang: str) -> str:
    top = table.sort_values(["activities", "country"], ascending=[False, True], kind="stable").head(8)
    items = _items_text([(country_name(code, lang), count_text(n, lang))
                         for code, n in zip(top["country"], top["activities"])])
    head = f"{pair('chart.word.map').get(lang)}: {count_text(len(table), lang)} {pair('chart.word.countries').get(lang)}."
    return _sentence([head, f"{pair('chart.word.most').get(lang)}: {items}."])


def _draw_years(series: pd.Series, langs: tuple[str, ...], heights: dict[str, float] | None = None) -> Drawn:
    """The column chart of the years in each language in turn (heights: inches, YEARS_HEIGHT when not given): the
    columns are made once."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fig = _figure()
    ax = fig.add_subplot()
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    years = [str(y) for y in series.index]  # a year is a name, never grouped (2025, not 2.025)
    values = [int(v) for v in series.to_numpy()]
    container = ax.bar(years, values, width=0.6, color=COUNT_COLOUR)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 2.5, 5, 10]))
    ax.set_ylim(0, max(max(values), 1) * 1.12)
    ax.tick_params(axis="x", length=0, labelsize=TYPE["label"])  # the years are the categories
    ax.tick_params(axis="y", length=3, labelsize=TYPE["tick"])
    value_texts = []
    for lang in langs:
        fig.set_size_inches(FIGSIZE[0], (heights or {}).get(lang, YEARS_HEIGHT))
        _place(fig, ax, left=0.7, right=EDGE)
        for text in value_texts:
            text.remove()
        value_texts = ax.bar_label(container, labels=[count_text(v, lang) for v in values], padding=3,
                                   fontsize=TYPE["value"], color=INK)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _, lang=lang: count_text(y, lang)))
        ax.set_ylabel(_pick(pair("chart.word.activities"), lang))
        ax.set_xlabel(_pick(pair("chart.word.year"), lang))
        yield lang, fig


def _years_alt(series: pd.Series, lang: str) -> str:
    title = pair("chart.by_year.title").get(lang)
    items = _items_text([(str(y), count_text(v, lang)) for y, v in series.items()])
    return f"{title}, {pair('chart.word.columns').get(lang)}. {items}."


_PATH_DATA = re.compile(r' d="([^"]*)"')
_DECIMALS = re.compile(r"(?<=\d\.\d)\d+")                    # digits after the first decimal
_COMMAND_SPACE = re.compile(r"\s+(?=[MLCQZz])|(?<=[MLCQZz])\s+")  # spaces around a command


@lru_cache(maxsize=2048)
def _compact_data(data: str) -> str:
    """Path data with coordinates to 0.1 pt (0.035 mm) and no spaces around commands: the map halves.
    Cached: the editions' maps share their countries' outlines."""
    return _COMMAND_SPACE.sub("", _DECIMALS.sub("", data)).strip()


def _compact_path(match: re.Match) -> str:
    return f' d="{_compact_data(match.group(1))}"'


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def _describe(svg: str, lang: str, titles: tuple[str, str], alts: tuple[str, str]) -> str:
    """Give the SVG a <title> and <desc> (per language) so the file read on its own is accessible too."""
    langs = ("it", "en") if lang == "both" else (lang,)
    parts = [f'<title>{escape(_pick(titles, lang))}</title>']
    parts += [f'<desc xml:lang="{code}">{escape(Pair(*alts).get(code))}</desc>' for code in langs]
    opening = _SVG_OPEN.search(svg)
    return f"{svg[:opening.end()]}\n {''.join(parts)}{svg[opening.end():]}"


def _save(fig, path: Path, lang: str, titles: tuple[str, str], alts: tuple[str, str]) -> None:
    """Write the figure as SVG, deterministically (no date), compactly, atomically, readable by all."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = _describe(embed_fonts(_PATH_DATA.sub(_compact_path, buffer.getvalue())), lang, titles, alts)
    with atomic_path(path) as tmp:
        tmp.write_text(svg, encoding="utf-8")
        tmp.chmod(0o644)  # a published file (mkstemp makes it private)


# ---- the API -------------------------------------------------------------------------------------------

def make_charts(frame: pd.DataFrame, lang: str, out_dir: Path, history: dict[int, pd.DataFrame] | None = None,
                department_names: dict[str, tuple[str, str]] | None = None) -> list[Chart]:
    """Draw every chart of one edition and write out_dir/<name>_<lang>.svg; return them in report order.

    lang: 'it', 'en' or 'both' (labels 'Italia / Italy'; numbers the Italian way). history: the
    frames of the report years to compare, the current one included; the by_year chart is drawn
    when it holds two years or more. department_names: code -> (Italian, English) names, e.g.
    {d.code: (d.it, d.en) for d in config.departments}; codes are shown without it.
    A chart with nothing to show (no budgets, no SDGs, no countries) is left out, with a log line.
    Titles are not drawn in the SVG: the report prints `title_*` as the caption.
    """
    return make_edition_charts(frame, (lang,), out_dir, history, department_names)[lang]


def make_edition_charts(frame: pd.DataFrame, langs: Iterable[str], out_dir: Path,
                        history: dict[int, pd.DataFrame] | None = None,
                        department_names: dict[str, tuple[str, str]] | None = None) -> dict[str, list[Chart]]:
    """make_charts for several editions at once: {lang: charts}, the same files, bytes and order as one
    make_charts call per edition, in less time: each chart's data, alt texts and figure are made once and
    only its texts and margins are redone for each language."""
    import matplotlib

    matplotlib.use("Agg")
    langs = tuple(langs)
    for lang in langs:
        if lang not in EDITIONS:
            raise ValueError(f"unknown edition language {lang!r}: use one of {', '.join(EDITIONS)}")
    out_dir = Path(out_dir)
    family = register_matplotlib_fonts()
    total = aggregate.key_figures(frame)
    charts: dict[str, list[Chart]] = {lang: [] for lang in langs}
    pending: list[_Pending] = []

    with matplotlib.rc_context(style(family)):
        bar_axes = _bar_axes()
        for bars in BARS:
            series = bars.series(frame)
            if bars.amount is not None:
                series = series[series > 0]
            if series.empty:
                log.info("chart %s left out: no data", bars.name)
                continue
            names = _namer(bars.key, department_names)
            # the bars add up to the total only when each activity has one value
            whole = total["activities"] if bars.amount is None else total["budget_eur"]
            if bars.key in aggregate.PER_ROW_KEYS or abs(series.sum() - whole) > 0.5:
                whole = None  # the bars do not add up to the year's total: do not print it
            sizes = {}
            for lang in langs:
                natural = _bars_height([_label(names(value), lang) for value in series.index])
                sizes[lang] = chartpages.Size(natural, natural * chartpages.STRETCH)
            pending.append(_Pending(
                bars.name, sizes, _bars_alt(bars, series, names, whole, "it"), _bars_alt(bars, series, names, whole, "en"),
                lambda heights, bars=bars, series=series, names=names: _draw_bars(bars, series, names, langs, bar_axes,
                                                                                heights)))
        table = aggregate.by_country(frame)
        if table.empty:
            log.info("chart world_map left out: no countries")
        else:
            fixed = chartpages.Size(FIGSIZE[1], FIGSIZE[1])  # the map keeps its proportions
            pending.append(_Pending("world_map", dict.fromkeys(langs, fixed), _map_alt(table, "it"),
                                    _map_alt(table, "en"), lambda heights: _draw_map(table, langs)))
        if history and len(history) >= 2:
            years = aggregate.by_year(history)
            size = chartpages.Size(YEARS_HEIGHT, YEARS_HEIGHT * chartpages.STRETCH)
            pending.append(_Pending("by_year", dict.fromkeys(langs, size), _years_alt(years, "it"),
                                    _years_alt(years, "en"), lambda heights: _draw_years(years, langs, heights)))
        places = {lang: _places(pending, lang) for lang in langs}
        for chart in pending:
            title_it, title_en = pair(f"chart.{chart.name}.title")
            heights = {lang: places[lang][chart.name][0] for lang in langs}
            for lang, fig in chart.draw(heights):
                path = out_dir / f"{chart.name}_{lang}.svg"
                _save(fig, path, lang, (title_it, title_en), (chart.alt_it, chart.alt_en))
                _, lead, page_start = places[lang][chart.name]
                charts[lang].append(Chart(chart.name, path, title_it, title_en, chart.alt_it, chart.alt_en,
                                          lead=lead, page_start=page_start))
    return charts


@dataclass(frozen=True)
class _Pending:
    """A chart to draw: its natural size in each language, its alt texts, and how to draw it at given heights."""
    name: str
    sizes: dict[str, chartpages.Size]
    alt_it: str
    alt_en: str
    draw: Callable[[dict[str, float]], Drawn]


def _places(pending: list[_Pending], lang: str) -> dict[str, tuple[float, bool, bool]]:
    """name -> (height in inches, lead, page_start) of each chart of an edition: the lead chart under the year in
    figures when it fits there at its natural height, the others in the charts chapter as chartpages plans them."""
    lead = pending[0] if pending and pending[0].name == LEAD and chartpages.fits_lead(pending[0].sizes[lang]) else None
    rest = [chart for chart in pending if chart is not lead]
    out = {chart.name: (place.height, False, place.page_start)
           for chart, place in zip(rest, chartpages.plan([chart.sizes[lang] for chart in rest], lang))}
    if lead is not None:
        out[lead.name] = (lead.sizes[lang].natural, True, False)
    return out


def department_names(config) -> dict[str, tuple[str, str]]:
    """code -> (Italian, English) name of every department of a configuration, for make_charts."""
    return {d.code: (d.it, d.en) for d in config.departments}


__all__ = ["Chart", "make_charts", "make_edition_charts", "department_names", "SDG_NAMES", "style", "money_short",
           "money_text", "count_text", "short_department"]
