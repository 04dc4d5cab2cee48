"""Loading the time tagger's word lists and patterns (data/times/*.yaml) into regexes.

Compiled once per component. Each pattern declares the trigger words it
needs, and runs only over the stretches of text around them, so an article
costs a few short regex scans, not a scan per pattern per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

RULE_FILES = ("lexicon.yaml", "patterns.yaml")
PLACEHOLDER = re.compile(r"\{([a-z_]\w*)(?::([a-z_]\w*))?\}")
# How far before and after a trigger word a match may reach, in characters:
# "the beginning of this past October", "more than the past twenty-four hours".
REACH_BEFORE = 34
REACH_AFTER = 24
WORD = re.compile(r"[^\W\d_]+")
NON_SPACE = re.compile(r"\S*")
# Digits trigger too, except in amounts, percentages and decimals ("$1.5", "15%", "1,500").
DIGIT = frozenset({"digit"})
WORD_OR_DIGIT = re.compile(r"[^\W\d_]+|(?<![\d.,$£€#])\d+(?![\d%]|[.,]\d)")
# A match may not start or end inside a word, a number or an amount.
LEFT_EDGE = r"(?<![\w$£€/.-])"
RIGHT_EDGE = r"(?![\w/])"


def default_rules_dir() -> Path:
    return Path(str(resources.files("dyad") / "data" / "times"))


@dataclass
class WordList:
    """One named word list: lower-cased phrase -> meaning."""

    name: str
    words: dict[str, Any]
    title_case: bool = False

    def regex(self) -> str:
        # Longest first, so "this past" is tried before "this".
        alternatives = []
        for phrase in sorted(self.words, key=len, reverse=True):
            pieces = [re.escape(word) for word in phrase.split()]
            body = r"\s+".join(pieces)
            if self.title_case:
                title = r"\s+".join(re.escape(word.capitalize()) for word in phrase.split())
                upper = r"\s+".join(re.escape(word.upper()) for word in phrase.split())
                alternatives.append(f"(?-i:{title}|{upper})")
            else:
                alternatives.append(body)
        return "|".join(alternatives)

    def lookup(self, text: str) -> Any:
        return self.words.get(" ".join(text.lower().split()))


@dataclass
class Pattern:
    name: str
    kind: str
    type: str
    regex: re.Pattern[str]
    fields: dict[str, str] = field(default_factory=dict)
    pos: frozenset[str] = frozenset()
    # group name -> word list it captures (for lookups in the normaliser)
    lists: dict[str, str] = field(default_factory=dict)
    # trigger kinds one of which every match contains (see Triggers)
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Triggers:
    """Words one of which (or a digit) every time expression contains, with their kinds.

    A kind is the name of the word list the word heads ("month_abbr", "unit"),
    the word itself for extra trigger words ("quarter"), or "digit".
    """

    words: dict[str, frozenset[str]]
    title_words: dict[str, frozenset[str]]  # only when capitalised: "May", not "may"

    def find(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Trigger positions in ``text`` by kind."""
        found: dict[str, list[tuple[int, int]]] = {}
        # Every word of the article passes here: no set made, no span read for the
        # words that trigger nothing.
        words, title_words = self.words, self.title_words
        for match in WORD_OR_DIGIT.finditer(text):
            word = match.group(0)
            if word[0].isdigit():
                kinds: frozenset[str] | None = DIGIT
            else:
                lower = word.lower()
                kinds = words.get(lower)
                if word[0].isupper() and lower in title_words:
                    kinds = title_words[lower] if kinds is None else kinds | title_words[lower]
            if kinds:
                span = match.span()
                for kind in kinds:
                    found.setdefault(kind, []).append(span)
        return found

    def kinds(self) -> frozenset[str]:
        return frozenset().union(*self.words.values(), *self.title_words.values(), DIGIT)


