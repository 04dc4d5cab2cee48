"""Questions to the store: timeline, summary, search, profile, quotes, counts, network."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, cast

import typer
from rich.table import Table

from dyad.cli.app import app
from dyad.cli.common import (
    DEFAULTS,
    ActorArgument,
    AffiliatesOption,
    DbOption,
    JsonOption,
    LimitOption,
    SinceOption,
    SourceOption,
    StatusOption,
    UntilOption,
    console,
    export_errors,
    fail,
    open_store,
    query_filters,
    shown,
)
from dyad.export import write_gexf, write_graphml
from dyad.limits import MAX_INTEGER
from dyad.plover import quad_classes
from dyad.query import (
    ActorRef,
    BadCursor,
    EventItem,
    actor_profile,
    event_counts,
    network,
    quotes_by,
    search,
    summary,
    timeline,
)
from dyad.query.search import Kind as SearchKind


@app.command("timeline")
def timeline_command(
    first: ActorArgument,
    second: ActorArgument,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    source: SourceOption = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, max=MAX_INTEGER, help="At most this many events (default: all)."),
    ] = None,
    offset: Annotated[
        int, typer.Option(min=0, max=MAX_INTEGER, help="Skip this many events first.")
    ] = 0,
    after: Annotated[
        str | None, typer.Option(help="Start after this cursor (printed under a page).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Events between two actors, oldest first, each with its evidence."""
    with open_store(db) as store:
        try:
            page = timeline(
                store,
                first,
                second,
                filters=query_filters(since, until, source, status),
                limit=limit,
                offset=offset,
                after=after,
            )
        except BadCursor as error:
            fail(str(error))
    entries = page.events
    more = page.next is not None
    if as_json:
        console.print_json(json.dumps([_as_json(e) for e in entries], ensure_ascii=False))
        return
    if not entries:
        console.print(
            f"No events between {shown(first)} and {shown(second)}"
            + (f" past the first {offset}." if offset else ".")
        )
        return
    span = f"{len(entries)} events"
    if (offset or more) and not after:
        span = f"events {offset + 1}–{offset + len(entries)}"
    console.rule(f"{shown(first)} – {shown(second)}: {span}")
    for entry in entries:
        when = entry.time_value or entry.sort_date or "undated"
        if entry.time_mod:
            when += f" ({entry.time_mod.lower()})"
        if entry.time_role == "reported" or not entry.time_value:
            when = f"reported {when}"  # the event's own time is not known
        kind = entry.type + (f"/{entry.mode}" if entry.mode else "")
        who = f"{_name(entry.source)} → {_name(entry.target)}"
        where = f" in {entry.location}" if entry.location else ""
        console.print(
            f"[bold]{shown(when)}[/]  [cyan]{shown(kind)}[/]  [magenta]{shown(entry.status)}[/]  "
            f"{shown(who)}{shown(where)}"
        )
        for item in entry.evidence:
            origin = item.title or item.url or item.source or "article"
            origin += f" [{item.article_id[:12]}]"
            by = f" (reported by {item.reported_by.name})" if item.reported_by else ""
            console.print(f"    “{shown(item.sentence or item.text, lines=True)}”", highlight=False)
            console.print(
                f"    [dim]— {shown(origin)}, {shown(item.published or 'undated')}{shown(by)}[/]"
            )
    if more:
        console.print(f"More events follow: --after '{page.next}'")


def _name(actor: ActorRef | None) -> str:
    return actor.name if actor else "?"


def _as_json(event: EventItem) -> dict:
    """An event as ``dyad timeline --json`` prints it: actors by id, every report."""
    return {
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "source": event.source and event.source.id,
        "target": event.target and event.target.id,
        "time_value": event.time_value,
        "time_mod": event.time_mod,
        "time_role": event.time_role,
        "sort_date": event.sort_date,
        "location": event.location,
        "evidence": [
            {
                "article_id": item.article_id,
                "title": item.title,
                "url": item.url,
                "source": item.source,
                "published": item.published and item.published.isoformat(),
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "sentence": item.sentence,
                "status": item.status,
                "reported_by": item.reported_by and item.reported_by.id,
                "quote_id": item.quote_id,
            }
            for item in event.evidence
        ],
    }


