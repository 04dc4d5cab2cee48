"""spaCy component `dyad_events`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.extensions import register_extensions


@Language.factory("dyad_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)


class EventExtractor:
    def __init__(self, nlp: Language, name: str = "dyad_events") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc
