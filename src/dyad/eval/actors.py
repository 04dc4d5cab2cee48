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

``score_seed_mentions`` scores the string lists of ``gold/seed.json``: a
(gold actor, mention string) pair counts when some occurrence of the string in
the text resolves to that actor with the listed country and sector.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.eval.timeml import read_tml
from dyad.model import Actor, Analysis, Article, Mention, parse_date
from dyad.pipeline import analyze_articles

DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def shared_dir() -> Path:
    return Path(os.environ.get("DYAD_SHARED", DEFAULT_SHARED))


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    """Accuracy of mention resolution on a gold file of the format above."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    data = shared_dir() / "data"
    documents = gold["documents"]
    articles = [_article(data / doc["path"], doc) for doc in documents]
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    split_total: Counter[str] = Counter()
    split_right: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for doc, analysis in zip(documents, analyze_articles(articles, nlp), strict=True):
        actors = {a.id: a for a in analysis.actors}
        covering = [_covering(analysis.mentions, m["start"], m["end"]) for m in doc["mentions"]]
        keyed = {
            item["key"]: mention.actor if mention else None
            for item, mention in zip(doc["mentions"], covering, strict=True)
            if "key" in item
        }
        for item, mention in zip(doc["mentions"], covering, strict=True):
            case = item.get("case", "other")
            split = doc.get("split", "all")
            total[case] += 1
            split_total[split] += 1
            if _fits(item["actor"], mention, actors, keyed):
                right[case] += 1
                split_right[split] += 1
                continue
            if mention is None:
                missed[case] += 1
            errors.append(
                {
                    "path": doc["path"],
                    "start": item["start"],
                    "end": item["end"],
                    "case": case,
                    "gold": item["actor"],
                    "got": None
                    if mention is None
                    else {"text": mention.text, "actor": _describe(actors.get(mention.actor))},
                }
            )
    n = sum(total.values())
    return {
        "mentions": n,
        "documents": len(documents),
        "accuracy": round(sum(right.values()) / n, 4) if n else None,
        "missed": sum(missed.values()),
        "by_split": {
            split: {"n": split_total[split], "accuracy": round(split_right[split] / n_split, 4)}
            for split, n_split in sorted(split_total.items())
        },
        "by_case": {
            case: {"n": total[case], "accuracy": round(right[case] / total[case], 4)}
            for case in sorted(total)
        },
        "errors": errors,
    }


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
    """``{"place": true}``: no actor here; ``{"same": key}``: the actor found at the gold
    mention with that key; ``{"id": X}``: that KB actor; else the listed properties."""
    if expected.get("place"):
        return mention is None
    if mention is None:
        return False
    actor = actors.get(mention.actor)
    if actor is None:
        return False
    if "same" in expected:
        return keyed.get(expected["same"]) == actor.id
    if "id" in expected:
        return expected["id"] in (actor.id, actor.kb_id)
    if "name" in expected and _surname(expected["name"]) != _surname(actor.name):
        return False
    return all(getattr(actor, key) == value for key, value in expected.items() if key != "name")


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
