"""The Frictionless Data Package descriptor `datapackage.json` that explains activities_Y.csv, from report.schema.

Every field has its Table Schema type, a title and a description in Italian and in English (`title_it`,
`title_en`, `description_it`, `description_en`; `title` and `description` hold both), vocabulary fields an
`enum` constraint of their codes and `categories` with each code's labels. The licence and the source come
from the configuration's `[open_data]` table, with the defaults below.
"""
from __future__ import annotations

import json
from pathlib import Path

from report import filenames
from report.config import Config
from report.docs import output_form
from report.files import atomic_path
from report.schema import (ACTIVITY_OUTPUT_COLUMNS, ALWAYS_FILLED, COLUMN_BY_KEY, EXTRA_OUTPUT_FIELDS, VOCABULARIES,
                           output_kind)
from report.texts import pair

DESCRIPTOR = filenames.DATAPACKAGE
PATTERNS = {"activity_id": "act-[0-9a-f]{16}"}  # patterns of the added columns (a kind may have its own)
DEFAULTS = {  # the [open_data] table of the configuration may change any of them
    "licence_name": "CC-BY-4.0",
    "licence_title": pair("datapackage.licence").both(),
    "licence_path": "https://creativecommons.org/licenses/by/4.0/",
    "source_path": "",
}


def _both(it: str, en: str) -> str:
    return it if it == en else f"{it} / {en}"


def field(key: str) -> dict:
    """The Table Schema field of an output column of activities_Y.csv."""
    column = COLUMN_BY_KEY.get(key)
    if column is not None:
        title_it, title_en = column.header_it, column.header_en
        about_it, about_en = column.help_it, column.help_en
    else:
        title_it, title_en, about_it, about_en = EXTRA_OUTPUT_FIELDS[key]
    kind = output_kind(key)
    form_it, form_en = output_form(key)
    description_it = f"{about_it.rstrip('.')}. Forma: {form_it}."
    description_en = f"{about_en.rstrip('.')}. Form: {form_en}."
    out = {"name": key, "type": kind.table_type, "title": _both(title_it, title_en),
           "description": f"{description_it}\n\n{description_en}",
           "title_it": title_it, "title_en": title_en, "description_it": description_it,
           "description_en": description_en}
    if kind.table_type == "date":
        out["format"] = "default"  # ISO 8601, YYYY-MM-DD
    if kind.table_type == "boolean":
        out |= {"trueValues": ["true"], "falseValues": ["false"]}
    constraints: dict = {}
    if key in ALWAYS_FILLED:
        constraints["required"] = True
    if kind.minimum is not None:
        constraints["minimum"] = kind.minimum
    pattern = PATTERNS.get(key) or kind.table_pattern
    if pattern:
        constraints["pattern"] = pattern
    if column is not None and column.vocabulary:
        vocabulary = VOCABULARIES[column.vocabulary]
        constraints["enum"] = list(vocabulary.codes)
        out["categories"] = [{"value": t.code, "label": _both(t.it, t.en), "label_it": t.it, "label_en": t.en}
                             for t in vocabulary.terms]
    if constraints:
        out["constraints"] = constraints
    return out


def descriptor(config: Config, year: int, csv_name: str) -> dict:
    """The package: one tabular resource, activities_Y.csv, with its schema, licence and source."""
    settings = {**DEFAULTS, **config.raw.get("open_data", {})}
    city = {"it": config.city_it, "en": config.city_en}
    title_it, title_en = (pair("product.year_city")[i].format(year=year, city=city[lang]) for i, lang in enumerate(("it", "en")))
    about_it, about_en = (text.format(year=year) for text in pair("datapackage.description"))
    source_it, source_en = (text.format(author=author or config.city(lang)) for text, author, lang in
                            zip(pair("datapackage.source"), (config.author_it, config.author_en), ("it", "en")))
    licence = {"name": settings["licence_name"], "path": settings["licence_path"], "title": settings["licence_title"]}
    source = {"title": _both(source_it, source_en)} | ({"path": settings["source_path"]}
                                                      if settings["source_path"] else {})
    fields = [field(key) for key in ACTIVITY_OUTPUT_COLUMNS]
    return {
        "profile": "tabular-data-package",
        "name": f"international-activities-{year}",
        "title": _both(title_it, title_en),
        "description": f"{about_it}\n\n{about_en}",
        "title_it": title_it, "title_en": title_en, "description_it": about_it, "description_en": about_en,
        "licenses": [licence],
        "sources": [source],
        "contributors": [{"title": _both(config.author_it or config.city_it, config.author_en or config.city_en),
                          "role": "author"}],
        "keywords": [*pair("datapackage.keyword"), str(year)],
        "resources": [{
            "name": f"activities-{year}",
            "path": csv_name,
            "profile": "tabular-data-resource",
            "title": _both(title_it, title_en),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "licenses": [licence],
            "sources": [source],
            "schema": {"fields": fields, "missingValues": [""]},
        }],
    }


def write_datapackage(config: Config, year: int, folder: Path, csv_name: str) -> Path:
    """Write `datapackage.json` beside the activities CSV, atomically; same inputs, same bytes."""
    path = Path(folder) / DESCRIPTOR
    text = json.dumps(descriptor(config, year, csv_name), ensure_ascii=False, indent=2) + "\n"
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
