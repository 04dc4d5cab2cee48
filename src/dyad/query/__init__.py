"""The query stage: timelines, profiles, quotes, search, counts and the actor network."""

from dyad.query.actors import UnknownActor, resolve_actor
from dyad.query.counts import event_counts, summary
from dyad.query.filters import Filters
from dyad.query.network import network
from dyad.query.profile import ActorProfile, actor_profile
from dyad.query.quotes import QuoteHit, quotes_by
from dyad.query.search import SearchHit, search
from dyad.query.timeline import TimelineEntry, timeline

__all__ = [
    "ActorProfile",
    "Filters",
    "QuoteHit",
    "SearchHit",
    "TimelineEntry",
    "UnknownActor",
    "actor_profile",
    "event_counts",
    "network",
    "quotes_by",
    "resolve_actor",
    "search",
    "summary",
    "timeline",
]
