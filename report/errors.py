"""The error a caller's request raises when it cannot be carried out as given (a folder missing, a place that
cannot be written): one bilingual line, which the CLI prints with exit 2 and the portal shows."""


class UsageError(Exception):
    """Bad usage: one bilingual line (Italian / English) saying what is wrong and where."""
