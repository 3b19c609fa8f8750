"""The report as HTML: the Jinja environment and the context of one edition (bilingual, Italian or English)."""
from __future__ import annotations

import base64
import re
import weakref
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import jinja2
from markdown_it import MarkdownIt

from report import i18n
from report.publication import aggregate
from report.assets import templates_dir
from report.countries import name as country_name
from report.departments import short_department
from report.findings import short_label
from report.intake.year import YearData
from report.schema import VOCABULARIES
from report.missing import is_missing
from report.settings import DEFAULTS

TEMPLATE = "report.html"
STYLESHEETS = ("fonts.css", "report.css")
PDF, WEB = "pdf", "web"
# Very large editions (more activities than this) trade a little polish for time and memory, which in
# WeasyPrint grow with the number of elements: plain fact labels, no SDG badges, smaller description type,
# no automatic hyphenation (README, "Very large editions"). Their PDF is also `lean`: the activities' elements
# carry no lang or id attribute, since WeasyPrint gives an element with either its own computed style, and
# then every element inside it too, where elements alike otherwise share one (a tenth of the peak memory);
# English passages are still tagged English (report/publication/pdf.py), by their element.
LARGE_EDITION = DEFAULTS.large_edition


@dataclass(frozen=True)
class Source:
    """One input file as the sources annex lists it."""
    name: str
    department: str
    size: int
    sha256: str
    declared: date | None   # the date given in the Info sheet (stable across copies, unlike mtime)


class _Environment(jinja2.Environment):
    """Jinja's environment, `x.key` on the report's dicts (the context, its activities) read as the key first:
    Jinja tries the attribute first, and on a dict that fails with an exception, tens of thousands of times
    in a large chapter. The same value as Jinja's: a dict has no attribute of that name (dict's own are
    left to Jinja)."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates from templates_dir(), every value escaped, undefined names an error; each template compiled once a
    process (every edition of a build, every build of the portal's worker) and not looked at again on the disk at
    each `include` (an activity is one). A compiled template renders in several threads at once."""
    return _Environment(loader=jinja2.FileSystemLoader(templates_dir()), autoescape=True,
                        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)


def _both(fn, *args, **kwargs) -> dict[str, str]:
    """A value formatted in each language: {"it": ..., "en": ...}."""
    return {lang: fn(*args, lang, **kwargs) for lang in i18n.LANGS}


def _ui(key: str, **params) -> dict[str, str]:
    return _both(lambda lang: i18n.text(key, lang, **params))


def _label(vocabulary: str, code) -> dict[str, str] | None:
    return None if is_missing(code) else dict(zip(i18n.LANGS, _labels(vocabulary, code)))


@lru_cache(maxsize=1024)
def _labels(vocabulary: str, code: str) -> tuple[str, ...]:
    """A vocabulary's label of a code in each language, looked up once (a large chapter has thousands)."""
    return tuple(VOCABULARIES[vocabulary].label(code, lang) for lang in i18n.LANGS)


def css_string(value: str) -> str:
    """A Python string as a CSS string literal (for the running header and footer); `<` is escaped too, so the
    value cannot close the <style> element it is written into."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("<", "\\3c ")
    return f'"{escaped}"'


def foreword_html(config, lang: str) -> str:
    """The editorial foreword of one language, Markdown to HTML (raw HTML in the file is escaped)."""
    relative = config.raw.get("city", {}).get(f"foreword_{lang}", "")
    path = config.path(relative)
    if path is None or not path.is_file():
        return ""
    return MarkdownIt("commonmark", {"html": False}).render(path.read_text(encoding="utf-8"))


def _paragraphs(value) -> list[str]:
    return [] if is_missing(value) else [p.strip() for p in str(value).splitlines() if p.strip()]


def _fact(key: str, value: dict | None) -> dict | None:
    return None if value is None else {"key": key, "label": _ui(key), "value": value}


def _same(value: str) -> dict[str, str]:
    return {lang: value for lang in i18n.LANGS}


def _list(items, fn) -> dict[str, str] | None:
    if is_missing(items):
        return None
    return _both(lambda lang: ", ".join(fn(item, lang) for item in items))


def _text(row: dict, key: str, lang: str) -> tuple[str, bool]:
    """A language's text of an activity, falling back on the other language; (text, is_own_language)."""
    own = row.get(f"{key}_{lang}")
    if not is_missing(own):
        return str(own), True
    other = row.get(f"{key}_{'en' if lang == 'it' else 'it'}")
    return ("" if is_missing(other) else str(other)), False


