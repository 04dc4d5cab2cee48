"""Each side's telling of an event: the statements that speak about it, by side.

A statement's side is read from its speaker (and whom the speaker acts for)
against the merged event's source and target, with the rule the extractor uses
(``dyad.framing.sides``): the source's side, the target's, third parties, or the
article's author. Merged events keep the statements of every article that
reported them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, func, select

from dyad.framing.contrast import Contrast, contrast
from dyad.framing.sides import (
    AUTHOR,
    MAX_AFFILIATION_DEPTH,
    SIDES,
    SOURCE,
    TARGET,
    THIRD,
    ActorLookup,
    side_of,
)
from dyad.model import Actor
from dyad.query.actors import ActorRef, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.counts import involving
from dyad.query.events import EventItem, dated_first, event_items
from dyad.query.filters import NO_FILTERS, Filters
from dyad.query.timeline import _side
from dyad.store import schema
from dyad.store.read import actor_from_row

SIDE_TITLES = {SOURCE: "Source", TARGET: "Target", THIRD: "Third parties", AUTHOR: "The reporter"}


@dataclass
class StatementItem:
    """One statement about an event, with where to find its words."""

    article_id: str
    quote_id: str
    kind: str
    text: str
    spans: list[tuple[int, int]]
    speaker: ActorRef | None
    speaker_text: str | None
    side: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None


@dataclass
class SideTelling:
    """The statements of one side: ``source`` or ``target`` (``actor`` is the one it
    stands for), ``third`` parties, or the ``author`` of the article."""

    side: str
    title: str
    actor: ActorRef | None = None
    statements: list[StatementItem] = field(default_factory=list)


@dataclass
class EventFraming:
    """One event and how each side told it: the four sides in order (source, target,
    third parties, the reporter); ``only_one_side``: one participant spoke, the other
    not; ``contrast``: where the two participants' words differ, if that helps."""

    event: EventItem
    sides: list[SideTelling]
    only_one_side: bool = False
    contrast: Contrast | None = None

    def telling(self, side: str) -> SideTelling:
        return next(s for s in self.sides if s.side == side)


@dataclass
class FramingPage:
    """One page of a dyad's events that someone spoke about, oldest first."""

    first: list[ActorRef]
    second: list[ActorRef]
    total: int
    offset: int
    events: list[EventFraming]


def event_framing(db: Database, event_id: int) -> EventFraming | None:
    """Every statement about one merged event, grouped by side."""
    with connect(db) as conn:
        rows = conn.execute(select(schema.events).where(schema.events.c.id == event_id)).all()
        items = event_items(conn, rows, reports=None)
        return _framings(conn, items)[0] if items else None


def dyad_framing(
    db: Database,
    first: str,
    second: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    limit: int | None = 20,
    offset: int = 0,
) -> FramingPage:
    """The events between two actors that statements speak about, oldest first, each
    with every side's statements; ``limit`` and ``offset`` page the events."""
    events, links = schema.events, schema.statement_events
    with connect(db) as conn:
        side_a = resolve_actor(conn, first, include_affiliates)
        side_b = resolve_actor(conn, second, include_affiliates)
        spoken_of = select(links.c.event_id)
        where = involving(side_a, side_b) & events.c.id.in_(spoken_of)
        total = conn.execute(
            filters.events(select(func.count()).select_from(events).where(where))
        ).scalar_one()
        rows = conn.execute(
            filters.events(select(events).where(where))
            .order_by(*dated_first(events))
            .limit(limit)
            .offset(offset or None)
        ).all()
        return FramingPage(
            first=_side(conn, first, side_a),
            second=_side(conn, second, side_b),
            total=total,
            offset=offset,
            events=_framings(conn, event_items(conn, rows, reports=None)),
        )


def _framings(conn: Connection, items: list[EventItem]) -> list[EventFraming]:
    links, quotes, articles = schema.statement_events, schema.quotes, schema.articles
    found = conn.execute(
        select(
            links.c.event_id,
            quotes,
            articles.c.title,
            articles.c.url,
            articles.c.source.label("article_source"),
            articles.c.published,
        )
        .join(
            quotes,
            (quotes.c.article_id == links.c.article_id) & (quotes.c.quote_id == links.c.quote_id),
        )
        .join(articles, articles.c.id == links.c.article_id)
        .where(links.c.event_id.in_([item.id for item in items]))
    ).all()
    lookup = _actor_lookup(
        conn,
        {row.speaker_id for row in found}
        | {ref.id for item in items for ref in (item.source, item.target) if ref},
    )
    speakers = actor_refs(conn, {row.speaker_id for row in found})
    by_event: dict[int, list] = defaultdict(list)
    for row in found:
        by_event[row.event_id].append(row)
    framings = []
    for item in items:
        source = item.source.id if item.source else None
        target = item.target.id if item.target else None
        participants = {SOURCE: item.source, TARGET: item.target}
        sides = {}
        for side in SIDES:
            actor = participants.get(side)
            sides[side] = SideTelling(side, actor.name if actor else SIDE_TITLES[side], actor)
        seen = set()
        oldest_first = sorted(
            by_event[item.id],
            key=lambda r: (r.published or date.min, r.article_id, r.spans[0][0]),
        )
        for row in oldest_first:
            if (row.article_id, row.quote_id) in seen:
                continue  # one statement may be linked to two reports of one event
            seen.add((row.article_id, row.quote_id))
            side = side_of(row.speaker_id, source, target, lookup)
            sides[side].statements.append(
                StatementItem(
                    article_id=row.article_id,
                    quote_id=row.quote_id,
                    kind=row.kind,
                    text=row.text,
                    spans=[tuple(span) for span in row.spans],
                    speaker=speakers.get(row.speaker_id),
                    speaker_text=row.speaker_text,
                    side=side,
                    title=row.title,
                    url=row.url,
                    source=row.article_source,
                    published=row.published,
                )
            )
        for telling in sides.values():
            telling.statements = _outermost(telling.statements)
        source_told = [s.text for s in sides[SOURCE].statements]
        target_told = [s.text for s in sides[TARGET].statements]
        names = [ref.name for ref in (item.source, item.target) if ref]
        framings.append(
            EventFraming(
                event=item,
                sides=list(sides.values()),
                only_one_side=bool(source_told) != bool(target_told),
                contrast=contrast(source_told, target_told, names=names),
            )
        )
    return framings


def _outermost(statements: list[StatementItem]) -> list[StatementItem]:
    """Leave out a partial quote shown already inside the reported speech around it."""

    def inside(inner: StatementItem, outer: StatementItem) -> bool:
        return (
            inner is not outer
            and inner.article_id == outer.article_id
            and all(any(s <= a and b <= e for s, e in outer.spans) for a, b in inner.spans)
        )

    return [s for s in statements if not any(inside(s, other) for other in statements)]


def _actor_lookup(conn: Connection, ids: set[str | None]) -> ActorLookup:
    """Actors by id, with everyone they act for, for ``dyad.framing.sides``."""
    actors: dict[str, Actor] = {}
    asked: set[str] = set()
    wanted = {i for i in ids if i}
    for _ in range(MAX_AFFILIATION_DEPTH + 1):
        wanted -= asked
        if not wanted:
            break
        asked |= wanted
        for row in conn.execute(select(schema.actors).where(schema.actors.c.id.in_(wanted))):
            actors[row.id] = actor_from_row(row)
        wanted = {a.affiliation for a in actors.values() if a.affiliation}
        wanted |= {a.country for a in actors.values() if a.country}
    return actors.get
