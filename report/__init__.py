"""Build the bilingual annual report of a city's international activities from department workbooks."""

__version__ = "0.1.0"
