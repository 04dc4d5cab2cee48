"""Score actor mentions against dyad's hand-coded gold file (``gold/actors.json``).

The gold file holds no article text: each document names a file under the
shared data folder (e.g. ``polnear/train/text/<name>.txt``, read at eval time)
and lists mentions by character offsets with the expected actor, either a
knowledge-base id (``{"id": "OBAMA"}``) or the properties an article-local
actor must have (``{"kind": "person", "country": "USA", "sector": "GOV"}``), or
``{"place": true}`` for a name that must be a place and not an actor, or
``{"same": key}`` for the actor found at another gold mention carrying that
``key`` (a local person's short name or pronoun). ``name`` among the properties
is matched on the last word (``{"name": "Yeltsin", "country": "RUS"}``), so gold
can name a person whatever id the knowledge base gives him. A ``.tml`` path is a
TimeML file: offsets are into its tag-stripped ``<TEXT>``, as the TimeML scorer
reads it.

A gold mention is resolved when a predicted mention covers its last character
(the head of an English noun phrase) and that mention's actor fits. Scores are
given overall and per case (``kb``, ``local_person``, ``metonymy``, ``demonym``,
``member``, ``pronoun``, ``description``, ``place`` ...).

Articles may also come from a JSONL corpus (``"articles": "corpus/news/dev.jsonl"``,
relative to the shared folder): a document then names its article by ``file`` (the
record's id). Such gold adds, per document:

- ``entity`` on each mention (one real entity of the article): an entity whose
  names (full, short, metonym, demonym; not pronouns or descriptions) went to two
  or more predicted actors is *split*;
- ``quotes``: direct quotations with the speaker as an actor description; a quote
  is right when the predicted quote overlapping it most has a speaker that fits.
  Its ``case`` says how the text gives the speaker (``named``, ``pronoun``,
  ``role``, ``context``, ``unnamed``); ``cue_not_name`` scores the quotes whose
  speaker is a named person of the article but not named in the quote's sentence.

Descriptions may also list ``words`` (each must occur in the actor's name) or
``any`` (alternatives). ``entity_accuracy`` scores named entities without the
country and sector (the right person or organisation, whatever country it got).
Splits listed under ``held_out`` are scored but their
errors are not listed, so a held-out half can be scored without being looked into.

``score_seed_mentions`` scores the string lists of ``gold/seed.json``: a
(gold actor, mention string) pair counts when some occurrence of the string in
the text resolves to that actor with the listed country and sector.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.actors.chains import name_words
from dyad.eval.events import _corpus_articles
from dyad.eval.timeml import read_tml
from dyad.model import Actor, Analysis, Article, Mention, Quote, parse_date
from dyad.pipeline import analyze_articles

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def shared_dir() -> Path:
    return Path(os.environ.get("DYAD_SHARED", DEFAULT_SHARED))


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    """Accuracy of mention resolution (and, where coded, quote speakers and split
    entities) on a gold file of the format above."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    documents = gold["documents"]
    held_out = set(gold.get("held_out", []))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    by_split: dict[str, Counter[str]] = defaultdict(Counter)
    missed: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for doc, analysis in zip(documents, analyze_articles(_articles(gold), nlp), strict=True):
        actors = {a.id: a for a in analysis.actors}
        split = doc.get("split", "all")
        counts = by_split[split]
        listed = split not in held_out
        covering = [_covering(analysis.mentions, m["start"], m["end"]) for m in doc["mentions"]]
        keyed = {
            item["key"]: mention.actor if mention else None
            for item, mention in zip(doc["mentions"], covering, strict=True)
            if "key" in item
        }
        entity_actors: dict[str, set[str]] = defaultdict(set)
        for item, mention in zip(doc["mentions"], covering, strict=True):
            case = item.get("case", "other")
            total[case] += 1
            counts["mentions"] += 1
            if "entity" in item and mention is not None and case in NAMED_CASES:
                entity_actors[item["entity"]].add(mention.actor)
            if _fits(_identity(item["actor"]), mention, actors, keyed):
                counts["entity_right"] += 1
            if _fits(item["actor"], mention, actors, keyed):
                right[case] += 1
                counts["mentions_right"] += 1
                continue
            if mention is None:
                missed[case] += 1
            if listed:
                errors.append(
                    {
                        "doc": _name(doc),
                        "start": item["start"],
                        "end": item["end"],
                        "case": case,
                        "gold": item["actor"],
                        "got": None
                        if mention is None
                        else {"text": mention.text, "actor": _describe(actors.get(mention.actor))},
                    }
                )
        counts["documents"] += 1
        counts["split_entities"] += sum(len(found) > 1 for found in entity_actors.values())
        for item in doc.get("quotes", []):
            quote = _overlapping_quote(analysis.quotes, item["start"], item["end"])
            speaker = actors.get(quote.speaker.actor or "") if quote else None
            good = speaker is not None and _actor_fits(item["speaker"], speaker, keyed)
            counts["quotes"] += 1
            counts["quotes_right"] += good
            if item["case"] in CUE_NOT_NAME:
                counts["cue_not_name"] += 1
                counts["cue_not_name_right"] += good
            if not good and listed:
                errors.append(
                    {
                        "doc": _name(doc),
                        "quote": item["words"],
                        "case": item["case"],
                        "gold": item["speaker"],
                        "got": None if quote is None else _describe(speaker),
                    }
                )
    n = sum(total.values())
    return {
        "mentions": n,
        "documents": len(documents),
        "accuracy": round(sum(right.values()) / n, 4) if n else None,
        "missed": sum(missed.values()),
        "by_split": {split: _split_report(c) for split, c in sorted(by_split.items())},
        "by_case": {
            case: {"n": total[case], "accuracy": round(right[case] / total[case], 4)}
            for case in sorted(total)
        },
        "errors": errors,
    }