def _places(row: dict) -> dict[str, str] | None:
    """Countries in the edition's language with the geographic area: 'Francia, Spagna (Europa)'."""
    countries = _list(row.get("countries"), country_name)
    area = _label("area", row.get("area"))
    if countries is None:
        return area
    if area is None or area == countries:   # 'Italia', not 'Italia (Italia)'
        return countries
    return {lang: f"{countries[lang]} ({area[lang]})" for lang in i18n.LANGS}


def _funding(row: dict) -> dict[str, str] | None:
    """Budget, City and external shares and funding source on one line:
    '15.000 € (Città 9.000 €, esterno 6.000 €; fonte: Misto)' (cents only when there are some)."""
    def one(lang: str) -> str:
        shares = [i18n.text(key, lang, amount=i18n.money(row[column], lang, whole=True))
                  for key, column in (("share_city", "city_funding_eur"), ("share_external", "external_funding_eur"))
                  if not is_missing(row.get(column))]
        inner = ", ".join(shares)
        if not is_missing(row.get("funding_source")):
            source = i18n.text("share_source", lang,
                               source=VOCABULARIES["funding_source"].label(row["funding_source"], lang))
            inner = f"{inner}; {source}" if inner else source
        if is_missing(row.get("budget_eur")):
            return inner
        budget = i18n.money(row["budget_eur"], lang, whole=True)
        return f"{budget} ({inner})" if inner else budget

    return _both(one)


def _participants(value) -> dict[str, str] | None:
    """'350 partecipanti' / '350 participants'."""
    if is_missing(value):
        return None
    count = int(value)
    return _ui("participants_one") if count == 1 else \
        _both(lambda lang: i18n.text("participants_count", lang, count=i18n.number(count, lang)))


# Descriptions up to this many characters (the longer language) keep their activity whole on one page;
# longer ones may flow across pages.
SHORT_ACTIVITY = 600


def activity(row: dict, index: int, joint_with: dict | None) -> dict:
    """One activity as the templates show it (never the internal notes): titles; `meta`, the one-line summary
    in each language (type · role · theme · programme · period · status · participants); `facts`, the
    language-dependent facts (countries and area, budget and funding); the language-neutral ones (partners, SDG
    numbers 'n · n', link); the descriptions; `short` when it is kept whole on one page. Lines joined here
    rather than in the templates: a large chapter (the portal's preview) has thousands of activities."""
    programme = None if is_missing(row.get("programme")) else _same(str(row["programme"]))
    meta = [_label("type", row.get("type")), _label("role", row.get("role")), _label("theme", row.get("theme")),
            programme, _both(i18n.period, row.get("start_date"), row.get("end_date")),
            _label("status", row.get("status")), _participants(row.get("participants"))]
    amounts = any(not is_missing(row.get(k)) for k in ("budget_eur", "city_funding_eur", "external_funding_eur"))
    facts = [_fact("countries", _places(row)),
             _fact("budget_short", _funding(row)) if amounts
             else _fact("funding_source", _label("funding_source", row.get("funding_source")))]
    titles, descriptions, own = {}, {}, {}
    for lang in i18n.LANGS:
        titles[lang], own[lang] = _text(row, "title", lang)
        text, own_description = _text(row, "description", lang)
        descriptions[lang] = _paragraphs(text)
        own[f"description_{lang}"] = own_description or not text
    longest = max(sum(len(p) for p in descriptions[lang]) for lang in i18n.LANGS)
    meta = [v for v in meta if v and v["it"]]
    return {"anchor": f"a{index}", "title": titles, "own": own,
            "meta": {lang: " · ".join(v[lang] for v in meta) for lang in i18n.LANGS},
            "facts": [f for f in facts if f and f["value"]["it"]],
            "partners": None if is_missing(row.get("partners")) else "; ".join(str(p) for p in row["partners"]),
            "sdgs": "" if is_missing(row.get("sdgs")) else " · ".join(str(int(n)) for n in row["sdgs"]),
            "description": descriptions, "url": None if is_missing(row.get("url")) else str(row["url"]),
            "joint_with": joint_with, "short": longest <= SHORT_ACTIVITY}


# [(data, frame, chapters)] of the last call, data and frame by weak reference: the editions of one build share
# the chapters, and they go with their data (a long-running process, the portal, keeps no year's chapters alive).
_chapters: list = []


