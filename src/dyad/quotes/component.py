"""spaCy component `dyad_quotes`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.extensions import register_extensions


@Language.factory("dyad_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)


class QuoteExtractor:
    def __init__(self, nlp: Language, name: str = "dyad_quotes") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc
