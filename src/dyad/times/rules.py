"""Loading the time tagger's word lists and patterns (data/times/*.yaml) into regexes.

Compiled once per component: the tagger's cost per article is a handful of
regex scans over the text, not a scan per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

RULE_FILES = ("lexicon.yaml", "patterns.yaml")
PLACEHOLDER = re.compile(r"\{([a-z_]\w*)(?::([a-z_]\w*))?\}")
# How far around a trigger word a match may reach, in characters.
WINDOW = 40
WORD = re.compile(r"[^\W\d_]+")
WORD_OR_DIGIT = re.compile(r"[^\W\d_]+|\d+")
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


@dataclass(frozen=True)
class Triggers:
    """Words one of which (or a digit) every time expression contains."""

    words: frozenset[str]
    title_words: frozenset[str]  # only when capitalised: "May", not "may"

    def find(self, text: str) -> Iterator[re.Match[str]]:
        for match in WORD_OR_DIGIT.finditer(text):
            word = match.group(0)
            lower = word.lower()
            if word[0].isdigit() or lower in self.words:
                yield match
            elif word[0].isupper() and lower in self.title_words:
                yield match


@dataclass
class Rules:
    lists: dict[str, WordList]
    patterns: list[Pattern]
    fraction_denominators: frozenset[int]
    triggers: Triggers
    forward_words: frozenset[str]
    future_verbs: frozenset[str]

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of ``text`` around trigger words, merged; patterns only run there."""
        windows: list[tuple[int, int]] = []
        for hit in self.triggers.find(text):
            start = _snap_back(text, hit.start() - WINDOW)
            end = _snap_forward(text, hit.end() + WINDOW)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
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
    return Rules(
        lists,
        patterns,
        frozenset(lexicon.get("fraction_denominators", [])),
        _triggers(lexicon["triggers"], lists),
        frozenset(w.lower() for w in lexicon.get("forward_words", [])),
        frozenset(w.lower() for w in lexicon.get("future_verbs", [])),
    )


def _triggers(spec: dict[str, Any], lists: dict[str, WordList]) -> Triggers:
    """The head word (last word) of each phrase in the trigger lists, plus extra words."""
    words: set[str] = {w.lower() for w in spec.get("words", [])}
    title: set[str] = set()
    for name in spec["lists"]:
        word_list = lists[name]
        heads = {found[-1].lower() for found in map(WORD.findall, word_list.words) if found}
        (title if word_list.title_case else words).update(heads)
    return Triggers(frozenset(words), frozenset(title))


def _snap_back(text: str, position: int) -> int:
    """The start of the word at ``position`` (or 0), so no window starts mid-word."""
    if position <= 0:
        return 0
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _snap_forward(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


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
        lists={group: source for group, source in captured.items() if source in lists},
    )
