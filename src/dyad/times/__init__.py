"""The times stage (spaCy component `dyad_times`)."""

from dyad.times.component import TimeTagger

__all__ = ["TimeTagger"]
