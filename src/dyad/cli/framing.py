"""``dyad framing A B``: per event of a dyad, each side's statements about it."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dyad.cli.app import app
from dyad.cli.common import (
    DEFAULTS,
    ActorArgument,
    DbOption,
    JsonOption,
    SinceOption,
    SourceOption,
    StatusOption,
    UntilOption,
    console,
    open_store,
    query_filters,
)
from dyad.limits import MAX_INTEGER
from dyad.query import EventFraming, StatementItem, dyad_framing


@app.command("framing")
def framing_command(
    first: ActorArgument,
    second: ActorArgument,
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    status: StatusOption = None,
    source: SourceOption = None,
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_INTEGER, help="At most this many events.")
    ] = 20,
    offset: Annotated[
        int, typer.Option(min=0, max=MAX_INTEGER, help="Skip this many events first.")
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """How each side tells the events between two actors: per event, the statements of
    its source, its target, third parties and the reporter, with speaker and source."""
    with open_store(db) as store:
        page = dyad_framing(
            store,
            first,
            second,
            filters=query_filters(since, until, source, status),
            limit=limit,
            offset=offset,
        )
    if as_json:
        console.print_json(json.dumps(asdict(page), ensure_ascii=False, default=str))
        return
    if not page.events:
        console.print(f"No statements about events between {escape(first)} and {escape(second)}.")
        return
    shown = f"events {offset + 1}–{offset + len(page.events)} of {page.total}"
    console.rule(f"How each side tells it: {escape(first)} – {escape(second)}, {shown}")
    for framing in page.events:
        _print_event(framing)
    if offset + len(page.events) < page.total:
        console.print(f"More events follow: --offset {offset + len(page.events)}")


def _print_event(framing: EventFraming) -> None:
    event = framing.event
    when = event.time_value or event.sort_date or "undated"
    who = " → ".join(ref.name if ref else "?" for ref in (event.source, event.target))
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    console.print(
        f"\n[bold]{escape(when)}[/]  [cyan]{kind}[/]  {escape(who)}  [dim]event {event.id}[/]"
    )
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    spoke = [telling for telling in framing.sides if telling.statements]
    for telling in spoke:
        table.add_column(escape(telling.title), ratio=1)
    table.add_row(*("\n\n".join(map(_statement, t.statements)) for t in spoke))
    console.print(table)
    if framing.only_one_side:
        silent = next(t for t in framing.sides[:2] if not t.statements)
        console.print(f"  [yellow]Only one side spoke[/]: nothing from {escape(silent.title)}.")
    if framing.contrast:
        contrast = framing.contrast
        source, target = framing.sides[0].title, framing.sides[1].title
        console.print(
            f"  [dim]Key terms — both: {escape(', '.join(contrast.shared) or '—')}; "
            f"only {escape(source)}: {escape(', '.join(contrast.source_only))}; "
            f"only {escape(target)}: {escape(', '.join(contrast.target_only))}[/]"
        )


def _statement(item: StatementItem) -> str:
    speaker = item.speaker.name if item.speaker else item.speaker_text or "?"
    where = item.title or item.url or item.source or item.article_id[:12]
    return (
        f"“{escape(item.text)}”\n[dim]— {escape(speaker)}; {escape(where)}, "
        f"{item.published or 'undated'}, chars {item.spans[0][0]}–{item.spans[-1][1]}[/]"
    )
