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
from dyad.query.framing import (
    EventFraming,
    FramingPage,
    SideTelling,
    StatementItem,
    dyad_framing,
    event_framing,
)
from dyad.query.network import network
from dyad.query.overview import ActorOverview, actor_overview
from dyad.query.places import events_by_country
from dyad.query.profile import ActorProfile, actor_profile
from dyad.query.quotes import QuoteHit, QuoteItem, quotes_by
from dyad.query.search import COUNT_LIMIT, SearchHit, count_matches, search
from dyad.query.store_summary import (
    ActorCount,
    Busiest,
    DyadCount,
    StoreSummary,
    actors_with_counts,
    busiest,
    latest_events,
    news_sources,
    store_summary,
)
from dyad.query.timeline import BadCursor, TimelinePage, timeline

__all__ = [
    "COUNT_LIMIT",
    "NO_FILTERS",
    "ActorCount",
    "ActorOverview",
    "ActorProfile",
    "ActorRef",
    "Annotation",
    "ArticleView",
    "Database",
    "DyadCount",
    "EventFraming",
    "EventItem",
    "EvidenceItem",
    "Filters",
    "FramingPage",
    "QuoteHit",
    "QuoteItem",
    "SearchHit",
    "SideTelling",
    "StatementItem",
    "StoreSummary",
    "TimelinePage",
    "BadCursor",
    "Busiest",
    "UnknownActor",
    "actor_events",
    "actor_overview",
    "actor_profile",
    "actors_with_counts",
    "busiest",
    "article",
    "count_matches",
    "dyad_framing",
    "event",
    "event_counts",
    "event_framing",
    "events_by_country",
    "find_actors",
    "latest_events",
    "network",
    "news_sources",
    "quotes_by",
    "resolve_actor",
    "search",
    "store_summary",
    "summary",
    "timeline",
]
