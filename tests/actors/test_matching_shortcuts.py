"""The shortcuts that keep the actors stage cheap find what the plain search finds."""

from __future__ import annotations

import math
import re

import pytest

from dyad.actors import aliases
from dyad.actors.chains import _written_as_common_noun
from dyad.actors.kb import load_kb
from dyad.actors.state import written_alone, written_as_word


def _by_pattern(text: str, word: str, kind: str) -> bool:
    """The plain search: one pattern per name over the whole text."""
    adjective = r"(?:[\w-]+\s+)?" if kind == "person" else ""
    return bool(re.search(rf"(?:\b(?:a|an)\s+{adjective}|\w-){re.escape(word)}(?!\w)", text))


@pytest.mark.parametrize(
    ("text", "word", "kind", "common"),
    [
        ("MPs rejected a no-deal Brexit on Tuesday.", "Brexit", "person", True),
        ("MPs rejected a no-deal Brexit on Tuesday.", "Brexit", "organization", False),
        ("Thousands joined an anti-Brexit march.", "Brexit", "organization", True),
        ("He flew on a Boeing 737 to Lagos.", "Boeing", "organization", True),
        ("Boeing said the jets were safe.", "Boeing", "organization", False),
        ("A Brexiteer spoke to a crowd.", "Brexit", "person", False),
        ("He met Farage and a Farage ally in\nan  Order hall.", "Order", "person", True),
    ],
)
def test_a_name_written_as_a_common_noun(text, word, kind, common):
    assert _written_as_common_noun(text[::-1], word, kind) is common
    assert _by_pattern(text, word, kind) is common


def test_alias_lengths_tried_only_up_to_the_longest_alias_of_the_first_word(nlp, monkeypatch):
    text = (
        "In The Hague, the New York Times reported that al-Qaeda in Iraq and the U.S.-led "
        "coalition met. New  Delhi and İstanbul sent the United States Department of State "
        "a note.\nThe United\nNations replied."
    )
    doc = nlp.make_doc(text)
    kb = load_kb()
    bounded = [(start, end) for start, end, _ in aliases.match_aliases(doc, kb)]
    monkeypatch.setattr(aliases, "_longest_alias", lambda *args: math.inf)
    every_length = [(start, end) for start, end, _ in aliases.match_aliases(doc, kb)]
    assert bounded == every_length
    assert "the New York Times" in [doc[start:end].text for start, end in bounded]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Media reports say the talks failed.", "media"),
        ("The media's reports were read.", "media"),
        ("Prices rose; the price of bread fell.", "price"),
        ("Prices rose as the oil-price war went on.", "price"),
        ("Her husband's pricey home.", "price"),
        ("Watches and a watch_list.", "watch"),
        ("The Hawks' coach said so.", "hawk"),
        ("He spoke to Siméus.", "siméus"),
        ("He spoke to Siméus.", "Siméus"),
        ("Mr Siméuslike", "Siméus"),
    ],
)
def test_a_word_written_alone_found_as_its_pattern_finds_it(text, word):
    alone = re.search(rf"(?<![\w-]){re.escape(word)}(?:s|es)?(?![\w-])", text) is not None
    bounded = re.search(rf"\b{re.escape(word)}\b", text) is not None
    assert written_alone(text, word, ("s", "es")) is alone
    assert written_as_word(text, word) is bounded


def test_a_word_written_alone_by_hand():
    assert written_alone("Prices rose.", "price", ("s", "es")) is False  # capitalised
    assert written_alone("the prices rose", "price", ("s", "es")) is True
    assert written_alone("an oil-price war", "price", ("s", "es")) is False
    assert written_as_word("an oil-price war", "price") is True
    assert written_as_word("pricey homes", "price") is False
