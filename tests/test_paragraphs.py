"""A blank line ends a sentence (``dyad_paragraphs``, before the parser)."""

from __future__ import annotations

from dyad.model import Article
from dyad.pipeline import analyze_articles

# A Wikinews headline and lead (../shared/corpus/news, wn-8366dfcd2412).
HEADLINE_AND_LEAD = (
    "Human Rights Watch: US abuse of Iraqi prisoners continues\n\n"
    "A report is published by Human Rights Watch on treatment of prisoners in Iraq by US "
    "soldiers after the Abu Ghraib prison scandal. It claims torture and other abuses against "
    "detainees in US custody in Iraq continues and is authorised and routine."
)


def test_a_headline_is_a_sentence_of_its_own(nlp):
    doc = nlp(HEADLINE_AND_LEAD)
    firsts = [sentence[0].text for sentence in doc.sents if not sentence[0].is_space]
    assert firsts == ["Human", "A", "It"]


def test_the_lead_after_a_headline_is_read_as_a_sentence(nlp):
    # Run into the headline, the lead's subject was lost and "It" was taken for the US.
    analysis = next(analyze_articles([Article(id="t", text=HEADLINE_AND_LEAD)], nlp))
    names = {actor.id: actor.name for actor in analysis.actors}
    claims = [e for e in analysis.events if e.evidence.text == "It claims"]
    assert [(c.type, names.get(c.source), names.get(c.target)) for c in claims] == [
        ("ACCUSE", "Human Rights Watch", "United States")
    ]


def test_a_closing_quotation_mark_stays_out_of_the_next_paragraph(nlp):
    doc = nlp('He said: "We will not leave."\n\nThe minister denied the claims.')
    assert doc[-6].is_sent_start and doc[-6].text == "The"
