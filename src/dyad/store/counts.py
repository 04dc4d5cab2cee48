"""The counts of events per actor and month (``actor_months``), per dyad and month
(``dyad_months``), per dyad over all time (``dyad_pairs``), and the totals per dyad and
place (``pair_totals``) and per actor (``actor_totals``): added to by the writer in the
transaction that stores the events, rebuilt from the events by ``recount`` (migrations,
bulk loads)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, Table, func, select, union_all
from sqlalchemy.dialects import postgresql, sqlite

from dyad.store import schema

ActorCell = tuple[str, str, str, str, str]  # actor, month, type, status, mode
# source, target, month, type, status, mode, place
DyadCell = tuple[str, str, str, str, str, str, str]
PairCell = tuple[str, str, str, str, str]  # source, target, type, status, place
TotalCell = tuple[str, str, str]  # source, target, place


class EventTally:
    """The cells a writer's new events add to, summed before one upsert per table."""

    def __init__(self) -> None:
        self.actors: Counter[ActorCell] = Counter()
        self.dyads: Counter[DyadCell] = Counter()
        self.pairs: Counter[PairCell] = Counter()
        self.pair_totals: Counter[TotalCell] = Counter()
        self.actor_totals: Counter[tuple[str]] = Counter()

    def add(
        self,
        source: str | None,
        target: str | None,
        sort_date: str | None,
        event_type: str,
        status: str,
        mode: str | None,
        place: str | None,
    ) -> None:
        month, mode = (sort_date or "")[:7], mode or ""
        # An event between an actor and itself is one of its events, not two.
        for actor in {side for side in (source, target) if side is not None}:
            self.actors[(actor, month, event_type, status, mode)] += 1
            self.actor_totals[(actor,)] += 1
        pair, place = (source or "", target or ""), place or ""
        self.dyads[(*pair, month, event_type, status, mode, place)] += 1
        self.pairs[(*pair, event_type, status, place)] += 1
        self.pair_totals[(*pair, place)] += 1

    def write(self, conn: Connection) -> None:
        _upsert(conn, schema.actor_months, self.actors)
        _upsert(conn, schema.dyad_months, self.dyads)
        _upsert(conn, schema.dyad_pairs, self.pairs)
        _upsert(conn, schema.pair_totals, self.pair_totals)
        _upsert(conn, schema.actor_totals, self.actor_totals)


def _upsert(conn: Connection, table, cells: Counter) -> None:
    if not cells:
        return
    keys = [c.name for c in table.primary_key.columns]
    rows = [dict(zip(keys, cell, strict=True), events=n) for cell, n in cells.items()]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=keys, set_={"events": table.c.events + statement.excluded.events}
        ),
        rows,
    )


COUNT_TABLES = (
    schema.actor_months,
    schema.dyad_months,
    schema.dyad_pairs,
    schema.pair_totals,
    schema.actor_totals,
)


def recount(conn: Connection, tables: tuple[Table, ...] = COUNT_TABLES) -> None:
    """Count every stored event again into ``tables`` (their old rows dropped); a
    migration passes the tables as they are at its revision (their keys say which
    columns are counted by)."""
    events = schema.events
    month = func.coalesce(func.substr(events.c.sort_date, 1, 7), "").label("month")
    kind, status = events.c.type.label("type"), events.c.status.label("status")
    mode = func.coalesce(events.c.mode, "").label("mode")
    sides = union_all(
        select(events.c.source_id.label("actor_id"), month, kind, status, mode).where(
            events.c.source_id.is_not(None)
        ),
        # The target, unless the source is the same actor (counted once above).
        select(events.c.target_id, month, kind, status, mode).where(
            events.c.target_id.is_not(None),
            events.c.source_id.is_(None) | (events.c.source_id != events.c.target_id),
        ),
    ).subquery()
    pairs = select(
        func.coalesce(events.c.source_id, "").label("source_id"),
        func.coalesce(events.c.target_id, "").label("target_id"),
        month,
        kind,
        status,
        mode,
        func.coalesce(events.c.location_country, "").label("place"),
    ).subquery()
    # The other tables are these two with fewer keys: the same subqueries serve.
    rows_of = {
        "actor_months": sides,
        "actor_totals": sides,
        "dyad_months": pairs,
        "dyad_pairs": pairs,
        "pair_totals": pairs,
    }
    for table in tables:
        rows = rows_of[table.name]
        conn.execute(table.delete())
        keys = [rows.c[c.name] for c in table.primary_key.columns]
        conn.execute(
            table.insert().from_select(
                [*(k.name for k in keys), "events"],
                select(*keys, func.count()).group_by(*keys),
            )
        )
