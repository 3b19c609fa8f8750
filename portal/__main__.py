"""`python -m portal CMD`: Django's manage.py (e.g. `python -m portal check --deploy`)."""
import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
execute_from_command_line(["manage.py", *sys.argv[1:]])