@dataclass
class Rules:
    lists: dict[str, WordList]
    patterns: list[Pattern]
    fraction_denominators: frozenset[int]
    triggers: Triggers
    forward_words: frozenset[str]
    # (verbs the time hangs off, verbs whose infinitive it hangs off): see tense_at
    future_verbs: tuple[frozenset[str], frozenset[str]]

    def windows(self, text: str) -> dict[frozenset[str], list[tuple[int, int]]]:
        """For each set of trigger kinds patterns need, the stretches of ``text`` to search.

        A pattern only runs around the words it needs ("Friday" for weekday
        patterns, digits for numeric dates), which keeps the tagger cheap on
        number-heavy text.
        """
        hits = self.triggers.find(text)
        windows: dict[frozenset[str], list[tuple[int, int]]] = {}
        for needs in {pattern.needs for pattern in self.patterns}:
            spans = sorted(span for kind in needs for span in hits.get(kind, ()))
            merged: list[tuple[int, int]] = []
            for hit_start, hit_end in spans:
                start = max(0, hit_start - REACH_BEFORE)
                end = _snap_forward(text, hit_end + REACH_AFTER)
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            windows[needs] = merged
        return windows

    def meaning(self, list_name: str, text: str) -> Any:
        word_list = self.lists.get(list_name)
        return word_list.lookup(text) if word_list else None


def load_rules(directory: Path | None = None) -> Rules:
    directory = directory or default_rules_dir()
    lexicon = yaml.safe_load((directory / "lexicon.yaml").read_text(encoding="utf-8"))
    spec = yaml.safe_load((directory / "patterns.yaml").read_text(encoding="utf-8"))
    lists = {
        name: WordList(
            name, {str(k).lower(): v for k, v in body["words"].items()}, body.get("case") == "title"
        )
        for name, body in lexicon["lists"].items()
    }
    sub_patterns = {name: f"(?:{regex})" for name, regex in lexicon["regex"].items()}
    sub_patterns.update({name: f"(?:{word_list.regex()})" for name, word_list in lists.items()})
    patterns = [_compile(item, sub_patterns, lists) for item in spec["patterns"]]
    triggers = _triggers(lexicon["triggers"], lists)
    for pattern in patterns:
        unknown = pattern.needs - triggers.kinds()
        if not pattern.needs or unknown:
            raise ValueError(f"pattern {pattern.name!r}: `needs` unknown trigger kinds {unknown}")
    return Rules(
        lists,
        patterns,
        frozenset(lexicon.get("fraction_denominators", [])),
        triggers,
        frozenset(w.lower() for w in lexicon.get("forward_words", [])),
        (
            frozenset(w.lower() for w in lexicon["future_verbs"]["directly"]),
            frozenset(w.lower() for w in lexicon["future_verbs"]["through_infinitive"]),
        ),
    )


def _triggers(spec: dict[str, Any], lists: dict[str, WordList]) -> Triggers:
    """The head word (last word) of each phrase in the trigger lists, plus extra words."""
    words: dict[str, set[str]] = {w.lower(): {w.lower()} for w in spec.get("words", [])}
    title: dict[str, set[str]] = {}
    for name in spec["lists"]:
        word_list = lists[name]
        target = title if word_list.title_case else words
        for found in map(WORD.findall, word_list.words):
            if found:
                target.setdefault(found[-1].lower(), set()).add(name)
    return Triggers(
        {w: frozenset(k) for w, k in words.items()}, {w: frozenset(k) for w, k in title.items()}
    )


def _snap_forward(text: str, position: int) -> int:
    """The end of the word at ``position``, so no window ends mid-word.

    (Windows may start mid-word: the patterns' left edge looks behind the start.)
    """
    word = NON_SPACE.match(text, min(max(position, 0), len(text)))
    assert word is not None  # \S* matches at every position
    return word.end()


def _compile(item: dict[str, Any], sub_patterns: dict[str, str], lists: dict) -> Pattern:
    captured: dict[str, str] = {}

    def expand(match: re.Match[str]) -> str:
        group, source = match.group(1), match.group(2) or match.group(1)
        if source not in sub_patterns:
            raise ValueError(f"pattern {item['name']!r}: unknown list or sub-pattern {source!r}")
        captured[group] = source
        return f"(?P<{group}>{sub_patterns[source]})"

    body = PLACEHOLDER.sub(expand, item["regex"])
    regex = re.compile(LEFT_EDGE + "(?:" + body + ")" + RIGHT_EDGE, re.IGNORECASE)
    return Pattern(
        name=item["name"],
        kind=item["kind"],
        type=item.get("type", "DATE"),
        regex=regex,
        fields={k: str(v) for k, v in (item.get("fields") or {}).items()},
        pos=frozenset(item.get("pos") or ()),
        needs=frozenset(item.get("needs") or ()),
        lists={group: source for group, source in captured.items() if source in lists},
    )
