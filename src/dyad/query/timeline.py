"""Dyad timelines and summaries: the events between two actors, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select

from dyad.plover import quad_class
from dyad.query.actors import resolve_actor
from dyad.query.filters import Filters
from dyad.store import Store, schema


@dataclass
class Evidence:
    article_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    text: str
    start: int
    end: int
    sentence: str | None
    status: str
    reported_by: str | None
    quote_id: str | None


@dataclass
class TimelineEntry:
    event_id: int
    type: str
    mode: str | None
    status: str
    source: str | None
    target: str | None
    time_value: str | None
    time_mod: str | None
    time_role: str | None
    sort_date: str | None
    location: str | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def quad(self) -> str | None:
        return quad_class(self.type)


def timeline(
    store: Store,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    since: str | None = None,
    until: str | None = None,
    statuses: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    limit: int | None = None,
    offset: int = 0,
) -> list[TimelineEntry]:
    """Merged events between two actors, oldest first, each with all its evidence.

    ``sources`` keeps events reported by at least one of those news sources.
    ``limit`` and ``offset`` page the events (a busy dyad has thousands); only the
    page's events have their evidence read.
    """
    filters = Filters(since, until, tuple(sources), tuple(statuses))
    events, evidence, articles = schema.events, schema.evidence, schema.articles
    with store.engine.connect() as conn:
        side_a = resolve_actor(conn, first, include_affiliates)
        side_b = resolve_actor(conn, second, include_affiliates)
        pair = or_(
            and_(events.c.source_id.in_(side_a), events.c.target_id.in_(side_b)),
            and_(events.c.source_id.in_(side_b), events.c.target_id.in_(side_a)),
        )
        page = (
            filters.events(select(events).where(pair))
            .order_by(events.c.sort_date.is_(None), events.c.sort_date, events.c.id)
            .limit(limit)
            .offset(offset or None)
        )
        rows = conn.execute(page).all()
        entries = {
            row.id: TimelineEntry(
                event_id=row.id,
                type=row.type,
                mode=row.mode,
                status=row.status,
                source=row.source_id,
                target=row.target_id,
                time_value=row.time_value,
                time_mod=row.time_mod,
                time_role=row.time_role,
                sort_date=row.sort_date,
                location=row.location_name,
            )
            for row in rows
        }
        if not entries:
            return []
        # The same selection again, joined to its evidence: no list of ids to send.
        # A page is chosen by its own query, so other events' evidence is not read.
        chosen = (
            events.c.id.in_(page.with_only_columns(events.c.id).scalar_subquery())
            if limit is not None or offset
            else pair
        )
        found = conn.execute(
            filters.events(
                select(
                    evidence.c.event_id,
                    evidence.c.article_id,
                    evidence.c.text,
                    evidence.c.start,
                    evidence.c.end,
                    evidence.c.sentence_text,
                    evidence.c.status,
                    evidence.c.reported_by,
                    evidence.c.quote_id,
                    articles.c.title,
                    articles.c.url,
                    articles.c.source,
                    articles.c.published,
                )
                .join(events, events.c.id == evidence.c.event_id)
                .join(articles, articles.c.id == evidence.c.article_id)
                .where(chosen)
            ).order_by(articles.c.published, evidence.c.article_id, evidence.c.start)
        )
        for row in found:
            entry = entries.get(row.event_id)
            if entry is None:  # an event stored by a writer between the two reads
                continue
            entry.evidence.append(
                Evidence(
                    article_id=row.article_id,
                    title=row.title,
                    url=row.url,
                    source=row.source,
                    published=row.published,
                    text=row.text,
                    start=row.start,
                    end=row.end,
                    sentence=row.sentence_text,
                    status=row.status,
                    reported_by=row.reported_by,
                    quote_id=row.quote_id,
                )
            )
    return list(entries.values())
