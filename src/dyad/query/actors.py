"""Finding actors by the names users give them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, select, union_all

from dyad.query.connect import Database, connect
from dyad.store import schema
from dyad.store.store import normalize_alias


class UnknownActor(LookupError):
    pass


@dataclass
class ActorRef:
    """An actor as answers name it: enough to show and link it."""

    id: str
    name: str
    kind: str
    country: str | None = None


def actor_path(actor_id: str) -> str:
    """The actor's page (``/actors/ID``), which the web app serves and annotations link to."""
    return "/actors/" + url_quote(actor_id, safe="")


def resolve_actor(conn: Connection, name: str, include_affiliates: bool = True) -> set[str]:
    """Actor ids a user's name for an actor stands for: id, name or any alias seen.

    With ``include_affiliates``, people and bodies that act for the actor
    (a government's ministers, a group's spokesmen) count as the actor.
    """
    actors, aliases = schema.actors, schema.actor_aliases
    # Ids are upper case, except the hash in an unnamed author's (AUTHOR:<article hash>).
    as_id = {name.strip(), name.strip().upper()}
    ids = set(conn.execute(select(actors.c.id).where(actors.c.id.in_(as_id))).scalars())
    if not ids:
        alias = normalize_alias(name)
        by_alias = conn.execute(
            select(aliases.c.actor_id, aliases.c.count.label("times_seen")).where(
                aliases.c.alias == alias
            )
        ).all()
        if by_alias:
            # An alias seen for several actors ("Putin" for the man and the state) means
            # the one it most often named.
            ids = {max(by_alias, key=lambda row: row.times_seen).actor_id}
    if not ids:
        raise UnknownActor(f"no actor in the store is called {name!r}")
    return with_affiliates(conn, ids) if include_affiliates else ids


def with_affiliates(conn: Connection, ids: set[str]) -> set[str]:
    """The actors and those who act for them."""
    actors = schema.actors
    found = conn.execute(select(actors.c.id).where(actors.c.affiliation.in_(list(ids))))
    return ids | set(found.scalars())


def actor_refs(conn: Connection, ids: Iterable[str | None]) -> dict[str, ActorRef]:
    """The named actors by id; ids not in the store are left out."""
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


def find_actors(db: Database, text: str, *, limit: int = 20, offset: int = 0) -> list[ActorRef]:
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
    wanted = limit + offset
    with connect(db) as conn:
        ids = conn.execute(union_all(by_id, by_alias, by_name).limit(wanted * 3)).scalars().all()
        refs = actor_refs(conn, set(ids))
    return [refs[i] for i in dict.fromkeys(ids) if i in refs][offset:wanted]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
