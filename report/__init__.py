"""Build the bilingual annual report of a city's international activities from department workbooks."""

__version__ = "0.1.0"

# The library API (report.api), loaded on first use so that `import report` (and `--help`) stays light.
API = ("Settings", "Outcome", "validate_year", "build_year", "check_file")


def __getattr__(name: str):
    if name in API:
        from report import api

        return getattr(api, name)
    raise AttributeError(f"module 'report' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API])
