"""The PolNeAR scorer: brat reading, matching, source accuracy, annotator weighting."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import dyad.quotes  # noqa: F401 - registers dyad_quotes
from dyad.eval.polnear import evaluate, predictions, read_brat, score_article
from dyad.model import Analysis, Article, Mention, Quote, Speaker
from dyad.nlp import DEFAULT_MODEL

TEXT = (
    "The senator said that the bill would pass. “It is a good day,” he added.\n\n"
    "Critics called the bill “a disaster.”"
)


def _at(phrase: str) -> tuple[int, int]:
    # "he" alone would be found inside "The": look it up with its context.
    start = TEXT.index(phrase if phrase != "he" else " he added") + (phrase == "he")
    return start, start + len(phrase)


def _ann() -> str:
    lines = []
    spans = {
        "T1": ("Source", "The senator"),
        "T2": ("Cue", "said"),
        "T3": ("Content", "that the bill would pass"),
        "T4": ("Source", "he"),
        "T5": ("Cue", "added"),
        "T6": ("Content", "“It is a good day,”"),
    }
    for tid, (label, phrase) in spans.items():
        start, end = _at(phrase)
        lines.append(f"{tid}\t{label} {start} {end}\t{phrase}")
    lines.append("E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1")
    lines.append("E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4")
    # A discontinuous content without a source.
    a, b = _at("Critics called"), _at("a disaster")
    lines.append(f"T7\tContent {a[0]} {a[1]};{b[0]} {b[1]}\tCritics called a disaster")
    lines.append("E3\tAttribution-no-source:T7 Content:T7")
    lines.append("#1\tAnnotatorNotes T7\tcontinuation line of a note")
    return "\n".join(lines) + "\n"


def test_read_brat():
    gold = read_brat(_ann(), TEXT)
    assert [g.quote_marked for g in gold] == [False, True, False]
    assert gold[0].source == [_at("The senator")]
    assert len(gold[2].content) == 2 and gold[2].source == []


def _quote(qid: str, kind: str, phrase: str, speaker: str | None, actor: str | None = None):
    start, end = _at(phrase)
    spk = Speaker(actor, speaker, *_at(speaker)) if speaker else Speaker(actor)
    return Quote(qid, kind, phrase, [(start, end)], spk)


def test_matching_and_source_accuracy():
    analysis = Analysis(
        article=Article(text=TEXT),
        quotes=[
            # Matches E1 ("that" does not count: 4 of 4 words).
            _quote("q1", "indirect", "the bill would pass", "The senator"),
            # Matches E2 with a wrong speaker span, but its actor has a mention on "he".
            _quote("q2", "direct", "It is a good day,", None, actor="SEN"),
            # One word against E3's four ("Critics called … a disaster"): under half, no match.
            _quote("q3", "partial", "disaster", "Critics"),
        ],
        mentions=[Mention("he", *_at("he"), "SEN")],
    )
    score = score_article(analysis, read_brat(_ann(), TEXT))
    assert (score.all.gold, score.all.predicted, score.all.matched) == (3, 3, 2)
    assert (score.all.source_gold, score.all.source_correct) == (2, 2)
    assert (score.quote_marked.gold, score.quote_marked.predicted) == (1, 2)
    assert score.quote_marked.matched == 1


def test_wrong_source_is_counted_wrong():
    analysis = Analysis(
        article=Article(text=TEXT),
        quotes=[_quote("q1", "indirect", "the bill would pass", "Critics")],
    )
    score = score_article(analysis, read_brat(_ann(), TEXT))
    assert (score.all.matched, score.all.source_gold, score.all.source_correct) == (1, 1, 0)


def test_predictions_join_continuations_and_drop_nested_partials():
    text = "“One,” she said. “Two.” Officials said that it was “fine” today."
    analysis = Analysis(
        article=Article(text=text),
        quotes=[
            Quote("q1", "direct", "One,", [(1, 5)], Speaker("A", "she", 7, 10)),
            Quote("q2", "direct", "Two.", [(18, 22)], Speaker("A", "she", 7, 10)),
            Quote("q3", "mixed", "it was “fine” today", [(42, 61)], Speaker(None, "Officials")),
            Quote("q4", "partial", "fine", [(50, 54)], Speaker(None, "Officials")),
        ],
    )
    analysis.quotes[0].cue = None
    joined = predictions(analysis)
    assert [q.spans for q in joined] == [[(1, 5), (18, 22)], [(42, 61)]]


@pytest.mark.slow
def test_evaluate_weights_annotators(tmp_path: Path):
    compartment = tmp_path / "dev"
    (compartment / "text").mkdir(parents=True)
    (compartment / "attributions").mkdir()
    (compartment / "text" / "art.txt").write_text(TEXT, encoding="utf-8")
    (compartment / "attributions" / "art_aaaa.ann").write_text(_ann(), encoding="utf-8")
    # The second annotator marked only the first attribution.
    first_two = "\n".join(_ann().splitlines()[:3] + ["E1\tContent:T3 Cue:T2 Source:T1"])
    (compartment / "attributions" / "art_bbbb.ann").write_text(first_two, encoding="utf-8")
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("dyad_quotes")
    result = evaluate(compartment, nlp)
    assert result["articles"] == 1 and result["annotation_files"] == 2
    assert result["all"]["gold"] == 2.0  # (3 + 1) / 2
    assert 0.0 <= result["all"]["f1"] <= 1.0
    assert result["all"]["matched"] >= 1.0  # "the senator said that the bill would pass"


def test_typewriter_marks_make_a_content_quote_marked():
    text = "''We will win,'' he said, and he said that they would win."
    ann = (
        "T1\tContent 0 16\t''We will win,''\n"
        "T2\tContent 43 57\tthey would win\n"
        "E1\tAttribution:T1 Content:T1\nE2\tAttribution:T2 Content:T2\n"
    )
    assert [g.quote_marked for g in read_brat(ann, text)] == [True, False]
