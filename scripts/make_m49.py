"""Generate report/data/m49.csv: the UN M49 region of every ISO 3166-1 country, plus Kosovo (XK).

Source: the territory containment table of the Unicode CLDR (common/supplemental/supplementalData.xml),
which follows the UN Statistics Division's M49 standard (https://unstats.un.org/unsd/methodology/m49/).
CLDR data is © Unicode, Inc., distributed under the Unicode License (Unicode-DFS-2016), which allows
copying and redistribution with the notice kept; see report/data/M49_SOURCE.md.
Get the file offline with `apt-get download unicode-cldr-core` (Debian; unpack with `dpkg-deb -x`) or from
https://unicode.org/Public/cldr/<version>/core.zip, then run:

    python scripts/make_m49.py [path/to/supplementalData.xml] [-o report/data/m49.csv]

Country codes and ISO numeric codes come from pycountry; region names are the UN's English names.
"""
from __future__ import annotations

import argparse
import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pycountry

DEFAULT_XML = "/usr/share/unicode/cldr/common/supplemental/supplementalData.xml"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "report" / "data" / "m49.csv"
COLUMNS = ["alpha2", "alpha3", "numeric", "region_code", "region_name", "subregion_code",
           "subregion_name", "intermediate_code", "intermediate_name"]

# The UN's English names of the M49 regions (https://unstats.un.org/unsd/methodology/m49/).
UN_NAMES = {
    "002": "Africa", "015": "Northern Africa", "202": "Sub-Saharan Africa", "011": "Western Africa",
    "014": "Eastern Africa", "017": "Middle Africa", "018": "Southern Africa",
    "019": "Americas", "419": "Latin America and the Caribbean", "005": "South America",
    "013": "Central America", "029": "Caribbean", "021": "Northern America",
    "142": "Asia", "143": "Central Asia", "030": "Eastern Asia", "034": "Southern Asia",
    "035": "South-eastern Asia", "145": "Western Asia",
    "150": "Europe", "151": "Eastern Europe", "154": "Northern Europe", "155": "Western Europe",
    "039": "Southern Europe", "830": "Channel Islands",
    "009": "Oceania", "053": "Australia and New Zealand", "054": "Melanesia", "057": "Micronesia",
    "061": "Polynesia",
}
# M49 intermediate regions that CLDR does not model: Guernsey and Jersey are in Channel Islands (830).
EXTRA_INTERMEDIATE = {"GG": "830", "JE": "830"}
# Kosovo is not in ISO 3166-1; XK/XKX are the user-assigned codes in common use, 412 the numeric code
# used by several data sets (e.g. country_converter). It is not an official ISO code.
KOSOVO = ("XK", "XKX", "412")


def containment(xml_path: str) -> tuple[dict[str, str], dict[str, str]]:
    """CLDR's tree as (child -> parent) for the main hierarchy and (intermediate -> subregion) for 202/419."""
    parent: dict[str, str] = {}
    grouping: dict[str, str] = {}
    root = ET.parse(xml_path).getroot()
    for group in root.iter("group"):
        kind, contains = group.get("type"), group.get("contains", "").split()
        if group.get("status") in ("deprecated", "grouping"):
            continue
        if group.get("grouping") == "true":
            if kind in ("202", "419"):  # M49 subregions that group intermediate regions
                grouping.update({child: kind for child in contains})
            continue
        parent.update({child: kind for child in contains})
    return parent, grouping


def row(alpha2: str, alpha3: str, numeric: str, parent: dict[str, str], grouping: dict[str, str]) -> dict:
    """One CSV row: walk up from the country to the region just below World (001)."""
    chain = []
    code = parent.get(alpha2)
    while code and code != "001":
        chain.append(code)
        code = parent.get(code)
    chain = [c for c in chain if c in UN_NAMES]  # drops CLDR-only groups such as Outlying Oceania (QO)
    if not chain:
        raise SystemExit(f"{alpha2}: no M49 region in the CLDR table")
    region = chain[-1]
    below = chain[0] if len(chain) > 1 else ""
    intermediate = ""
    if below in grouping:  # e.g. Western Africa (011) inside Sub-Saharan Africa (202)
        intermediate, subregion = below, grouping[below]
    else:
        subregion = below
    intermediate = EXTRA_INTERMEDIATE.get(alpha2, intermediate)
    return {"alpha2": alpha2, "alpha3": alpha3, "numeric": numeric,
            "region_code": region, "region_name": UN_NAMES[region],
            "subregion_code": subregion, "subregion_name": UN_NAMES.get(subregion, ""),
            "intermediate_code": intermediate, "intermediate_name": UN_NAMES.get(intermediate, "")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xml", nargs="?", default=DEFAULT_XML, help="CLDR supplementalData.xml")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    parent, grouping = containment(args.xml)
    countries = [(c.alpha_2, c.alpha_3, c.numeric) for c in pycountry.countries] + [KOSOVO]
    rows = [row(*country, parent, grouping) for country in sorted(countries)]
    with open(args.output, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
