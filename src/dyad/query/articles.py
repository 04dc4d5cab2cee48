"""One article with everything dyad found in it, as annotations over its text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from dyad.query.actors import ActorRef, actor_path, actor_refs
from dyad.query.connect import Database, connect
from dyad.query.events import EventItem, dated_first, event_items, evidence_items, headline
from dyad.query.quotes import QuoteItem, quote_items, quote_select
from dyad.store import schema


@dataclass
class Annotation:
    """A stretch of article text and what dyad found there."""

    kind: str  # mention | quote | speaker | time | evidence
    start: int
    end: int
    label: str
    ref: str | None = None  # actor id, quote id, event id or time value
    # A link shown right after the span: the event it is evidence of, a quote's speaker.
    link: str | None = None
    link_text: str | None = None


@dataclass
class ArticleView:
    id: str
    title: str | None
    headline: str | None  # the title, or the text's first line where it reads as one
    url: str | None
    source: str | None
    author: str | None
    published: date | None
    text: str
    actors: list[ActorRef]
    quotes: list[QuoteItem]
    events: list[EventItem]
    annotations: list[Annotation]


def article(db: Database, article_id: str) -> ArticleView | None:
    """The article's text with its actors, quotes, times and events as spans over it."""
    articles, mentions, times = schema.articles, schema.mentions, schema.times
    evidence, events = schema.evidence, schema.events
    with connect(db) as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        mention_rows = conn.execute(
            select(mentions).where(mentions.c.article_id == article_id).order_by(mentions.c.start)
        ).all()
        quote_rows = conn.execute(
            quote_select().where(schema.quotes.c.article_id == article_id)
        ).all()
        time_rows = conn.execute(
            select(times).where(times.c.article_id == article_id).order_by(times.c.start)
        ).all()
        reports = evidence_items(conn, evidence.c.article_id == article_id)
        event_rows = conn.execute(
            select(events)
            .where(events.c.id.in_(sorted({event_id for event_id, _item in reports})))
            .order_by(*dated_first(events))
        ).all()
        found_events = event_items(conn, event_rows, reports=0)
        refs = actor_refs(conn, {m.actor_id for m in mention_rows})
        quotes = quote_items(conn, quote_rows)
    by_event = {item.id: item for item in found_events}
    for event_id, item in reports:
        by_event[event_id].evidence.append(item)
    annotations = [
        Annotation("mention", m.start, m.end, refs[m.actor_id].name, m.actor_id)
        for m in mention_rows
        if m.actor_id in refs
    ]
    annotations += [
        Annotation("time", t.start, t.end, t.value or t.type, t.value) for t in time_rows
    ]
    for quote_row, quote in zip(quote_rows, quotes, strict=True):
        speaker = quote.speaker.name if quote.speaker else quote.speaker_text or "unknown"
        # The speaker is linked on the quote's last piece, after the words they said.
        last = max(((s, e) for s, e in quote_row.spans), key=lambda span: span[1], default=None)
        for start, end in quote_row.spans:
            annotation = Annotation(
                "quote", start, end, f"{quote.kind} quote: {speaker}", quote.quote_id
            )
            if quote.speaker and (start, end) == last:
                annotation.link = actor_path(quote.speaker.id)
                annotation.link_text = f"— {quote.speaker.name}"
            annotations.append(annotation)
        if quote_row.speaker_start is not None and quote_row.speaker_end is not None:
            annotations.append(
                Annotation(
                    "speaker",
                    quote_row.speaker_start,
                    quote_row.speaker_end,
                    f"speaker of {quote.quote_id}",
                    quote.quote_id,
                )
            )
    for event_id, report in reports:
        label = by_event[event_id].type
        annotations.append(
            Annotation(
                "evidence",
                report.start,
                report.end,
                label,
                report.local_id,
                link=f"/events/{event_id}",
                link_text=label,
            )
        )
    actor_ids = {m.actor_id for m in mention_rows}
    first_start = {r.quote_id: min((s for s, _e in r.spans), default=0) for r in quote_rows}
    quotes.sort(key=lambda q: first_start[q.quote_id])
    return ArticleView(
        id=row.id,
        title=row.title,
        headline=row.title or headline(row.text),
        url=row.url,
        source=row.source,
        author=row.author,
        published=row.published,
        text=row.text,
        actors=sorted((refs[a] for a in actor_ids if a in refs), key=lambda r: (r.name, r.id)),
        quotes=quotes,
        events=found_events,
        annotations=annotations,
    )
