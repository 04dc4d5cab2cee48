"""Build dyad's shipped actor knowledge base from the CAMEO/PLOVER dictionaries.

    python scripts/build_kb.py [DICTIONARIES_DIR]

Reads (default ``../shared/data/dictionaries``):
  phoenix/Phoenix.{Countries,International,MilNonState}.actors.txt   (MIT, OEDA)
  phoenix/Phoenix.agents.txt, PLOVER_agents.txt                      (MIT, OEDA / NGEC)
  countryinfo/CountryInfo.120116.txt                                 (CC BY-SA 3.0)
and writes to ``src/dyad/data/kb/``:
  countries.csv  one row per state: ISO3, name, name variants, demonyms, capitals
  places.csv     cities, regions and features with their country (places, not actors)
  actors.csv     organisations, armed groups and people with dated CAMEO codes and roles
  agents.csv     generic agent phrases ("state media", "doctor") -> sector
The hand-curated layer (curated.yaml) and word lists (lexicon.yaml) are edited by hand.
Running the script twice gives byte-identical files.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyad" / "data" / "kb"
DEFAULT_DICTIONARIES = ROOT.parent / "shared" / "data" / "dictionaries"

# CAMEO role codes -> dyad sector codes. dyad uses MED for media (CAMEO's MED);
# the agents dictionaries write journalists as JRN and doctors as MED, so they are mapped apart.
ACTOR_SECTORS = {"JRN": "MED", "UAF": "MIL", "IMG": "REB", "MNC": "BUS", "IGO": "IGO", "NGO": "NGO"}
AGENT_SECTORS = {"JRN": "MED", "MED": "HLH", "UAF": "MIL"}
KIND_BY_SECTOR = {
    "GOV": "government",
    "MIL": "government",
    "COP": "government",
    "SPY": "government",
    "JUD": "government",
    "LEG": "government",
    "REB": "armed_group",
    "IGO": "igo",
    "NGO": "ngo",
    "PTY": "party",
    "OPP": "party",
    "MED": "media",
}
# Words that make a dictionary entry an organisation even when its codes are dated.
ORG_WORDS = {
    "ADMINISTRATION",
    "AGENCY",
    "ALLIANCE",
    "ARMY",
    "ASSOCIATION",
    "AUTHORITY",
    "BANK",
    "BOARD",
    "BUREAU",
    "CENTER",
    "CENTRE",
    "COMMISSION",
    "COMMITTEE",
    "COMPANY",
    "CORPORATION",
    "COUNCIL",
    "COURT",
    "DEPARTMENT",
    "FORCE",
    "FORCES",
    "FOUNDATION",
    "FRONT",
    "GOVERNMENT",
    "GROUP",
    "INSTITUTE",
    "LEAGUE",
    "MINISTRY",
    "MOVEMENT",
    "NEWS",
    "OFFICE",
    "ORGANIZATION",
    "PARTY",
    "SCHOOL",
    "TANK",
    "UNION",
    "UNIVERSITY",
}
CODE_RE = re.compile(r"\[([A-Z~]{3,})\s*([^\]]*)\]")
LEADER_TAG_RE = re.compile(r"^\s*<([^/>][^>]*)>\s*$")
LEADER_RE = re.compile(r"^\s*([A-Z][^\[#]*?)_?\s*((?:\[[^\]]*\]\s*)+)")
DATE_RANGE_RE = re.compile(r"\[\s*([<>]?)(\d{8})?\s*(?:-\s*(\d{8}))?\s*\]")


def norm_name(raw: str) -> str:
    """'VLADIMIR_V._PUTIN_' -> 'Vladimir V. Putin' (display form, ASCII apostrophes)."""
    words = [w for w in raw.replace("_", " ").split() if w]
    return " ".join(_titlecase(w) for w in words)


def _titlecase(word: str) -> str:
    if len(word) <= 4 and "." in word:  # U.N., U.S.
        return word.upper()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def alias_key(raw: str) -> str:
    return " ".join(raw.replace("_", " ").lower().split())


def ascii_upper(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")


def cameo_date(text: str | None) -> str:
    """'991231' or '19991231' -> '1999-12-31'."""
    if not text:
        return ""
    text = text.strip()
    if len(text) == 6:
        year = int(text[:2])
        text = f"{1900 + year if year > 30 else 2000 + year}{text[2:]}"
    if len(text) != 8:
        return ""
    month, day = text[4:6], text[6:8]
    day = day if day != "00" else "01"
    month = month if month != "00" else "01"
    if int(day) > 28:  # '20080431'-style typos in the source; the month is what matters
        day = "28"
    return f"{text[:4]}-{month}-{day}"


def parse_code(code: str, bounds: str) -> tuple[str, str, str]:
    """'RUSGOV', '>080508' -> ('RUSGOV', '2008-05-08', '')."""
    bounds = bounds.split("#")[0].strip()
    start = end = ""
    if bounds.startswith(">"):
        start = cameo_date(bounds[1:])
    elif bounds.startswith("<"):
        end = cameo_date(bounds[1:])
    elif "-" in bounds:
        first, last = bounds.split("-", 1)
        start, end = cameo_date(first), cameo_date(last)
    return code, start, end


@dataclass
class Entry:
    name: str
    aliases: list[str]
    codes: list[tuple[str, str, str]]
    source: str
    roles: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # country, role, start, end


def read_phoenix(path: Path) -> list[Entry]:
    """Blocks of 'NAME [CODE]' / '+SYNONYM' / '\t[CODE dates]' lines."""
    entries: list[Entry] = []
    current: Entry | None = None
    for number, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current.aliases.append(line[1:].split("[")[0].strip())
            continue
        codes = [parse_code(c, b) for c, b in CODE_RE.findall(line)]
        if line[0].isspace() or line.startswith("["):
            if current is not None:
                current.codes.extend(codes)
            continue
        name = line.split("[")[0].strip()
        if not name or name.startswith("!") or "{" in name:
            current = None
            continue
        if current is not None and not current.codes and not codes and _same_person(current, name):
            # A person's name lines in a row before the block's codes are one actor's
            # names (BORIS_YELTSIN_ / YELTSIN / PRESIDENT_YELTSIN, then the dated codes).
            current.aliases.append(name)
            continue
        current = Entry(name, [], codes, f"phoenix/{path.name}:{number}")
        entries.append(current)
    return [e for e in entries if e.codes]


def _same_person(entry: Entry, name: str) -> bool:
    """Is a code-less name line another name of the CountryInfo person above it
    ('BORIS_YELTSIN_' then 'PRESIDENT_YELTSIN'), not a separate dictionary entry?"""
    surname = entry.name.strip("_").rsplit("_", 1)[-1]
    return entry.name.endswith("_") and surname in name.replace(".", "").split("_")


@dataclass
class Country:
    iso3: str
    name: str
    demonyms: list[str]
    names: list[str]
    capitals: list[str]
    cities: list[str]
    regions: list[str]
    leaders: list[tuple[str, str, str, str]]  # name, role, start, end


def read_countryinfo(path: Path) -> list[Country]:
    text = path.read_text(encoding="latin-1")
    countries = []
    for block in re.findall(r"<Country>(.*?)(?=<Country>|\Z)", text, re.S):
        # <CountryCode> is the reliable one (ISO3166-alpha3 has typos: Israel 'IL', Japan 'JON');
        # dependencies carry 6-letter codes there ('USAASM') and their own ISO3 below.
        iso = re.search(r"<CountryCode>\s*([A-Z]{3})<", block) or re.search(
            r"<ISO3166-alpha3>\s*([A-Z]{3})", block
        )
        name = re.search(r"<CountryName>\s*([^<]+)<", block)
        if not iso or not name:
            continue

        def items(tag: str, block: str = block) -> list[str]:
            found = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if not found:
                return []
            words = [ln.split("#")[0].strip() for ln in found.group(1).splitlines()]
            return [w for w in words if w and not w.startswith("<")]

        nationality = items("Nationality")
        countries.append(
            Country(
                iso3=iso.group(1),
                name=norm_name(name.group(1)),
                demonyms=nationality[:1],
                names=nationality[1:],
                capitals=items("Capital"),
                cities=items("MajorCities"),
                regions=items("Regions") + items("GeogFeatures"),
                leaders=_leaders(block),
            )
        )
    return countries


def _leaders(block: str) -> list[tuple[str, str, str, str]]:
    found = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
    result: list[tuple[str, str, str, str]] = []
    role = ""
    for line in (found.group(1) if found else "").splitlines():
        tag = LEADER_TAG_RE.match(line)
        if tag:
            role = _singular(tag.group(1))
            continue
        person = LEADER_RE.match(line)
        if not person or not role:
            continue
        for start_mark, start, end in DATE_RANGE_RE.findall(person.group(2)):
            if start_mark == "<":
                start, end = "", start
            result.append((person.group(1).strip(), role, cameo_date(start), cameo_date(end)))
    return result


def _singular(title: str) -> str:
    words = title.split("(")[0].strip().lower().replace("'s_", "'s ").replace("_", " ").split()
    if words and words[0].endswith("s") and not words[0].endswith("ss"):
        words[0] = words[0][:-1]
    return " ".join(words)


def read_agents(paths: list[Path]) -> dict[str, str]:
    """Agent phrase (lower case, spaces) -> dyad sector; later files do not override."""
    agents: dict[str, str] = {}
    for path in paths:
        macros: dict[str, list[str]] = {}
        for raw in path.read_text(encoding="latin-1").splitlines():
            line = raw.split("#", 1)[0].strip()
            macro = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
            if macro:
                macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
                continue
            found = re.match(r"^([^\[{]+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
            if not found:
                continue
            phrase, sector = (
                found.group(1).strip(),
                AGENT_SECTORS.get(found.group(2), found.group(2)),
            )
            for expanded in _expand(phrase, macros):
                agents.setdefault(alias_key(expanded), sector)
    return agents


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in phrase:
            return [p for w in words for p in _expand(phrase.replace(macro, w.lower()), macros)]
    return [phrase]


def actor_kind(entry: Entry, is_person: bool, sector: str) -> str:
    if is_person:
        return "person"
    return KIND_BY_SECTOR.get(sector, "organization")


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO code -> (ISO3 country or None, dyad sector)."""
    head, rest = code[:3], code[3:]
    if head in ("IGO", "NGO", "IMG", "MNC"):
        return None, ACTOR_SECTORS[head]
    sector = rest[:3] or "GOV"
    return head, ACTOR_SECTORS.get(sector, sector)


