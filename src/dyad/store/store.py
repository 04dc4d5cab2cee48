"""Writing analyses into the store: one transaction per article, events merged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from dyad.model import Actor, Analysis, Article, Event
from dyad.plover import is_symmetric
from dyad.store import schema
from dyad.store.counts import EventTally
from dyad.store.database import (
    DEFAULT_DB,
    check_sqlite_file,
    check_writable,
    make_engine,
    quick_check,
    sqlite_path,
    sqlite_tables,
    write_transaction,
)
from dyad.store.errors import (
    NotAStore,
    StoreError,
    StoreMissing,
    StoreOutOfDate,
    db_option,
    display_name,
)
from dyad.store.migrate import (
    current_revision,
    head_revision,
    holds_dyad_tables,
    known_revisions,
    migrate,
)
from dyad.store.search import index_for_search
from dyad.store.timeout import limit_query_time
from dyad.timex import period, sort_date

# Surface forms that say nothing about who an actor is, so they are not kept as aliases.
UNINFORMATIVE_ALIASES = frozenset(
    "i me my myself we us our ourselves you your yourself he him his himself she her hers "
    "herself it its itself they them their themselves this that these those who which one".split()
)


def normalize_alias(text: str) -> str:
    text = " ".join(text.split()).casefold()
    text = re.sub(r"[’']s?$", "", text)
    return re.sub(r"^the ", "", text)


class Store:
    """A dyad store on SQLite (a file path) or PostgreSQL (a ``postgresql://`` URL).

    Opening one never changes its schema behind the caller's back:

    - a writer (the default) creates the store if there is none yet, in one
      transaction under the write lock, so two writers starting together get one
      store; it refuses at once a store it could not write to;
    - ``read_only``: the store must exist; nothing is created and no connection writes
      (the web app, the query commands);
    - ``upgrade``: a store made by an older dyad is brought to the current schema, in
      one transaction (``dyad migrate``); without it such a store is refused with
      ``StoreOutOfDate``, which says to run ``dyad migrate``.

    A database that is not a dyad store (a text file, another application's SQLite
    file), a damaged file, a missing one to read: ``StoreError`` with a one-line
    message saying what to do. ``query_seconds``: cut short any query that runs longer
    (the web app passes ``DYAD_MAX_QUERY_SECONDS``); ``dyad.store.is_query_timeout``
    recognises the error it raises.
    """

    def __init__(
        self,
        db: str = DEFAULT_DB,
        *,
        read_only: bool = False,
        upgrade: bool = False,
        query_seconds: float | None = None,
    ) -> None:
        self.db = db
        path = sqlite_path(db)
        if path is not None and not check_sqlite_file(path, create=not read_only):
            tables = sqlite_tables(path)
            if tables and not tables & {"alembic_version", "articles"}:
                listed = ", ".join(sorted(tables)[:5])
                raise NotAStore(
                    f"{path} is another application's SQLite database (tables: {listed}),"
                    " not a dyad store; give another --db"
                )
            quick_check(path)
        self.engine = make_engine(db, read_only=read_only)
        try:
            self._check_schema(read_only, upgrade)
            if not read_only:
                check_writable(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        if query_seconds is not None:
            limit_query_time(self.engine, query_seconds)

    def _check_schema(self, read_only: bool, upgrade: bool) -> None:
        name = display_name(self.db)
        with self.engine.connect() as conn:
            current = current_revision(conn)
            exists = current is not None or holds_dyad_tables(conn)
        if current == head_revision():
            return
        if not exists and read_only:
            raise StoreMissing(
                f"{name} holds no dyad store yet;"
                f" create one with `dyad ingest FILES… {db_option(self.db)}`"
            )
        if current is not None and current not in known_revisions():
            raise StoreError(
                f"{name} was made by a newer dyad (schema revision {current}); upgrade dyad"
            )
        if exists and not upgrade:
            raise StoreOutOfDate(
                f"{name} has schema revision {current or 'from before 0001'}, this dyad needs"
                f" {head_revision()}; back it up, then run `dyad migrate {db_option(self.db)}`"
            )
        with write_transaction(self.engine) as conn:
            migrate(conn)  # finds nothing to do if another process just did it

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
        with self.engine.connect() as conn:
            return _known_copy(conn, content_hash, url)

    def add_duplicate(self, article_id: str, copy: Article, kind: str, similarity: float) -> bool:
        """Link a copy (``kind`` exact or near) to its stored first copy; False if known."""
        with write_transaction(self.engine) as conn:
            if _known_copy(conn, copy.hash, copy.url):
                return False
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
        with write_transaction(self.engine) as conn:
            table = schema.signatures
            if not conn.execute(
                select(table.c.article_id).where(table.c.article_id == article_id)
            ).first():
                conn.execute(table.insert().values(article_id=article_id, minhash=signature))

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis atomically. Returns False when the article was already there
        (stored by another process meanwhile included: the check and the writes are made
        under the write lock)."""
        article_id = analysis.article.hash
        with write_transaction(self.engine) as conn:
            exists = conn.execute(
                select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            ).first()
            if exists:
                return False
            _ArticleWriter(conn, article_id, analysis).write()
            index_for_search(conn, [article_id])
        return True


def _known_copy(conn: Connection, content_hash: str, url: str | None) -> str | None:
    articles, duplicates = schema.articles, schema.duplicates
    stored = conn.execute(select(articles.c.url).where(articles.c.id == content_hash)).first()
    if stored and (url is None or stored.url in (None, url)):
        return content_hash
    same_url = duplicates.c.url.is_(None) if url is None else duplicates.c.url == url
    return conn.execute(
        select(duplicates.c.article_id).where(duplicates.c.content_hash == content_hash, same_url)
    ).scalar()


class _ArticleWriter:
    """Writes one article's analysis inside an open transaction."""

    def __init__(self, conn: Connection, article_id: str, analysis: Analysis) -> None:
        self.conn = conn
        self.article_id = article_id
        self.analysis = analysis
        # Each article's author is a different person, though every article calls them AUTHOR.
        self.ids = {a.id: self._store_id(a) for a in analysis.actors}
        self.tally = EventTally()

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
        merged = {item.id: self._event(item) for item in self.analysis.events}
        self._statements(merged)
        self.tally.write(self.conn)

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

    def _statements(self, merged: dict[str, int]) -> None:
        rows = [
            {
                "article_id": self.article_id,
                "quote_id": quote.id,
                "local_event_id": local,
                "event_id": merged[local],
            }
            for quote in self.analysis.quotes
            for local in dict.fromkeys(quote.about)
            if local in merged
        ]
        if rows:
            self.conn.execute(schema.statement_events.insert(), rows)

    def _event(self, item: Event) -> int:
        """Store one event report; returns the id of the merged event it joined or made."""
        source, target = self.actor_id(item.source), self.actor_id(item.target)
        time_value = item.time.value if item.time else None
        time_mod = item.time.mod if item.time else None
        span = period(time_value, time_mod)
        event_id = self._matching_event(item, source, target, time_value, span)
        if event_id is None:
            day = sort_date(time_value, time_mod, self.analysis.article.published)
            place = item.location.country if item.location else None
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
                    sort_date=day,
                    location_name=item.location.name if item.location else None,
                    location_country=place,
                    period_start=span[0].isoformat() if span else None,
                    period_end=span[1].isoformat() if span else None,
                )
                .returning(schema.events.c.id)
            ).scalar_one()
            self.tally.add(source, target, day, item.type, item.status, item.mode, place)
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
                side_words=_side_words(item),
            )
        )
        return event_id

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


def _side_words(item: Event) -> dict[str, dict] | None:
    words = {"source": item.source_words, "target": item.target_words}
    return {side: asdict(span) for side, span in words.items() if span is not None} or None
