"""Read-only queries behind the web pages and the REST API.

SQLAlchemy Core over the tables of ``dyad.store.schema``; every function takes an
open connection. They page and aggregate in the database, so a page stays fast on
a store of millions of events. Where ``dyad.query`` offers the same answer, these
are the candidates to fold into it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, case, func, select, tuple_, union_all

from dyad.plover import event_types, quad_class
from dyad.query import Filters, resolve_actor
from dyad.query.counts import involving
from dyad.store import schema
from dyad.store.store import normalize_alias

# Up to this many actors (one and those acting for it) are read one by one, each
# through its own index range; more go into one query.
MAX_ACTORS_APART = 20
# Reports shown with each event of a timeline; the event's own page lists them all.
TIMELINE_REPORTS = 5
# A speaker with up to this many quotes has them sorted; past it, articles are read
# newest first, ARTICLE_BATCH at a time, until enough of its quotes turn up.
SORT_QUOTES_UP_TO = 2000
ARTICLE_BATCH = 500


@dataclass
class ActorRef:
    id: str
    name: str
    kind: str
    country: str | None = None


@dataclass
class EvidenceItem:
    """One sentence of one article reporting an event."""

    article_id: str
    local_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
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
    sort_date: str | None
    location: str | None
    reports: int = 0
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass
class TimelinePage:
    first: list[ActorRef]
    second: list[ActorRef]
    total: int
    offset: int
    events: list[EventItem]


@dataclass
class QuoteItem:
    article_id: str
    quote_id: str
    kind: str
    text: str
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    title: str | None
    published: str | None


@dataclass
class NetworkEdge:
    source: str
    target: str
    weight: int
    quads: dict[str, int]


@dataclass
class Network:
    since: str | None
    until: str | None
    quad: str | None
    nodes: list[ActorRef]
    edges: list[NetworkEdge]
    truncated: bool


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
    url: str | None
    source: str | None
    author: str | None
    published: str | None
    text: str
    actors: list[ActorRef]
    quotes: list[QuoteItem]
    events: list[EventItem]
    annotations: list[Annotation]


def actor_url(actor_id: str) -> str:
    return "/actors/" + url_quote(actor_id, safe="")


def actor_refs(conn: Connection, ids: set[str | None]) -> dict[str, ActorRef]:
    wanted = sorted(i for i in ids if i)
    if not wanted:
        return {}
    table = schema.actors
    rows = conn.execute(
        select(table.c.id, table.c.name, table.c.kind, table.c.country).where(
            table.c.id.in_(wanted)
        )
    )
    return {row.id: ActorRef(row.id, row.name, row.kind, row.country) for row in rows}


def _dated_first(events):
    """Timeline order: dated events by date, undated ones last, ties by id."""
    return (events.c.sort_date.is_(None), events.c.sort_date, events.c.id)


def _events(conn: Connection, rows, evidence: int | None) -> list[EventItem]:
    """Event rows as items with actor names, report counts and the first ``evidence``
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
            sort_date=row.sort_date,
            location=row.location_name,
        )
        for row in rows
    }
    if not items:
        return []
    table = schema.evidence
    in_items = table.c.event_id.in_(list(items))
    if evidence is not None:
        counts = conn.execute(
            select(table.c.event_id, func.count()).where(in_items).group_by(table.c.event_id)
        )
        for event_id, count in counts:
            items[event_id].reports = count
    if evidence != 0:
        for event_id, item in _evidence_items(conn, in_items, per_event=evidence):
            items[event_id].evidence.append(item)
        if evidence is None:
            for item in items.values():
                item.reports = len(item.evidence)
    return list(items.values())


