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
  quotes     list[dyad.model.Quote]                     (dyad_quotes)
  events     list[dyad.model.Event]                     (dyad_events)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

INPUTS = ("published", "author")
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
