"""Reading stored articles back as the ``Analysis`` objects they were stored from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select

from dyad.model import (
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpr,
    TimeValue,
)
from dyad.store import schema


def read_analyses(conn: Connection, article_ids: Iterable[str]) -> Iterator[Analysis]:
    """The analyses of these articles, in the order given, as ``dyad extract`` printed them.

    Actor ids are the store's (authors are ``AUTHOR:NAME``); each event is the one
    report this article made of it, with this article's direction, time and place.
    """
    ids = list(article_ids)
    by_article: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in ("mentions", "quotes", "times"):
        table = schema.metadata.tables[name]
        for row in conn.execute(select(table).where(table.c.article_id.in_(ids))):
            by_article[row.article_id][name].append(row)
    evidence, events = schema.evidence, schema.events
    for row in conn.execute(
        select(evidence, events.c.type, events.c.source_id.label("event_source"))
        .add_columns(events.c.target_id.label("event_target"))
        .join(events, events.c.id == evidence.c.event_id)
        .where(evidence.c.article_id.in_(ids))
    ):
        by_article[row.article_id]["events"].append(row)
    about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    links = schema.statement_events
    for row in conn.execute(select(links).where(links.c.article_id.in_(ids))):
        about[row.article_id][row.quote_id].append(row.local_event_id)
    articles = {
        row.id: row
        for row in conn.execute(select(schema.articles).where(schema.articles.c.id.in_(ids)))
    }
    analyses = {}
    for article_id, row in articles.items():
        parts = by_article[article_id]
        analyses[article_id] = Analysis(
            article=Article(
                text=row.text,
                id=row.external_id or row.id,
                published=row.published,
                title=row.title,
                url=row.url,
                source=row.source,
                author=row.author,
                language=row.language or "en",
            ),
            mentions=[_mention(r) for r in sorted(parts["mentions"], key=_by_start)],
            quotes=[_quote(r) for r in sorted(parts["quotes"], key=_quote_start)],
            times=[_time(r) for r in sorted(parts["times"], key=_by_start)],
            events=[_event(r) for r in sorted(parts["events"], key=_by_start)],
            dyad_version=row.dyad_version or "",
        )
    for article_id, analysis in analyses.items():
        order = {event.id: n for n, event in enumerate(analysis.events)}
        for quote in analysis.quotes:
            quote.about = sorted(about[article_id][quote.id], key=lambda i: order.get(i, 0))
    _attach_actors(conn, analyses.values())
    for article_id in ids:
        if article_id in analyses:
            yield analyses[article_id]


def _attach_actors(conn: Connection, analyses: Iterable[Analysis]) -> None:
    """Every analysis gets the actors it refers to, and those they belong to."""
    analyses = list(analyses)
    wanted = {id(a): _referenced(a) for a in analyses}
    known: dict[str, Actor] = {}
    missing = set().union(*wanted.values()) if wanted else set()
    asked: set[str] = set()
    while missing:
        asked |= missing
        for row in conn.execute(select(schema.actors).where(schema.actors.c.id.in_(missing))):
            known[row.id] = actor_from_row(row)
        missing = {a.affiliation for a in known.values() if a.affiliation} - asked
    for analysis in analyses:
        ids, queue = set(), list(wanted[id(analysis)])
        while queue:
            actor = known.get(queue.pop())
            if actor and actor.id not in ids:
                ids.add(actor.id)
                if actor.affiliation:
                    queue.append(actor.affiliation)
        analysis.actors = [known[i] for i in sorted(ids)]


def _referenced(analysis: Analysis) -> set[str]:
    ids: set[str | None] = {m.actor for m in analysis.mentions}
    ids |= {q.speaker.actor for q in analysis.quotes}
    for event in analysis.events:
        ids |= {event.source, event.target, event.reported_by, *event.others}
    return {i for i in ids if i}


def _by_start(row) -> tuple:
    return (row.start, getattr(row, "end", 0))


def _quote_start(row) -> tuple:
    first = min((span[0] for span in row.spans), default=0)
    return (first, row.quote_id)


def actor_from_row(row) -> Actor:
    """A row of the ``actors`` table as the dataclass the stages use."""
    return Actor(
        id=row.id,
        name=row.name,
        kind=row.kind,
        country=row.country,
        sector=row.sector,
        role=row.role,
        affiliation=row.affiliation,
        kb_id=row.kb_id,
    )


def _mention(row) -> Mention:
    return Mention(text=row.text, start=row.start, end=row.end, actor=row.actor_id)


def _quote(row) -> Quote:
    return Quote(
        id=row.quote_id,
        kind=row.kind,
        text=row.text,
        spans=[tuple(span) for span in row.spans],
        speaker=Speaker(
            actor=row.speaker_id,
            text=row.speaker_text,
            start=row.speaker_start,
            end=row.speaker_end,
        ),
        cue=Span(row.cue_text, row.cue_start, row.cue_end) if row.cue_text is not None else None,
    )


def _time(row) -> TimeExpr:
    return TimeExpr(
        text=row.text, start=row.start, end=row.end, type=row.type, value=row.value, mod=row.mod
    )


def _event(row) -> Event:
    has_time = any(v is not None for v in (row.time_text, row.time_value, row.time_mod))
    return Event(
        id=row.local_id,
        type=row.type,
        status=row.status,
        source=row.source_id if row.source_id is not None else row.event_source,
        target=row.target_id if row.target_id is not None else row.event_target,
        evidence=Span(row.text, row.start, row.end),
        mode=row.mode,
        context=row.context,
        others=list(row.others or []),
        time=TimeValue(row.time_text, row.time_value, row.time_mod) if has_time else None,
        time_role=row.time_role,
        location=(Location(row.location_name, row.location_country) if row.location_name else None),
        reported_by=row.reported_by,
        quote=row.quote_id,
        sentence=(
            Span(row.sentence_text, row.sentence_start, row.sentence_end)
            if row.sentence_text is not None
            else None
        ),
        source_words=_words(row.side_words, "source"),
        target_words=_words(row.side_words, "target"),
    )


def _words(side_words: dict | None, side: str) -> Span | None:
    found = (side_words or {}).get(side)
    return Span(**found) if found else None
