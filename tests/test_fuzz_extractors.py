"""Hostile text through the whole pipeline (actors, times, quotes, events).

Property: whatever the text — random Unicode, mismatched and nested quote
marks, zero-width and right-to-left characters, real sentences cut and
shuffled — analysis raises nothing, every offset it reports points at the text
it claims, the JSON meets the schema, and the store takes the result.
Time: analysis of repeated real sentences grows linearly with their length.
"""

from __future__ import annotations

import json
import os
import re
import time
from datetime import date

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.limits import LimitExceeded, Limits
from dyad.model import Analysis, Article
from dyad.pipeline import analyze, analyze_articles
from dyad.store import Store

QUOTE_MARKS = list("“”‘’\"'«»„‚‹›「」『』")
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]
BREAKS = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\x0b", "\x0c"]
FOREIGN = ["حماس", "موسكو", "שלום", "Москва", "北京", "🇷🇺", "e\u0301", "ﬁ", "Ⅻ"]
DATES = ["late October of last year", "on 7 October 2023", "Jan. 32", "the 1990s", "0000-00-00"]
# Dates that are no date ("2024-02-30", "yesterday") stop at ingest: tests/ingest/test_ingest.py.
PUBLISHED = [None, date(2024, 2, 20), date(1, 1, 1), date(9999, 12, 31)]
# Bounded so the suite stays fast (every example runs the full spaCy pipeline);
# DYAD_FUZZ_EXAMPLES=1000 runs a longer campaign.
FUZZ = settings(
    max_examples=int(os.environ.get("DYAD_FUZZ_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+", text) if len(s.split()) > 3]


@pytest.fixture(scope="session")
def real_sentences(shared) -> list[str]:
    found = sentences_of((shared / "corpus/seed/moscow-hamas.txt").read_text("utf-8"))
    for path in sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:5]:
        found += sentences_of(path.read_text("utf-8"))
    return found


@pytest.fixture(scope="session")
def schema(shared) -> dict:
    return json.loads((shared / "schema/analysis.schema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")) as store:
        yield store


def hostile_text(sentences: list[str]) -> st.SearchStrategy[str]:
    words = st.sampled_from(sentences).map(str.split)
    piece = st.one_of(
        st.sampled_from(sentences),
        # A sentence cut anywhere, so quotes and clauses open and never close.
        st.tuples(st.sampled_from(sentences), st.integers(0, 200)).map(lambda p: p[0][: p[1]]),
        words.flatmap(lambda w: st.permutations(w)).map(" ".join),
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(QUOTE_MARKS).flatmap(lambda q: st.integers(1, 30).map(lambda n: q * n)),
        st.sampled_from(INVISIBLE + BIDI),
        st.sampled_from(BREAKS),
        st.sampled_from(FOREIGN + DATES),
        st.text(max_size=30),
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=10),
    )
    return st.lists(piece, max_size=40).map("".join)


def offset_problems(analysis: Analysis) -> list[str]:
    """Every reported span that does not point at the text it claims, in words."""
    text = analysis.article.text
    problems = []

    def check(what: str, claimed: str | None, start: int | None, end: int | None) -> None:
        if start is None or end is None:
            return
        if not (0 <= start <= end <= len(text)):
            problems.append(f"{what}: [{start}, {end}) outside a text of {len(text)}")
        elif text[start:end] != claimed:
            problems.append(f"{what}: {claimed!r} != text[{start}:{end}] {text[start:end]!r}")

    for mention in analysis.mentions:
        check("mention", mention.text, mention.start, mention.end)
    for expression in analysis.times:
        check("time", expression.text, expression.start, expression.end)
    for quote in analysis.quotes:
        for start, end in quote.spans:
            check(f"quote {quote.id} span", text[start:end], start, end)
        if quote.spans and quote.text != " ".join(text[s:e] for s, e in quote.spans):
            problems.append(f"quote {quote.id}: text is not its spans joined")
        if quote.cue is not None:
            check(f"quote {quote.id} cue", quote.cue.text, quote.cue.start, quote.cue.end)
        speaker = quote.speaker
        check(f"quote {quote.id} speaker", speaker.text, speaker.start, speaker.end)
    for event in analysis.events:
        check(f"event {event.id} evidence", event.evidence.text, event.evidence.start,
              event.evidence.end)  # fmt: skip
        if event.sentence is not None:
            check(f"event {event.id} sentence", event.sentence.text, event.sentence.start,
                  event.sentence.end)  # fmt: skip
    return problems


