#!/usr/bin/env python3
"""Entry point: `python generate.py validate|build|template --year Y` (see README)."""
import sys

from report.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
