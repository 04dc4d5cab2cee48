"""Where dyad loses the gold events it misses: a loss funnel over the dev split.

For every dev gold event of an event gold file that dyad does not find with its type,
the deepest stage its type reached at its trigger's words (the whole sentence where the
gold file names no trigger):

- ``emitted``: an event of the type was coded there but not matched (another gold event
  of the type took it, or its evidence starts outside the sentence);
- ``dropped:<filter>``: a reading of the type was built, then dropped (no source,
  heading, generic, duplicate, …);
- ``refused:<check>``: a lexicon word with a frame of the type is there, but a check
  of that frame turned it away (prep, object, compound, after another frame, …);
- ``not tried``: a word with a frame of the type is there with a part of speech the
  lexicon does not try it as;
- ``other words``: lexicon words are there, none with a frame of the type;
- ``no lexicon word``: none at all.

Each miss also says whether dyad coded another type in the sentence. Dev items only:
the held-out split is never read. Usage (from the worktree)::

    PYTHONPATH=src python scripts/event_funnel.py gold/events_news.json [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.cli.common import DEFAULTS, load_model
from dyad.eval.events import _article, _corpus_articles, _shared_path
from dyad.events import extract
from dyad.events.arguments import misread_verb
from dyad.events.lexicon import Lexicon, default_lexicon
from dyad.model import Article, Event
from dyad.pipeline import doc_to_analysis, make_doc


def dev_articles(path: Path) -> tuple[list[Article], dict[str, list[dict]]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    by_file: dict[str, list[dict]] = defaultdict(list)
    for item in gold["items"]:
        if item.get("split") == "dev":
            by_file[item["file"]].append(item)
    if "articles" in gold:
        corpus = _shared_path(path, gold["articles"])
        articles = list(_corpus_articles(corpus, set(by_file)))
    else:
        data_dir = _shared_path(path, str(Path("data") / gold.get("data", "polnear")))
        articles = [
            _article(data_dir / name, name, items[0].get("published"))
            for name, items in by_file.items()
        ]
    return articles, by_file


def compatible(lexicon: Lexicon, gold_type: str, read_type: str) -> bool:
    """A reading of ``read_type`` can be coded as ``gold_type``: the manual's single
    type for a promise (AGREE), a refusal (REJECT) or a threat (THREATEN)."""
    cues = lexicon.cues
    if gold_type == read_type:
        return True
    if gold_type in ("AGREE", "REJECT"):
        return read_type in cues.promised_types
    if gold_type == "THREATEN":
        return read_type in {action.split(":")[0] for action in cues.threat_modes}
    return False


def trigger_words(doc: Doc, start: int, end: int, trigger: str | None) -> list[Token]:
    """The words of the sentence the gold event's trigger names, where it names one
    (a gold file without triggers: the whole sentence)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = list(span) if span is not None else []
    named = set((trigger or "").lower().split())
    return [t for t in words if t.lower_ in named] or words


def lexicon_frames(lexicon: Lexicon, words: list[Token]) -> dict[int, set[str]]:
    """The types the lexicon has for each word, as verb or as noun."""
    found: dict[int, set[str]] = {}
    for token in words:
        lemma = token.lemma_.lower()
        verb = lemma if token.pos_ == "VERB" else (misread_verb(token, lexicon) or lemma)
        frames = (*lexicon.verbs.get(verb, ()), *lexicon.nouns.get(lemma, ()))
        if frames:
            found[token.i] = {f.type for f in frames}
    return found


def stage_of(
    lexicon: Lexicon,
    gold_type: str,
    trace: list[tuple[int, str, str]],
    frames: dict[int, set[str]],
    where: set[int],
) -> str:
    noted = [(t, stage) for i, t, stage in trace if i in where]
    if any(stage == "emitted" and t == gold_type for t, stage in noted):
        return "emitted"
    kept = [stage for t, stage in noted if compatible(lexicon, gold_type, t)]
    for kind in ("dropped:", "refused:"):
        reasons = Counter(s for s in kept if s.startswith(kind))
        if reasons:
            return reasons.most_common(1)[0][0]
    if any(any(compatible(lexicon, gold_type, t) for t in types) for types in frames.values()):
        return "not tried"
    return "other words" if frames else "no lexicon word"


def funnel(path: Path, verbose: bool) -> None:
    nlp = load_model(DEFAULTS["model"], None)
    lexicon = default_lexicon()
    articles, by_file = dev_articles(path)
    stages: Counter[str] = Counter()
    other_type: Counter[str] = Counter()
    total = found = 0
    for article in articles:
        extract.TRACE = []
        doc = nlp(make_doc(nlp, article))
        trace, extract.TRACE = extract.TRACE, None
        events = doc_to_analysis(doc, article).events
        for item in sorted(by_file[article.id], key=lambda i: i["start"]):
            start, end = item["start"], item["end"]
            unmatched: list[Event] = [e for e in events if start <= e.evidence.start < end]
            for gold in item["events"]:
                total += 1
                same = next((e for e in unmatched if e.type == gold["type"]), None)
                if same is not None:
                    unmatched.remove(same)
                    found += 1
                    continue
                words = trigger_words(doc, start, end, gold.get("trigger"))
                frames = lexicon_frames(lexicon, words)
                stage = stage_of(lexicon, gold["type"], trace, frames, {t.i for t in words})
                coded = sorted({e.type for e in unmatched})
                stages[stage] += 1
                other_type[stage.split(":")[0]] += bool(coded)
                if verbose:
                    text = article.text[start:end].replace("\n", " ")
                    sides = f"{gold['source']}->{gold['target']}"
                    print(f"{gold['type']:9} {stage:30} {sides:40} coded={coded} | {text[:160]}")
    print(f"\n{path}: dev gold events {total}, found with type {found}, missed {total - found}")
    for stage, count in sorted(stages.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        print(f"  {stage:40} {count:4}")
    print("  of the misses, another type coded in the sentence:", dict(other_type))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    for path in args.gold:
        funnel(path, args.verbose)


if __name__ == "__main__":
    main()
