"""Writing analyses into the store: one transaction per article, events merged."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, create_engine, event, func, or_, select

from dyad.model import Actor, Analysis, Article, Event
from dyad.plover import is_symmetric
from dyad.store import schema
from dyad.store.migrate import migrate
from dyad.store.search import index_for_search
from dyad.store.timeout import limit_query_time
from dyad.timex import period, sort_date

DEFAULT_DB = "dyad.db"

# Surface forms that say nothing about who an actor is, so they are not kept as aliases.
UNINFORMATIVE_ALIASES = frozenset(
    "i me my myself we us our ourselves you your yourself he him his himself she her hers "
    "herself it its itself they them their themselves this that these those who which one".split()
)


def database_url(db: str) -> str:
    """``dyad.db`` and other paths mean SQLite files; URLs pass through.

    A bare ``postgresql://`` URL gets the psycopg (3) driver dyad installs.
    """
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def make_engine(db: str = DEFAULT_DB) -> Engine:
    engine = create_engine(database_url(db))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (timeline queries, the web app) work while a batch writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A second writer waits for the first instead of failing at once.
    cursor.execute("PRAGMA busy_timeout=30000")
    # Big queries (network export, monthly counts) keep more pages in memory.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def normalize_alias(text: str) -> str:
    text = " ".join(text.split()).casefold()
    text = re.sub(r"[’']s?$", "", text)
    return re.sub(r"^the ", "", text)


def _create_sqlite_store(path: Path) -> None:
    """Make a new SQLite store whole or not at all.

    SQLite runs the migrations' DDL outside a transaction, so a run killed while
    creating the tables would leave half a schema behind. The tables are made in
    a file of this process's own and linked into place in one step; if another
    process got there first, its store is kept.
    """
    building = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        building.unlink(missing_ok=True)  # a killed run of the same pid
        engine = make_engine(str(building))
        try:
            migrate(engine)
        finally:
            engine.dispose()
        if path.exists():  # an empty file, such as a bare sqlite3 connect leaves
            os.replace(building, path)
        else:
            os.link(building, path)
    except FileExistsError:
        pass
    finally:
        building.unlink(missing_ok=True)


class Store:
    """A dyad store on SQLite (a file path) or any SQLAlchemy URL.

    ``query_seconds``: cut short any query that runs longer (the web app passes
    ``DYAD_MAX_QUERY_SECONDS``); ``dyad.store.is_query_timeout`` recognises the
    error it raises. The migrations run before the limit applies.
    """

    def __init__(self, db: str = DEFAULT_DB, query_seconds: float | None = None) -> None:
        self.db = db
        path = None if "://" in db or db in ("", ":memory:") else Path(db).expanduser()
        if path is not None and (not path.exists() or path.stat().st_size == 0):
            _create_sqlite_store(path)
        self.engine = make_engine(db)
        migrate(self.engine)
        if query_seconds is not None:
            limit_query_time(self.engine, query_seconds)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def has_article(self, article_hash: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(schema.articles.c.id).where(schema.articles.c.id == article_hash)
            ).first()
        return found is not None

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(schema.metadata.tables[table])
            ).scalar_one()

    def known_copy(self, content_hash: str, url: str | None) -> str | None:
        """The stored article this input was stored as, or linked to as a copy, if any.

        The same text under another URL is not the same input: it is a copy to link.
        """
        articles, duplicates = schema.articles, schema.duplicates
        same_url = duplicates.c.url.is_(None) if url is None else duplicates.c.url == url
        with self.engine.connect() as conn:
            stored = conn.execute(
                select(articles.c.url).where(articles.c.id == content_hash)
            ).first()
            if stored and (url is None or stored.url in (None, url)):
                return content_hash
            return conn.execute(
                select(duplicates.c.article_id).where(
                    duplicates.c.content_hash == content_hash, same_url
                )
            ).scalar()

    def add_duplicate(self, article_id: str, copy: Article, kind: str, similarity: float) -> bool:
        """Link a copy (``kind`` exact or near) to its stored first copy; False if known."""
        if self.known_copy(copy.hash, copy.url):
            return False
        with self.engine.begin() as conn:
            conn.execute(
                schema.duplicates.insert().values(
                    article_id=article_id,
                    content_hash=copy.hash,
                    kind=kind,
                    similarity=similarity,
                    url=copy.url,
                    title=copy.title,
                    source=copy.source,
                    author=copy.author,
                    published=copy.published,
                    ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
        return True

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature) of every stored article that has one."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.signatures.c.article_id, schema.signatures.c.minhash))
            yield from ((row.article_id, row.minhash) for row in rows)

    def articles_without_signature(self) -> Iterator[tuple[str, str]]:
        """(article id, text) of stored articles with no signature yet."""
        articles, signatures = schema.articles, schema.signatures
        query = (
            select(articles.c.id, articles.c.text)
            .outerjoin(signatures, signatures.c.article_id == articles.c.id)
            .where(signatures.c.article_id.is_(None))
        )
        with self.engine.connect() as conn:
            yield from ((row.id, row.text) for row in conn.execute(query))

    def add_signature(self, article_id: str, signature: bytes) -> None:
        with self.engine.begin() as conn:
            table = schema.signatures
            if not conn.execute(
                select(table.c.article_id).where(table.c.article_id == article_id)
            ).first():
                conn.execute(table.insert().values(article_id=article_id, minhash=signature))

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis atomically. Returns False when the article was already there."""
        article_id = analysis.article.hash
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            ).first()
            if exists:
                return False
            _ArticleWriter(conn, article_id, analysis).write()
            index_for_search(conn, [article_id])
        return True