@app.command("summary")
def summary_command(
    first: ActorArgument,
    second: ActorArgument,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    source: SourceOption = None,
    as_json: JsonOption = False,
) -> None:
    """Event counts between two actors by month and PLOVER quad class."""
    with open_store(db) as store:
        counts = summary(store, first, second, filters=query_filters(since, until, source, status))
    if as_json:
        console.print_json(json.dumps({m: dict(c) for m, c in counts.items()}))
        return
    quads = quad_classes()
    table = Table(title=shown(f"{first} – {second}"))
    table.add_column("month")
    for quad in quads:
        table.add_column(quad.replace("_", " "), justify="right")
    for month, counter in counts.items():
        table.add_row(shown(month), *(str(counter.get(q, 0)) for q in quads))
    console.print(table)


# Short column heads, so a table of quads fits a terminal.
QUAD_HEADS = {
    "verbal_cooperation": "verb. coop",
    "material_cooperation": "mat. coop",
    "verbal_conflict": "verb. confl",
    "material_conflict": "mat. confl",
}


def _print_json(value) -> None:
    console.print_json(json.dumps(value, ensure_ascii=False, default=str))


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", -excluded, a or b.')],
    db: DbOption = DEFAULTS["db"],
    kind: Annotated[str, typer.Option(help="What to search: all, articles or quotes.")] = "all",
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over articles and quotes, best matches first."""
    if kind not in ("all", "articles", "quotes"):
        fail(f"--kind must be all, articles or quotes, not {kind!r}")
    with open_store(db) as store:
        hits = search(
            store,
            query,
            kind=cast(SearchKind, kind),  # checked above
            filters=query_filters(since, until, source),
            limit=limit,
        )
    if as_json:
        _print_json([asdict(h) for h in hits])
        return
    if not hits:
        console.print(f"Nothing matches {shown(repr(query))}.")
        return
    for hit in hits:
        where = hit.title or hit.url or hit.article_id[:12]
        what = f"quote {hit.quote_id} by {hit.speaker or '?'}" if hit.quote_id else "article"
        console.print(
            f"[bold]{shown(where)}[/] [dim]{shown(hit.published or 'undated')}"
            f" · {shown(hit.source or '?')} · {shown(what)}[/]"
        )
        console.print(f"    {shown(hit.snippet, lines=True)}", highlight=False)


@app.command("profile")
def profile_command(
    actor: ActorArgument,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    status: StatusOption = None,
    affiliates: AffiliatesOption = True,
    top: LimitOption = 15,
    as_json: JsonOption = False,
) -> None:
    """An actor's counterparts, event types over time and latest quotes."""
    with open_store(db) as store:
        profile = actor_profile(
            store,
            actor,
            include_affiliates=affiliates,
            filters=query_filters(since, until, source, status),
            top=top,
        )
    if as_json:
        _print_json(asdict(profile))
        return
    facts = [profile.kind, profile.country, profile.sector, profile.role]
    console.rule(f"{shown(profile.name)} ({shown(profile.id)})")
    console.print(" · ".join(shown(f) for f in facts if f))
    if profile.aliases:
        console.print("[dim]also called:[/] " + shown(", ".join(profile.aliases)))
    console.print(f"{profile.events} events, {profile.quotes} quotes")
    table = Table(title="counterparts")
    table.add_column("actor")
    for column in ("events", "by it", "to it", *(QUAD_HEADS.get(q, q) for q in quad_classes())):
        table.add_column(column, justify="right")
    for other in profile.counterparts:
        table.add_row(
            shown(f"{other.name} ({other.id})"),
            str(other.events),
            str(other.sent),
            str(other.received),
            *(str(other.quads.get(q, 0)) for q in quad_classes()),
        )
    console.print(table)
    months = Table(title="event types by month")
    months.add_column("month")
    months.add_column("events", justify="right")
    months.add_column("types")
    for month, counts in profile.types_by_month.items():
        kinds = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda c: -c[1]))
        months.add_row(shown(month), str(sum(counts.values())), shown(kinds))
    console.print(months)
    _print_quotes(profile.recent_quotes)