def _evidence_items(conn: Connection, where, per_event: int | None = None):
    """(event id, evidence) pairs, oldest report first; at most ``per_event`` per event."""
    evidence, articles = schema.evidence, schema.articles
    query = (
        select(
            evidence,
            articles.c.title,
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


def dyad_timeline(
    conn: Connection,
    first: str,
    second: str,
    filters: Filters,
    *,
    limit: int = 100,
    offset: int = 0,
) -> TimelinePage:
    """One page of the events between two actors (and those acting for them), oldest first.

    ``dyad.query.timeline`` returns a whole timeline; a page of one keeps a dyad
    with thousands of events as fast as a small one.
    """
    side_a, side_b = resolve_actor(conn, first), resolve_actor(conn, second)
    events = schema.events
    where = involving(side_a, side_b)
    total = conn.execute(
        filters.events(select(func.count()).select_from(events).where(where))
    ).scalar_one()
    rows = conn.execute(
        filters.events(select(events).where(where))
        .order_by(*_dated_first(events))
        .limit(limit)
        .offset(offset)
    ).all()
    return TimelinePage(
        first=_side(conn, first, side_a),
        second=_side(conn, second, side_b),
        total=total,
        offset=offset,
        events=_events(conn, rows, evidence=TIMELINE_REPORTS),
    )


def _side(conn: Connection, name: str, ids: set[str]) -> list[ActorRef]:
    """The actors one side of a dyad stands for: the named actor first, then its affiliates."""
    named = resolve_actor(conn, name, include_affiliates=False)
    refs = actor_refs(conn, ids)
    found = [refs[i] for i in ids if i in refs]
    return sorted(found, key=lambda ref: (ref.id not in named, ref.name))


def actor_events(
    conn: Connection, actor: str, filters: Filters, limit: int = 20
) -> list[EventItem]:
    """The actor's (and its affiliates') most recent events, newest first, undated last."""
    ids = sorted(resolve_actor(conn, actor))
    events = schema.events
    # Per actor and side, the (actor, date) index read backwards gives the newest at once;
    # a query over all of them together would sort every event they have.
    groups = [[i] for i in ids] if len(ids) <= MAX_ACTORS_APART else [ids]
    rows = {}
    for dated in (True, False):
        for column in (events.c.source_id, events.c.target_id):
            for group in groups:
                query = filters.events(select(events).where(column.in_(group)))
                if dated:
                    query = query.where(events.c.sort_date.is_not(None)).order_by(
                        events.c.sort_date.desc(), events.c.id.desc()
                    )
                else:
                    query = query.where(events.c.sort_date.is_(None)).order_by(events.c.id.desc())
                rows.update((row.id, row) for row in conn.execute(query.limit(limit)))
        if len(rows) >= limit:
            break
    newest = sorted(
        rows.values(),
        key=lambda r: (r.sort_date is not None, r.sort_date or "", r.id),
        reverse=True,
    )
    return _events(conn, newest[:limit], evidence=0)


@dataclass
class Counterpart:
    actor: ActorRef
    events: int
    quads: dict[str, int]


@dataclass
class ActorOverview:
    """What the actor page shows: who the actor is, whom it deals with, what it did and said."""

    actor: ActorRef
    sector: str | None
    role: str | None
    affiliation: ActorRef | None
    affiliates: list[ActorRef]
    aliases: list[str]
    events: int
    quotes: int
    counterparts: list[Counterpart]
    types_by_month: dict[str, dict[str, int]]
    recent_events: list[EventItem]
    recent_quotes: list[QuoteItem]


def actor_overview(
    conn: Connection, actor: str, filters: Filters, *, top: int = 15, limit: int = 10
) -> ActorOverview:
    """An actor's page, read so that an actor in a quarter of a million events stays fast.

    ``dyad.query.actor_profile`` answers the same for the API and the CLI; this one
    reads each side of the actor's events through the index that covers it and
    counts quad classes for the top counterparts only.
    """
    actors, aliases = schema.actors, schema.actor_aliases
    own = resolve_actor(conn, actor, include_affiliates=False)
    ids = resolve_actor(conn, actor)
    row = conn.execute(select(actors).where(actors.c.id.in_(sorted(own)))).first()
    refs = actor_refs(conn, ids | {row.affiliation})
    months = _months_by_type(conn, ids, filters)
    alias_rows = conn.execute(
        select(aliases.c.alias)
        .where(aliases.c.actor_id == row.id)
        .order_by(aliases.c.count.desc(), aliases.c.alias)
        .limit(12)
    ).scalars()
    quote_count, quotes = _recent_quotes(conn, ids, filters, limit)
    return ActorOverview(
        actor=refs[row.id],
        sector=row.sector,
        role=row.role,
        affiliation=refs.get(row.affiliation),
        affiliates=sorted((refs[i] for i in ids - own if i in refs), key=lambda r: r.name),
        aliases=list(alias_rows),
        events=sum(sum(types.values()) for types in months.values()),
        quotes=quote_count,
        counterparts=_counterparts(conn, ids, filters, top),
        types_by_month=months,
        recent_events=actor_events(conn, row.id, filters, limit),
        recent_quotes=quotes,
    )


def _months_by_type(conn: Connection, ids: set[str], filters: Filters) -> dict[str, dict[str, int]]:
    """Event counts per month and type, each side through its (actor, date, type) index."""
    events = schema.events
    month = func.substr(events.c.sort_date, 1, 7)
    counts: dict[str, Counter] = defaultdict(Counter)
    both = events.c.source_id.in_(ids) & events.c.target_id.in_(ids)
    # Events with the actor on both sides are in both counts: taken out once.
    for where, sign in (
        (events.c.source_id.in_(ids), 1),
        (events.c.target_id.in_(ids), 1),
        (both, -1),
    ):
        rows = conn.execute(
            filters.events(select(month, events.c.type, func.count()).where(where)).group_by(
                month, events.c.type
            )
        )
        for when, event_type, count in rows:
            counts[when or "undated"][event_type] += sign * count
    ordered = sorted(counts, key=lambda m: (m == "undated", m))
    return {m: {t: n for t, n in counts[m].items() if n} for m in ordered if +counts[m]}


def _counterparts(conn: Connection, ids: set[str], filters: Filters, top: int) -> list[Counterpart]:
    """The actors with most events with these, counted first, split by quad class after."""
    events = schema.events
    sides = ((events.c.source_id, events.c.target_id), (events.c.target_id, events.c.source_id))
    totals: Counter = Counter()
    for mine, theirs in sides:
        rows = conn.execute(
            filters.events(
                select(theirs, func.count()).where(
                    mine.in_(ids), theirs.is_not(None), theirs.not_in(ids)
                )
            ).group_by(theirs)
        )
        totals.update(dict(rows.all()))
    best = [other for other, _n in totals.most_common(top)]
    quads: dict[str, Counter] = defaultdict(Counter)
    for mine, theirs in sides:
        rows = conn.execute(
            filters.events(
                select(theirs, events.c.type, func.count()).where(mine.in_(ids), theirs.in_(best))
            ).group_by(theirs, events.c.type)
        )
        for other, event_type, count in rows:
            quads[other][quad_class(event_type) or "other"] += count
    refs = actor_refs(conn, set(best))
    return [Counterpart(refs[o], totals[o], dict(quads[o])) for o in best if o in refs]


def _recent_quotes(
    conn: Connection, ids: set[str], filters: Filters, limit: int
) -> tuple[int, list[QuoteItem]]:
    """How many quotes the actors have, and their newest ones.

    A speaker with few quotes has them sorted by date; one quoted in thousands of
    articles is found by reading articles newest first until enough turn up.
    """
    quotes, articles = schema.quotes, schema.articles
    by_speaker = quotes.c.speaker_id.in_(ids)
    if filters.since or filters.until or filters.sources:
        count_query = filters.articles(
            select(func.count())
            .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
            .where(by_speaker)
        )
    else:
        count_query = select(func.count()).select_from(quotes).where(by_speaker)
    count = conn.execute(count_query).scalar_one()
    if count <= SORT_QUOTES_UP_TO:
        rows = conn.execute(
            filters.articles(_quote_select().where(by_speaker))
            .order_by(articles.c.published.desc(), articles.c.id, quotes.c.quote_id)
            .limit(limit)
        ).all()
        return count, _quote_items(conn, rows)
    rows = []
    article_ids = conn.execute(
        # Ordered by date alone, the date index is read backwards and nothing is sorted.
        filters.articles(select(articles.c.id))
        .order_by(articles.c.published.desc())
        .execution_options(stream_results=True)
    )
    for batch in article_ids.scalars().partitions(ARTICLE_BATCH):
        # By article (the primary key), not by speaker: that index would list all its quotes.
        found = conn.execute(_quote_select().where(quotes.c.article_id.in_(batch)))
        order = {article_id: i for i, article_id in enumerate(batch)}
        mine = [row for row in found if row.speaker_id in ids]
        rows += sorted(mine, key=lambda r: (order[r.article_id], r.quote_id))
        if len(rows) >= limit:
            break
    article_ids.close()
    return count, _quote_items(conn, rows[:limit])


def _quote_items(conn: Connection, rows) -> list[QuoteItem]:
    refs = actor_refs(conn, {row.speaker_id for row in rows})
    return [
        QuoteItem(
            article_id=row.article_id,
            quote_id=row.quote_id,
            kind=row.kind,
            text=row.text,
            speaker=refs.get(row.speaker_id),
            speaker_text=row.speaker_text,
            cue=row.cue_text,
            title=row.title,
            published=row.published,
        )
        for row in rows
    ]


def _quote_select():
    quotes, articles = schema.quotes, schema.articles
    return select(quotes, articles.c.title, articles.c.published).join(
        articles, articles.c.id == quotes.c.article_id
    )


def network(
    conn: Connection,
    filters: Filters,
    *,
    quad: str | None = None,
    actor: str | None = None,
    limit: int = 150,
) -> Network:
    """The actor network of a time window: one edge per pair, weighted by event count.

    Only the ``limit`` heaviest edges are kept, so the graph stays readable. The
    database ranks the pairs and counts the quad classes of the kept ones only:
    a big window has hundreds of thousands of light edges that never reach
    Python (``dyad.query.network`` builds the whole graph, for export).
    """
    events = schema.events
    source, target = events.c.source_id, events.c.target_id
    first = case((source < target, source), else_=target).label("first")
    second = case((source < target, target), else_=source).label("second")
    weight = func.count().label("weight")
    kept = [source.is_not(None), target.is_not(None), source != target]
    if quad:
        kept.append(events.c.type.in_([t for t in event_types() if quad_class(t) == quad]))
    if actor:
        kept.append(involving(resolve_actor(conn, actor)))
    ranked = conn.execute(
        filters.events(select(first, second, weight).where(*kept))
        .group_by(first, second)
        .order_by(weight.desc(), first, second)
        .limit(limit + 1)
    ).all()
    truncated = len(ranked) > limit
    pairs = [(row.first, row.second) for row in ranked[:limit]]
    quads: dict[tuple[str, str], Counter] = defaultdict(Counter)
    if pairs:
        both_ways = pairs + [(b, a) for a, b in pairs]
        rows = conn.execute(
            filters.events(
                select(source, target, events.c.type, func.count()).where(
                    *kept, tuple_(source, target).in_(both_ways)
                )
            ).group_by(source, target, events.c.type)
        )
        kept_pairs = set(pairs)
        for one, other, event_type, count in rows:
            # The pair as the database ordered it (its collation need not be Python's).
            pair = (one, other) if (one, other) in kept_pairs else (other, one)
            quads[pair][quad_class(event_type) or "other"] += count
    refs = actor_refs(conn, {actor for pair in pairs for actor in pair})
    edges = [
        NetworkEdge(a, b, sum(quads[(a, b)].values()), dict(quads[(a, b)]))
        for a, b in pairs
        if a in refs and b in refs
    ]
    used = {actor for edge in edges for actor in (edge.source, edge.target)}
    return Network(
        since=filters.since,
        until=filters.until,
        quad=quad,
        nodes=sorted((refs[a] for a in used), key=lambda r: r.id),
        edges=edges,
        truncated=truncated,
    )


def event_detail(conn: Connection, event_id: int) -> EventItem | None:
    rows = conn.execute(select(schema.events).where(schema.events.c.id == event_id)).all()
    found = _events(conn, rows, evidence=None)
    return found[0] if found else None


def article_view(conn: Connection, article_id: str) -> ArticleView | None:
    """An article with everything dyad found in it, as annotations over its text."""
    articles, mentions, times = schema.articles, schema.mentions, schema.times
    evidence, events = schema.evidence, schema.events
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    mention_rows = conn.execute(
        select(mentions).where(mentions.c.article_id == article_id).order_by(mentions.c.start)
    ).all()
    quote_rows = conn.execute(_quote_select().where(schema.quotes.c.article_id == article_id)).all()
    time_rows = conn.execute(
        select(times).where(times.c.article_id == article_id).order_by(times.c.start)
    ).all()
    reports = _evidence_items(conn, evidence.c.article_id == article_id)
    event_rows = conn.execute(
        select(events)
        .where(events.c.id.in_(sorted({event_id for event_id, _item in reports})))
        .order_by(*_dated_first(events))
    ).all()
    event_items = _events(conn, event_rows, evidence=0)
    by_event = {item.id: item for item in event_items}
    for event_id, item in reports:
        by_event[event_id].evidence.append(item)
    refs = actor_refs(conn, {m.actor_id for m in mention_rows})
    quotes = _quote_items(conn, quote_rows)
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
        last = max(quote_row.spans, key=lambda span: span[1], default=None)
        for start, end in quote_row.spans:
            annotation = Annotation(
                "quote", start, end, f"{quote.kind} quote: {speaker}", quote.quote_id
            )
            if quote.speaker and (start, end) == tuple(last):
                annotation.link = actor_url(quote.speaker.id)
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
        url=row.url,
        source=row.source,
        author=row.author,
        published=row.published,
        text=row.text,
        actors=sorted((refs[a] for a in actor_ids if a in refs), key=lambda r: r.name),
        quotes=quotes,
        events=event_items,
        annotations=annotations,
    )


def search_actors(conn: Connection, text: str, limit: int = 20) -> list[ActorRef]:
    """Actors whose id is the text, one of whose aliases starts with it, or whose name has it."""
    actors, aliases = schema.actors, schema.actor_aliases
    text = " ".join(text.split())
    if not text:
        return []
    alias = normalize_alias(text)
    # A range on the alias key is a prefix search the primary-key index serves.
    by_alias = select(aliases.c.actor_id.label("id")).where(
        aliases.c.alias >= alias, aliases.c.alias < alias + "\uffff"
    )
    by_name = select(actors.c.id).where(
        actors.c.name.ilike("%" + _escape_like(text) + "%", escape="\\")
    )
    by_id = select(actors.c.id).where(actors.c.id == text.upper())
    ids = conn.execute(union_all(by_id, by_alias, by_name).limit(limit * 3)).scalars().all()
    refs = actor_refs(conn, set(ids))
    return [refs[i] for i in dict.fromkeys(ids) if i in refs][:limit]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