def departments(data: YearData, frame) -> list[dict]:
    """The chapters: every department of the configuration, in its order, with its activities (the same for
    every edition: made once for a given year's data and frame)."""
    if _chapters and _chapters[0][0]() is data and _chapters[0][1]() is frame:
        return _chapters[0][2]
    chapters = _departments(data, frame)
    _chapters[:] = [(weakref.ref(data), weakref.ref(frame), chapters)]
    weakref.finalize(data, _forget)
    return chapters


def _forget() -> None:
    """Drop the chapters whose data is gone."""
    _chapters[:] = [entry for entry in _chapters if entry[0]() is not None]


def _departments(data: YearData, frame) -> list[dict]:
    groups: dict[int, list[str]] = {}
    for group, code in zip(frame["group"], frame["department"]):
        if code not in groups.setdefault(group, []):
            groups[group].append(code)
    by_department: dict[str, list[dict]] = {}   # the frame's rows in its order, read once (not once a department)
    for row in _records(frame):
        by_department.setdefault(row["department"], []).append(row)
    chapters, index = [], 0
    for dept in data.config.departments:
        acts = []
        for row in by_department.get(dept.code, []):
            index += 1
            others = [data.config.department(c) for c in groups.get(row["group"], []) if c != dept.code]
            names = [o for o in others if o is not None]
            joint = _both(lambda lang: i18n.text("joint", lang, departments="; ".join(o.name(lang) for o in names))) \
                if row.get("joint") and names else None
            acts.append(activity(row, index, joint))
        count = len(acts)
        chapters.append({
            "code": dept.code, "anchor": f"d-{dept.code.lower()}", "name": {"it": dept.it, "en": dept.en},
            "count": _ui("department_count_one") if count == 1 else _ui("department_count", count=count),
            "activities": acts})
    return chapters


def _records(frame) -> list[dict]:
    """The frame's rows as dicts of Python values, as `frame.to_dict("records")` gives them, at a fifth of its
    time (it converts cell by cell): each column converted at once."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[column].tolist() for column in columns))]


def _known_sum(value: float, missing: int, activities: int) -> dict[str, str]:
    """A sum of amounts: "n.d." when no activity gave one (unknown is not zero), else the sum, followed by how
    many activities gave none ("1.000 € (2 n.d.)")."""
    if missing and missing >= activities:
        return _ui("not_available")
    total = _both(i18n.money, value)
    if not missing:
        return total
    short = _ui("not_available_short")
    return {lang: f"{total[lang]} ({i18n.number(missing, lang)} {short[lang]})" for lang in i18n.LANGS}


def figures(frame, previous) -> list[dict]:
    """The year in figures, each with the previous year's value and the change when that year exists."""
    current = aggregate.key_figures(frame)
    before = None if previous is None else aggregate.key_figures(previous)
    rows = []
    for key, entry in aggregate.compare(current, before).items():
        is_money = key.endswith("_eur")
        fmt = i18n.money if is_money else i18n.number
        signed = i18n.signed_money if is_money else i18n.signed_number
        change = None
        if entry["change"] is not None:
            change = _both(signed, entry["change"])
            if entry.get("change_ratio") is not None:
                change = {lang: f"{change[lang]} ({i18n.percent(entry['change_ratio'], lang, signed=True)})"
                          for lang in i18n.LANGS}
        value = _both(fmt, entry["value"])
        if key == "budget_eur":
            value = _known_sum(entry["value"], aggregate.activities_without(frame), len(aggregate.unique(frame)))
        rows.append({"key": key, "label": _ui(f"fig_{key}"), "value": value,
                     "previous": None if entry["previous"] is None else _both(fmt, entry["previous"]),
                     "change": change})
    return rows


def sources(data: YearData) -> list[Source]:
    """Each input file with its size, SHA-256 (as read: never read again, so a file changed or gone since is
    shown as it was read; '' for a file not read, e.g. too large) and declared date."""
    return [Source(sub.name, sub.department, sub.size, sub.sha256, sub.declared)
            for sub in data.submissions]


def stable_moment(data: YearData) -> datetime:
    """The PDF's creation date, fixed by the inputs: the newest Info-sheet date, else 1 January of the next year."""
    declared = [s.declared for s in sources(data) if s.declared]
    day = max(declared) if declared else date(data.year + 1, 1, 1)
    return datetime(day.year, day.month, day.day, 12, 0, 0)