class _ArticleWriter:
    """Writes one article's analysis inside an open transaction."""

    def __init__(self, conn: Connection, article_id: str, analysis: Analysis) -> None:
        self.conn = conn
        self.article_id = article_id
        self.analysis = analysis
        # Each article's author is a different person, though every article calls them AUTHOR.
        self.ids = {a.id: self._store_id(a) for a in analysis.actors}

    def _store_id(self, actor: Actor) -> str:
        if actor.kind != "author":
            return actor.id
        byline = self.analysis.article.author
        slug = re.sub(r"\W+", "_", byline.upper()).strip("_") if byline else self.article_id
        return f"AUTHOR:{slug}"

    def actor_id(self, local: str | None) -> str | None:
        return self.stored_id(local) if local else None

    def stored_id(self, local: str) -> str:
        """The store's id of an actor the analysis calls ``local``."""
        return self.ids.get(local, local)

    def write(self) -> None:
        self._article()
        self._actors()
        self._mentions()
        self._quotes()
        self._times()
        for item in self.analysis.events:
            self._event(item)

    def _article(self) -> None:
        article = self.analysis.article
        self.conn.execute(
            schema.articles.insert().values(
                id=self.article_id,
                external_id=article.id if article.id != self.article_id else None,
                url=article.url,
                title=article.title,
                source=article.source,
                author=article.author,
                published=article.published,
                language=article.language,
                text=article.text,
                dyad_version=self.analysis.dyad_version,
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )

    def _actors(self) -> None:
        table = schema.actors
        wanted = {self.ids[a.id]: a for a in self.analysis.actors}
        referenced: set[str | None] = {m.actor for m in self.analysis.mentions}
        for quote in self.analysis.quotes:
            referenced.add(quote.speaker.actor)
        for item in self.analysis.events:
            referenced.update([item.source, item.target, item.reported_by, *item.others])
        missing_refs = {self.stored_id(r) for r in referenced if r} - set(wanted)
        if missing_refs:
            # A component referred to an actor it did not declare: keep the reference valid.
            for ref in missing_refs:
                wanted[ref] = Actor(id=ref, name=ref, kind="other")
        existing = set(
            self.conn.execute(select(table.c.id).where(table.c.id.in_(list(wanted)))).scalars()
        )
        rows = [
            {
                "id": store_id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
                "role": actor.role,
                "affiliation": self.actor_id(actor.affiliation),
                "kb_id": actor.kb_id,
            }
            for store_id, actor in wanted.items()
            if store_id not in existing
        ]
        if rows:
            self.conn.execute(table.insert(), rows)

    def _mentions(self) -> None:
        rows: dict[tuple[int, int, str], dict[str, Any]] = {}
        aliases: dict[tuple[str, str], int] = {}
        for mention in self.analysis.mentions:
            actor = self.stored_id(mention.actor)
            rows[(mention.start, mention.end, actor)] = {
                "article_id": self.article_id,
                "start": mention.start,
                "end": mention.end,
                "actor_id": actor,
                "text": mention.text,
            }
            alias = normalize_alias(mention.text)
            if alias and alias not in UNINFORMATIVE_ALIASES:
                aliases[(alias, actor)] = aliases.get((alias, actor), 0) + 1
        for declared in self.analysis.actors:
            key = (normalize_alias(declared.name), self.ids[declared.id])
            aliases.setdefault(key, 1)
        if rows:
            self.conn.execute(schema.mentions.insert(), list(rows.values()))
        self._aliases(aliases)

    def _aliases(self, counts: dict[tuple[str, str], int]) -> None:
        table = schema.actor_aliases
        for (alias, actor), count in counts.items():
            updated = self.conn.execute(
                table.update()
                .where(table.c.alias == alias, table.c.actor_id == actor)
                .values(count=table.c.count + count)
            )
            if updated.rowcount == 0:
                self.conn.execute(table.insert().values(alias=alias, actor_id=actor, count=count))

    def _quotes(self) -> None:
        rows = [
            {
                "article_id": self.article_id,
                "quote_id": q.id,
                "kind": q.kind,
                "text": q.text,
                "spans": [list(s) for s in q.spans],
                "cue_text": q.cue.text if q.cue else None,
                "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None,
                "speaker_id": self.actor_id(q.speaker.actor),
                "speaker_text": q.speaker.text,
                "speaker_start": q.speaker.start,
                "speaker_end": q.speaker.end,
            }
            for q in self.analysis.quotes
        ]
        if rows:
            self.conn.execute(schema.quotes.insert(), rows)

    def _times(self) -> None:
        rows = {
            t.start: {
                "article_id": self.article_id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
            }
            for t in self.analysis.times
        }
        if rows:
            self.conn.execute(schema.times.insert(), list(rows.values()))

    def _event(self, item: Event) -> None:
        source, target = self.actor_id(item.source), self.actor_id(item.target)
        time_value = item.time.value if item.time else None
        time_mod = item.time.mod if item.time else None
        span = period(time_value, time_mod)
        event_id = self._matching_event(item, source, target, time_value, span)
        if event_id is None:
            event_id = self.conn.execute(
                schema.events.insert()
                .values(
                    type=item.type,
                    mode=item.mode,
                    status=item.status,
                    source_id=source,
                    target_id=target,
                    dyad_key=dyad_key(item.type, source, target),
                    time_value=time_value,
                    time_mod=time_mod,
                    time_role=item.time_role,
                    sort_date=sort_date(time_value, time_mod, self.analysis.article.published),
                    location_name=item.location.name if item.location else None,
                    location_country=item.location.country if item.location else None,
                    period_start=span[0].isoformat() if span else None,
                    period_end=span[1].isoformat() if span else None,
                )
                .returning(schema.events.c.id)
            ).scalar_one()
        sentence = item.sentence
        self.conn.execute(
            schema.evidence.insert().values(
                article_id=self.article_id,
                local_id=item.id,
                event_id=event_id,
                status=item.status,
                mode=item.mode,
                others=[self.actor_id(o) for o in item.others],
                context=item.context,
                time_text=item.time.text if item.time else None,
                time_value=time_value,
                time_mod=time_mod,
                time_role=item.time_role,
                reported_by=self.actor_id(item.reported_by),
                quote_id=item.quote,
                text=item.evidence.text,
                start=item.evidence.start,
                end=item.evidence.end,
                sentence_text=sentence.text if sentence else None,
                sentence_start=sentence.start if sentence else None,
                sentence_end=sentence.end if sentence else None,
                source_id=source,
                target_id=target,
                location_name=item.location.name if item.location else None,
                location_country=item.location.country if item.location else None,
            )
        )

    def _matching_event(
        self,
        item: Event,
        source: str | None,
        target: str | None,
        time_value: str | None,
        span: tuple | None,
    ) -> int | None:
        """The stored event this one reports again, if any.

        Same type, same pair of actors, same status, times that overlap and places
        that agree. Undated events only merge within one article: two undated
        reports from different articles may well be different events. Values that
        are not periods (PRESENT_REF) match only themselves.
        """
        table = schema.events
        query = select(table.c.id).where(
            table.c.dyad_key == dyad_key(item.type, source, target),
            table.c.status == item.status,
        )
        country = item.location.country if item.location else None
        if country:
            query = query.where(
                or_(table.c.location_country.is_(None), table.c.location_country == country)
            )
        if span:
            query = query.where(
                table.c.period_start <= span[1].isoformat(),
                table.c.period_end >= span[0].isoformat(),
            )
        elif time_value:
            query = query.where(table.c.time_value == time_value)
        else:
            reported_here = select(schema.evidence.c.event_id).where(
                schema.evidence.c.article_id == self.article_id
            )
            query = query.where(and_(table.c.time_value.is_(None), table.c.id.in_(reported_here)))
        return self.conn.execute(query.order_by(table.c.id).limit(1)).scalar()


def dyad_key(event_type: str, source: str | None, target: str | None) -> str:
    pair = [source or "", target or ""]
    if is_symmetric(event_type):
        pair.sort()
    return "|".join([event_type, *pair])
