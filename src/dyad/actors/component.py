"""spaCy component `dyad_actors`: actor mentions resolved to canonical actors.

Reads ``doc._.published`` (the date roles are resolved at) and ``doc._.author``;
writes ``doc._.actors`` (id -> Actor), ``doc._.mentions`` (by start offset, not
overlapping) and ``doc._.places`` (places named as places).

Order of work, each step seeing what the earlier ones found:
  1. knowledge-base aliases, longest match first (``match_aliases``);
  2. names spaCy tags as people or organisations that the base lacks, with the
     role and affiliation their titles and appositions teach;
  3. capitals and seats: acting -> the state, otherwise a place (metonymy);
  4. demonym + agent noun, group + member noun ("Hamas officials");
  5. definite descriptions that refer back ("the group") and pronouns.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.actors.kb import (
    APOSTROPHES,
    CAPITAL,
    DEMONYM,
    NAME,
    PLACE,
    SEAT,
    AliasTarget,
    KnowledgeBase,
    ascii_id,
    load_kb,
)
from dyad.model import Actor, Mention, Place
from dyad.nlp.extensions import register_extensions
from dyad.quotes.marks import find_double_quoted

AUTHOR_ID = "AUTHOR"
POSSESSIVE = {"'s", "’s", "'", "’"}
# Sectors of agent nouns that speak for the state itself ("Ukrainian army" -> UKR).
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
SENTENCE_WINDOW = 3
WIDENED = 4  # rank of a name widened over the words that follow it ('Clinton's aides')


@Language.factory("dyad_actors", default_config={"kb_paths": []})
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
        published = doc._.published
        article = _Article(doc, self.kb, str(published)[:10] if published else None)
        article.resolve()
        doc._.mentions = article.mentions()
        doc._.actors = article.actors
        doc._.places = sorted(article.places, key=lambda p: p.start)
        return doc


@dataclass
class _Found:
    """A candidate mention over tokens [start, end)."""

    start: int
    end: int
    actor: str
    rank: int  # higher wins an overlap: names > descriptions > pronouns


class _Index:
    """The mentions found so far, in the order found and by start token, so that a
    look-up near a token visits only the mentions that can reach it, not the thousands
    of a long article. Added mentions never overlap (``replace`` drops what a new one
    overlaps); the bounds below need only that no mention ends more than ``reach``
    tokens from where it starts. Look-ups answer in the order found, as steps that
    take the first fitting mention expect."""

    def __init__(self) -> None:
        self._by_order: dict[int, _Found] = {}
        self._by_start: list[tuple[int, int]] = []  # (start, order), sorted
        self._added = 0
        self.reach = 0

    def __iter__(self) -> Iterator[_Found]:
        return iter(list(self._by_order.values()))  # a copy: steps add while they walk

    def __reversed__(self) -> Iterator[_Found]:
        return reversed(list(self._by_order.values()))

    def __contains__(self, found: _Found) -> bool:
        return any(f is found for f in self.starting(found.start, found.start + 1))

    def starting(self, first: int, stop: int) -> list[_Found]:
        """Mentions starting at tokens [first, stop), in the order found."""
        lo = bisect_left(self._by_start, (first,))
        hi = bisect_left(self._by_start, (stop,))
        return [self._by_order[order] for order in sorted(o for _, o in self._by_start[lo:hi])]

    def covering(self, i: int) -> list[_Found]:
        return [f for f in self.starting(i + 1 - self.reach, i + 1) if f.start <= i < f.end]

    def ending_at(self, end: int) -> list[_Found]:
        near = self.starting(end - self.reach, end + self.reach + 1)
        return [f for f in near if f.end == end]

    def overlapping(self, start: int, end: int) -> list[_Found]:
        near = self.starting(start + 1 - self.reach, end)
        return [f for f in near if f.start < end and start < f.end]

    def replace(self, found: _Found) -> None:
        """Add ``found`` as the latest mention, dropping those it overlaps."""
        for old in self.overlapping(found.start, found.end):
            at = bisect_left(self._by_start, (old.start,))
            while self._by_order[self._by_start[at][1]] is not old:
                at += 1
            del self._by_order[self._by_start.pop(at)[1]]
        self._added += 1
        self._by_order[self._added] = found
        insort(self._by_start, (found.start, self._added))
        self.reach = max(self.reach, abs(found.end - found.start))


@dataclass
class _Article:
    doc: Doc
    kb: KnowledgeBase
    date: str | None
    actors: dict[str, Actor] = field(default_factory=dict)
    found: _Index = field(default_factory=_Index)
    places: list[Place] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)  # last name -> person actor
    claimed: set[int] = field(default_factory=set)  # tokens already in a mention or place
    sentence_starts: list[int] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # person actor -> 'm' | 'f'
    # first name -> the one person of the article with it ('' when two share it)
    first_names: dict[str, str] = field(default_factory=dict)
    home: str | None = None  # the state of the dateline ('JERUSALEM (AP)' -> ISR)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> titles seen
    dateline_end: int = 0  # tokens of a dateline place, claimed before anything else
    # what the capitals of each mention spell, in the order found ('INS' -> [mentions])
    initials: dict[str, list[_Found]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lex = self.kb.lexicon
        self.quoted = _quoted_ranges(self.doc.text)
        self.ents = list(self.doc.ents)
        self.entity_at = {t: ent for ent in self.ents for t in range(ent.start, ent.end)}
        self.home = self._dateline_state()
        self.dateline_end = self._dateline_end()  # may learn the home state too

    # -- steps -----------------------------------------------------------------

    def resolve(self) -> None:
        people = [e for e in self.ents if e.label_ in PERSON_LABELS]
        person_tokens = {t.i for e in people for t in e}
        if self.dateline_end:
            first = next(t.i for t in self.doc if not t.is_space)
            self.places.append(_place(self.doc[first : self.dateline_end], self.home))
            self.claimed.update(range(first, self.dateline_end))
        matches = list(match_aliases(self.doc, self.kb))
        matched_tokens = set()
        for start, end, targets in matches:
            if start < self.dateline_end:
                continue
            if self._other_person(start, end, targets, person_tokens):
                continue
            self._use_alias(start, end, targets)
            matched_tokens.update(range(start, end))
        for ent in sorted(people, key=lambda e: e.start):
            if not any(t.i in matched_tokens or t.i in self.claimed for t in ent):
                self._local_person(ent)
        self._unknown_names(matched_tokens)
        self._people_of_organisations()
        self._descriptions()
        self._pronouns()

    def _dateline_state(self) -> str | None:
        """The state of a wire dateline ('WELLINGTON, New Zealand (AP) _', 'HAVANA (AP) --'):
        where the article was filed, the default country of officials it names bare."""
        doc = self.doc
        words = [t for t in doc[:12] if not t.is_space]
        for size in (3, 2, 1):
            if len(words) <= size:
                continue
            head = words[:size]
            if not all(t.text.isupper() or not t.is_alpha for t in head):
                continue
            if words[size].text not in (",", "(", "-", "—", "–", "_"):
                continue
            text = doc[head[0].i : head[-1].i + 1].text
            for target in self.kb.lookup(text):
                if target.kind in (CAPITAL, PLACE):
                    return target.actor
                entry = self.kb.entries.get(target.actor)
                if target.kind == NAME and entry is not None and entry.kind == "state":
                    return entry.id
        return None

    def _dateline_end(self) -> int:
        """End of a dateline place the base may lack ("O'SMACH, Cambodia (AP)"): capitals at
        the start of the text before a comma and a state's name; 0 if there is none."""
        doc = self.doc
        i = 0
        while i < len(doc) and doc[i].is_space:
            i += 1
        end = i
        while end < len(doc) and end - i < 4 and doc[end].text.isupper() and not doc[end].is_punct:
            end += 1
        if end == i or end + 1 >= len(doc) or doc[end].text != ",":
            return 0
        after = self.kb.lookup(doc[end + 1].text) + self.kb.lookup(doc[end + 1 : end + 3].text)
        state = next(
            (t.actor for t in after if t.kind == NAME and self.kb.entries[t.actor].kind == "state"),
            None,
        )
        if state is None:
            return 0
        self.home = self.home or state
        return end

    def _other_person(
        self, start: int, end: int, targets: list[AliasTarget], person_tokens: set[int]
    ) -> bool:
        """'Michelle Obama' is not the Obama the base knows by his surname, but
        'Sergey V. Lavrov' is the Lavrov it knows as 'Sergey Lavrov'."""
        entry = self.kb.entries.get(targets[0].actor)
        if entry is None or entry.kind != "person" or end - start != 1 or start == 0:
            return False
        before = self.doc[start - 1]
        if not (
            start in person_tokens
            and before.i in person_tokens
            and before.text[:1].isupper()
            and before.lower_ not in self.lex.title_words
        ):
            return False
        ent = self.entity_at[start]
        return self._kb_person(ent) != entry.id

    def _kb_person(self, span: Span) -> str | None:
        """The KB person a full name written with or without middle initials names."""
        words = _clean_name(span, self.lex.title_words).split()
        for candidate in (words, [w for w in words if not _initial(w)]):
            if len(candidate) < 2:
                continue
            for target in self.kb.lookup(" ".join(candidate)):
                entry = self.kb.entries.get(target.actor)
                if entry is not None and entry.kind == "person":
                    return entry.id
        return None

    def _use_alias(self, start: int, end: int, targets: list[AliasTarget]) -> None:
        doc = self.doc
        span = doc[start:end]
        target = self._pick(targets)
        if target.kind in (PLACE, CAPITAL, SEAT) and self._inside_longer_name(span):
            return  # 'Munich' in 'the Munich Security Conference'
        if target.kind == PLACE:
            self._place(span, target.actor)
        elif target.kind in (CAPITAL, SEAT):
            if self._acts(span, default=target.kind == SEAT):
                self._actor_mention(start, end, target.actor, extend=True)
            else:
                self._place(span, target.actor)
        elif self._country_in_org_name(span, target):
            return
        elif target.kind == DEMONYM:
            self._demonym(start, end, target.actor)
        else:
            entry = self.kb.entries[target.actor]
            if entry.kind == "person":
                self._person(start, end, target.actor)
            else:
                self._actor_mention(start, end, target.actor, extend=True)
                if entry.kind == "state" and self._under_locative(span):
                    self.places.append(_place(span, target.actor))
                elif entry.kind != "state":
                    self._org_apposition(end, target.actor)

    def _inside_longer_name(self, span: Span) -> bool:
        """Is the span part of a longer named entity that is not itself a place?"""
        entity = self.entity_at.get(span.start)
        if entity is None or entity.label_ in PLACE_LABELS:
            return False
        return entity.start < span.start or entity.end > span.end

    def _country_in_org_name(self, span: Span, target: AliasTarget) -> bool:
        """'the U.S. Geological Survey': an organisation of that country the base lacks."""
        entry = self.kb.entries.get(target.actor)
        if target.kind not in (NAME, DEMONYM) or entry is None or entry.kind != "state":
            return False
        ent = self.entity_at.get(span.start)
        if (
            ent is None
            or ent.end < span.end
            or ent.label_ not in ORG_LABELS
            or len(ent) <= len(span)
        ):
            return False
        if any(self.kb.lookup(t.text) and t.i >= span.end and t.is_title for t in ent):
            return False  # two names side by side, not one organisation's name
        rest = " ".join(t.lower_ for t in ent if t.i >= span.end)
        if rest in self.lex.state_nouns or rest in self.lex.member_nouns:
            return False  # 'the Syrian Army', 'the Chinese Air Force': the state itself
        self._local_org(ent, country=target.actor)
        return True

    def _local_org(self, ent: Span, country: str | None = None) -> None:
        owner = next((t for t in ent[:-2] if t.text in POSSESSIVE), None)
        if owner is not None and all(t.pos_ == "PROPN" for t in ent[owner.i - ent.start + 1 :]):
            # "Commentary's Noah Rothman": spaCy's one entity is an outlet and its writer
            self._local_org(self.doc[ent.start : owner.i], country)
            org = self._mention_ending_at(owner.i - 1)
            self._person(owner.i + 1, ent.end, None, org.actor if org else None)
            return
        tokens = [t for t in ent if t.text not in POSSESSIVE]
        if not tokens:
            return
        start = tokens[0].i + (1 if tokens[0].lower_ == "the" else 0)
        span = self.doc[start : tokens[-1].i + 1]
        name = _name_text(span)
        if not name or not any(t.text[:1].isupper() for t in span):
            return  # 'a more or less united guerrilla force': no name
        kind, sector = "organization", None
        for word in reversed(name.lower().split()):
            if word in self.lex.organisation_name_words:
                kind, sector = self.lex.organisation_name_words[word]
                break
        end = self._member_phrase_end(span.end)  # 'Orange Order leaders'
        kind_noun = self._kind_noun_after(end)
        if kind_noun is not None:  # 'the Maariv newspaper'
            end, kind, sector = kind_noun
        actor = Actor(
            id="O:" + ascii_id(name), name=name, kind=kind, country=country, sector=sector
        )
        self._add(_Found(span.start, end, actor.id, 2), actor)

    def _kind_noun_after(self, end: int) -> tuple[int, str, str] | None:
        """'[ITAR-Tass] news agency', '[Maariv] newspaper': a common noun after a name that
        says what kind of organisation it names -> (end of the noun, kind, sector)."""
        doc = self.doc
        nouns = self.lex.organisation_kind_nouns
        for size in (2, 1):
            if end + size > len(doc):
                continue
            words = doc[end : end + size]
            key = " ".join(t.lower_ for t in words)
            if key in nouns and words[-1].pos_ == "NOUN" and words[-1].is_lower:
                return end + size, *nouns[key]
        return None

    def _pick(self, targets: list[AliasTarget]) -> AliasTarget:
        """The first (highest-layer) target; among people sharing a name, the one in
        office on the article's date."""
        first = targets[0]
        entry = self.kb.entries.get(first.actor)
        if self.date is None or entry is None or entry.kind != "person":
            return first
        latest: tuple[str, AliasTarget] | None = None
        for target in targets:
            other = self.kb.entries.get(target.actor)
            if other is None or other.kind != "person":
                continue
            role = self.kb.role_at(other, self.date)
            if role is not None and role.holds(self.date):
                return target
            if role is not None and role.end and (latest is None or role.end > latest[0]):
                latest = (role.end, target)
        # nobody in office that day: the one who left office last ('President Bush' in
        # 2016 is the younger), never one whose offices all came later
        return latest[1] if latest is not None else first

    # -- people ------------------------------------------------------------------

    def _person(
        self, start: int, end: int, kb_id: str | None, affiliation_hint: str | None = None
    ) -> str:
        """A person's mention; titles and appositions teach role and affiliation."""
        role, affiliation, country = self._title_before(start)
        affiliation = affiliation or affiliation_hint
        before = self._apposition_before(start)
        after = self._apposition(end)
        for apposition in (before, after):
            if apposition is not None:
                role = role or apposition[2]
                affiliation = affiliation or apposition[3]
                country = country or apposition[4]
        if kb_id is not None:
            actor = self.kb.actor(kb_id, self.date)
            if role or affiliation:
                actor = self._with_role(actor, role, affiliation, country)
        else:
            tag = self._us_party_tag(end)
            if tag is not None:  # 'Sen. Bob Corker (R-Tenn.)': an American, a Republican
                affiliation = affiliation or tag or None
                country = country or "USA"
            name = _clean_name(self.doc[start:end], self.lex.title_words)
            actor = self._local_actor(name or self.doc[start:end].text, role, affiliation, country)
        self._add(_Found(start, end, actor.id, 3), actor)
        words = _clean_name(self.doc[start:end], self.lex.title_words).split()
        if words:
            self.surnames[words[-1].lower()] = actor.id
        if len(words) > 1 and not _initial(words[0]):
            first = words[0].lower()
            self.first_names[first] = (
                actor.id if self.first_names.get(first, actor.id) == actor.id else ""
            )
        self._learn_gender(actor, start, end, role)
        for apposition in (before, after):
            if apposition is not None:
                self._add(_Found(apposition[0], apposition[1], actor.id, 3), actor)
        self._after_person(start, end, actor)
        return actor.id

    def _us_party_tag(self, end: int) -> str | None:
        """'(R-Tenn.)', '(D-N.J.)', '(Md.)' after a name, the way US papers mark members of
        Congress: the party's id ('' when the tag names no party), None without a tag."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != "(":
            return None
        close = next((t.i for t in doc[end : end + 8] if t.text == ")"), None)
        if close is None:
            return None
        inside = doc[end + 1 : close].text.replace(" ", "")
        party, _, state = inside.rpartition("-")
        if party not in self.lex.us_party_letters and party != "":
            return None
        if state.rstrip(".") + "." not in self.lex.us_state_abbreviations and (
            state not in self.lex.us_state_abbreviations
        ):
            return None
        return self.lex.us_party_letters.get(party, "")

    def _learn_gender(self, actor: Actor, start: int, end: int, role: str | None) -> None:
        """He or she? From a courtesy title or gendered role word, else the first name."""
        if actor.id in self.gender:
            return
        lex = self.lex
        doc = self.doc
        # the word just before the name, and one more before a comma or a title:
        # 'Mrs. X', 'Queen X', 'his stepmother, X' -- but not 'the grandmother of X'
        first = start - 1
        if start >= 2 and (doc[start - 1].text == "," or doc[start - 1].lower_ in lex.title_words):
            first = start - 2
        cues = [t.lower_ for t in doc[max(0, first) : end]]
        cues += (role or "").split() + (actor.role or "").split()
        name = (actor.name or "").split()
        if any(c in lex.male_words for c in cues):
            self.gender[actor.id] = "m"
        elif any(c in lex.female_words for c in cues):
            self.gender[actor.id] = "f"
        elif name and name[0].lower() in lex.male_names:
            self.gender[actor.id] = "m"
        elif name and name[0].lower() in lex.female_names:
            self.gender[actor.id] = "f"

    def _after_person(self, start: int, end: int, actor: Actor) -> None:
        """'the Obama administration' is the state; 'Clinton's aides' act for Clinton."""
        doc = self.doc
        i = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
        if i >= len(doc):
            return
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if doc[i].lower_ in self.lex.government_nouns:
            state = actor.affiliation or actor.country
            holder = self._ensure_actor(state) if state in self.kb.entries else None
            if holder is not None and holder.kind == "state":
                # 'Bush administration officials' act for the state too
                last = self._member_phrase_end(i + 1)
                self._add(_Found(start, last, holder.id, WIDENED), holder)
            return
        last = self._member_phrase_end(end)
        if last > end:
            self._add(_Found(start, last, actor.id, WIDENED), actor)

    def _apposition_before(self, start: int) -> tuple[int, int, str, str | None, str | None] | None:
        """'the Russian foreign minister, [name]' -> (start, end, role, affiliation, country)."""
        doc = self.doc
        comma = start - 1
        while comma >= 0 and doc[comma].lower_ in self.lex.title_words:
            comma -= 1  # 'the Republican nominee, Mr. Trump'
        if comma < 2 or doc[comma].text != ",":
            return None
        words: list[str] = []
        affiliation = country = None
        i = comma - 1
        while i >= 0 and comma - i < 8:
            token = doc[i]
            if token.lower_ in self.lex.appositive_determiners or token.is_punct:
                break
            if token.pos_ == "ADP" and token.lower_ in ("to", "of", "for", "at", "in") and words:
                # 'the Syrian ambassador to Washington,': the complement is not the role
                words, affiliation, country = [], None, None
                i -= 1
                continue
            if token.pos_ not in ("NOUN", "ADJ", "PROPN"):
                return None
            if token.text[:1].isupper():
                targets = self.kb.lookup(token.text)
                owner = next(iter(self.found.covering(i)), None)
                if targets and targets[0].kind == DEMONYM:
                    country = targets[0].actor
                elif owner is not None and self.actors[owner.actor].kind != "person":
                    affiliation = owner.actor
                elif token.lower_ not in self.lex.title_words:
                    words.insert(0, token.lower_)  # 'Republican': no actor, part of the role
                else:
                    words.insert(0, token.lower_)
            else:
                words.insert(0, token.lower_)
            i -= 1
        if i < 0 or doc[i].lower_ != "the" or not words or not self._role_noun(words[-1]):
            return None
        role = " ".join(words)
        if affiliation is None and country is not None and self._state_role(role):
            affiliation = country
            self._ensure_actor(country)
        return i, comma, role, affiliation, country

    def _local_person(self, ent: Span) -> None:
        tokens = [t for t in ent if t.text not in POSSESSIVE]
        if not tokens:
            return
        # spaCy's small model often cuts long names short ('Aung San Suu [Kyi]')
        first = tokens[0].i
        while (
            first > 0
            and self.doc[first - 1].pos_ == "PROPN"
            and self.doc[first - 1].text[:1].isupper()
            and self.doc[first - 1].i not in self.claimed
            and self.doc[first - 1].lower_ not in self.lex.title_words
        ):
            first -= 1
        tokens = [*self.doc[first : tokens[0].i], *tokens]
        span = self.doc[tokens[0].i : tokens[-1].i + 1]
        if self._kind_noun_after(span.end) is not None:
            self._local_org(span)  # 'The Maariv newspaper': spaCy took the name for a person
            return
        title_role = []
        # Titles spaCy includes in the entity ("Admiral Harris") are roles, not names.
        while len(span) > 1 and span[0].lower_ in self.lex.title_words:
            title_role.append(span[0].lower_)
            span = span[1:]
        words = _clean_name(span, self.lex.title_words).split()
        if not words:
            return
        known = self.surnames.get(words[-1].lower())
        if known is None and len(words) == 1:
            known = self.first_names.get(words[0].lower()) or None  # 'Saddam', 'Elian'
        if known is not None and (
            len(words) == 1
            or self.actors[known].name.endswith(" ".join(words))
            or self.actors[known].name.startswith(words[0] + " ")
        ):
            self._short_name(span.start, span.end, known)
            return
        kb_id = self._kb_person(span)
        actor_id = self._person(span.start, span.end, kb_id)
        actor = self.actors[actor_id]
        role = self._role_text(title_role)
        if role and not actor.role and actor.kind == "person":
            self.actors[actor_id] = replace(actor, role=role)

    def _short_name(self, start: int, end: int, actor_id: str) -> None:
        """A person named again by one name; an apposition there still teaches
        ('said Eitan, the science minister'; 'Alarcon, former Cuban ambassador')."""
        actor = self.actors[actor_id]
        title = self._title_before(start)[0]
        if title:  # 'Chairman Bob Corker' after 'Sen. Bob Corker': 'the chairman' later
            self.titles.setdefault(actor_id, set()).add(title)
        tag = self._us_party_tag(end)
        if tag is not None and actor.kb_id is None and actor.kind == "person" and not actor.country:
            actor = replace(actor, country="USA", affiliation=actor.affiliation or tag or None)
            self.actors[actor_id] = actor
            if tag:
                self._ensure_actor(tag)
        self._add(_Found(start, end, actor_id, 3), actor)
        if actor.kind == "person":
            self._after_person(start, end, actor)  # 'Bush administration officials'
        apposition = self._apposition(end)
        if apposition is None or actor.kind != "person":
            return
        _, _, role, affiliation, country = apposition
        if actor.kb_id is None and (not actor.role or not actor.country):
            holder = self.actors.get(affiliation) if affiliation else None
            actor = replace(
                actor,
                role=actor.role or role,
                country=actor.country
                or country
                or (holder.country if holder and holder.kind in _NATIONAL_KINDS else None),
                sector=actor.sector or self._role_sector(role, holder),
            )
            self.actors[actor_id] = actor
        self._add(_Found(apposition[0], apposition[1], actor_id, 3), actor)

    def _local_actor(
        self, name: str, role: str | None, affiliation: str | None, country: str | None
    ) -> Actor:
        holder = self.actors.get(affiliation) if affiliation else None
        sector = self._role_sector(role, holder)
        actor_id = "P:" + ascii_id(name) + (f"@{affiliation}" if affiliation else "")
        # Officials and fighters share their state's or group's country; an NGO's or a
        # newspaper's staff need not.
        inherits = holder is not None and holder.kind in _NATIONAL_KINDS | {"person"}
        if (
            holder is None
            and country is None
            and role
            and self._state_role(role)
            and role.split()[-1] not in self.lex.affiliation_roles
        ):
            country = self.home  # 'Foreign Minister Don McKinnon' in a Wellington dispatch
        return Actor(
            id=actor_id,
            name=name,
            kind="person",
            country=country or (holder.country if inherits else None),
            sector=sector,
            role=role,
            affiliation=affiliation,
        )

    def _with_role(
        self, actor: Actor, role: str | None, affiliation: str | None, country: str | None
    ) -> Actor:
        holder = self.actors.get(affiliation) if affiliation else None
        return replace(
            actor,
            role=role or actor.role,
            affiliation=affiliation or actor.affiliation,
            sector=self._role_sector(role, holder) if (role or holder) else actor.sector,
            country=actor.country or country or (holder.country if holder else None),
        )

    def _role_sector(self, role: str | None, holder: Actor | None) -> str | None:
        holder_sector = holder.sector if holder else None
        if role:
            words = role.split()
            if role in self.lex.affiliation_roles or words[-1] in self.lex.affiliation_roles:
                return holder_sector or self.kb.agent_sector(role)
            return (
                holder_sector
                if holder
                and holder.kind == "state"
                and (self.kb.agent_sector(role) in STATE_SECTORS)
                else (self.kb.agent_sector(role) or holder_sector)
            )
        return holder_sector

    def _title_before(self, start: int) -> tuple[str | None, str | None, str | None]:
        """'Palestinian Authority prime minister [name]' -> ('prime minister', 'PA', 'PSE')."""
        doc = self.doc
        words: list[str] = []
        affiliation = country = None
        i = start - 1
        while i >= 0:
            token = doc[i]
            if token.text in POSSESSIVE:
                owner = self._mention_ending_at(i) or self._mention_ending_at(i - 1)
                if owner is not None:
                    affiliation = owner.actor
                break
            lower = token.lower_
            if lower in self.lex.title_words and token.pos_ in ("NOUN", "ADJ", "PROPN", "VERB"):
                words.insert(0, lower)
                i -= 1
                continue
            owner = self._mention_ending_at(i)
            if owner is not None and words:
                affiliation = owner.actor
            break
        if affiliation is not None:
            holder = self.actors.get(affiliation)
            national = _NATIONAL_KINDS | {"person"}  # "Yeltsin's spokesman": a Russian official
            country = holder.country if holder and holder.kind in national else None
        return self._role_text(words), affiliation, country

    def _role_text(self, words: list[str]) -> str | None:
        """Title words as a role: abbreviations written out, courtesy titles dropped."""
        expand = self.lex.title_abbreviations
        kept = [expand.get(w, w) for w in words if w not in self.lex.honorifics]
        return " ".join(kept) or None

    def _mention_ending_at(self, i: int) -> _Found | None:
        return next(reversed(self.found.ending_at(i + 1)), None)

    def _apposition(self, end: int) -> tuple[int, int, str, str | None, str | None] | None:
        """', a Polish academic,' after a name -> (start, end, role, affiliation, country)."""
        doc = self.doc
        if end + 2 >= len(doc) or doc[end].text != ",":
            return None
        first = doc[end + 1]
        words: list[str] = []
        country = affiliation = None
        i = end + 2
        if first.lower_ not in self.lex.appositive_determiners:
            owner = self._possessive_owner(end + 1)
            if owner is not None:  # 'Uri Lubrani, Israel's top official for Lebanon affairs,'
                affiliation, i = owner
            elif first.is_lower and first.lower_ in self.lex.title_words:
                i = end + 1  # 'Ricardo Alarcon, former Cuban ambassador to the UN,'
            else:
                return None
        while i < len(doc) and i < end + 8:
            token = doc[i]
            if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ"):
                break
            targets = self.kb.lookup(token.text)
            if token.text[:1].isupper() and targets:
                if targets[0].kind == DEMONYM:
                    country = targets[0].actor
                else:
                    affiliation = targets[0].actor
                    self._ensure_actor(affiliation)
            elif token.pos_ in ("NOUN", "ADJ"):
                words.append(token.lower_)
            else:
                break
            i += 1
        head_end = i
        if words and i < len(doc) and doc[i].pos_ == "ADP" and doc[i].lower_ != "than":
            # 'an expert on Syria at the Wilson Center,': the phrase runs on to the comma,
            # the mention ends at its head noun
            j = i
            while j < len(doc) and j < i + 10 and doc[j].text not in (",", ".", ";"):
                j += 1
            if j < len(doc) and doc[j].text in (",", ".", ";"):
                i = j
        if not words or i >= len(doc) or doc[i].text not in (",", ".", ";", ")", "—"):
            return None
        if not self._role_noun(words[-1]):
            return None
        role = " ".join(words)
        if affiliation is None and country is not None and self._state_role(role):
            affiliation = country
            self._ensure_actor(country)
        return end + 1, head_end, role, affiliation, country

    def _possessive_owner(self, i: int) -> tuple[str, int] | None:
        """A state or organisation named at token i with a possessive after it
        ("Israel's"): its actor id and the token after the possessive."""
        doc = self.doc
        for j in range(i + 1, min(i + 5, len(doc))):
            if doc[j].text not in POSSESSIVE:
                continue
            targets = self.kb.lookup(doc[i:j].text)
            target = next((t for t in targets if t.kind in (NAME, SEAT)), None)
            entry = self.kb.entries.get(target.actor) if target else None
            if entry is None or entry.kind == "person":
                return None
            self._ensure_actor(entry.id)
            return entry.id, j + 1
        return None

    def _role_noun(self, word: str) -> bool:
        return (
            word in self.lex.title_words
            or word in self.lex.anaphoric_nouns
            or self.kb.agent_sector(word) is not None
        )

    def _state_role(self, role: str) -> bool:
        """Does someone with this role act for their state ('ambassador', not 'academic')?"""
        return self.kb.agent_sector(role) in STATE_SECTORS

    def _org_apposition(self, end: int, actor_id: str) -> None:
        """'Xinhua, the official Chinese news agency,' names Xinhua twice."""
        apposition = self._apposition(end)
        if apposition is not None and self.doc[apposition[0]].lower_ in ("the", "a", "an"):
            self._add(_Found(apposition[0], apposition[1], actor_id, 3), self.actors[actor_id])

    def _unknown_names(self, matched: set[int]) -> None:
        """Surnames of people named earlier that spaCy tagged as something else, and
        organisations the base lacks."""
        for ent in self.ents:
            if any(t.i in self.claimed or t.i in matched for t in ent):
                continue
            words = _name_text(ent).split()
            if ent.label_ not in PERSON_LABELS and words and words[-1].lower() in self.surnames:
                known = self.surnames[words[-1].lower()]
                if len(words) == 1:
                    self._short_name(ent.start, ent.end, known)
            elif ent.label_ in ORG_LABELS:
                short = self._acronym_of(ent)
                if short is not None:  # 'the Commonwealth of Independent States' ... 'the CIS'
                    self._add(_Found(ent.start, ent.end, short, 2), self.actors[short])
                else:
                    self._local_org(ent)
            elif ent.label_ in PLACE_LABELS and self._under_locative(ent):
                self.places.append(_place(ent, None))
                self.claimed.update(range(ent.start, ent.end))
        for token in self.doc:  # 'Earnest told reporters': a surname spaCy did not tag
            known = self.surnames.get(token.lower_)
            if (
                known is not None
                and token.i not in self.claimed
                and (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text.istitle()))
                and token.text[:1].isupper()
            ):
                self._short_name(token.i, token.i + 1, known)

    def _acronym_of(self, ent: Span) -> str | None:
        """The organisation named earlier whose initials this all-capitals name is
        ('INS' after 'the U.S. Immigration and Naturalization Service')."""
        words = [t.text for t in ent if t.text not in POSSESSIVE and t.lower_ != "the"]
        if len(words) != 1 or not (3 <= len(words[0]) <= 6) or not words[0].isupper():
            return None
        acronym = words[0].replace(".", "")
        for found in self.initials.get(acronym, []):
            if found.start >= ent.start or found not in self.found:
                continue
            actor = self.actors[found.actor]
            if actor.kind not in ("person", "state", "author"):
                return actor.id
        return None

    def _spelled(self, found: _Found) -> set[str]:
        """The initials of a mention's capitalised words, also without a leading country
        ('U.S. Immigration and Naturalization Service' -> 'USINS', 'INS', ...)."""
        capitals = [t.text for t in self.doc[found.start : found.end] if t.text[:1].isupper()]
        capitals = [w for w in capitals if w.lower() != "the"]
        return {"".join(w[0] for w in capitals[first:]) for first in range(len(capitals))}

    def _people_of_organisations(self) -> None:
        """'Meenakshi Ganguly of Human Rights Watch': a name before 'of' and an organisation
        is a person of that organisation, even when spaCy tagged it otherwise."""
        doc = self.doc
        for found in sorted(self.found, key=lambda f: f.start):
            actor = self.actors[found.actor]
            if actor.kind in ("person", "state", "author"):
                continue
            of = found.start - 1
            if of > 0 and doc[of].lower_ == "the":
                of -= 1
            if of < 2 or doc[of].lower_ != "of":
                continue
            first = of
            while (
                first > 0
                and of - first < 4
                and doc[first - 1].pos_ == "PROPN"
                and doc[first - 1].text[:1].isupper()
                and doc[first - 1].i not in self.claimed
            ):
                first -= 1
            if of - first >= 2 and doc[first].lower_ not in self.lex.title_words:
                span = doc[first:of]
                self._person(first, of, self._kb_person(span), affiliation_hint=actor.id)

    # -- states, groups and places ----------------------------------------------

    def _office(self, start: int, end: int, state: str, phrase: str) -> bool:
        """'the Turkish president', 'Russia's foreign minister' -> who held it that day."""
        doc = self.doc
        if end < len(doc) and (doc[end].ent_type_ in PERSON_LABELS or doc[end].pos_ == "PROPN"):
            return False  # a title before a name: the name is the mention
        holder = self.kb.office_holder(state, phrase, self.date)
        if holder is None:
            return False
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        self._add(_Found(start, end, holder, 2), self._ensure_actor(holder))
        return True

    def _office_after(self, end: int) -> int:
        """End of a lower-case title right after a state's name ('US vice president')."""
        doc = self.doc
        i = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
        j = i
        while (
            j < len(doc)
            and j < i + 4
            and doc[j].is_lower
            and doc[j].lower_ in (self.lex.title_words)
        ):
            j += 1
        return j if j > i else end

    def _actor_mention(self, start: int, end: int, actor_id: str, extend: bool) -> None:
        """A group or state mention, widened over 'the' and over member nouns."""
        doc = self.doc
        entry = self.kb.entries.get(actor_id)
        if extend and entry is not None and entry.kind == "state":
            office_end = self._office_after(end)
            first = end + (1 if doc[end].text in POSSESSIVE else 0) if end < len(doc) else end
            if office_end > end and self._office(
                start, office_end, actor_id, doc[first:office_end].text.lower()
            ):
                return
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if extend:
            end = self._member_phrase_end(end)
            kind_noun = self._kind_noun_after(end)
            if kind_noun is not None and entry is not None and entry.kind != "state":
                end = kind_noun[0]  # 'the ITAR-Tass news agency'
        actor = self._ensure_actor(actor_id)
        self._add(_Found(start, end, actor_id, 2), actor)

    def _member_phrase_end(self, end: int) -> int:
        """'Hamas’s representatives', 'the Kremlin’s functionaries', 'Hamas officials'."""
        doc = self.doc
        i = end
        if i < len(doc) and doc[i].text in POSSESSIVE:
            i += 1
        while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower and i < end + 3:
            i += 1
        if i >= len(doc):
            return end
        word = doc[i]
        two = f"{word.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
        if two in self.lex.member_nouns:
            last = i + 1
        elif word.lower_ in self.lex.member_nouns and word.pos_ in ("NOUN", "PROPN"):
            last = i
        else:
            return end
        after = doc[last + 1] if last + 1 < len(doc) else None
        if after is not None and after.ent_type_ in PERSON_LABELS:
            return end  # 'Hamas spokesman Osama Hamdan': a title, the name is the mention
        return last + 1

    def _demonym(self, start: int, end: int, state: str) -> None:
        """'Russian media' -> RUS:MED; 'the Russian government' -> RUS; 'Iranian' -> IRN."""
        doc = self.doc
        head = doc[end - 1].head
        if doc[end - 1].dep_ == "conj" and head.i < start:
            head = head.head  # 'Chinese and American officials': American officials
        if head.i >= end and head.pos_ in ("NOUN", "PROPN") and head.i - end < 4:
            between = doc[end : head.i + 1]
            if not any(t.ent_type_ in PERSON_LABELS for t in between) and all(
                t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.is_punct for t in between
            ):
                phrase = between.text.lower()
                noun = head.lower_
                if self._office(start, head.i + 1, state, phrase):
                    return
                definite = doc[start].lower_ == "the" or (start and doc[start - 1].lower_ == "the")
                if phrase == "leader" and definite:
                    leader = self._leader_named_before(state)
                    if leader is not None:  # 'the Russian leader' after 'President Putin'
                        first = start if doc[start].lower_ == "the" else start - 1
                        self._add(_Found(first, head.i + 1, leader, 2), self.actors[leader])
                        return
                if (
                    phrase in self.lex.state_nouns
                    or noun in self.lex.state_nouns
                    or (noun in self.lex.member_nouns and self.kb.agent_sector(noun) != "REB")
                ):  # 'Syrian officials' are the state, 'Syrian rebels' fight it
                    self._actor_mention(start, head.i + 1, state, extend=False)
                    return
                sector = self.kb.agent_sector(phrase)
                if sector is not None and head.is_lower:
                    if sector in STATE_SECTORS:
                        self._actor_mention(start, head.i + 1, state, extend=False)
                    else:
                        self._group(start, head.i + 1, state, sector, phrase)
                    return
        actor = self._ensure_actor(state)
        self._add(_Found(start, end, state, 2), actor)

    def _leader_named_before(self, state: str) -> str | None:
        """The head of state or government of ``state`` named last before this point."""
        for found in reversed(self.found):
            actor = self.actors[found.actor]
            if (
                actor.kind == "person"
                and actor.country == state
                and (actor.role or "").lower() in self.lex.leader_roles
            ):
                return actor.id
        return None

    def _group(self, start: int, end: int, state: str, sector: str, phrase: str) -> None:
        demonym = self.kb.demonym_of.get(state, state)
        noun = phrase.split()[-1]
        actor = Actor(
            id=f"{state}:{sector}",
            name=f"{demonym} {noun}",
            kind="media" if sector == "MED" else "group",
            country=state,
            sector=sector,
        )
        if start > 0 and self.doc[start - 1].lower_ == "the":
            start -= 1
        self._add(_Found(start, end, actor.id, 2), actor)

    def _acts(self, span: Span, default: bool) -> bool:
        """Does a capital or seat act ('Moscow hosted') rather than name a place?"""
        root = span.root
        doc = self.doc
        if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
            following = doc[span.end + 1] if span.end + 1 < len(doc) else None
            # "Washington's Institute for ...", "Rangoon's streets": places
            return following is None or not (
                following.text[:1].isupper() or following.lower_ in self.lex.place_parts
            )
        if span.end + 1 < len(doc) and doc[span.end].text == ",":
            after = self.kb.lookup(doc[span.end + 1].text)
            if any(t.kind == NAME and t.actor in self.kb.entries for t in after):
                return False  # a dateline or address: 'RANGOON, Burma'
        if span.start == 0 or doc[span.start - 1].is_space:
            if span.end < len(doc) and doc[span.end].text in (",", "-", "—", "–", "(", "_"):
                return False  # a dateline at the start of a paragraph: 'HAVANA (AP) --'
        if self._member_phrase_end(span.end) > span.end:
            return True  # 'the Pyongyang regime', 'Kremlin officials'
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        if root.dep_ in self.lex.acting_dependencies:
            return True
        if root.dep_ == "pobj":
            prep = root.head.lower_
            if prep in self.lex.locative_prepositions:
                return False
            return prep in self.lex.acting_prepositions or default
        if root.dep_ == "dobj":
            return root.head.lemma_ not in self.lex.place_verbs
        if root.dep_ in ("compound", "amod", "nmod"):
            return default  # 'a Pentagon readout' acts; 'Moscow talks' are held there
        return default

    def _under_locative(self, span: Span) -> bool:
        root = span.root
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in self.lex.locative_prepositions

    def _place(self, span: Span, country: str | None) -> None:
        start = span.start
        modifier = span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i >= span.end
        if start > 0 and self.doc[start - 1].lower_ == "the" and not modifier:
            start -= 1  # 'the Middle East', but not the 'the' of 'the Iowa caucuses'
        if modifier:  # 'the Iowa caucuses': a place, not claimed from a description
            self.places.append(_place(span, country))
            return
        self.places.append(_place(self.doc[start : span.end], country))
        self.claimed.update(range(start, span.end))

    # -- references back -----------------------------------------------------------

    def _descriptions(self) -> None:
        """'the group', 'the report' -> the nearest fitting actor; 'the president' -> the
        nearest person with that role; 'the government of X' -> X's state."""
        doc = self.doc
        for token in doc:
            if token.i in self.claimed or token.pos_ != "NOUN":
                continue
            kinds = self.lex.anaphoric_nouns.get(token.lower_)
            role = token.lower_ if token.lower_ in self.lex.role_nouns else None
            if token.lower_ in self.lex.government_nouns and (
                self._government_of(token) or self._same_government(token)
            ):
                continue
            if kinds is None and role is None:
                continue
            det = next((c for c in token.children if c.dep_ == "det"), None)
            if det is None or det.lower_ != "the" or det.i > token.i:
                continue
            if any(
                c.dep_ in ("prep", "compound", "poss", "nmod") and c.i < token.i
                for c in token.children
                if c.dep_ != "amod" and c.ent_type_ not in PLACE_LABELS
            ):
                continue
            end = token.i + 1
            if end < len(doc) and doc[end].lower_ == "of":
                # 'the former secretary of State': a role of two words and 'of'
                if role is None or end + 1 >= len(doc) or doc[end + 1].pos_ == "DET":
                    continue
                role = f"{role} of {doc[end + 1].lower_}"
                end += 2
            if any(
                doc[i].text[:1].isupper() and doc[i].ent_type_ not in PLACE_LABELS + ("NORP",)
                for i in range(det.i + 1, token.i)
            ):
                continue  # 'the Vermont senator' is a description; 'the Carnegie report' is not
            if kinds is not None:
                # 'the group' is the group last named, not the topic of the paragraph
                antecedent = self._antecedent(token, set(kinds), quoted_ok=True, salience=False)
            else:
                if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
                    continue  # 'the admiral Harris': a title
                antecedent = self._antecedent(token, {"person"}, quoted_ok=True, role=role)
            if antecedent is not None:
                self._add(_Found(det.i, end, antecedent, 1), self.actors[antecedent])

    def _same_government(self, token: Token) -> bool:
        """'the administration' after 'the Obama administration': the same state."""
        doc = self.doc
        det = token.i - 1
        if det < 0 or doc[det].lower_ != "the" or token.i in self.claimed:
            return False
        for found in sorted(self.found, key=lambda f: f.start, reverse=True):
            if found.end > token.i or doc[found.end - 1].lower_ != token.lower_:
                continue
            actor = self.actors[found.actor]
            if actor.kind == "state":
                self._add(_Found(det, token.i + 1, actor.id, 1), actor)
                return True
        return False

    def _government_of(self, token: Token) -> bool:
        """'the government of President Bashar al-Assad' -> SYR."""
        doc = self.doc
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or token.i + 2 >= len(doc):
            return False
        if doc[token.i + 1].lower_ == "in":  # 'the regime in Damascus'
            place = next((p for p in self.places if p.start == doc[token.i + 2].idx), None)
            holder = self._ensure_actor(place.country) if place and place.country else None
            if holder is not None and holder.kind == "state":
                self._add(_Found(det.i, token.i + 1, holder.id, 2), holder)
                return True
            return False
        if doc[token.i + 1].lower_ != "of":
            return False
        owner = next(iter(self.found.starting(token.i + 2, token.i + 5)), None)
        if owner is None:
            return False
        actor = self.actors[owner.actor]
        state = actor.id if actor.kind == "state" else actor.affiliation or actor.country
        holder = self.actors.get(state) if state else None
        if holder is not None and holder.kind == "state":
            self._add(_Found(det.i, token.i + 1, holder.id, 2), holder)
        return True

    def _pronouns(self) -> None:
        doc = self.doc
        groups = self.lex.pronouns
        for token in doc:
            lower = token.lower_
            if token.pos_ != "PRON" or token.i in self.claimed:
                continue
            inside = self._in_quote(token.idx)
            if lower in groups["author"]:
                if not inside and (lower != "i" or token.text == "I"):
                    self._add(_Found(token.i, token.i + 1, AUTHOR_ID, 1), self._author())
                continue
            if inside:
                continue
            if lower in groups["person"]:
                gender = "f" if lower in groups["female"] else "m"
                antecedent = self._cataphor(token, gender) or self._antecedent(
                    token, {"person"}, quoted_ok=False, gender=gender
                )
            elif (
                lower == "it" and token.dep_ == "nsubj" and token.head.lemma_ in (self.lex.it_verbs)
            ):
                antecedent = self._antecedent(
                    token, _NON_PERSON, quoted_ok=False, window=1, salience=False
                )
            elif lower == "it" and token.dep_ == "nsubj":
                antecedent = self._reporter_of(token)
            elif lower in ("its", "itself"):
                antecedent = self._antecedent(token, _NON_PERSON, quoted_ok=False, window=1)
            elif lower in ("their", "theirs", "themselves") or (
                lower == "they" and token.head.lemma_ != "be"
            ):
                antecedent = self._antecedent(
                    token, _NON_PERSON | {"group"}, quoted_ok=False, window=1, plural=True
                )
            else:
                continue
            if antecedent is not None:
                self._add(_Found(token.i, token.i + 1, antecedent, 1), self.actors[antecedent])

    def _reporter_of(self, token: Token) -> str | None:
        """'The Security Council has said it will not lift ...': 'it' in what a state or
        organisation says of itself is that actor."""
        clause = token.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in self.lex.it_verbs:
            return None
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        found = next(iter(self.found.covering(subject.i)), None) if subject is not None else None
        if found is None or self.actors[found.actor].kind not in _NON_PERSON:
            return None
        return found.actor

    def _antecedent(
        self,
        token: Token,
        kinds: set[str],
        quoted_ok: bool,
        window: int = SENTENCE_WINDOW,
        plural: bool = False,
        role: str | None = None,
        salience: bool = True,
        gender: str | None = None,
    ) -> str | None:
        """A fitting actor mentioned earlier: in the same sentence the nearest one, in
        earlier sentences (with ``salience``) a subject before others, else the first.
        With a ``role``: someone holding it now before someone who once held it."""
        found = self._search(token, kinds, quoted_ok, window, plural, role, salience, gender)
        if found is None and role is not None:
            found = self._search(
                token, kinds, quoted_ok, window, plural, role, salience, gender, history=True
            )
        return found

    def _search(
        self,
        token: Token,
        kinds: set[str],
        quoted_ok: bool,
        window: int,
        plural: bool,
        role: str | None,
        salience: bool,
        gender: str | None,
        history: bool = False,
    ) -> str | None:
        starts = self._sentence_starts()
        here = bisect_right(starts, token.i) - 1
        by_sentence: dict[int, list[_Found]] = {}
        # only mentions that can end before the token and start within the window
        first = starts[here - window] if here >= window else 0
        for found in self.found.starting(first, token.i + self.found.reach + 1):
            if found.end > token.i:
                continue
            sentence = bisect_right(starts, found.start) - 1
            if sentence < here - window:
                continue
            actor = self.actors[found.actor]
            if actor.kind not in kinds or actor.id == AUTHOR_ID:
                continue
            if role is not None and not self._had_role(actor, role, history):
                continue
            if gender is not None and self.gender.get(actor.id, gender) != gender:
                continue
            if not quoted_ok and self._in_quote(self.doc[found.start].idx):
                continue
            if plural and not self._plural(found, actor):
                continue
            by_sentence.setdefault(sentence, []).append(found)
        for sentence in range(here, here - window - 1, -1):
            candidates = sorted(by_sentence.get(sentence, []), key=lambda f: f.start)
            if not candidates:
                continue
            if sentence < here and salience:
                subjects = [f for f in candidates if self._is_subject(f)]
                return (subjects or candidates)[0].actor
            # 'X, a loyalist of Y, said at his headquarters': he or she is the subject of
            # a clause the pronoun sits in when the nearer name is inside that subject
            nearest = candidates[-1]
            if gender is not None:
                inner = self.doc[nearest.start : nearest.end].root
                ancestors = set(token.ancestors)
                for found in candidates[:-1]:
                    root = self.doc[found.start : found.end].root
                    if (
                        self._is_subject(found)
                        and root.head in ancestors
                        and root in inner.ancestors
                    ):
                        return found.actor
            return nearest.actor
        return None

    def _had_role(self, actor: Actor, role: str, history: bool) -> bool:
        """Does the role word fit what the actor is, or (``history``, KB people) ever was?"""
        if role in (actor.role or "") or any(role in t for t in self.titles.get(actor.id, ())):
            return True
        if not history:
            return False
        entry = self.kb.entries.get(actor.kb_id or "")
        return entry is not None and any(role in r.title.lower() for r in entry.roles)

    def _is_subject(self, found: _Found) -> bool:
        root = self.doc[found.start : found.end].root
        return root.dep_ in ("nsubj", "nsubjpass")

    def _cataphor(self, token: Token, gender: str) -> str | None:
        """'In her statement, Hillary Clinton defended ...': the subject that follows."""
        if token.lower_ not in ("his", "her", "their", "its") or self._in_quote(token.idx):
            return None
        sentence = token.sent if self.doc.has_annotation("SENT_START") else None
        if sentence is None or token.i > sentence.root.i:
            return None
        if not any(a.dep_ in ("prep", "advcl") for a in token.ancestors):
            return None
        for found in self.found.starting(token.i + 1, sentence.root.i):
            if self._is_subject(found):
                actor = self.actors[found.actor]
                if actor.kind == "person" and self.gender.get(actor.id, gender) == gender:
                    return found.actor
        return None

    def _plural(self, found: _Found, actor: Actor) -> bool:
        last = self.doc[found.end - 1]
        return last.tag_ in ("NNS", "NNPS") or actor.kind in ("group", "armed_group", "party")

    def _sentence_starts(self) -> list[int]:
        if not self.sentence_starts:
            if self.doc.has_annotation("SENT_START"):
                self.sentence_starts = [s.start for s in self.doc.sents]
            else:  # a pipeline without a parser or sentencizer: one long sentence
                self.sentence_starts = [0]
        return self.sentence_starts

    def _author(self) -> Actor:
        return Actor(
            id=AUTHOR_ID,
            name=self.doc._.author or "(article author)",
            kind="author",
            sector="MED",
        )

    # -- bookkeeping ---------------------------------------------------------------

    def _ensure_actor(self, actor_id: str) -> Actor:
        if actor_id not in self.actors:
            self.actors[actor_id] = self.kb.actor(actor_id, self.date)
            affiliation = self.actors[actor_id].affiliation
            if affiliation and affiliation in self.kb.entries:
                self._ensure_actor(affiliation)
        return self.actors[actor_id]

    def _add(self, found: _Found, actor: Actor) -> None:
        if any(f.rank >= found.rank for f in self.found.overlapping(found.start, found.end)):
            return
        self.found.replace(found)
        for acronym in self._spelled(found):
            self.initials.setdefault(acronym, []).append(found)
        self.claimed.update(range(found.start, found.end))
        self.actors.setdefault(actor.id, actor)
        if actor.affiliation and actor.affiliation in self.kb.entries:
            self._ensure_actor(actor.affiliation)

    def _in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def mentions(self) -> list[Mention]:
        doc = self.doc
        result = []
        for found in sorted(self.found, key=lambda f: f.start):
            span = doc[found.start : found.end]
            result.append(Mention(span.text, span.start_char, span.end_char, found.actor))
        used = {m.actor for m in result}
        for actor in list(self.actors.values()):
            if actor.affiliation:
                used.add(actor.affiliation)
        self.actors = {k: v for k, v in self.actors.items() if k in used}
        return result


