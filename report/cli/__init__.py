"""The command line: arguments (parser), the commands (commands), what they print (console)."""
from report.cli.parser import main

__all__ = ["main"]
