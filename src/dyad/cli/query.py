"""``dyad timeline`` and ``dyad summary``: what happened between two actors."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dyad.cli.app import app
from dyad.cli.common import DEFAULTS, DbOption, console, open_store, query_filters
from dyad.plover import quad_classes
from dyad.query import ActorRef, EventItem, summary, timeline

ActorArgument = Annotated[str, typer.Argument(help="Actor id, name or alias (e.g. RUS, Kremlin).")]
SinceOption = Annotated[str | None, typer.Option(help="Only events on or after this date.")]
UntilOption = Annotated[str | None, typer.Option(help="Only events on or before this date.")]
StatusOption = Annotated[
    list[str] | None,
    typer.Option("--status", help="Only events with this status (actual, intended, …)."),
]
SourceOption = Annotated[
    list[str] | None, typer.Option("--source", help="Only events this news source reported.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


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
        int | None, typer.Option(min=1, help="At most this many events (default: all).")
    ] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many events first.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Events between two actors, oldest first, each with its evidence."""
    with open_store(db) as store:
        page = timeline(
            store,
            first,
            second,
            filters=query_filters(since, until, source, status),
            limit=limit,
            offset=offset,
        )
    entries = page.events
    more = offset + len(entries) < page.total
    if as_json:
        console.print_json(json.dumps([_as_json(e) for e in entries], ensure_ascii=False))
        return
    if not entries:
        console.print(
            f"No events between {first} and {second}"
            + (f" past the first {offset}." if offset else ".")
        )
        return
    shown = f"{len(entries)} events"
    if offset or more:
        shown = f"events {offset + 1}–{offset + len(entries)}"
    console.rule(f"{escape(first)} – {escape(second)}: {shown}")
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
            f"[bold]{escape(when)}[/]  [cyan]{kind}[/]  [magenta]{entry.status}[/]  "
            f"{escape(who)}{escape(where)}"
        )
        for item in entry.evidence:
            source = item.title or item.url or item.source or "article"
            source += f" [{item.article_id[:12]}]"
            by = f" (reported by {item.reported_by.name})" if item.reported_by else ""
            console.print(f"    “{escape(item.sentence or item.text)}”", highlight=False)
            console.print(
                f"    [dim]— {escape(source)}, {item.published or 'undated'}{escape(by)}[/]"
            )
    if more:
        console.print(f"More events follow: --offset {offset + len(entries)}")


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
                "published": item.published,
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
    table = Table(title=f"{first} – {second}")
    table.add_column("month")
    for quad in quads:
        table.add_column(quad.replace("_", " "), justify="right")
    for month, counter in counts.items():
        table.add_row(month, *(str(counter.get(q, 0)) for q in quads))
    console.print(table)