_NATIONAL_KINDS = {"state", "government", "armed_group", "party"}
_NON_PERSON = {"state", "government", "igo", "ngo", "armed_group", "party", "organization", "media"}


def match_aliases(doc: Doc, kb: KnowledgeBase) -> Iterator[tuple[int, int, list[AliasTarget]]]:
    """Longest knowledge-base alias at each token, left to right, never overlapping.

    Aliases are looked up by the text they cover (lower case, one space), so the
    match does not depend on how the tokenizer splits 'al-Qaeda' or 'U.S.'. A match
    starts at a capitalised word or at 'the' before one; a short all-capitals alias
    ('US', 'WHO') must be written in capitals. Only tokens that begin some alias are
    tried, and only as far as that alias's length.
    """
    text = doc.text
    lowered = text.translate(APOSTROPHES).lower()
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        first = i
        if token.lower_ == "the" and i + 1 < n and doc[i + 1].text[:1].isupper():
            first = i + 1
        elif not token.text[:1].isupper():
            i += 1
            continue
        pieces = kb.first_pieces.get(lowered[doc[first].idx : doc[first].idx + len(doc[first])])
        if pieces is None:
            i += 1
            continue
        limit = first
        while limit < n and limit - first < 2 * pieces + 1 and "\n" not in doc[limit].text:
            limit += 1
        hit = None
        for j in range(limit - 1, first - 1, -1):
            last = doc[j]
            raw = text[token.idx : last.idx + len(last)]
            key = lowered[token.idx : last.idx + len(last)]
            if "  " in key or "\n" in key:
                key = " ".join(key.split())
            targets = kb.aliases.get(key)
            if targets is None and first > i:
                targets = kb.aliases.get(key[4:])
            if targets and (raw.isupper() or not all(t.capitals_only for t in targets)):
                hit = (j + 1, targets)
                break
        if hit is None:
            i += 1
            continue
        yield i, hit[0], hit[1]
        i = hit[0]


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return sorted((p.start, p.end) for p in find_double_quoted(text))


NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def _clean_name(span: Span, titles: frozenset[str]) -> str:
    """A person's name without possessive, leading titles and suffixes ('Jr.')."""
    tokens = [t for t in span if t.text not in POSSESSIVE]
    while len(tokens) > 1 and tokens[0].lower_ in titles:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].lower_.strip(",") in NAME_SUFFIXES:
        tokens = tokens[:-1]
    return _join(tokens).strip(" ,")


def _initial(word: str) -> bool:
    return len(word) <= 2 and word.endswith(".") or (len(word) == 1 and word.isupper())


def _name_text(span: Span) -> str:
    return _join([t for t in span if t.text not in POSSESSIVE])


def _join(tokens: list[Token]) -> str:
    """Tokens as written: 'al-Qanoua' stays one word; a dropped token leaves one space."""
    text = ""
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        adjacent = following is not None and following.i == token.i + 1
        text += token.text + (token.whitespace_ if adjacent else " ")
    return " ".join(text.split())


def _place(span: Span, country: str | None) -> Place:
    return Place(span.text, span.start_char, span.end_char, country)
