"""The query stage: dyad's one read API.

Every query takes a ``Store`` or an open SQLAlchemy ``Connection`` first, what
to keep as ``filters=Filters(...)``, and pages its answer with ``limit`` and
``offset`` where it is a list. The CLI, the web app and the exports all read
through here.
"""

from dyad.query.actors import ActorRef, UnknownActor, find_actors, resolve_actor
from dyad.query.articles import Annotation, ArticleView, article
from dyad.query.connect import Database
from dyad.query.counts import event_counts, summary
from dyad.query.events import EventItem, EvidenceItem, actor_events, event
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.network import network
from dyad.query.overview import ActorOverview, actor_overview
from dyad.query.profile import ActorProfile, actor_profile
from dyad.query.quotes import QuoteHit, QuoteItem, quotes_by
from dyad.query.search import SearchHit, search
from dyad.query.timeline import BadCursor, TimelinePage, timeline

__all__ = [
    "NO_FILTERS",
    "ActorOverview",
    "ActorProfile",
    "ActorRef",
    "Annotation",
    "ArticleView",
    "Database",
    "EventItem",
    "EvidenceItem",
    "Filters",
    "QuoteHit",
    "QuoteItem",
    "SearchHit",
    "TimelinePage",
    "BadCursor",
    "UnknownActor",
    "actor_events",
    "actor_overview",
    "actor_profile",
    "article",
    "event",
    "event_counts",
    "find_actors",
    "network",
    "quotes_by",
    "resolve_actor",
    "search",
    "summary",
    "timeline",
]
