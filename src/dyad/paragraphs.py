"""spaCy component `dyad_paragraphs`: a blank line ends a sentence.

Put before the parser, it marks the first word after a blank line (a headline, a
paragraph, a block quote) as a sentence start, which the parser keeps. Left alone, the
parser runs a headline into the lead sentence and one paragraph's closing quotation mark
into the next paragraph's first sentence, and every stage reads sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
