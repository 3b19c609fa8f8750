"""The exit codes of the command line, and the error that means bad usage (exit 2)."""
from report.errors import UsageError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

__all__ = ["EXIT_OK", "EXIT_ERRORS", "EXIT_USAGE", "EXIT_INTERNAL", "UsageError"]
