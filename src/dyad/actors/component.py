"""spaCy component `dyad_actors`: actor mentions resolved to canonical actors.

Reads ``doc._.published`` (the date roles are resolved at) and ``doc._.author``;
writes ``doc._.actors`` (id -> Actor), ``doc._.mentions`` (by start offset, not
overlapping) and ``doc._.places`` (places named as places).

The passes run in this order around one ``ArticleMentions`` (``state.py``), each
seeing what the earlier ones found:
  0. the dateline, claimed as a place (``dateline.py``);
  1. knowledge-base aliases, longest match first (``aliases.py``); what they name
     goes to the module of its kind:
  2. people and organisations: names spaCy tags that the base lacks, with the role
     and affiliation their titles and appositions teach (``names.py``, ``roles.py``);
  3. capitals and seats: acting -> the state, otherwise a place (``places.py``);
  4. demonym + agent noun, group + member noun ("Hamas officials") (``groups.py``);
  4b. entity chains: the actors one entity was split into merged, and each local
     actor's country from its context or the article's (``chains.py``);
  5. definite descriptions that refer back ("the group") (``descriptions.py``);
  5b. people described but not named ("a spokesman for the US State Department"), each
     an actor of its own (``unnamed.py``);
  6. pronouns (``pronouns.py``); 5 and 6 share ``antecedents.py``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors import chains, dateline, descriptions, names, pronouns, unnamed
from dyad.actors.aliases import add_aliases
from dyad.actors.kb import load_kb
from dyad.actors.state import ArticleMentions
from dyad.extensions import published_day, register_extensions


@Language.factory(
    "dyad_actors",
    default_config={"kb_paths": []},
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag", "token.lemma"],
    assigns=["doc._.actors", "doc._.mentions", "doc._.places"],
)
def make_actors(nlp: Language, name: str, kb_paths: list[str]) -> ActorResolver:
    return ActorResolver(nlp, name, kb_paths)


class ActorResolver:
    def __init__(
        self, nlp: Language, name: str = "dyad_actors", kb_paths: list[str] | None = None
    ) -> None:
        register_extensions()
        self.name = name
        self.kb = load_kb(tuple(str(p) for p in kb_paths or ()))

    def __call__(self, doc: Doc) -> Doc:
        published = published_day(doc)
        # The knowledge base dates its roles with ISO strings (some only to the year).
        article = ArticleMentions(doc, self.kb, published.isoformat() if published else None)
        dateline.read_dateline(article)
        matched = add_aliases(article)
        names.add_people(article, matched)
        names.add_unknown_names(article, matched)
        names.add_people_of_organisations(article)
        chains.link_chains(article)
        descriptions.add_descriptions(article)
        unnamed.add_unnamed_people(article)
        pronouns.add_pronouns(article)
        doc._.mentions = article.finish()
        doc._.actors = article.actors
        doc._.places = sorted(article.places, key=lambda p: p.start)
        return doc
