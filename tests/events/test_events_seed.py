"""Behaviour on the seed article: the core events of gold/seed.json, through the
whole pipeline (actors, times and quotes feed the events stage)."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

from dyad.model import Event

GOLD = SHARED / "gold" / "seed.json"
TEXT = SHARED / "corpus" / "seed" / "moscow-hamas.txt"
SYMMETRIC = {"CONSULT", "COOPERATE"}

pytestmark = [
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def seed():
    import dyad

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = TEXT.read_text(encoding="utf-8")
    analysis = dyad.analyze(text, published=gold["doc"]["published"])
    return gold, text, analysis


def _matching(item: dict, text: str, events: list[Event]) -> list[Event]:
    start = text.find(item["evidence"])
    end = start + len(item["evidence"])
    pairs = {(item["source"], item["target"])}
    if item["type"] in SYMMETRIC:
        pairs.add((item["target"], item["source"]))
    return [
        e
        for e in events
        if e.type == item["type"]
        and (e.source, e.target) in pairs
        and e.evidence.start < end
        and start < e.evidence.end
    ]


def _same_actor(gold: dict, gold_id: str, actor) -> bool:
    """A predicted actor stands for a gold one by id, or by a name the gold lists for it."""
    if actor is None:
        return False
    if gold_id == "AUTHOR":
        return actor.kind == "author"
    record = next(a for a in gold["actors"] if a["id"] == gold_id)
    names = {n.casefold() for n in [record["name"], *record.get("mentions", [])]}
    return gold_id in (actor.id, actor.kb_id) or actor.name.casefold() in names


def _core(gold: dict) -> list[dict]:
    return [e for e in gold["events"] if e.get("core")]


@pytest.mark.parametrize("index", range(7))
def test_core_event_found_with_status_and_time(seed, index):
    gold, text, analysis = seed
    item = _core(gold)[index]
    found = _matching(item, text, analysis.events)
    assert found, f"{item['id']} {item['type']} {item['source']}->{item['target']} not found"
    event = found[0]
    assert event.status == item["status"]
    if item.get("time"):
        assert event.time is not None and event.time.value == item["time"]
    if item.get("reported_by"):
        assert _same_actor(gold, item["reported_by"], analysis.actor(event.reported_by))
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_event_ids_follow_the_text(seed):
    _, _, analysis = seed
    assert [e.id for e in analysis.events] == [f"e{i}" for i in range(1, len(analysis.events) + 1)]
    starts = [e.evidence.start for e in analysis.events]
    assert starts == sorted(starts)


def test_visit_and_meeting_in_moscow_are_located_there(seed):
    gold, text, analysis = seed
    for item in _core(gold):
        if item.get("location"):
            event = _matching(item, text, analysis.events)[0]
            assert event.location is not None and event.location.name == item["location"]
