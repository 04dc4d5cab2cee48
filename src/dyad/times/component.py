"""spaCy component `dyad_times`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.extensions import register_extensions


@Language.factory("dyad_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(nlp, name)


class TimeTagger:
    def __init__(self, nlp: Language, name: str = "dyad_times") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc
