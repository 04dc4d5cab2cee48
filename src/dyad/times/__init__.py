"""The times stage: spaCy component `dyad_times` and the time governing a word."""

from dyad.times.component import TimeTagger
from dyad.times.governing import time_for

__all__ = ["TimeTagger", "time_for"]
