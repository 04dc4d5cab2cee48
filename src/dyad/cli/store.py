"""Store commands: search, profile, quotes, counts, network, export and migrate."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dyad.cli.app import app
from dyad.cli.common import DEFAULTS, DbOption, console, errors, fail, open_store, query_filters
from dyad.export import FORMATS, write_csv, write_gexf, write_graphml, write_jsonl, write_parquet
from dyad.plover import quad_classes
from dyad.query import (
    actor_profile,
    event_counts,
    network,
    quotes_by,
    search,
)
from dyad.store.migrate import head_revision

SinceOption = Annotated[
    str | None, typer.Option(help="From this date on (2023, 2023-10 or 2023-10-07).")
]
UntilOption = Annotated[str | None, typer.Option(help="Up to the end of this date.")]
SourceOption = Annotated[
    list[str] | None, typer.Option("--source", help="Only this news source (repeatable).")
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status", help="Only events with this status: actual, intended, … (repeatable)."
    ),
]
LimitOption = Annotated[int, typer.Option(help="At most this many results.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ActorArgument = Annotated[str, typer.Argument(help="Actor id, name or alias (e.g. RUS, Kremlin).")]
AffiliatesOption = Annotated[
    bool,
    typer.Option(
        "--affiliates/--no-affiliates",
        help="Count those who act for the actor (its ministers, spokesmen) as the actor.",
    ),
]


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
            store, query, kind=kind, filters=query_filters(since, until, source), limit=limit
        )
    if as_json:
        _print_json([asdict(h) for h in hits])
        return
    if not hits:
        console.print(f"Nothing matches {query!r}.")
        return
    for hit in hits:
        where = hit.title or hit.url or hit.article_id[:12]
        what = f"quote {hit.quote_id} by {hit.speaker or '?'}" if hit.quote_id else "article"
        console.print(
            f"[bold]{escape(where)}[/] [dim]{hit.published or 'undated'}"
            f" · {escape(hit.source or '?')} · {escape(what)}[/]"
        )
        console.print(f"    {escape(hit.snippet)}", highlight=False)


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
    console.rule(f"{escape(profile.name)} ({profile.id})")
    console.print(" · ".join(escape(f) for f in facts if f))
    if profile.aliases:
        console.print("[dim]also called:[/] " + escape(", ".join(profile.aliases)))
    console.print(f"{profile.events} events, {profile.quotes} quotes")
    table = Table(title="counterparts")
    table.add_column("actor")
    for column in ("events", "by it", "to it", *(QUAD_HEADS.get(q, q) for q in quad_classes())):
        table.add_column(column, justify="right")
    for other in profile.counterparts:
        table.add_row(
            escape(f"{other.name} ({other.id})"),
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
        months.add_row(month, str(sum(counts.values())), kinds)
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
        console.print(f"No quotes by {speaker}.")
        return
    _print_quotes(found)


def _print_quotes(found) -> None:
    for quote in found:
        where = quote.title or quote.url or quote.article_id[:12]
        console.print(f"“{escape(quote.text)}”", highlight=False)
        console.print(
            f"    [dim]— {escape(quote.speaker_name or quote.speaker_text or '?')},"
            f" {escape(where)}, {quote.published or 'undated'}[/]"
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
    table = Table(title=" – ".join(a for a in (actor, counterpart) if a) or "all events")
    table.add_column("month")
    for column in columns:
        table.add_column(QUAD_HEADS.get(column, column), justify="right")
    for month, counter in counts.items():
        table.add_row(month, *(str(counter.get(c, 0)) for c in columns))
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
    with open_store(db) as store:
        if out is None:
            graph = network(store, filters=filters, actor=actor, min_weight=min_weight)
        elif out.suffix == ".gexf":
            graph = write_gexf(store, out, filters, actor=actor, min_weight=min_weight)
        elif out.suffix == ".graphml":
            graph = write_graphml(store, out, filters, actor=actor, min_weight=min_weight)
        else:
            fail(f"--out must end in .graphml or .gexf, not {out.name!r}")
    if out:
        console.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges → {out}")
        return
    table = Table(title=f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges")
    table.add_column("source")
    table.add_column("target")
    for column in ("events", *(QUAD_HEADS.get(q, q) for q in quad_classes()), "balance"):
        table.add_column(column, justify="right")
    edges = sorted(graph.edges(data=True), key=lambda e: -e[2]["weight"])[:top]
    for a, b, edge in edges:
        table.add_row(
            escape(graph.nodes[a].get("label", a)),
            escape(graph.nodes[b].get("label", b)),
            str(edge["weight"]),
            *(str(edge[q]) for q in quad_classes()),
            f"{edge['balance']:+.2f}",
        )
    console.print(table)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=", ".join(FORMATS))],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    status: StatusOption = None,
) -> None:
    """Export analyses (jsonl), events (csv, parquet) or the actor network (graphml, gexf)."""
    if fmt not in FORMATS:
        fail(f"FORMAT must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "jsonl" and status:
        fail("--status filters events; jsonl exports whole articles")
    filters = query_filters(since, until, source, status)
    with open_store(db) as store:
        if fmt == "jsonl":
            written = f"{write_jsonl(store, out, filters)} articles"
        elif fmt in ("csv", "parquet"):
            writer = write_csv if fmt == "csv" else write_parquet
            written = f"{writer(store, out, filters)} events"
        else:
            writer = write_graphml if fmt == "graphml" else write_gexf
            graph = writer(store, out, filters)
            written = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges"
    errors.print(f"{written} → {out}", highlight=False)


@app.command("migrate")
def migrate_command(db: DbOption = DEFAULTS["db"]) -> None:
    """Create the store or bring it to the current schema (every command also does this)."""
    with open_store(db):
        pass
    console.print(f"{db}: schema at revision {head_revision()}")
