"""The events stage (spaCy component `dyad_events`)."""

from dyad.events.component import EventExtractor

__all__ = ["EventExtractor"]
