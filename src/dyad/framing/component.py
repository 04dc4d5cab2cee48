"""spaCy component `dyad_framing`: the events each statement speaks about.

Reads ``doc._.quotes`` (dyad_quotes), ``doc._.events`` (dyad_events), and the
actors stage's ``doc._.actors``, ``doc._.mentions`` and ``doc._.places``, with
``doc._.times``; fills ``Quote.about`` on the quotes (see ``dyad.framing.link``).
Run it last. The words that name events are data
(``src/dyad/data/framing/event_words.yaml``): point ``words_path`` at a copy to
change them; they are saved with the pipeline by ``nlp.to_disk``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from dyad.extensions import register_extensions
from dyad.framing.link import link_statements
from dyad.framing.words import EventWords

WORDS_FILE = "event_words.yaml"


@Language.factory(
    "dyad_framing",
    default_config={"words_path": None},
    requires=[
        "doc.sents",
        "token.lemma",
        "doc._.actors",
        "doc._.mentions",
        "doc._.places",
        "doc._.times",
        "doc._.quotes",
        "doc._.events",
    ],
    # Fills Quote.about on the quotes already there.
    assigns=["doc._.quotes"],
)
def make_framing(nlp: Language, name: str, words_path: str | None) -> StatementLinker:
    return StatementLinker(nlp, name, words_path)


class StatementLinker:
    def __init__(
        self, nlp: Language, name: str = "dyad_framing", words_path: str | Path | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.words = EventWords.load(words_path)

    def __call__(self, doc: Doc) -> Doc:
        about = link_statements(doc, self.words)
        for quote in doc._.quotes or []:
            quote.about = about.get(quote.id, [])
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(self.words.to_dict(), allow_unicode=True, sort_keys=False)
        (path / WORDS_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StatementLinker:
        words = Path(path) / WORDS_FILE
        if words.exists():
            self.words = EventWords.load(words)
        return self