@app.command("quotes")
def quotes_command(
    speaker: ActorArgument,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    affiliates: AffiliatesOption = True,
    limit: LimitOption = 50,
    as_json: JsonOption = False,
) -> None:
    """What an actor said (and those who speak for it), newest first."""
    with open_store(db) as store:
        found = quotes_by(
            store,
            speaker,
            include_affiliates=affiliates,
            filters=query_filters(since, until, source),
            limit=limit,
        )
    if as_json:
        _print_json([asdict(q) for q in found])
        return
    if not found:
        console.print(f"No quotes by {shown(speaker)}.")
        return
    _print_quotes(found)


def _print_quotes(found) -> None:
    for quote in found:
        where = quote.title or quote.url or quote.article_id[:12]
        console.print(f"“{shown(quote.text, lines=True)}”", highlight=False)
        console.print(
            f"    [dim]— {shown(quote.speaker_name or quote.speaker_text or '?')},"
            f" {shown(where)}, {shown(quote.published or 'undated')}[/]"
        )


@app.command("counts")
def counts_command(
    actor: Annotated[str | None, typer.Argument(help="Only this actor's events.")] = None,
    counterpart: Annotated[str | None, typer.Argument(help="…with this actor.")] = None,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    status: StatusOption = None,
    affiliates: AffiliatesOption = True,
    by_type: Annotated[bool, typer.Option("--by-type", help="Event types, not quads.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Event counts by month and PLOVER quad class (all events, an actor's or a dyad's)."""
    with open_store(db) as store:
        counts = event_counts(
            store,
            actor,
            counterpart,
            include_affiliates=affiliates,
            by_type=by_type,
            filters=query_filters(since, until, source, status),
        )
    if as_json:
        _print_json({month: dict(c) for month, c in counts.items()})
        return
    columns = sorted({k for c in counts.values() for k in c}) if by_type else quad_classes()
    table = Table(title=shown(" – ".join(a for a in (actor, counterpart) if a) or "all events"))
    table.add_column("month")
    for column in columns:
        table.add_column(shown(QUAD_HEADS.get(column, column)), justify="right")
    for month, counter in counts.items():
        table.add_row(shown(month), *(str(counter.get(c, 0)) for c in columns))
    console.print(table)


@app.command("network")
def network_command(
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    status: StatusOption = None,
    actor: Annotated[str | None, typer.Option(help="Only edges touching this actor.")] = None,
    min_weight: Annotated[int, typer.Option(help="Leave out edges with fewer events.")] = 1,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write GraphML (.graphml) or GEXF (.gexf).")
    ] = None,
    top: LimitOption = 25,
) -> None:
    """The actor network of a time window, edges weighted by PLOVER quad class."""
    filters = query_filters(since, until, source, status)
    with open_store(db) as store, export_errors():
        if out is None:
            graph = network(store, filters=filters, actor=actor, min_weight=min_weight)
        elif out.suffix == ".gexf":
            graph = write_gexf(store, out, filters, actor=actor, min_weight=min_weight)
        elif out.suffix == ".graphml":
            graph = write_graphml(store, out, filters, actor=actor, min_weight=min_weight)
        else:
            fail(f"--out must end in .graphml or .gexf, not {out.name!r}")
    if out:
        size = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges"
        console.print(f"{size} → {shown(out)}")
        return
    table = Table(title=f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges")
    table.add_column("source")
    table.add_column("target")
    for column in ("events", *(QUAD_HEADS.get(q, q) for q in quad_classes()), "balance"):
        table.add_column(column, justify="right")
    edges = sorted(graph.edges(data=True), key=lambda e: -e[2]["weight"])[:top]
    for a, b, edge in edges:
        table.add_row(
            shown(graph.nodes[a].get("label", a)),
            shown(graph.nodes[b].get("label", b)),
            str(edge["weight"]),
            *(str(edge[q]) for q in quad_classes()),
            f"{edge['balance']:+.2f}",
        )
    console.print(table)
