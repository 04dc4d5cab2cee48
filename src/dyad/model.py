"""Plain data passed between dyad's stages.

These dataclasses mirror ``analysis.schema.json`` field for field: ``to_dict``
on each gives exactly the JSON ``dyad extract`` prints. Offsets are Python
``str`` indices into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dyad.plover import intensity as plover_intensity

ARTICLE_FIELDS = ("id", "text", "published", "title", "url", "source", "author", "language")


def content_hash(text: str) -> str:
    """Stable id of an article's text: NFC-normalised, whitespace-collapsed, SHA-256."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:24]


_ISO_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?![\d])")


def parse_date(value: str | date | None) -> date | None:
    """The calendar date of a publication date as sources write it.

    Takes ISO 8601 ("2024-02-20", "20240220", "2024-02-20T10:00Z": the day as
    written, whatever the zone), RFC 2822 ("Tue, 20 Feb 2024 10:00:00 GMT", as
    feeds and mail headers write it) and ``date``/``datetime`` values; None and
    "" are no date. Raises ``ValueError`` naming the value for anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date) or value is None:
        return value
    if not value.strip():
        return None
    match = _ISO_DATE.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        pass
    raise ValueError(f"not a date (YYYY-MM-DD): {value[:40]!r}")


@dataclass
class Article:
    text: str
    id: str = ""
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.hash

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        if not isinstance(data.get("text"), str):
            raise ValueError("article has no 'text' string")
        fields = {k: data[k] for k in ARTICLE_FIELDS if data.get(k) is not None}
        for key in ("id", "published", "title", "url", "source", "author", "language"):
            if key in fields:
                fields[key] = str(fields[key])
        if "published" in fields:
            fields["published"] = parse_date(fields["published"])
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "text": self.text,
        }


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None
    kb_id: str | None = None


@dataclass
class Mention:
    text: str
    start: int
    end: int
    actor: str


@dataclass
class Place:
    """A place named as a place ("to Moscow"), as opposed to a capital acting as an actor."""

    text: str
    start: int
    end: int
    country: str | None = None


@dataclass
class Speaker:
    actor: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Quote:
    id: str
    kind: str  # direct | partial | indirect | mixed
    text: str
    spans: list[tuple[int, int]]
    speaker: Speaker
    cue: Span | None = None
    # Ids of the events this statement speaks about (the framing stage fills it).
    about: list[str] = field(default_factory=list)


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None


@dataclass
class TimeValue:
    text: str | None = None
    value: str | None = None
    mod: str | None = None


@dataclass
class Location:
    name: str
    country: str | None = None


@dataclass
class Event:
    id: str
    type: str
    status: str
    source: str | None
    target: str | None
    evidence: Span
    mode: str | None = None
    context: list[str] | None = None
    others: list[str] = field(default_factory=list)
    time: TimeValue | None = None
    location: Location | None = None
    reported_by: str | None = None
    quote: str | None = None
    # The whole sentence the evidence sits in, so every answer can be shown in context.
    sentence: Span | None = None
    # What ``time`` dates: "occurred" (the event's own time) or "reported" (no time
    # governs the event, so it carries the time it was reported at).
    time_role: str | None = None
    # For AGREE and THREATEN: the act promised or threatened, as "TYPE" or "TYPE:mode"
    # ("CONSULT:host" for "is prepared to welcome delegations"); for REQUEST, the act
    # asked for ("RETREAT:release" for "called for the release of …"); for REJECT, the
    # act refused ("SUPPORT:recognize" for "does not recognize the government").
    action: str | None = None
    # The PLOVER manual's conflict-cooperation score of the type and mode, -10 (most
    # conflictual) to +10 (``dyad.plover.intensity``); set from them when not given.
    intensity: float | None = None
    # The words the text used for a side no actor was found for ("protesters", "a
    # spokesman", "the ministry"): set only where ``source`` or ``target`` is None.
    source_words: Span | None = None
    target_words: Span | None = None

    def __post_init__(self) -> None:
        if self.intensity is None:
            self.intensity = plover_intensity(self.type, self.mode)


@dataclass
class Analysis:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dyad_version: str = ""

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        quotes = []
        for quote in self.quotes:
            item = asdict(quote)
            item["spans"] = [list(span) for span in quote.spans]
            quotes.append(item)
        return {
            "dyad_version": self.dyad_version,
            "article": self.article.to_dict(),
            "actors": [asdict(a) for a in self.actors],
            "mentions": [asdict(m) for m in self.mentions],
            "quotes": quotes,
            "times": [asdict(t) for t in self.times],
            "events": [asdict(e) for e in self.events],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        def span(item: dict | None) -> Span | None:
            return Span(**item) if item else None

        events = []
        for item in data["events"]:
            item = dict(item)
            item["evidence"] = span(item["evidence"])
            item["sentence"] = span(item.get("sentence"))
            for side in ("source_words", "target_words"):
                item[side] = span(item.get(side))
            item["time"] = TimeValue(**item["time"]) if item.get("time") else None
            item["location"] = Location(**item["location"]) if item.get("location") else None
            events.append(Event(**item))
        quotes = []
        for item in data["quotes"]:
            item = dict(item)
            item["spans"] = [tuple(s) for s in item["spans"]]
            item["speaker"] = Speaker(**item["speaker"])
            item["cue"] = span(item.get("cue"))
            quotes.append(Quote(**item))
        return cls(
            article=Article.from_dict(data["article"]),
            actors=[Actor(**a) for a in data["actors"]],
            mentions=[Mention(**m) for m in data["mentions"]],
            quotes=quotes,
            times=[TimeExpr(**t) for t in data["times"]],
            events=events,
            dyad_version=data.get("dyad_version", ""),
        )
