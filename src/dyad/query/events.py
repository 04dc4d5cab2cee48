"""Merged events with their reports: one event, an actor's latest, the rows every list shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Connection, Row, func, select

from dyad.plover import quad_class
from dyad.query.actors import ActorRef, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

# Up to this many actors (one and those acting for it) are read one by one, each
# through its own index range; more go into one query.
MAX_ACTORS_APART = 20
# A first line longer than this is a paragraph, not a headline.
HEADLINE_CHARS = 160


def headline(text: str | None) -> str | None:
    """The text's first line when it reads as a headline: short, on a line of its own,
    not ending as a sentence does."""
    if not text:
        return None
    first, newline, _rest = text.strip().partition("\n")
    first = first.strip()
    if newline and 0 < len(first) <= HEADLINE_CHARS and not first.endswith((".", ":", ",")):
        return first
    return None


@dataclass
class EvidenceItem:
    """One sentence of one article reporting an event."""

    article_id: str
    local_id: str
    title: str | None
    headline: str | None  # the title, or the text's first line where it reads as one
    url: str | None
    source: str | None
    published: date | None
    status: str
    text: str
    start: int
    end: int
    sentence: str | None
    sentence_start: int | None
    reported_by: ActorRef | None
    quote_id: str | None
    time_text: str | None

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the evidence, so the evidence can be marked."""
        if self.sentence is None or self.sentence_start is None:
            return "", self.text, ""
        start = self.start - self.sentence_start
        end = self.end - self.sentence_start
        if not (0 <= start <= end <= len(self.sentence)):
            return "", self.sentence, ""
        return self.sentence[:start], self.sentence[start:end], self.sentence[end:]


@dataclass
class EventItem:
    """A merged event: what happened, between whom, when, and every report of it."""

    id: int
    type: str
    quad: str | None
    mode: str | None
    status: str
    source: ActorRef | None
    target: ActorRef | None
    time_value: str | None
    time_mod: str | None
    # "reported" when the date is the report's, the event's own time being unknown.
    time_role: str | None
    sort_date: str | None
    location: str | None
    reports: int = 0
    evidence: list[EvidenceItem] = field(default_factory=list)
    # The words its first report used for a side that names no actor ("protesters").
    source_words: str | None = None
    target_words: str | None = None


def dated_first(events=schema.events) -> tuple[ColumnElement, ...]:
    """Timeline order: dated events by date, undated ones last, ties by id."""
    return (events.c.sort_date.is_(None), events.c.sort_date, events.c.id)


def event_items(conn: Connection, rows, reports: int | None) -> list[EventItem]:
    """Event rows as items with actor names, report counts and the first ``reports``
    reports of each (all of them with None)."""
    refs = actor_refs(conn, {r.source_id for r in rows} | {r.target_id for r in rows})
    items = {
        row.id: EventItem(
            id=row.id,
            type=row.type,
            quad=quad_class(row.type),
            mode=row.mode,
            status=row.status,
            source=refs.get(row.source_id),
            target=refs.get(row.target_id),
            time_value=row.time_value,
            time_mod=row.time_mod,
            time_role=row.time_role,
            sort_date=row.sort_date,
            location=row.location_name,
        )
        for row in rows
    }
    if not items:
        return []
    _side_words(conn, [item for item in items.values() if not (item.source and item.target)])
    table = schema.evidence
    in_items = table.c.event_id.in_(list(items))
    if reports is not None:
        counts = conn.execute(
            select(table.c.event_id, func.count()).where(in_items).group_by(table.c.event_id)
        )
        for event_id, count in counts:
            items[event_id].reports = count
    if reports != 0:
        for event_id, report in evidence_items(conn, in_items, per_event=reports):
            items[event_id].evidence.append(report)
        if reports is None:
            for item in items.values():
                item.reports = len(item.evidence)
    return list(items.values())


def _side_words(conn: Connection, unnamed: list[EventItem]) -> None:
    """Give events with a side that names no actor the words their earliest report with
    such words used for it."""
    if not unnamed:
        return
    evidence, articles = schema.evidence, schema.articles
    by_id = {item.id: item for item in unnamed}
    rows = conn.execute(
        select(evidence.c.event_id, evidence.c.side_words)
        .join(articles, articles.c.id == evidence.c.article_id)
        .where(evidence.c.event_id.in_(list(by_id)), evidence.c.side_words.is_not(None))
        .order_by(articles.c.published, evidence.c.article_id, evidence.c.start)
    )
    for event_id, words in rows:
        item = by_id[event_id]
        if item.source is None and item.source_words is None and "source" in words:
            item.source_words = words["source"]["text"]
        if item.target is None and item.target_words is None and "target" in words:
            item.target_words = words["target"]["text"]


