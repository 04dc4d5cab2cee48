"""Every table of the dyad store, declared once.

The same tables serve SQLite and PostgreSQL. Full-text search is the one place the
two differ: PostgreSQL keeps a ``tsvector`` in ``search_documents.terms`` and its
adjacent word pairs in ``word_pairs`` (GIN indexes); SQLite keeps an FTS5 index,
``search_fts``, created by the migrations and declared below only so queries can be
built from it.
"""

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

from dyad.model import parse_date

metadata = MetaData()


class IsoDate(TypeDecorator[date]):
    """A ``date`` kept as ISO 8601 text, so the column stays what every store has.

    Rows written before dates were dates may hold a timestamp ("2024-02-20T10:00Z"),
    read as its day, or text that names no date, read as None. Comparisons with a
    string ("published >= '2024-01'") stay string comparisons in SQL.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: date | str | None, dialect: Dialect) -> str | None:
        return value.isoformat() if isinstance(value, date) else value

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        try:
            return parse_date(value)
        except ValueError:
            return None


# Text search configuration (PostgreSQL) and tokenizer (SQLite FTS5): both stem English.
SEARCH_LANGUAGE = "english"
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True, comment="content hash"),
    Column("external_id", String(256), comment="the id the input gave, if any"),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("author", Text),
    Column("published", IsoDate(), index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("dyad_version", String(32)),
    Column("ingested_at", String(32)),
    Index("ix_articles_source", "source"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(3)),
    Column("sector", String(16)),
    Column("role", Text),
    Column("affiliation", String(128)),
    Column("kb_id", String(128)),
    Index("ix_actors_affiliation", "affiliation"),
)

# Surface forms seen for an actor, so users can ask for "the Kremlin" or "Moscow".
actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("alias", String(256), primary_key=True),
    Column("actor_id", String(128), ForeignKey("actors.id"), primary_key=True),
    Column("count", Integer, nullable=False, default=1),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("actor_id", String(128), ForeignKey("actors.id"), primary_key=True),
    Column("text", Text, nullable=False),
    Index("ix_mentions_actor", "actor_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("quote_id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("spans", JSON, nullable=False),
    Column("cue_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker_id", String(128), ForeignKey("actors.id")),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Index("ix_quotes_speaker", "speaker_id"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("mod", String(16)),
)

# One row per real-world event; every sentence reporting it is a row of `evidence`.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("status", String(16), nullable=False),
    Column("source_id", String(128), ForeignKey("actors.id")),
    Column("target_id", String(128), ForeignKey("actors.id")),
    Column("dyad_key", String(260), nullable=False, comment="merge key: type and actor pair"),
    Column("time_value", String(64)),
    Column("time_mod", String(16)),
    Column("time_role", String(16), comment="occurred, or reported: the time it was reported"),
    Column("sort_date", String(10), comment="ISO date used to order timelines"),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("period_start", String(10), comment="first day the time value can name"),
    Column("period_end", String(10), comment="last day the time value can name"),
    # Finding the event a new report repeats: same key and status, overlapping period.
    Index("ix_events_merge", "dyad_key", "status", "period_start"),
    # An actor's counts by month and its counterparts read these indexes alone.
    Index("ix_events_source_date", "source_id", "sort_date", "type", "target_id"),
    Index("ix_events_target_date", "target_id", "sort_date", "type", "source_id"),
    Index("ix_events_pair", "source_id", "target_id", "sort_date"),
    Index("ix_events_date", "sort_date"),
    # Network edges and counterparts counted from the index alone (no table reads).
    Index("ix_events_pair_type", "source_id", "target_id", "type"),
    Index("ix_events_target_pair_type", "target_id", "source_id", "type"),
    Index("ix_events_date_pair_type", "sort_date", "source_id", "target_id", "type"),
)

# Events counted per actor, month, type, status and mode, kept by the writer in the
# transaction that stores the events (and rebuilt by ``dyad.store.counts.recount``):
# an actor's charts and totals read a few hundred of these rows instead of its events.
# An event counts once for each of its actors; '' stands for no month (undated) or no
# mode. The mode is there for the intensity line, which the manual scores by mode.
actor_months = Table(
    "actor_months",
    metadata,
    Column("actor_id", String(128), primary_key=True),
    Column("month", String(7), primary_key=True, comment="YYYY-MM of sort_date, or ''"),
    Column("type", String(16), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("mode", String(32), primary_key=True, comment="the events' mode, or ''"),
    Column("events", Integer, nullable=False),
    # PostgreSQL's primary key holds no count: an actor's rows (29,650 for the busiest
    # of a 1M-event store) are summed from this index alone, not its table pages.
    Index("ix_actor_months_actor", "actor_id", "month", "type", "status", "mode", "events").ddl_if(
        dialect="postgresql"
    ),
    sqlite_with_rowid=False,  # rows kept in key order: an actor's rows are read together
)

# The same per directed pair of actors ('' for a missing side) and place (the event's
# location_country, or ''): a dyad's chart, and an actor's counterparts and map.
dyad_months = Table(
    "dyad_months",
    metadata,
    Column("source_id", String(128), primary_key=True),
    Column("target_id", String(128), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("mode", String(32), primary_key=True),
    Column("place", String(3), primary_key=True),
    Column("events", Integer, nullable=False),
    # The target's side, with the count: read from the index alone.
    Index(
        "ix_dyad_months_target",
        "target_id",
        "source_id",
        "month",
        "type",
        "status",
        "mode",
        "place",
        "events",
    ),
    sqlite_with_rowid=False,
)

# The same without the month: per directed pair, type, status and place over all
# time. A busy actor's counterparts and map for the whole store read one row per
# pair and type, where dyad_months has one per month too.
dyad_pairs = Table(
    "dyad_pairs",
    metadata,
    Column("source_id", String(128), primary_key=True),
    Column("target_id", String(128), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("place", String(3), primary_key=True),
    Column("events", Integer, nullable=False),
    Index("ix_dyad_pairs_target", "target_id", "source_id", "type", "status", "place", "events"),
    # SQLite keeps the rows in primary-key order (no rowid); PostgreSQL's primary key
    # holds no count, so an actor's counterparts as source come from this index alone.
    Index(
        "ix_dyad_pairs_source", "source_id", "target_id", "type", "status", "place", "events"
    ).ddl_if(dialect="postgresql"),
    sqlite_with_rowid=False,
)

# Totals over all time with no type or status: per directed pair and place, and per
# actor. A busy actor's counterparts and map, unfiltered, read one row per pair
# (dyad_pairs has one per pair, type, status and place: on a store where those seldom
# repeat, as many as the actor's events); name suggestions read one row per actor.
pair_totals = Table(
    "pair_totals",
    metadata,
    Column("source_id", String(128), primary_key=True),
    Column("target_id", String(128), primary_key=True),
    Column("place", String(3), primary_key=True),
    Column("events", Integer, nullable=False),
    Index("ix_pair_totals_target", "target_id", "source_id", "place", "events"),
    Index("ix_pair_totals_source", "source_id", "target_id", "place", "events").ddl_if(
        dialect="postgresql"
    ),
    sqlite_with_rowid=False,
)

# An event counts once for each of its actors (once for an actor on both sides).
actor_totals = Table(
    "actor_totals",
    metadata,
    Column("actor_id", String(128), primary_key=True),
    Column("events", Integer, nullable=False),
    sqlite_with_rowid=False,
)

evidence = Table(
    "evidence",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(32), primary_key=True, comment="event id within the article"),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("mode", String(32)),
    Column("others", JSON),
    Column("context", JSON),
    Column("time_text", Text),
    Column("time_value", String(64)),
    Column("time_mod", String(16)),
    Column("time_role", String(16)),
    Column("reported_by", String(128)),
    Column("quote_id", String(32)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence_text", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    # What this article said, where the merged event may differ (direction, place).
    Column("source_id", String(128)),
    Column("target_id", String(128)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    # The words the text used for a side that names no actor: {"source"/"target":
    # {"text", "start", "end"}}, or null when both sides are actors.
    Column("side_words", JSON(none_as_null=True)),  # SQL NULL, not JSON null
)

# Which events each statement speaks about (``Quote.about``): the article's quote, the
# event's id within the article, and the merged event it became. A statement's side
# of the event is read from its speaker at query time, so merged events keep all
# their statements, whichever article they came from.
statement_events = Table(
    "statement_events",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("quote_id", String(32), primary_key=True),
    Column("local_event_id", String(32), primary_key=True, comment="event id within the article"),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Index("ix_statement_events_event", "event_id"),
)

# One row per searchable text: an article (quote_id NULL) or one of its quotes.
search_documents = Table(
    "search_documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("quote_id", String(32)),
    # Only PostgreSQL fills these two; on SQLite the words live in search_fts.
    Column("terms", Text().with_variant(TSVECTOR(), "postgresql")),
    # Hashes of the adjacent word pairs in ``terms`` (``dyad_word_pairs``, a SQL function
    # the migrations make): GIN keeps no word positions, so a phrase is found by its pairs.
    Column("word_pairs", Text().with_variant(ARRAY(Integer), "postgresql")),
    # The article's date and source, copied here so that a search's filters read the
    # document's own small row (and these indexes), not the article with its text.
    Column("published", IsoDate()),
    Column("source", Text),
    Index("ix_search_documents_article", "article_id", "quote_id"),
    Index("ix_search_documents_published", "published", "id"),
    Index("ix_search_documents_source", "source", "published", "id"),
    Index("ix_search_documents_terms", "terms", postgresql_using="gin").ddl_if(
        dialect="postgresql"
    ),
    Index("ix_search_documents_word_pairs", "word_pairs", postgresql_using="gin").ddl_if(
        dialect="postgresql"
    ),
)

# SQLite's FTS5 index over search_documents (rowid = search_documents.id). It keeps
# no copy of the text (content=''): the text stays in articles and quotes.
fts_metadata = MetaData()
search_fts = Table(
    "search_fts",
    fts_metadata,
    Column("rowid", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text),
    Column("search_fts", Text, comment="the table-named column FTS5 matches against"),
    Column("rank", Text),
)
SEARCH_FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    f"title, body, content='', tokenize='{FTS5_TOKENIZER}')"
)


# Copies of a stored article found at ingest (the same text, or a near-identical wire
# copy), kept with their own metadata and not analysed again.
duplicates = Table(
    "duplicates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("content_hash", String(64), nullable=False, comment="hash of the copy's text"),
    Column("kind", String(8), nullable=False, comment="exact | near"),
    Column("similarity", Float, comment="estimated Jaccard similarity of word shingles"),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("author", Text),
    Column("published", IsoDate()),
    Column("ingested_at", String(32)),
    Index("ix_duplicates_article", "article_id"),
    Index("ix_duplicates_hash", "content_hash"),
)

# MinHash signature of each stored article's text, to find near-duplicates in later runs.
signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)
