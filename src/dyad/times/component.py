"""spaCy component `dyad_times`: time expressions normalised to TIMEX3 values.

Reads ``doc._.published`` (a ``datetime.date`` or None) and writes
``doc._.times``: a list of ``dyad.model.TimeExpr`` in text order, with the
TIMEX3 type (DATE, TIME, DURATION, SET), value and mod. The patterns and
word lists are data (``dyad/data/times/*.yaml``); the parse, when the
pipeline has one, only decides tense ("in October" past or future) and
rejects "May" the verb.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.extensions import doc_text, published_day, register_extensions
from dyad.model import TimeExpr
from dyad.times.normalize import Context, Normalizer, Resolved, Tense
from dyad.times.rules import RULE_FILES, default_rules_dir, load_rules
from dyad.timex import parse

PAST_TAGS = frozenset({"VBD"})
HAVE = frozenset({"has", "have", "had", "'ve", "'s", "having"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_MODIFIER = frozenset({"compound", "nmod", "amod", "poss"})
FISCAL_PERIODS = frozenset({"Q", "H"})
# Too coarse to count "a year later" from: "the 1990s" leaves the time last mentioned as it was.
UNANCHORING = frozenset({"DE", "CE"})
# How far up the parse tense is looked for; deeper means an unrelated verb.
MAX_CLIMB = 6


@Language.factory(
    "dyad_times",
    default_config={"rules_dir": None},
    requires=["token.dep", "token.tag", "token.lemma"],
    assigns=["doc._.times"],
)
def make_times(nlp: Language, name: str, rules_dir: str | None) -> TimeTagger:
    return TimeTagger(nlp, name, rules_dir)


class TimeTagger:
    """Finds and normalises time expressions; results in ``doc._.times``."""

    def __init__(
        self, nlp: Language | None = None, name: str = "dyad_times", rules_dir: str | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.rules_dir = Path(rules_dir) if rules_dir else default_rules_dir()
        self._load(self.rules_dir)

    def _load(self, directory: Path) -> None:
        self.rules = load_rules(directory)
        self.normalizer = Normalizer(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = self.find(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the rules with the pipeline, as spaCy's rulers save their patterns."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in RULE_FILES:
            shutil.copyfile(self.rules_dir / name, path / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TimeTagger:
        self.rules_dir = Path(path)
        self._load(self.rules_dir)
        return self

    def find(self, doc: Doc) -> list[TimeExpr]:
        text = doc_text(doc)
        candidates = []
        windows = self.rules.windows(text)
        # Whether the pipeline tagged and parsed this doc; to_array is much cheaper than
        # has_annotation, which builds a Token object per word.
        annotation = doc.to_array(["POS", "TAG", "DEP"])
        tagged = bool(annotation[:, 0].any())
        parsed = tagged and bool(annotation[:, 1].any()) and bool(annotation[:, 2].any())
        for index, pattern in enumerate(self.rules.patterns):
            for match in _matches(pattern.regex, text, windows[pattern.needs]):
                if match.end() == match.start():
                    continue
                if not self.normalizer.accepts(pattern, match, text):
                    continue
                if (
                    pattern.pos
                    and tagged
                    and not _has_pos(doc, match.start(), match.end(), pattern.pos)
                ):
                    continue
                candidates.append((match.start(), match.end(), index, match))
        context = Context(
            published=published_day(doc),
            text=text,
            tense=lambda start, end: (
                tense_at(doc, start, end, *self.rules.future_verbs) if parsed else None
            ),
        )
        times = []
        for start, end, index, match in _longest_first(candidates, len(text)):
            pattern = self.rules.patterns[index]
            try:
                resolved = self.normalizer.resolve(pattern, match, context)
            except (ValueError, OverflowError):
                # Calendar arithmetic beyond year 1 or 9999: keep the expression, no value.
                resolved = Resolved(pattern.type, None)
            if resolved is None:
                continue
            times.append(TimeExpr(text[start:end], start, end, resolved.type, resolved.value,
                                  resolved.mod))  # fmt: skip
            if resolved.type in ("DATE", "TIME") and pattern.kind != "shift":
                # Comparisons ("a year earlier") do not move the story's time.
                mentioned = parse(resolved.value)
                if mentioned is not None and mentioned.gran in UNANCHORING:
                    mentioned = None
                context.reference = mentioned or context.reference
                if mentioned is not None and mentioned.gran in FISCAL_PERIODS:
                    context.period_reference = mentioned
        return times


def _matches(regex: re.Pattern[str], text: str, windows: list[tuple[int, int]]):
    for start, end in windows:
        yield from regex.finditer(text, start, end)


def _longest_first(candidates: list, length: int) -> list:
    """Non-overlapping matches, longest first, then the earlier pattern; in text order."""
    taken = bytearray(length)
    chosen = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = candidate[0], candidate[1]
        if 1 in taken[start:end]:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c[0])


def _has_pos(doc: Doc, start: int, end: int, allowed: frozenset[str]) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    return any(token.pos_ in allowed for token in span)


def tense_at(
    doc: Doc,
    start: int,
    end: int,
    future_verbs: frozenset[str] = frozenset(),
    future_complement_verbs: frozenset[str] = frozenset(),
) -> Tense:
    """ "past", "future" or None for the verb governing the text at [start, end) (parsed docs).

    ``future_verbs`` point ahead when the time hangs off them ("planned for March");
    ``future_complement_verbs`` when it hangs off their infinitive ("decided to admit
    them in March", but "decided on Monday" is past).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for word in span:
        outside = not span.start <= word.head.i < span.end
        if outside and word.dep_ in NOUN_MODIFIER and word.head.pos_ in ("NOUN", "PROPN"):
            return None  # "the October 7 attacks" names an event: the clause's tense is not its own
    token = span.root
    via_infinitive = False
    for _ in range(MAX_CLIMB):
        if token.pos_ in VERB_POS and token.dep_ != "aux":
            lemma = token.lemma_.lower()
            if lemma in future_verbs or (via_infinitive and lemma in future_complement_verbs):
                return "future"
            auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
            # An infinitive ("expected to arrive Friday") takes the tense of its governor.
            if not any(child.tag_ == "TO" for child in auxiliaries) or token.head.i == token.i:
                break
            via_infinitive = True
        if token.head.i == token.i:
            return None
        token = token.head
    else:
        return None
    if any(child.tag_ == "MD" for child in auxiliaries) or token.tag_ == "MD":
        return "future"
    if token.tag_ in PAST_TAGS or any(child.tag_ in PAST_TAGS for child in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and {child.lower_ for child in auxiliaries} & HAVE:
        return "past"
    return None
