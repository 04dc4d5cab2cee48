"""Junk actors among the actors dyad stores, on a seeded sample of news articles.

    python scripts/actor_junk.py [--judged gold/actors_junk.json] [--articles 25] [--seed 16]
    python scripts/actor_junk.py --actors 200 --seed 7 [--judged gold/actors_junk_seed7.json]

Draws ``--articles`` articles of ``corpus/news/dev.jsonl`` (shared folder) that no gold
file of ``gold/`` codes, with a seeded random generator, so the sample is the same on
every run and never one dyad was tuned on. Every actor the analysis stores (what
``dyad ingest`` would write) is listed with its kind, country and first mention in its
sentence. With ``--judged`` the hand judgments of that file (``junk``: true/false, keyed
by article, kind and name) are applied: the junk rate is printed and the actors nobody
has judged yet are listed, to be judged by the protocol written in the file's header
and added to it before the rate is read.

With ``--actors`` the sample is of actors, not articles: every article of the corpus that
no gold file codes and no other junk sample judged (so the sample is blind to every
fix made looking at one) is analysed, as a store of them would hold it, and ``--actors`` of all
their stored actors are drawn with the seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from dyad.eval.actors import shared_dir
from dyad.eval.events import _corpus_articles
from dyad.model import Analysis
from dyad.nlp import load_nlp
from dyad.pipeline import analyze_articles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "corpus/news/dev.jsonl"


def gold_articles() -> set[str]:
    """Article ids any gold file of the repository codes."""
    coded: set[str] = set()
    for path in (ROOT / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for entry in (*gold.get("documents", []), *gold.get("items", [])):
            if isinstance(entry, dict) and "file" in entry:
                coded.add(entry["file"])
    return coded


def junk_sampled_articles(seed: int) -> set[str]:
    """Article ids whose actors a junk file (``judgments``) has judged: every article
    sample's, and every actor sample's but the one drawn with ``seed``."""
    judged: set[str] = set()
    for path in (ROOT / "gold").glob("actors_junk*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "actors" not in gold or gold["seed"] != seed:
            judged.update(entry.split("|", 1)[0] for entry in gold.get("judgments", {}))
    return judged


def corpus_ids() -> list[str]:
    with (shared_dir() / CORPUS).open(encoding="utf-8") as lines:
        return sorted(json.loads(line)["id"] for line in lines)


def sample(count: int, seed: int) -> list[str]:
    coded = gold_articles()
    return random.Random(seed).sample([i for i in corpus_ids() if i not in coded], count)


def unseen_articles(seed: int) -> list[str]:
    """Every corpus article no gold file codes and no other junk sample judged."""
    seen = gold_articles() | junk_sampled_articles(seed)
    return [i for i in corpus_ids() if i not in seen]


def key(article: str, kind: str, name: str) -> str:
    return f"{article}|{kind}|{name}"


def listed_actors(analysis: Analysis) -> list[dict[str, Any]]:
    """Each stored actor with its first mention and that mention's sentence and every
    way the article writes it (an actor only another's affiliation names has none)."""
    text = analysis.article.text
    first: dict[str, Any] = {}
    written: dict[str, list[str]] = {}
    for mention in sorted(analysis.mentions, key=lambda m: m.start):
        first.setdefault(mention.actor, mention)
        if mention.text not in written.setdefault(mention.actor, []):
            written[mention.actor].append(mention.text)
    rows = []
    for actor in analysis.actors:
        mention = first.get(actor.id)
        context = None
        if mention is not None:
            left = max(text.rfind("\n", 0, mention.start), text.rfind(". ", 0, mention.start))
            right = text.find(". ", mention.end)
            context = text[left + 1 : right if right >= 0 else None].strip()[:240]
        rows.append(
            {
                "key": key(analysis.article.id, actor.kind, actor.name),
                "id": actor.id,
                "country": actor.country,
                "first": mention.text if mention else None,
                "written": written.get(actor.id, []),
                "context": context,
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judged", type=Path, help="hand judgments (gold/actors_junk.json)")
    parser.add_argument("--articles", type=int, default=25)
    parser.add_argument("--actors", type=int, help="draw this many actors, not articles")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    judged: dict[str, Any] = {}
    if args.judged:
        gold = json.loads(args.judged.read_text(encoding="utf-8"))
        args.articles, args.seed = gold["articles"], gold["seed"]
        args.actors = gold.get("actors")
        judged = gold["judgments"]
    if args.actors:
        wanted = unseen_articles(args.seed)
    elif judged:  # the judged articles themselves: a later gold file may change the draw
        wanted = list(dict.fromkeys(entry.split("|", 1)[0] for entry in judged))
    else:
        wanted = sample(args.articles, args.seed)
    found = {a.id: a for a in _corpus_articles(shared_dir() / CORPUS, set(wanted))}
    rows = [
        row
        for analysis in analyze_articles([found[i] for i in wanted], load_nlp())
        for row in listed_actors(analysis)
    ]
    if args.actors:
        rows = random.Random(args.seed).sample(rows, args.actors)
    unjudged = [row for row in rows if row["key"] not in judged]
    junk = [row for row in rows if judged.get(row["key"], {}).get("junk")]
    report: dict[str, Any] = {"articles": wanted, "actors": len(rows)}
    if args.judged:
        report["judged"] = len(rows) - len(unjudged)
        report["junk"] = len(junk)
        report["junk_rate"] = round(len(junk) / len(rows), 4) if rows else None
        report["junk_actors"] = [row["key"] for row in junk]
        report["unjudged"] = unjudged
    else:
        report["list"] = rows
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
