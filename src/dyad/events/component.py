"""spaCy component `dyad_events`: PLOVER events on ``doc._.events``.

Reads ``doc._.actors``, ``doc._.mentions``, ``doc._.places`` (dyad_actors),
``doc._.times`` (dyad_times) and ``doc._.quotes`` (dyad_quotes) when they are
there; without them it still finds triggers but can only code events whose
participants it can name, so run it after those components.

The lexicon (``src/dyad/data/events/*.yaml``) is data: point ``lexicon_dir`` at a
copy to extend it, and it is saved with the pipeline by ``nlp.to_disk``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.events.context import DocContext
from dyad.events.extract import extract_events
from dyad.events.lexicon import DATA_DIR, LEXICON_FILES, Lexicon, default_lexicon, load_lexicon
from dyad.events.speech import speech_readings
from dyad.extensions import register_extensions


@Language.factory(
    "dyad_events",
    default_config={"lexicon_dir": None},
    requires=[
        "doc.ents",
        "doc.sents",
        "token.dep",
        "token.tag",
        "token.lemma",
        "doc._.actors",
        "doc._.mentions",
        "doc._.places",
        "doc._.times",
        "doc._.quotes",
    ],
    # Implied actors (a country named only by its capital) join doc._.actors.
    assigns=["doc._.events", "doc._.actors"],
)
def make_events(nlp: Language, name: str, lexicon_dir: str | None) -> EventExtractor:
    return EventExtractor(nlp, name, lexicon_dir)


class EventExtractor:
    def __init__(
        self, nlp: Language, name: str = "dyad_events", lexicon_dir: str | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon_dir = Path(lexicon_dir) if lexicon_dir else DATA_DIR
        # The shipped lexicon (with its 250 KB CAMEO layer) is parsed once per process.
        self.lexicon: Lexicon = load_lexicon(self.lexicon_dir) if lexicon_dir else default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(DocContext.of(doc), self.lexicon, (speech_readings,))
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon with the pipeline, as spaCy's rulers save their patterns."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in LEXICON_FILES:
            if (self.lexicon_dir / name).exists():  # a lexicon saved before a file existed
                shutil.copyfile(self.lexicon_dir / name, path / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventExtractor:
        self.lexicon_dir = Path(path)
        self.lexicon = load_lexicon(self.lexicon_dir)
        return self
