"""The times stage: spaCy component `dyad_times` and the time governing a word."""

from dyad.clause_time import time_for
from dyad.times.component import TimeTagger

__all__ = ["TimeTagger", "time_for"]
