"""An .xlsx package edited in place: OOXML basics, sheets, styles, the package."""
