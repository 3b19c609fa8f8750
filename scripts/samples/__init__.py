"""Sample content for the department submissions, one module per two or three departments."""
from samples import (ambiente_comunicazione, coop_pace, cultura_educativi, gioventu_sistemi, lavoro_pari,
                     polizia_edilizia, rel_int, sociali_sport, tempi_urban)

DEPARTMENTS = [*rel_int.DEPARTMENTS, *coop_pace.DEPARTMENTS, *ambiente_comunicazione.DEPARTMENTS,
               *cultura_educativi.DEPARTMENTS, *gioventu_sistemi.DEPARTMENTS, *lavoro_pari.DEPARTMENTS,
               *polizia_edilizia.DEPARTMENTS, *sociali_sport.DEPARTMENTS, *tempi_urban.DEPARTMENTS]