def _department_name(config, code: str) -> dict[str, str]:
    dept = config.department(code) if code else None
    return {"it": dept.it, "en": dept.en} if dept else _same(code or "—")


def annexes(data: YearData, frame) -> dict:
    """The annex tables: countries, partners, the ledger and the sources."""
    countries, area = [], None
    for row in aggregate.by_country(frame).itertuples():
        countries.append({"country": _both(lambda lang, c=row.country: country_name(c, lang)),
                          "area": _label("area", row.area) if row.area != area else None,
                          "activities": _both(i18n.number, int(row.activities)),
                          "budget": _known_sum(float(row.budget_eur), int(row.budget_missing),
                                               int(row.activities))})
        area = row.area
    partners = [{"partner": str(row.partner), "activities": _both(i18n.number, int(row.activities)),
                 "departments": _both(lambda lang, codes=row.departments: "; ".join(
                     short_department(_department_name(data.config, c)[lang], lang) for c in codes)),
                 "countries": _list(tuple(row.countries), country_name) or _same("")}
                for row in aggregate.partner_list(frame).itertuples()]
    order = {code: i for i, code in enumerate(data.config.codes)}
    lines = sorted(data.ledger.by_department().items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ledger = [_ledger_row(_department_name(data.config, code), line) for code, line in lines]
    total = _ledger_row(_ui("total"), data.ledger.total)
    files = [{"name": s.name, "department": _department_name(data.config, s.department),
              "size": _both(lambda lang, n=s.size: i18n.text("bytes", lang, size=i18n.number(n, lang))),
              "sha256": s.sha256, "date": _both(i18n.day, s.declared) if s.declared else _ui("not_given")}
             for s in sources(data)]
    return {"countries": countries, "partners": partners, "ledger": ledger, "ledger_total": total, "sources": files}


def _ledger_row(name: dict, line) -> dict:
    reasons = sorted(line.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"name": name, **{k: _both(i18n.number, getattr(line, k))
                             for k in ("read", "accepted", "rejected", "outside")},
            "reasons": _both(lambda lang: "; ".join(f"{short_label(code, lang)} ({i18n.number(n, lang)})"
                                                    for code, n in reasons))}


def chart_entries(charts, medium: str) -> list[dict]:
    """Charts for the templates: src (a file URI for the PDF, a data: URI for the web page), titles, alt."""
    out = []
    for chart in charts:
        path = Path(chart.path)
        if medium == PDF:
            src = path.resolve().as_uri()
        else:
            src = "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
        out.append({"name": chart.name, "src": src, "title": {"it": chart.title_it, "en": chart.title_en},
                    "alt": {"it": chart.alt_it, "en": chart.alt_en}, "lead": chart.lead,
                    "page_start": chart.page_start})
    return out


def _image(config, key: str, medium: str) -> str | None:
    path = config.path(config.raw.get("city", {}).get(key, ""))
    if path is None or not path.is_file():
        return None
    if medium == PDF:
        return path.resolve().as_uri()
    mime = "image/svg+xml" if path.suffix.lower() == ".svg" else f"image/{path.suffix.lower().lstrip('.')}"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def context(data: YearData, edition: str, charts, *, previous=None, medium: str = PDF,
            frame=None) -> dict:
    """Everything one edition's template needs. edition: both, it or en; previous: last year's frame or None."""
    if edition not in i18n.EDITIONS:
        raise ValueError(f"unknown edition {edition!r}: use one of {', '.join(i18n.EDITIONS)}")
    frame = data.frame() if frame is None else frame
    config = data.config
    chapters = departments(data, frame)
    ctx = _edition(data, edition, chapters, medium)
    langs = ctx["langs"]
    entries = chart_entries(charts, medium)
    page_of = {la: i18n.text("page_of", la, page="\x00", pages="\x01") for la in langs}
    footer = ' " · " '.join(
        " ".join(css_string(part) if part not in ("\x00", "\x01") else
                 ("counter(page)" if part == "\x00" else "counter(pages)")
                 for part in _split_marks(page_of[la])) for la in langs)
    return {
        **ctx, "edition_label": _ui(f"edition_{edition}"),
        "city": {"it": config.city_it, "en": config.city_en},
        "author": {"it": config.author_it, "en": config.author_en},
        "footer_css": footer,
        "header_city_css": css_string(" · ".join(config.city(la) for la in langs)),
        "logo": _image(config, "logo", medium), "cover_image": _image(config, "cover_image", medium),
        "foreword": {la: foreword_html(config, la) for la in i18n.LANGS},
        "previous_year": data.year - 1 if previous is not None else None,
        "figures": figures(frame, previous),
        "missing_amounts": aggregate.activities_without(frame) > 0,
        "figures_caption": _ui("figures_caption", year=data.year),
        "lead_charts": [c for c in entries if c["lead"]],
        "charts": [c for c in entries if not c["lead"]],
        "annex": annexes(data, frame),
        "ledger_note": _ui("annex_ledger_note", year=data.year),
        "css": inline_css() if medium == WEB else "",
    }


def _edition(data: YearData, edition: str, chapters: list[dict], medium: str) -> dict:
    """What every page of an edition needs, the report's and a chapter's alone: languages, medium, the
    catalogue's strings, the title, whether the edition is large, and the chapters."""
    large = sum(len(d["activities"]) for d in chapters) > LARGE_EDITION
    return {"edition": edition, "lang": "it" if edition == "both" else edition,
            "langs": list(i18n.LANGS) if edition == "both" else [edition], "medium": medium, "year": data.year,
            "large": large, "lean": large and medium == PDF,
            "s": {key: {"it": it, "en": en} for key, (it, en) in i18n.STRINGS.items()}, "title": _ui("title"),
            "departments": chapters, "department_none": _ui("department_none", year=data.year)}


def chapter_context(data: YearData, code: str) -> dict:
    """What one department's chapter alone needs (templates/chapter.html, the portal's preview): the bilingual
    edition's web page with that chapter, and nothing of the rest of the report (figures, charts, annexes).
    Its size decides `large` as it does in the report of that data."""
    ctx = _edition(data, "both", departments(data, data.frame()), WEB)
    ctx["departments"] = [d for d in ctx["departments"] if d["code"] == code.upper()]
    return ctx


def _split_marks(text: str) -> list[str]:
    """'pagina \x00 di \x01' -> ['pagina ', '\x00', ' di ', '\x01'] (empty parts dropped)."""
    parts, current = [], ""
    for ch in text:
        if ch in ("\x00", "\x01"):
            parts += [current, ch] if current else [ch]
            current = ""
        else:
            current += ch
    return parts + ([current] if current else [])


def inline_css() -> str:
    """The stylesheets for the self-contained web page, fonts as data: URIs, without what only paged media
    use (web_css)."""
    root = templates_dir()
    out = []
    for name in STYLESHEETS:
        css = (root / name).read_text(encoding="utf-8")
        if name == "fonts.css":
            for font in sorted((root / "fonts").glob("*.ttf")):
                uri = "data:font/ttf;base64," + base64.b64encode(font.read_bytes()).decode("ascii")
                css = css.replace(f'url("fonts/{font.name}")', f'url("{uri}")')
        out.append(web_css(css))
    return "\n".join(out)


# Properties of paged media (CSS GCPM) that WeasyPrint reads and a browser does not know: a web page without
# them is valid CSS.
PRINT_ONLY = re.compile(r"^(bookmark-.*|string-set)$")


def web_css(css: str) -> str:
    """A stylesheet for the web page: the same rules without `@media print` blocks, `@page` rules and the
    paged-media properties (PRINT_ONLY), so that the page's CSS validates and holds only what a browser uses."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out = []
    for rule in rules:
        if rule.type == "at-rule":
            if rule.lower_at_keyword == "page" or (
                    rule.lower_at_keyword == "media" and tinycss2.serialize(rule.prelude).strip().lower() == "print"):
                continue
            if rule.lower_at_keyword == "media" and rule.content is not None:
                inner = web_css(tinycss2.serialize(rule.content))
                out.append(f"@media {tinycss2.serialize(rule.prelude).strip()} {{\n{inner}\n}}")
                continue
            out.append(tinycss2.serialize([rule]))
        elif rule.type == "qualified-rule":
            declarations = [d for d in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                                       skip_comments=True)
                            if d.type == "declaration" and not PRINT_ONLY.match(d.lower_name)]
            if declarations:
                body = "; ".join(f"{d.name}: {tinycss2.serialize(d.value).strip()}"
                                 + (" !important" if d.important else "") for d in declarations)
                out.append(f"{tinycss2.serialize(rule.prelude).strip()} {{ {body}; }}")
    return "\n".join(out)


def render(ctx: dict) -> str:
    """The edition's HTML."""
    return environment().get_template(TEMPLATE).render(**ctx)
