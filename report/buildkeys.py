"""What each group of outputs is made from, as digests: the build cache's keys (report.outfolder keeps a group
whose key is unchanged). A key covers everything its outputs depend on: the input files' bytes, the
configuration and the files it names, the package's code, templates, fonts and assets, the options, the
Python and library versions and the system's packages (WeasyPrint lays out with the system's Pango)."""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

from report import filenames
from report.assets import PACKAGE_DIR, templates_dir
from report.config import Config

SYSTEM_PACKAGES = Path("/var/lib/dpkg/status")  # Debian's list of installed packages and their versions
# The system libraries the outputs depend on (WeasyPrint's layout and fonts, images): their versions are in the key.
SYSTEM_LIBRARIES = re.compile(r"(libpango|libharfbuzz|libfontconfig|libfreetype|libfribidi|libcairo|libgdk-pixbuf"
                              r"|libjpeg|libpng|libwebp|libtiff|zlib1g|libexpat|fonts-)")

# The groups of outputs, what each command makes, and the patterns of their files in the outputs folder
# (also how the files of a folder built before the manifest existed are recognised as ours).
GROUPS = {"validation": (filenames.validation("*"),),
          "feedback": (f"{filenames.FEEDBACK_DIR}/*", ".feedback-keys.json"),
          "data": (filenames.activities("*"), filenames.council("*"), filenames.DATAPACKAGE),
          "editions": (f"{filenames.CHARTS_DIR}/*", filenames.edition("both", "*"),  # report_*.pdf: every edition
                       filenames.web_page("*"))}
MADE_BY = {"validate": ("validation", "feedback"), "build": ("validation", "feedback", "data", "editions")}


def digest(*parts: bytes | str) -> str:
    total = hashlib.sha256()
    for part in parts:
        total.update(hashlib.sha256(part.encode() if isinstance(part, str) else part).digest())
    return total.hexdigest()


def tree(folder: Path) -> str:
    """Every entry under `folder`: its relative name and its bytes (a link: its target; unreadable: why)."""
    folder = Path(folder)
    parts: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            try:
                if path.is_symlink():
                    parts.append(f"{relative} -> {os.readlink(path)}")
                parts.append(f"{relative} {file_digest(path)}")
            except OSError as exc:
                parts.append(f"{relative} ! {exc.errno}")
    return digest(*parts)


def file_digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@lru_cache(maxsize=1)
def code() -> str:
    """The package (code, assets, reference data) and the templates, fonts and stylesheets."""
    skip = {"__pycache__"}
    parts = []
    for folder in dict.fromkeys((PACKAGE_DIR, templates_dir())):
        parts.append(tree_skipping(folder, skip))
    return digest(*parts)


def tree_skipping(folder: Path, skip: set[str]) -> str:
    parts = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        for name in sorted(files):
            if not name.endswith(".pyc"):
                path = Path(root) / name
                parts.append(f"{path.relative_to(folder).as_posix()} {file_digest(path)}")
    return digest(*parts)


@lru_cache(maxsize=1)
def libraries() -> str:
    """Python's version, every installed distribution with its version (the names of the .dist-info folders on
    the path) and the system's packages."""
    names = [sys.version]
    for entry in sys.path:
        try:
            names += sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return digest(*names, *system_libraries())


def system_libraries() -> list[str]:
    """'package version' of the system libraries WeasyPrint and the images use (Debian's package list; none
    elsewhere). Other packages installed or removed do not change the key."""
    try:
        text = SYSTEM_PACKAGES.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for stanza in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in stanza.splitlines() if ": " in line and not line[0].isspace())
        if SYSTEM_LIBRARIES.match(fields.get("Package", "")) and fields.get("Status", "").endswith(" installed"):
            found.append(f"{fields['Package']}:{fields.get('Architecture', '')} {fields.get('Version', '')}")
    return sorted(found)


def configuration(config: Config) -> str:
    """The configuration's values and the bytes of every file it names (logos, texts), relative to it."""
    parts = [json.dumps(config.raw, sort_keys=True, default=str)]

    def files(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from files(item)
        elif isinstance(value, list):
            for item in value:
                yield from files(item)
        elif isinstance(value, str) and value and len(value) < 1024:
            path = config.path(value)
            try:
                if path is not None and path.is_file():
                    yield f"{value} {file_digest(path)}"
            except (OSError, ValueError):
                return

    parts += sorted(files(config.raw))
    return digest(*parts)


def earlier_inputs(inputs: Path, year: int) -> str:
    """The folders of the earlier years beside `inputs` (the report's previous year and history)."""
    root = Path(inputs).parent
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit() and int(p.name) < year
                         and p.resolve() != Path(inputs).resolve())
    except OSError:
        return ""
    return digest(*(f"{p.name} {tree(p)}" for p in folders))


def keys(command: str, year: int, inputs: Path, config: Config, lang: str = "both") -> dict[str, tuple[str, str]]:
    """{group: (environment, inputs)} for the groups `command` makes; the environment digest covers all but the
    input files (a group whose environment is unchanged may reuse its own finer keys, like the feedback's)."""
    environment = digest(code(), libraries(), configuration(config), str(year))
    year_inputs = tree(inputs)
    out = {}
    for group in MADE_BY[command]:
        if group == "editions":
            out[group] = (digest(environment, lang), digest(year_inputs, earlier_inputs(inputs, year)))
        else:
            out[group] = (environment, year_inputs)
    return out
