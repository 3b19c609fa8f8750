"""Reading and checking a year's workbooks: files, values, validation, the ledger, the year loaded."""
