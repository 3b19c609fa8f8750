"""The spreadsheets the tool writes: department templates, feedback workbooks, the council workbook."""
