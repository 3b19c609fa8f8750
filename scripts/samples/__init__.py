"""Sample content for the department submissions, one module per two or three departments."""
from samples import rel_int

DEPARTMENTS = [*rel_int.DEPARTMENTS]