# Mention cases that name the entity: two actors among them split it (a wrong pronoun
# or description is a wrong resolution, scored as such, not a split).
NAMED_CASES = {"kb", "local_person", "local_org", "short_name", "metonymy", "demonym"}
# Quote cases whose speaker is a named person the quote's sentence does not name.
CUE_NOT_NAME = {"pronoun", "role", "context"}


def _split_report(counts: Counter[str]) -> dict[str, Any]:
    report: dict[str, Any] = {
        "n": counts["mentions"],
        "accuracy": round(counts["mentions_right"] / counts["mentions"], 4),
        "entity_accuracy": round(counts["entity_right"] / counts["mentions"], 4),
    }
    if counts["quotes"]:
        report["split_entities"] = counts["split_entities"]
        report["split_entities_per_20_articles"] = round(
            20 * counts["split_entities"] / counts["documents"], 2
        )
        report["quotes"] = counts["quotes"]
        report["quote_speaker_accuracy"] = round(counts["quotes_right"] / counts["quotes"], 4)
    if counts["cue_not_name"]:
        report["cue_not_name_quotes"] = counts["cue_not_name"]
        report["cue_not_name_speaker_accuracy"] = round(
            counts["cue_not_name_right"] / counts["cue_not_name"], 4
        )
    return report


def _articles(gold: dict[str, Any]) -> list[Article]:
    """The gold documents' articles, in gold order: files under the shared data
    folder, or records of a JSONL corpus named by id."""
    documents = gold["documents"]
    if "articles" in gold:
        wanted = {doc["file"] for doc in documents}
        found = {a.id: a for a in _corpus_articles(shared_dir() / gold["articles"], wanted)}
        return [found[doc["file"]] for doc in documents]
    data = shared_dir() / "data"
    return [_article(data / doc["path"], doc) for doc in documents]


def _name(doc: dict[str, Any]) -> str:
    return doc.get("path") or doc["file"]


def _identity(expected: dict[str, Any]) -> dict[str, Any]:
    """A description without the country and sector a name already pins down: scores
    the entity alone ('Encinas' as a person), whatever country it was given."""
    if "any" in expected:
        return {"any": [_identity(alternative) for alternative in expected["any"]]}
    if "words" in expected or "name" in expected:
        return {k: v for k, v in expected.items() if k not in ("country", "sector")}
    return expected