def assert_sound(analysis: Analysis, schema: dict, store: Store) -> None:
    assert offset_problems(analysis) == []
    jsonschema.validate(analysis.to_dict(), schema)
    store.add(analysis)


@FUZZ
@given(data=st.data())
def test_hostile_text_gives_valid_offsets(nlp, real_sentences, schema, store, data):
    texts = data.draw(st.lists(hostile_text(real_sentences), min_size=1, max_size=3))
    published = data.draw(st.sampled_from(PUBLISHED))
    articles = [Article(text=text, published=published) for text in texts]
    analyses = list(analyze_articles(articles, nlp))
    assert [a.article for a in analyses] == articles
    for analysis in analyses:
        assert_sound(analysis, schema, store)


def nested(depth: int) -> str:
    return "“" + "‘“" * depth + "we will go" + "”’" * depth + "”"


HOSTILE_CASES = {
    "nested quotes 60 deep": f"The minister said {nested(60)}, he told reporters.",
    "mismatched marks": 'He said “yes" and ‘no” then «maybe’ and „perhaps“ » ” “ ‘.',
    "only marks": "“" * 500 + "”" * 499 + '"' * 333,
    "quote never closed": "Putin said “Russia will host the talks in Moscow on Monday. " * 40,
    "zero-width in every word": "\u200b".join("Hamas officials visited Moscow in late October."),
    "right-to-left override": "\u202eHamas met Lavrov in Moscow on Monday.\u202c حماس \u200f",
    "combining marks": "Ha\u0301mas\u0327 me\u0308t Lavrov\u0338 in Moscow\u20dd yesterday.",
    "lone controls": "Hamas\x00 met\x07 Russia\x1b[31m in\x7f Moscow\x08 on\x0c Monday.",
    "no spaces": "HamasmetLavrovinMoscow" * 2000,
    "one long word of digits": "1" * 20000,
    "every break": "Russia".join(BREAKS) + " said Hamas.",
    "empty": "",
    "whitespace only": " \n\t\u00a0\u2028 ",
}


@pytest.mark.parametrize("text", HOSTILE_CASES.values(), ids=HOSTILE_CASES.keys())
def test_hand_picked_hostile_text(nlp, schema, store, text):
    for published in (date(2024, 2, 20), None):
        analysis = next(analyze_articles([Article(text=text, published=published)], nlp))
        assert_sound(analysis, schema, store)


def test_an_article_over_the_size_limit_is_refused_with_a_clear_error(nlp):
    limits = Limits(max_article_chars=1000)
    with pytest.raises(LimitExceeded, match=r"too long \(1,001 characters, limit 1,000"):
        next(analyze_articles([Article(text="x" * 1001)], nlp, limits=limits))
    # At the limit it is analysed.
    assert next(analyze_articles([Article(text="x " * 500)], nlp, limits=limits))


def test_the_size_limit_comes_from_the_environment(nlp, monkeypatch):
    monkeypatch.setenv("DYAD_MAX_ARTICLE_CHARS", "50")
    with pytest.raises(LimitExceeded, match="DYAD_MAX_ARTICLE_CHARS"):
        analyze("Hamas officials visited Moscow in late October of last year.", nlp=nlp)


def cpu_seconds(nlp, text: str) -> float:
    """Process CPU time of one analysis: other work on a shared machine does not count."""
    started = time.process_time()
    next(analyze_articles([Article(text=text, published=date(2024, 2, 20))], nlp))
    return time.process_time() - started


def growth(nlp, unit: str) -> dict[int, float]:
    """CPU seconds to analyse ``unit`` repeated 1, 2, 4 and 8 times, each relative to once."""
    cpu_seconds(nlp, unit)  # warm caches, lazily built tables
    seconds = {k: cpu_seconds(nlp, unit * k) for k in (1, 2, 4, 8)}
    print(f"{len(unit)} characters, CPU seconds by repeat: {seconds}")
    return {k: seconds[k] / seconds[1] for k in seconds}


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["paragraphs", "one paragraph"])
def test_analysis_time_grows_linearly(nlp, shared, layout):
    seed = (shared / "corpus/seed/moscow-hamas.txt").read_text("utf-8")
    unit = seed + "\n" if layout == "paragraphs" else " ".join(seed.split()) + " "
    ratios = growth(nlp, unit * 2)  # n = 2 seeds (~11 KB), 8n ~ 86 KB
    print(f"{layout}: time ratios {ratios}")
    # Linear would be 8; quadratic 64. Generous for noise on a shared machine.
    assert ratios[8] < 16, ratios
