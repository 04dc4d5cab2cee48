"""The dated actor knowledge base.

Layers, later ones winning for an alias they share:
  1. generated from the CAMEO/PLOVER dictionaries by ``scripts/build_kb.py``
     (``countries.csv``, ``places.csv``, ``actors.csv``, ``agents.csv``);
  2. the hand-curated post-2014 layer ``curated.yaml``;
  3. the user's own YAML files (same format as ``curated.yaml``).
Every alias remembers the file and line or entry it came from, so ``dyad actor``
can say where an answer came from.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.model import Actor
from dyad.version import __version__

KB_DIR = Path(str(resources.files("dyad") / "data" / "kb"))
STATE_SECTOR = "GOV"

# Alias kinds: what a matched alias is, before context decides how it is used.
NAME, DEMONYM, CAPITAL, SEAT, PLACE = "name", "demonym", "capital", "seat", "place"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CURLY_APOSTROPHES = ("’", "‘", "`")
_PIECES = re.compile(r"[\s\-–/]+")


def straight_apostrophes(text: str) -> str:
    """The text with each curly apostrophe or backtick written "'" (``str.translate``
    with a table took ten times as long over an article's text)."""
    for apostrophe in CURLY_APOSTROPHES:
        text = text.replace(apostrophe, "'")
    return text


def normalize(text: str) -> str:
    """Lookup key of a name: lower case, straight apostrophes, one space, no leading 'the'."""
    key = " ".join(straight_apostrophes(text).lower().split())
    return key[4:] if key.startswith("the ") else key


def ascii_id(text: str) -> str:
    """'Mousa Abu Marzook' -> 'MOUSA_ABU_MARZOOK'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")


@dataclass(frozen=True)
class Role:
    affiliation: str  # ISO3 state or organisation id
    title: str
    start: str  # ISO date or ''
    end: str
    sector: str | None = None

    def holds(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass
class Entry:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    source: str
    roles: list[Role] = field(default_factory=list)
    # Dictionary codes and offices, parsed into ``roles`` when first needed.
    raw_roles: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class AliasTarget:
    actor: str
    kind: str  # NAME, DEMONYM, CAPITAL, SEAT, PLACE
    source: str
    capitals_only: bool = False  # 'US', 'WHO': must be written in capitals to match


@dataclass
class Lexicon:
    member_nouns: frozenset[str]
    state_nouns: frozenset[str]
    anaphoric_nouns: dict[str, tuple[str, ...]]
    locative_prepositions: frozenset[str]
    acting_dependencies: frozenset[str]
    acting_prepositions: frozenset[str]
    title_words: frozenset[str]
    appositive_determiners: frozenset[str]
    government_nouns: frozenset[str]
    title_abbreviations: dict[str, str]
    honorifics: frozenset[str]
    it_verbs: frozenset[str]
    male_words: frozenset[str]
    female_words: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    place_parts: frozenset[str]
    place_verbs: frozenset[str]
    role_nouns: frozenset[str]
    organisation_name_words: dict[str, tuple[str, str]]
    organisation_kind_nouns: dict[str, tuple[str, str]]
    affiliation_roles: frozenset[str]
    leader_roles: frozenset[str]
    us_party_letters: dict[str, str]
    us_state_abbreviations: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    home_agent_nouns: frozenset[str]
    place_name_words: frozenset[str]
    state_locative_prepositions: frozenset[str]
    not_actor_name_words: frozenset[str]
    not_actor_names: frozenset[str]
    work_nouns: frozenset[str]
    announced_nouns: frozenset[str]
    generic_institutions: frozenset[str]
    common_word_names: frozenset[str]
    site_name_words: frozenset[str]
    choosing_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    unnamed_person_nouns: frozenset[str]
    platforms: frozenset[str]
    impersonal_passives: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        return cls(
            member_nouns=frozenset(data["member_nouns"]),
            state_nouns=frozenset(data["state_nouns"]),
            anaphoric_nouns={k: tuple(v) for k, v in data["anaphoric_nouns"].items()},
            locative_prepositions=frozenset(data["locative_prepositions"]),
            acting_dependencies=frozenset(data["acting_dependencies"]),
            acting_prepositions=frozenset(data["acting_prepositions"]),
            title_words=frozenset(data["title_words"]),
            appositive_determiners=frozenset(data["appositive_determiners"]),
            government_nouns=frozenset(data["government_nouns"]),
            title_abbreviations=dict(data["title_abbreviations"]),
            honorifics=frozenset(data["honorifics"]),
            it_verbs=frozenset(data["it_verbs"]),
            male_words=frozenset(data["male_words"]),
            female_words=frozenset(data["female_words"]),
            male_names=frozenset(data["male_names"]),
            female_names=frozenset(data["female_names"]),
            place_parts=frozenset(data["place_parts"]),
            place_verbs=frozenset(data["place_verbs"]),
            role_nouns=frozenset(data["role_nouns"]),
            organisation_name_words={
                word: (pair[0], pair[1]) for word, pair in data["organisation_name_words"].items()
            },
            organisation_kind_nouns={
                noun: (pair[0], pair[1]) for noun, pair in data["organisation_kind_nouns"].items()
            },
            affiliation_roles=frozenset(data["affiliation_roles"]),
            leader_roles=frozenset(data["leader_roles"]),
            us_party_letters=dict(data["us_party_letters"]),
            us_state_abbreviations=frozenset(data["us_state_abbreviations"]),
            pronouns={k: frozenset(v) for k, v in data["pronouns"].items()},
            home_agent_nouns=frozenset(data["home_agent_nouns"]),
            place_name_words=frozenset(data["place_name_words"]),
            state_locative_prepositions=frozenset(data["state_locative_prepositions"]),
            not_actor_name_words=frozenset(data["not_actor_name_words"]),
            not_actor_names=frozenset(data["not_actor_names"]),
            work_nouns=frozenset(data["work_nouns"]),
            announced_nouns=frozenset(data["announced_nouns"]),
            generic_institutions=frozenset(data["generic_institutions"]),
            common_word_names=frozenset(data["common_word_names"]),
            site_name_words=frozenset(data["site_name_words"]),
            choosing_verbs=frozenset(data["choosing_verbs"]),
            place_prepositions=frozenset(data["place_prepositions"]),
            place_nouns=frozenset(data["place_nouns"]),
            unnamed_person_nouns=frozenset(data["unnamed_person_nouns"]),
            platforms=frozenset(data["platforms"]),
            impersonal_passives=frozenset(data["impersonal_passives"]),
        )


class KnowledgeBase:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.aliases: dict[str, list[AliasTarget]] = {}
        self.agents: dict[str, str] = {}
        self.demonym_of: dict[str, str] = {}  # ISO3 -> adjective ("Russian")
        self.max_alias_words = 1
        # first piece of an alias ('al' of 'al-qaeda') -> most pieces an alias starting so has
        self.first_pieces: dict[str, int] = {}
        # first word of an alias ('al-qaeda' of 'al-qaeda in iraq') -> the longest alias
        # starting with it, in characters
        self.first_word_chars: dict[str, int] = {}
        self.lexicon = Lexicon.load(KB_DIR / "lexicon.yaml")
        self._offices: dict[tuple[str, str], list[tuple[str, Role]]] | None = None

    # -- loading -------------------------------------------------------------

    @classmethod
    def load(cls, user_paths: tuple[str, ...] = ()) -> KnowledgeBase:
        kb = _cached_base()
        for path in user_paths:
            data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or {}
            kb._load_yaml(data, str(path), override=True)
        return kb

    @classmethod
    def load_base(cls) -> KnowledgeBase:
        """The shipped layers, read from the data files."""
        kb = cls()
        kb._load_countries(KB_DIR / "countries.csv")
        kb._load_places(KB_DIR / "places.csv")
        curated = yaml.load((KB_DIR / "curated.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
        kb._load_yaml(curated, "curated.yaml")
        kb._load_phoenix(KB_DIR / "actors.csv")
        with open(KB_DIR / "agents.csv", encoding="utf-8") as handle:
            kb.agents = {row["phrase"]: row["sector"] for row in csv.DictReader(handle)}
        return kb

    def add_alias(
        self, alias: str, target: AliasTarget, first: bool = False, cased: bool = False
    ) -> None:
        """``cased``: the alias is written with its real capitals (YAML), not upper-cased
        or title-cased as in the dictionaries, where only very short names are suspect."""
        key = normalize(alias)
        if not key:
            return
        letters = sum(c.isalpha() for c in alias)
        if " " not in key and (
            (cased and alias.isupper() and letters <= 5) or (not cased and letters <= 3)
        ):
            target = replace(target, capitals_only=True)
        targets = self.aliases.setdefault(key, [])
        for t in targets:
            if t.actor == target.actor and t.kind == target.kind:
                return
        if first:
            targets.insert(0, target)
        else:
            targets.append(target)
        self.max_alias_words = max(self.max_alias_words, key.count(" ") + 1)
        pieces = _PIECES.split(key)
        for piece in {pieces[0], key.split(" ")[0]}:
            self.first_pieces[piece] = max(self.first_pieces.get(piece, 0), len(pieces))
        word = key.split(" ")[0]
        self.first_word_chars[word] = max(self.first_word_chars.get(word, 0), len(key))

    def _load_countries(self, path: Path) -> None:
        with open(path, encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), 2):
                source = f"{path.name}:{number} (from {row['source']})"
                iso3 = row["id"]
                # A state's first row names it; later rows add its territories' names
                # (France, then Mayotte and Saint Barthelemy), and a stray header row names none.
                if iso3 not in self.entries or not self.entries[iso3].name[:1].isalpha():
                    self.entries[iso3] = Entry(
                        iso3, row["name"], "state", iso3, STATE_SECTOR, source
                    )
                self.add_alias(row["name"], AliasTarget(iso3, NAME, source))
                for name in _split(row["names"]):
                    self.add_alias(name, AliasTarget(iso3, NAME, source))
                for demonym in _split(row["demonyms"]):
                    self.demonym_of.setdefault(iso3, demonym)
                    self.add_alias(demonym, AliasTarget(iso3, DEMONYM, source))
                    for plural in _demonym_plurals(demonym):
                        self.add_alias(plural, AliasTarget(iso3, NAME, source))
                for capital in _split(row["capitals"]):
                    self.add_alias(capital, AliasTarget(iso3, CAPITAL, source))

    def _load_places(self, path: Path) -> None:
        with open(path, encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), 2):
                target = AliasTarget(row["country"], PLACE, f"{path.name}:{number}")
                self.add_alias(row["name"], target)

    def _load_yaml(self, data: dict[str, Any], source: str, override: bool = False) -> None:
        for iso3, info in (data.get("states") or {}).items():
            entry = self.entries.get(iso3)
            if entry is None:
                entry = self.entries[iso3] = Entry(iso3, info["name"], "state", iso3, "GOV", source)
            entry.name = info.get("name", entry.name)
            for alias in [entry.name, *info.get("aliases", [])]:
                target = AliasTarget(iso3, NAME, f"{source}: states.{iso3}")
                self.add_alias(alias, target, first=True, cased=True)
            for number, demonym in enumerate(info.get("demonyms") or []):
                if number == 0:  # the adjective group names are made with ('Swedish media')
                    self.demonym_of[iso3] = demonym
                target = AliasTarget(iso3, DEMONYM, f"{source}: states.{iso3}")
                self.add_alias(demonym, target, first=True, cased=True)
                for plural in _demonym_plurals(demonym):
                    target = AliasTarget(iso3, NAME, f"{source}: states.{iso3}")
                    self.add_alias(plural, target, first=True, cased=True)
        seats = data.get("seats") or {}
        for kind_key in ("organizations", "people"):
            for item in data.get(kind_key) or []:
                self._add_entry(item, kind_key, f"{source}: {kind_key}.{item['id']}", override)
        for seat, actor_id in seats.items():  # after the organisations they may stand for
            target = AliasTarget(str(actor_id), SEAT, f"{source}: seats.{seat}")
            self.add_alias(seat, target, first=True, cased=True)

    def _add_entry(self, item: dict[str, Any], kind_key: str, source: str, override: bool) -> None:
        actor_id = str(item["id"])
        roles = [
            Role(
                str(r[0]),
                str(r[1]),
                _iso(r[2]),
                _iso(r[3]) if len(r) > 3 else "",
                str(r[4]) if len(r) > 4 and r[4] else None,
            )
            for r in item.get("roles") or []
        ]
        existing = self.entries.get(actor_id)
        if existing is not None and not override:
            return
        entry = Entry(
            id=actor_id,
            name=str(item.get("name") or (existing.name if existing else actor_id)),
            kind=str(item.get("kind") or ("person" if kind_key == "people" else "organization")),
            country=item.get("country") or (existing.country if existing else None),
            sector=item.get("sector") or (existing.sector if existing else None),
            source=source,
            roles=roles or (existing.roles if existing else []),
        )
        self.entries[actor_id] = entry
        for alias in [entry.name, *(item.get("aliases") or [])]:
            self.add_alias(str(alias), AliasTarget(actor_id, NAME, source), first=True, cased=True)

    def _load_phoenix(self, path: Path) -> None:
        """Dictionary actors; one that names a curated actor is merged into it."""
        government = self.lexicon.government_nouns
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                source = row["source"]
                name_key = normalize(row["name"])
                person = row["kind"] == "person"
                # People are also recognised by a full-name alias ('Ban Ki-Moon' for
                # 'Secretary-General Ban Ki-Moon'); organisations only by their name, since
                # dictionary catch-alls list many organisations as aliases of one entry.
                keys = [name_key] + [
                    normalize(a) for a in _split(row["aliases"]) if person and " " in a.strip()
                ]
                known = [
                    t
                    for key in keys
                    for t in self.aliases.get(key, [])
                    if t.kind in (NAME, SEAT)
                    and t.source.startswith("curated")
                    and (key == name_key or self.entries[t.actor].kind == "person")
                ] or [t for t in self.aliases.get(name_key, []) if t.kind in (NAME, SEAT)]
                # A full name is the same actor whatever kind the dictionary guessed;
                # a one-word name only when both are people or both are not.
                same = next(
                    (
                        t
                        for t in known
                        if " " in name_key or (self.entries[t.actor].kind == "person") == person
                    ),
                    None,
                )
                if same is not None:
                    actor_id, kind = same.actor, same.kind
                else:
                    actor_id, kind = row["id"], NAME
                    if actor_id in self.entries:
                        continue
                    self.entries[actor_id] = Entry(
                        actor_id,
                        row["name"],
                        row["kind"],
                        row["country"] or None,
                        row["sector"] or None,
                        source,
                        raw_roles=(row["codes"], row["roles"], row["country"]),
                    )
                for alias in _split(row["aliases"]):
                    if person and alias.rsplit(" ", 1)[-1].lower() in government:
                        continue  # 'Obama Administration' is the state, not the man
                    self.add_alias(alias, AliasTarget(actor_id, kind, source))

    # -- queries -------------------------------------------------------------

    def lookup(self, text: str) -> list[AliasTarget]:
        return self.aliases.get(normalize(text), [])

    def agent_sector(self, phrase: str) -> str | None:
        """Sector of an agent noun phrase, trying shorter endings: 'deputy foreign minister'."""
        words = normalize(phrase).split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            sector = self.agents.get(tail) or self.agents.get(_singular(tail))
            if sector:
                return sector
        return None

    def actor(self, actor_id: str, date: str | None = None) -> Actor:
        """The KB actor as it stood on ``date`` (ISO; None = today's knowledge)."""
        entry = self.entries[actor_id]
        role = self.role_at(entry, date)
        country, sector, title, affiliation = entry.country, entry.sector, None, None
        if role is not None:
            affiliation = role.affiliation or None
            holder = self.entries.get(role.affiliation)
            if holder is not None:
                country = country or holder.country
                sector = role.sector or (holder.sector if holder.kind != "state" else STATE_SECTOR)
            else:  # Phoenix code without a known affiliation: 'RUSGOV' -> RUS
                sector = role.sector or sector
            title = role.title if role.holds(date or "9999") else f"former {role.title}"
            if holder is not None and holder.kind == "state" and not entry.country:
                country = holder.id
        return Actor(
            id=entry.id,
            name=entry.name,
            kind=_schema_kind(entry.kind),
            country=country,
            sector=sector,
            role=title or None,
            affiliation=affiliation if affiliation != entry.id else None,
            kb_id=entry.id,
        )

    def office_holder(self, affiliation: str, title: str, date: str | None) -> str | None:
        """Who held an office on a date: ('TUR', 'president', '2016-08-29') -> 'ERDOGAN'.
        Only the curated and user layers are asked: their titles are written alike."""
        if self._offices is None:
            self._offices = {}
            for entry in self.entries.values():
                if entry.kind == "person" and entry.raw_roles is None:
                    for role in entry.roles:
                        key = (role.affiliation, _title_key(role.title))
                        self._offices.setdefault(key, []).append((entry.id, role))
        holders = {
            actor_id
            for actor_id, role in self._offices.get((affiliation, _title_key(title)), [])
            if role.holds(date or "9999-12-31")
        }
        return holders.pop() if len(holders) == 1 else None

    def role_at(self, entry: Entry, date: str | None) -> Role | None:
        """The role held on ``date``; else the last one before it; else the first one."""
        if entry.raw_roles is not None:
            entry.roles, entry.raw_roles = _phoenix_roles(*entry.raw_roles), None
        if not entry.roles:
            return None
        when = date or "9999-12-31"
        current = [r for r in entry.roles if r.holds(when)]
        if current:
            return current[-1]
        past = [r for r in entry.roles if r.end and r.end <= when]
        if past:
            return max(past, key=lambda r: r.end)
        return None


def _title_key(title: str) -> str:
    """'Defense Secretary' and 'defence secretary', 'vice-president' and 'vice president'."""
    key = " ".join(title.lower().replace("-", " ").split())
    return key.replace("defense", "defence")


def _split(field_text: str) -> list[str]:
    return [part for part in field_text.split("|") if part]


def _demonym_plurals(demonym: str) -> list[str]:
    """'Russian' -> ['Russians']; 'Chinese', 'British', 'French' have no plural noun in -s."""
    if demonym.endswith(("ese", "sh", "ch", "s", "x", "z")):
        return []
    return [demonym + "s"]


def _singular(phrase: str) -> str:
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss"):
        return phrase[:-1]
    return phrase


def _iso(value: Any) -> str:
    return "" if value in (None, "") else str(value)


def _phoenix_roles(codes: str, offices: str, home: str) -> list[Role]:
    """CAMEO codes ('RUSGOV:2008-05-08:') and CountryInfo offices as dated roles."""
    titles = {}
    for item in _split(offices.replace(";", "|")):
        country, title, start, end = item.split(":")
        titles[(country, start)] = title
    roles: list[Role] = []
    for item in codes.split(";"):
        code, start, end = item.split(":")
        if not (start or end) and roles:
            continue
        country, sector = code[:3], code[3:6] or STATE_SECTOR
        if country in ("IGO", "NGO", "IMG", "MNC"):
            # a sector code, not a country: without a home the role has no affiliation
            # (the code 'NGO' would name the base's Le Huy Ngo, whose id it is)
            country, sector = home, country if country != "IMG" else "REB"
        title = titles.get((country, start), "")
        roles.append(Role(country, title, start, end, _CAMEO_SECTORS.get(sector, sector)))
    return roles


_CAMEO_SECTORS = {"JRN": "MED", "UAF": "MIL", "MNC": "BUS"}


def _schema_kind(kind: str) -> str:
    return kind if kind in _SCHEMA_KINDS else "organization"


_SCHEMA_KINDS = {
    "state",
    "government",
    "igo",
    "ngo",
    "armed_group",
    "party",
    "organization",
    "media",
    "person",
    "group",
    "author",
    "other",
}


def _cached_base() -> KnowledgeBase:
    """The shipped layers from a pickle next to the user's caches, rebuilt when a data file
    changes; the data files stay the source of truth."""
    stamp = hashlib.sha256(__version__.encode())
    for path in [Path(__file__), *sorted(KB_DIR.iterdir())]:
        info = path.stat()
        stamp.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    cache = Path(cache_home) / "dyad" / f"kb-{stamp.hexdigest()[:16]}.pickle"
    try:
        with open(cache, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    kb = KnowledgeBase.load_base()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "wb") as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, cache)
    except OSError:
        pass  # a read-only home still works, just slower
    return kb


@lru_cache(maxsize=8)
def load_kb(user_paths: tuple[str, ...] = ()) -> KnowledgeBase:
    return KnowledgeBase.load(user_paths)
