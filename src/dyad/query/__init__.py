"""The query stage: timelines, summaries and lookups over the store."""

from dyad.query.timeline import TimelineEntry, UnknownActor, summary, timeline

__all__ = ["TimelineEntry", "UnknownActor", "summary", "timeline"]
