"""Dyad timelines and summaries: the events between two actors, with their evidence."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, or_, select

from dyad.plover import quad_class
from dyad.store import Store, schema
from dyad.store.store import normalize_alias


class UnknownActor(LookupError):
    pass


@dataclass
class Evidence:
    article_id: str
    title: str | None
    url: str | None
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
    sort_date: str | None
    location: str | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def quad(self) -> str | None:
        return quad_class(self.type)


def resolve_actor(conn: Connection, name: str, include_affiliates: bool = True) -> set[str]:
    """Actor ids a user's name for an actor stands for: id, name or any alias seen.

    With ``include_affiliates``, people and bodies that act for the actor
    (a government's ministers, a group's spokesmen) count as the actor.
    """
    actors, aliases = schema.actors, schema.actor_aliases
    ids = set(
        conn.execute(select(actors.c.id).where(actors.c.id == name.strip().upper())).scalars()
    )
    if not ids:
        alias = normalize_alias(name)
        by_alias = conn.execute(
            select(aliases.c.actor_id, aliases.c.count).where(aliases.c.alias == alias)
        ).all()
        if by_alias:
            # An alias seen for several actors ("Putin" for the man and the state) means
            # the one it most often named.
            ids = {max(by_alias, key=lambda row: row.count).actor_id}
    if not ids:
        raise UnknownActor(f"no actor in the store is called {name!r}")
    if include_affiliates:
        ids |= set(
            conn.execute(select(actors.c.id).where(actors.c.affiliation.in_(list(ids)))).scalars()
        )
    return ids


def actor_names(conn: Connection, ids: set[str | None]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    rows = conn.execute(
        select(schema.actors.c.id, schema.actors.c.name).where(schema.actors.c.id.in_(wanted))
    )
    return {row.id: row.name for row in rows}


def timeline(
    store: Store,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    since: str | None = None,
    until: str | None = None,
    statuses: tuple[str, ...] = (),
) -> list[TimelineEntry]:
    """Merged events between two actors, oldest first, each with all its evidence."""
    events, evidence, articles = schema.events, schema.evidence, schema.articles
    with store.engine.connect() as conn:
        side_a = resolve_actor(conn, first, include_affiliates)
        side_b = resolve_actor(conn, second, include_affiliates)
        pair = or_(
            and_(events.c.source_id.in_(side_a), events.c.target_id.in_(side_b)),
            and_(events.c.source_id.in_(side_b), events.c.target_id.in_(side_a)),
        )
        query = select(events).where(pair)
        if since:
            query = query.where(events.c.sort_date >= since)
        if until:
            query = query.where(events.c.sort_date <= until)
        if statuses:
            query = query.where(events.c.status.in_(statuses))
        rows = conn.execute(
            query.order_by(events.c.sort_date.is_(None), events.c.sort_date, events.c.id)
        ).all()
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
                sort_date=row.sort_date,
                location=row.location_name,
            )
            for row in rows
        }
        if not entries:
            return []
        found = conn.execute(
            select(evidence, articles.c.title, articles.c.url, articles.c.published)
            .join(articles, articles.c.id == evidence.c.article_id)
            .where(evidence.c.event_id.in_(list(entries)))
            .order_by(articles.c.published, evidence.c.article_id, evidence.c.start)
        )
        for row in found:
            entries[row.event_id].evidence.append(
                Evidence(
                    article_id=row.article_id,
                    title=row.title,
                    url=row.url,
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


def summary(store: Store, first: str, second: str, **filters) -> dict[str, Counter]:
    """Event counts between two actors by month and PLOVER quad class."""
    by_month: dict[str, Counter] = {}
    for entry in timeline(store, first, second, **filters):
        month = entry.sort_date[:7] if entry.sort_date else "undated"
        by_month.setdefault(month, Counter())[entry.quad or entry.type] += 1
    return by_month