def build(dictionaries: Path) -> None:
    countries = read_countryinfo(dictionaries / "countryinfo" / "CountryInfo.120116.txt")
    country_codes = {c.iso3 for c in countries}
    place_keys: dict[str, tuple[str, str]] = {}
    for country in countries:
        for kind, names in (
            ("capital", country.capitals),
            ("city", country.cities),
            ("region", country.regions),
        ):
            for raw in names:
                place_keys.setdefault(alias_key(raw), (country.iso3, kind))

    roles_by_name: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for country in countries:
        for name, role, start, end in country.leaders:
            roles_by_name[alias_key(name)].append((country.iso3, role, start, end))

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "countries.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "name", "names", "demonyms", "capitals", "source"])
        for c in sorted(countries, key=lambda c: c.iso3):
            names = [n for n in c.names if alias_key(n) not in place_keys]
            writer.writerow(
                [
                    c.iso3,
                    c.name,
                    "|".join(norm_name(n) for n in names),
                    "|".join(norm_name(n) for n in c.demonyms),
                    "|".join(norm_name(n) for n in c.capitals),
                    "countryinfo/CountryInfo.120116.txt",
                ]
            )

    with open(OUT / "places.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country", "type"])
        for key, (iso3, kind) in sorted(place_keys.items()):
            if len(key) > 2:
                writer.writerow([norm_name(key), iso3, kind])

    phoenix = dictionaries / "phoenix"
    entries: list[Entry] = []
    for name in ("Countries", "International", "MilNonState"):
        entries.extend(read_phoenix(phoenix / f"Phoenix.{name}.actors.txt"))

    rows = []
    used_ids: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        first_code = entry.codes[0][0]
        if first_code in country_codes or alias_key(entry.name) in place_keys:
            continue  # country blocks and cities come from CountryInfo
        if (alias_key(entry.name), first_code) in seen:
            continue  # the same actor listed twice in the source
        seen.add((alias_key(entry.name), first_code))
        entry.roles = roles_by_name.get(alias_key(entry.name), [])
        dated = any(start or end for _, start, end in entry.codes)
        is_person = not ORG_WORDS.intersection(entry.name.strip("_").split("_")) and (
            dated or bool(entry.roles) or any(c[3:6] == "ELI" for c, _, _ in entry.codes)
        )
        country, sector = split_code(first_code)
        if country is not None and country not in country_codes:
            country = None
        actor_id = _unique(
            _base_id(entry, is_person, first_code), used_ids, ascii_upper(norm_name(entry.name))
        )
        aliases = {norm_name(a) for a in [entry.name, *entry.aliases] if a.strip("_ ")}
        if is_person or first_code.startswith("MNC"):
            # Bare surnames and one-word company names collide with other people and
            # common words; the resolver links surnames back to full names in the article.
            aliases = {a for a in aliases if " " in a}
        if not aliases:
            continue
        rows.append(
            [
                actor_id,
                norm_name(entry.name),
                actor_kind(entry, is_person, sector or ""),
                country or "",
                sector or "",
                ";".join(f"{c}:{s}:{e}" for c, s, e in entry.codes),
                ";".join(f"{c}:{r}:{s}:{e}" for c, r, s, e in entry.roles),
                "|".join(sorted(aliases)),
                entry.source,
            ]
        )
    with open(OUT / "actors.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["id", "name", "kind", "country", "sector", "codes", "roles", "aliases", "source"]
        )
        writer.writerows(rows)

    agents = read_agents([dictionaries / "PLOVER_agents.txt", phoenix / "Phoenix.agents.txt"])
    with open(OUT / "agents.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["phrase", "sector"])
        for phrase, sector in sorted(agents.items()):
            writer.writerow([phrase, sector])
    print(
        f"{len(countries)} countries, {len(place_keys)} places, {len(rows)} actors, "
        f"{len(agents)} agent phrases -> {OUT}"
    )


def _base_id(entry: Entry, is_person: bool, code: str) -> str:
    words = ascii_upper(norm_name(entry.name)).split("_")
    if is_person:
        return words[-1] if words else code
    return "_".join(words)[:40] or code


def _unique(base: str, used: set[str], full: str = "") -> str:
    if base in used and full:
        base = full
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}_{number}"
        number += 1
    used.add(candidate)
    return candidate


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DICTIONARIES)
