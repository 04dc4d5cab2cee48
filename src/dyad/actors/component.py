"""spaCy component `dyad_actors`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.extensions import register_extensions


@Language.factory("dyad_actors", default_config={"kb_paths": []})
def make_actors(nlp: Language, name: str, kb_paths: list[str]) -> ActorResolver:
    return ActorResolver(nlp, name, kb_paths)


class ActorResolver:
    def __init__(
        self, nlp: Language, name: str = "dyad_actors", kb_paths: list[str] | None = None
    ) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = {}
        doc._.mentions = []
        doc._.places = []
        return doc
