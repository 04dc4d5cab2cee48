"""Finding actors by the names users give them."""

from __future__ import annotations

from sqlalchemy import Connection, select

from dyad.store import schema
from dyad.store.store import normalize_alias


class UnknownActor(LookupError):
    pass


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
            select(aliases.c.actor_id, aliases.c.count).where(aliases.c.alias == alias)
        ).all()
        if by_alias:
            # An alias seen for several actors ("Putin" for the man and the state) means
            # the one it most often named.
            ids = {max(by_alias, key=lambda row: row.count).actor_id}
    if not ids:
        raise UnknownActor(f"no actor in the store is called {name!r}")
    if include_affiliates:
        ids |= set(
            conn.execute(select(actors.c.id).where(actors.c.affiliation.in_(list(ids)))).scalars()
        )
    return ids


def actor_names(conn: Connection, ids: set[str | None]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    rows = conn.execute(
        select(schema.actors.c.id, schema.actors.c.name).where(schema.actors.c.id.in_(wanted))
    )
    return {row.id: row.name for row in rows}
