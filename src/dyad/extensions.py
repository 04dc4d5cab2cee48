"""``Doc._`` attributes through which dyad's components hand results to each other.

Inputs, set before the pipeline runs (``dyad.pipeline`` does it; a user of a
single component sets them by hand):
  published  publication date of the article, a ``datetime.date`` or None (a
             ``datetime`` counts as its day: components read ``published_day``)
  author     the article's byline, or None

Outputs, each owned by one component (each factory lists them in ``assigns``
and what it reads in ``requires``, so ``nlp.analyze_pipes()`` checks the order):
  actors     dict actor id -> dyad.model.Actor          (dyad_actors; quotes may add the author)
  mentions   list[dyad.model.Mention], by start offset  (dyad_actors)
  places     list[dyad.model.Place], by start offset    (dyad_actors)
  times      list[dyad.model.TimeExpr]                  (dyad_times)
  quotes     list[dyad.model.Quote]                     (dyad_quotes; dyad_framing fills .about)
  events     list[dyad.model.Event]                     (dyad_events)
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

INPUTS = ("published", "author")
TEXT_KEY = "dyad.text"  # doc.user_data: the doc's text, joined once
BREAKS_KEY = "dyad.line_breaks"  # doc.user_data: (token count, the line breaks' tokens)
OUTPUTS = ("actors", "mentions", "places", "times", "quotes", "events")


def register_extensions() -> None:
    # Imported here: this module is the ground floor, which the store and the
    # web app import without loading spaCy; only the components call this.
    from spacy.tokens import Doc

    for name in INPUTS + OUTPUTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def published_day(doc: Doc) -> date | None:
    """``doc._.published`` as the day it names (a ``datetime`` set by hand included)."""
    published = doc._.published
    return published.date() if isinstance(published, datetime) else published


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once per doc: ``Doc.text`` joins every token on each access,
    and the components read the whole text several times. Kept in ``doc.user_data``
    (``dyad.pipeline`` stores the article's text there as it makes the doc); a text
    that does not end where the doc's last token ends belongs to another doc (a span's
    ``as_doc`` may copy the user data) and is joined again."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str) or len(text) != _text_length(doc):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def line_break_tokens(doc: Doc) -> list[int]:
    """The tokens holding a line break, in order (do not change the list), found in the
    text rather than token by token (spaCy keeps line breaks in tokens of their own: none
    is left between two). Kept in ``doc.user_data`` with the doc's token count."""
    cached = doc.user_data.get(BREAKS_KEY)
    if isinstance(cached, tuple) and cached[0] == len(doc):
        return cached[1]
    text = doc_text(doc)
    starts = doc.to_array("IDX").tolist()
    breaks: list[int] = []
    at = text.find("\n")
    while at != -1:
        token = bisect_right(starts, at) - 1
        if not breaks or breaks[-1] != token:
            breaks.append(token)
        at = text.find("\n", at + 1)
    doc.user_data[BREAKS_KEY] = (len(doc), breaks)
    return breaks
