"""spaCy component `dyad_events`: PLOVER events on ``doc._.events``.

Reads ``doc._.actors``, ``doc._.mentions``, ``doc._.places`` (dyad_actors),
``doc._.times`` (dyad_times) and ``doc._.quotes`` (dyad_quotes) when they are
there; without them it still finds triggers but can only code events whose
participants it can name, so run it after those components.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.events.context import DocContext
from dyad.events.extract import extract_events
from dyad.events.lexicon import DATA_DIR, Lexicon, load_lexicon
from dyad.nlp.extensions import register_extensions


@Language.factory("dyad_events", default_config={"lexicon_dir": None})
def make_events(nlp: Language, name: str, lexicon_dir: str | None) -> EventExtractor:
    return EventExtractor(nlp, name, lexicon_dir)


class EventExtractor:
    def __init__(
        self, nlp: Language, name: str = "dyad_events", lexicon_dir: str | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon: Lexicon = load_lexicon(Path(lexicon_dir) if lexicon_dir else DATA_DIR)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(DocContext.of(doc), self.lexicon)
        return doc
