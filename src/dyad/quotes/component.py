"""spaCy component `dyad_quotes`: quotes and reported speech with cues and speakers.

Usable on its own: ``nlp.add_pipe("dyad_quotes")`` after a parser sets
``doc._.quotes`` (list of ``dyad.model.Quote``). When ``dyad_actors`` runs
first, speakers are resolved to its actors through ``doc._.mentions``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from dyad.extensions import register_extensions
from dyad.quotes.extract import find_quotes
from dyad.quotes.lexicon import CueLexicon

CUES_FILE = "cues.yaml"


@Language.factory(
    "dyad_quotes",
    default_config={"cues_path": None, "cognition": False},
    # Speakers resolve to the actors stage's mentions; the author may join doc._.actors.
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma", "doc._.mentions"],
    assigns=["doc._.quotes", "doc._.actors"],
)
def make_quotes(nlp: Language, name: str, cues_path: str | None, cognition: bool) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, cues_path=cues_path, cognition=cognition)


class QuoteExtractor:
    """Finds direct, partial, indirect and mixed quotes; see ``dyad.quotes.extract``.

    ``cues_path``: a YAML cue lexicon replacing the shipped one.
    ``cognition``: also report beliefs ("X believes that …") as indirect quotes.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "dyad_quotes",
        *,
        cues_path: str | Path | None = None,
        cognition: bool = False,
    ) -> None:
        register_extensions()
        self.name = name
        self.cognition = cognition
        self.lexicon = CueLexicon.load(cues_path)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.lexicon, self.cognition)
        return doc

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the cue lexicon with the pipeline (``nlp.to_disk``)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(self.lexicon.to_dict(), allow_unicode=True, sort_keys=False)
        (path / CUES_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> QuoteExtractor:
        cues = Path(path) / CUES_FILE
        if cues.exists():
            self.lexicon = CueLexicon.load(cues)
        return self
