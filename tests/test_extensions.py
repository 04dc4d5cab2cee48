"""The doc's text and line breaks, kept once per doc for the components."""

from __future__ import annotations

from dyad.extensions import TEXT_KEY, doc_text, line_break_tokens
from dyad.model import Article
from dyad.pipeline import make_doc

TEXT = "MOSCOW (AP) —\n\nRussia hosted a Hamas delegation.  It said so.\n \nThe end.\n"


def test_line_breaks_are_the_tokens_holding_one(nlp):
    doc = nlp.make_doc(TEXT)
    breaks = line_break_tokens(doc)
    assert breaks == [t.i for t in doc if "\n" in t.text]
    assert [doc[i].text for i in breaks] == ["\n\n", "\n \n", "\n"]
    assert line_break_tokens(nlp.make_doc("")) == []
    assert line_break_tokens(nlp.make_doc("No break here.")) == []


def test_the_text_is_the_articles_and_a_copied_stale_one_is_joined_again(nlp):
    doc = make_doc(nlp, Article(text=TEXT))
    assert doc.user_data[TEXT_KEY] == TEXT == doc_text(doc) == doc.text
    # A span's own doc copies the user data, the whole article's text with it.
    first = next(t.i for t in doc if t.text == "Russia")
    sentence = doc[first : first + 6].as_doc(copy_user_data=True)
    assert doc_text(sentence) == sentence.text
    assert sentence.text.rstrip() == "Russia hosted a Hamas delegation."
