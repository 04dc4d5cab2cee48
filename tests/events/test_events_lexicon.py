"""The CAMEO layer of the event lexicon: built reproducibly from the shared
dictionaries, loaded under the curated verbs, and coding real sentences."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest
import spacy

from dyad.events import EventExtractor
from dyad.events.lexicon import CAMEO_VERBS, DATA_DIR, LEXICON_FILES, _frames, load_lexicon
from dyad.extensions import register_extensions
from dyad.model import Actor, Mention
from dyad.nlp import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_event_lexicon.py"

ACTORS = {
    "GOV": Actor("GOV", "the government", "government", country="KEN"),
    "OPP": Actor("OPP", "the opposition party", "party", country="KEN"),
    "COP": Actor("COP", "Police", "government", country="KEN"),
    "PROT": Actor("PROT", "the protest leaders", "person", country="KEN"),
    "MIN": Actor("MIN", "The minister", "person", country="KEN", affiliation="GOV"),
    "REB": Actor("REB", "Rebels", "armed_group", country="KEN"),
    "ARMY": Actor("ARMY", "an army convoy", "government", country="KEN"),
}


@pytest.fixture(scope="module")
def parser():
    register_extensions()
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def extractor(parser):
    return EventExtractor(parser)


def _events(parser, extractor, text, mentions):
    """Code ``text`` with its actors given as (words, actor id), as test_events.py does."""
    doc = parser(text)
    doc._.published = date(2024, 2, 20)
    doc._.actors = dict(ACTORS)
    doc._.mentions = [
        Mention(words, text.index(words), text.index(words) + len(words), actor)
        for words, actor in mentions
    ]
    doc._.places, doc._.times, doc._.quotes = [], [], []
    return extractor(doc)._.events


def _build_module():
    spec = importlib.util.spec_from_file_location("build_event_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_build_script_reproduces_the_committed_file(shared, tmp_path):
    build = _build_module()
    data = shared / "data"
    out = tmp_path / CAMEO_VERBS
    args = [
        "--dictionary",
        str(data / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"),
        "--plover",
        str(data / "plover" / "CAMEO2PLOVER-2021.txt"),
        "--out",
        str(out),
    ]
    assert build.main(args) == 0
    assert out.read_bytes() == (DATA_DIR / CAMEO_VERBS).read_bytes()


def test_cameo_layer_is_saved_and_loaded_under_the_curated_one():
    assert CAMEO_VERBS in LEXICON_FILES
    curated = _frames(DATA_DIR / "verbs.yaml")
    cameo = _frames(DATA_DIR / CAMEO_VERBS, compiled=True)
    verbs = load_lexicon().verbs
    for lemma in ("condemn", "arrest", "ambush", "ban"):
        assert verbs[lemma] == curated.get(lemma, ()) + cameo[lemma]
    assert "outlaw" not in curated and verbs["outlaw"] == cameo["outlaw"]
    header = (DATA_DIR / CAMEO_VERBS).read_text(encoding="utf-8")[:800]
    assert "GENERATED" in header and "MIT" in header and "CC BY-SA 4.0" in header


@pytest.mark.parametrize(
    ("lemma", "type_"),
    [("ban", "COERCE"), ("arrest", "COERCE"), ("condemn", "ACCUSE"), ("ambush", "ASSAULT")],
)
def test_cameo_default_frame_has_the_plover_type(lemma, type_):
    cameo = _frames(DATA_DIR / CAMEO_VERBS)[lemma]
    assert cameo[-1].type == type_ and not cameo[-1].object  # the default comes last


@pytest.mark.parametrize(
    ("text", "mentions", "type_", "source", "target"),
    [
        (
            "The government outlawed the opposition party.",
            [("The government", "GOV"), ("the opposition party", "OPP")],
            "COERCE",
            "GOV",
            "OPP",
        ),
        (
            "Police nabbed the protest leaders.",
            [("Police", "COP"), ("the protest leaders", "PROT")],
            "COERCE",
            "COP",
            "PROT",
        ),
        (
            "The minister chastised the opposition party.",
            [("The minister", "MIN"), ("the opposition party", "OPP")],
            "ACCUSE",
            "MIN",
            "OPP",
        ),
        (
            "The minister saluted the government.",
            [("The minister", "MIN"), ("the government", "GOV")],
            "SUPPORT",
            "MIN",
            "GOV",
        ),
        (
            "Rebels ambushed an army convoy.",
            [("Rebels", "REB"), ("an army convoy", "ARMY")],
            "ASSAULT",
            "REB",
            "ARMY",
        ),
    ],
)
def test_sentences_coded_with_cameo_frames(
    parser, extractor, text, mentions, type_, source, target
):
    events = _events(parser, extractor, text, mentions)
    assert [(e.type, e.source, e.target) for e in events] == [(type_, source, target)]


@pytest.mark.parametrize(
    "text",
    [
        # OVERSEE_MANAGE [060]: the catch-all of material cooperation; its synonyms
        # ("lead", "rule", "control") alone code no event.
        "The president led the ruling party.",
        # "- * MEETING [040]  # END" is "end a meeting", not "quit" one.
        "The minister quit the ruling party meeting.",
    ],
)
def test_cameo_synonyms_of_a_catch_all_code_and_other_verbs_patterns_code_nothing(
    parser, extractor, text
):
    mentions = [("The president", "MIN"), ("The minister", "MIN"), ("the ruling party", "OPP")]
    found = [(w, a) for w, a in mentions if w in text]
    assert _events(parser, extractor, text, found) == []
