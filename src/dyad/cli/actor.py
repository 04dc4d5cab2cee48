"""``dyad actor NAME``: what the knowledge base knows about a name, and from where."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from dyad.actors.kb import KnowledgeBase, load_kb, normalize
from dyad.cli.app import app
from dyad.cli.common import KbOption, check_date, console, shown

ALIAS_MEANING = {
    "name": "names the actor",
    "capital": "capital: the state when it acts, else a place",
    "seat": "seat of government: the state when it acts, else a place",
    "demonym": "demonym: the state, or a group with the noun after it",
    "place": "a place, never an actor",
}
MAX_SUGGESTIONS = 10


@app.command("actor")
def actor(
    name: Annotated[str, typer.Argument(help="A name, alias, demonym or place, e.g. 'Kremlin'.")],
    kb: KbOption = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Resolve roles as on this date (YYYY-MM-DD); default: now."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what dyad knows about NAME and which file or dictionary it came from."""
    check_date(date, "--date")
    base = load_kb(tuple(str(p) for p in kb or ()))
    answers = [_describe(base, target, date) for target in base.lookup(name)]
    if as_json:
        typer.echo(json.dumps({"name": name, "matches": answers}, ensure_ascii=False, indent=1))
        return
    if not answers:
        console.print(f"dyad knows no actor or place called [bold]{shown(name)}[/].")
        similar = _similar(base, name)
        if similar:
            console.print("Similar names: " + shown(", ".join(similar)))
        raise typer.Exit(1)
    for answer in answers:
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        for key in ("id", "name", "kind", "country", "sector", "role", "affiliation"):
            if answer.get(key):
                table.add_row(key, shown(answer[key]))
        meaning = ALIAS_MEANING.get(answer["alias"], answer["alias"])
        table.add_row("alias", shown(f"{name!r}: {meaning}"))
        table.add_row("alias from", shown(answer["alias_source"]))
        table.add_row("actor from", shown(answer.get("source") or answer["alias_source"]))
        for role in answer.get("roles", []):
            span = f"{role['start'] or '…'} – {role['end'] or 'now'}"
            title = role["title"] or role["sector"] or "?"
            table.add_row("role", shown(f"{title} of {role['affiliation']} ({span})"))
        console.print(table)
        console.print()


def _describe(base: KnowledgeBase, target, date: str | None) -> dict:
    answer: dict = {"alias": target.kind, "alias_source": target.source}
    entry = base.entries.get(target.actor)
    if target.kind == "place" or entry is None:
        answer.update({"id": None, "name": None, "kind": "place", "country": target.actor})
        return answer
    actor = base.actor(entry.id, date)
    base.role_at(entry, date)  # parses dictionary roles on first use
    answer.update(
        {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "sector": actor.sector,
            "role": actor.role,
            "affiliation": actor.affiliation,
            "source": entry.source,
            "roles": [
                {
                    "affiliation": r.affiliation,
                    "title": r.title,
                    "start": r.start,
                    "end": r.end,
                    "sector": r.sector,
                }
                for r in entry.roles
            ],
        }
    )
    return answer


def _similar(base: KnowledgeBase, name: str) -> list[str]:
    key = normalize(name)
    words = key.split()
    if not words:
        return []
    found = [alias for alias in base.aliases if all(w in alias.split() for w in words)]
    return sorted(found, key=len)[:MAX_SUGGESTIONS]