def _overlapping_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The predicted quote sharing most characters with the gold span."""
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = sum(max(0, min(e, end) - max(s, start)) for s, e in quote.spans)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best


def _article(path: Path, doc: dict[str, Any]) -> Article:
    """A plain-text article, or a TimeML file's tag-stripped ``<TEXT>`` (offsets are
    defined on it exactly as the TimeML scorer reads it)."""
    if path.suffix == ".tml":
        text = read_tml(path).text
    else:
        text = path.read_text(encoding="utf-8")
    return Article(text=text, published=parse_date(doc.get("published")), id=doc["path"])


def _covering(mentions: list[Mention], start: int, end: int) -> Mention | None:
    head = end - 1
    for mention in mentions:
        if mention.start <= head < mention.end:
            return mention
    return next((m for m in mentions if m.start < end and start < m.end), None)


def _fits(
    expected: dict[str, Any],
    mention: Mention | None,
    actors: dict[str, Actor],
    keyed: dict[str, str | None],
) -> bool:
    """``{"place": true}``: no actor here; otherwise the mention's actor must fit."""
    if expected.get("place"):
        return mention is None
    if mention is None:
        return False
    actor = actors.get(mention.actor)
    return actor is not None and _actor_fits(expected, actor, keyed)


def _actor_fits(expected: dict[str, Any], actor: Actor, keyed: dict[str, str | None]) -> bool:
    """``{"same": key}``: the actor found at the gold mention with that key; ``{"id": X}``:
    that KB actor; ``{"any": [...]}``: one of the alternatives; else the listed properties."""
    if "any" in expected:
        return any(_actor_fits(alternative, actor, keyed) for alternative in expected["any"])
    if "same" in expected:
        return keyed.get(expected["same"]) == actor.id
    if "id" in expected:
        return expected["id"] in (actor.id, actor.kb_id)
    if "name" in expected and _surname(expected["name"]) != _surname(actor.name):
        return False
    if "words" in expected and not set(name_words(expected["words"])) <= set(
        name_words(actor.name)
    ):
        return False
    return all(
        getattr(actor, key) == value
        for key, value in expected.items()
        if key not in ("name", "words")
    )


def _surname(name: str | None) -> str:
    """Last word of a name without accents: gold names a person without knowing KB ids."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    words = plain.lower().replace("’", "'").split()
    return words[-1] if words else ""


def _describe(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"id": actor.id, "kind": actor.kind, "country": actor.country, "sector": actor.sector}


def score_seed_mentions(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Share of (gold actor, mention string) pairs of ``seed.json`` resolved right."""
    text = analysis.article.text
    actors = {a.id: a for a in analysis.actors}
    pairs = right = 0
    failures = []
    for gold_actor in gold["actors"]:
        for surface in gold_actor.get("mentions", []):
            pairs += 1
            pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
            found = []
            for match in pattern.finditer(text):
                mention = _covering(analysis.mentions, match.start(), match.end())
                actor = actors.get(mention.actor) if mention else None
                found.append(actor.id if actor else None)
                if actor is not None and _is_gold_actor(actor, gold_actor):
                    right += 1
                    break
            else:
                failures.append({"actor": gold_actor["id"], "mention": surface, "got": found})
    return {
        "pairs": pairs,
        "accuracy": round(right / pairs, 4) if pairs else None,
        "failures": failures,
    }


def _is_gold_actor(actor: Actor, gold: dict[str, Any]) -> bool:
    same = (
        gold["id"] in (actor.id, actor.kb_id)
        or (gold["id"] == "AUTHOR" and actor.kind == "author")
        or _normal(actor.name) == _normal(gold["name"])
    )
    if not same:
        return False
    return all(
        gold.get(key) is None or getattr(actor, key) == gold[key] for key in ("country", "sector")
    )


def _normal(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())