EVIDENCE_COLUMNS = (
    "event_id",
    "article_id",
    "local_id",
    "status",
    "text",
    "start",
    "end",
    "sentence_text",
    "sentence_start",
    "reported_by",
    "quote_id",
    "time_text",
)


def evidence_items(
    conn: Connection, where: ColumnElement[bool], per_event: int | None = None
) -> list[tuple[int, EvidenceItem]]:
    """(event id, evidence) pairs, oldest report first; at most ``per_event`` per event."""
    evidence, articles = schema.evidence, schema.articles
    # Only what an EvidenceItem shows: the JSON columns (others, context) cost a
    # decode per row and a busy timeline page has hundreds of rows.
    shown = [evidence.c[name] for name in EVIDENCE_COLUMNS]
    query = (
        select(
            *shown,
            articles.c.title,
            func.substr(articles.c.text, 1, HEADLINE_CHARS + 2).label("opening"),
            articles.c.url,
            articles.c.source.label("article_source"),
            articles.c.published,
        )
        .join(articles, articles.c.id == evidence.c.article_id)
        .where(where)
    )
    oldest_first = (articles.c.published, evidence.c.article_id, evidence.c.start)
    if per_event is None:
        found = conn.execute(query.order_by(*oldest_first)).all()
    else:
        rank = func.row_number().over(partition_by=evidence.c.event_id, order_by=oldest_first)
        ranked = query.add_columns(rank.label("report_rank")).subquery()
        found = conn.execute(
            select(ranked)
            .where(ranked.c.report_rank <= per_event)
            .order_by(ranked.c.published, ranked.c.article_id, ranked.c.start)
        ).all()
    reporters = actor_refs(conn, {row.reported_by for row in found})
    return [
        (
            row.event_id,
            EvidenceItem(
                article_id=row.article_id,
                local_id=row.local_id,
                title=row.title,
                headline=row.title or headline(row.opening),
                url=row.url,
                source=row.article_source,
                published=row.published,
                status=row.status,
                text=row.text,
                start=row.start,
                end=row.end,
                sentence=row.sentence_text,
                sentence_start=row.sentence_start,
                reported_by=reporters.get(row.reported_by),
                quote_id=row.quote_id,
                time_text=row.time_text,
            ),
        )
        for row in found
    ]


def event(db: Database, event_id: int) -> EventItem | None:
    """One merged event with every sentence and article that reports it."""
    with connect(db) as conn:
        rows = conn.execute(select(schema.events).where(schema.events.c.id == event_id)).all()
        found = event_items(conn, rows, reports=None)
    return found[0] if found else None


def actor_events(
    db: Database,
    actor: str,
    *,
    filters: Filters = NO_FILTERS,
    limit: int = 20,
    offset: int = 0,
) -> list[EventItem]:
    """The actor's (and its affiliates') most recent events, newest first, undated last."""
    events = schema.events
    wanted = limit + offset
    with connect(db) as conn:
        ids = sorted(resolve_actor(conn, actor))
        # Per actor and side, the (actor, date) index read backwards gives the newest at
        # once; a query over all of them together would sort every event they have.
        groups = [[i] for i in ids] if len(ids) <= MAX_ACTORS_APART else [ids]
        rows: dict[int, Row] = {}
        for dated in (True, False):
            for column in (events.c.source_id, events.c.target_id):
                for group in groups:
                    query = filters.events(select(events).where(column.in_(group)))
                    if dated:
                        query = query.where(events.c.sort_date.is_not(None)).order_by(
                            events.c.sort_date.desc(), events.c.id.desc()
                        )
                    else:
                        query = query.where(events.c.sort_date.is_(None)).order_by(
                            events.c.id.desc()
                        )
                    rows.update((row.id, row) for row in conn.execute(query.limit(wanted)))
            if len(rows) >= wanted:
                break
        newest = sorted(
            rows.values(),
            key=lambda r: (r.sort_date is not None, r.sort_date or "", r.id),
            reverse=True,
        )
        return event_items(conn, newest[offset:wanted], reports=0)
