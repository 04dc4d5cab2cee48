"""Entity chains: one actor per real entity of the article.

The earlier passes resolve each name where it stands, so one person can end up as
several actors ('Alejandro Encinas Rodríguez' and 'Encinas'; 'Hamza bin Laden' and
'Hamza bin Ladin'; a name spaCy tagged as an organisation once and a person once).
This pass links the mentions of one entity into one chain, by the words of their
names, and gives the chain what its mentions and their context teach: the country of
a title or of the organisation the person speaks for ('a spokesman for the U.S. State
Department, Sean McCormack'), else the article's own country for the people and
organisations the base lacks (not for international bodies). Generic institutions
('the Senate') and bare 'police' are the article country's own. Descriptions and
pronouns, resolved after this pass, then refer to the chain's actor.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc

from dyad.actors.kb import DEMONYM, NAME, PLACE, ascii_id
from dyad.actors.state import AUTHOR_ID, NATIONAL_KINDS, POSSESSIVE, ArticleMentions, Found
from dyad.model import Actor

# Share of the article's state and place mentions its own country must have.
HOME_SHARE = 0.4
# How far before a name its title may reach ('US Ambassador to Germany Richard Grenell').
TITLE_REACH = 10
# Words a title may run over besides role nouns, names and adjectives.
TITLE_GLUE = {"of", "for", "to", "the", "a", "an", ",", "'s", "’s", "at", "including", "such", "as"}
SIMILAR_SURNAME = 0.8
# What writes a name as a common noun, read backwards from the name in the reversed
# text: 'a ', 'an ', for a person also with an adjective ('a no-deal '), or a word and
# a hyphen ('anti-').
_COMMON_BEFORE = {
    "person": re.compile(r"\s+(?:[\w-]+\s+)?(?:a|na)(?!\w)|-\w"),
    "organization": re.compile(r"\s+(?:a|na)(?!\w)|-\w"),
}
_WORD_CHAR = re.compile(r"\w")


def link_chains(article: ArticleMentions) -> None:
    """Merge the actors one entity was split into; then give each local actor its
    country from the context of its mentions or from the article."""
    article.country = article.home or home_country(article)
    _drop_common_nouns_taken_for_people(article)
    _people_named_like_people(article)
    _merge_variant_spellings(article)
    _merge_name_parts(article)
    _merge_short_org_names(article)
    _surnames_to_latest_full_name(article)
    _institutions_of_states(article)
    _foreign_namesakes(article)
    _home_institutions(article)
    _home_agents(article)
    _bare_officials(article)
    # organisations first: their people take their country ("Mahan's director")
    for actor in sorted(article.actors.values(), key=lambda a: a.kind == "person"):
        if actor.country is None and actor.kb_id is None and actor.id != AUTHOR_ID:
            country = _context_country(article, actor) or _home_for(article, actor)
            if country is not None:
                article.actors[actor.id] = replace(actor, country=country)


def home_country(article: ArticleMentions) -> str | None:
    """The country the article is about: the state its states and places name most,
    when it has a clear share of them."""
    votes: Counter[str] = Counter()
    for found in article.found:
        actor = article.actors[found.actor]
        if actor.kind == "state":
            votes[actor.id] += 1
        elif actor.kb_id is not None and actor.country and not _common_word_name(article, found):
            votes[actor.country] += 1  # 'Trump' speaks for an American story, 'Democrats' not
    for place in article.places:
        if place.country:
            votes[place.country] += 1
    if not votes:
        return None
    country, count = votes.most_common(1)[0]
    total = sum(votes.values())
    return country if count >= 2 and count / total >= HOME_SHARE else None


def name_words(name: str | None) -> list[str]:
    """Lower-case words of a name without accents, hyphens or apostrophes."""
    return list(_name_words(name or ""))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    # Cached: the chain rules compare each actor's name with every other's.
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return tuple(re.findall(r"[a-z0-9]+", plain.lower().replace("'", "").replace("’", "")))


# -- merging ------------------------------------------------------------------------


def _local(actor: Actor) -> bool:
    return actor.kb_id is None and actor.id != AUTHOR_ID and actor.kind != "state"


def _mentions_of(article: ArticleMentions) -> dict[str, list[Found]]:
    by_actor: dict[str, list[Found]] = {}
    for found in sorted(article.found, key=lambda f: f.start):
        by_actor.setdefault(found.actor, []).append(found)
    return by_actor


def _merge(article: ArticleMentions, old: str, new: str) -> None:
    """Every mention of ``old`` becomes a mention of ``new``."""
    if old == new:
        return
    for found in article.found:
        if found.actor == old:
            found.actor = new
    for table in (article.surnames, article.first_names):
        for key, value in table.items():
            if value == old:
                table[key] = new
    if old in article.gender and new not in article.gender:
        article.gender[new] = article.gender[old]
    dropped, kept = article.actors[old], article.actors[new]
    for actor in list(article.actors.values()):
        if actor.affiliation == old:  # 'the Tigers' leader' is the Tamil Tigers' leader
            country = kept.country if actor.country == dropped.country else actor.country
            article.actors[actor.id] = replace(actor, affiliation=new, country=country)
    article.titles.setdefault(new, set()).update(article.titles.pop(old, set()))


def _drop_common_nouns_taken_for_people(article: ArticleMentions) -> None:
    """'Brexit' tagged as a person, 'Order' ('make an Order') or 'Boeing' ('a Boeing
    737') as an organisation: a one-word name the base lacks that the article also
    writes as a common noun ('a no-deal Brexit', 'anti-Brexit') names no one."""
    backwards = article.text[::-1]
    for actor in list(article.actors.values()):
        words = actor.name.split()
        if actor.kind not in ("person", "organization") or not _local(actor) or len(words) != 1:
            continue
        if _written_as_common_noun(backwards, words[0], actor.kind):
            for found in list(article.found):
                if found.actor == actor.id:
                    article.found.remove(found)
            del article.actors[actor.id]
            article.surnames = {k: v for k, v in article.surnames.items() if v != actor.id}


def _written_as_common_noun(backwards: str, word: str, kind: str) -> bool:
    """Whether the text (``backwards``: reversed) writes ``word`` after 'a', 'an' or a
    hyphen, an organisation's name without an adjective between ('a Liberal MP', not
    'a new Liberal'). Each time the word is written, what comes before it is matched
    backwards: a pattern per name, searched over the whole text, cost more."""
    drow = word[::-1]
    at = backwards.find(drow)
    while at != -1:
        # the word ends there (no word character after it), and 'a'/'an'/'-' before it
        if (at == 0 or not _WORD_CHAR.match(backwards, at - 1)) and _COMMON_BEFORE[kind].match(
            backwards, at + len(drow)
        ):
            return True
        at = backwards.find(drow, at + 1)
    return False


def _people_named_like_people(article: ArticleMentions) -> None:
    """'Felipe Calderón', 'Nicola Sturgeon' tagged as organisations: a first name the
    lexicon knows and no word of an organisation's name make a person; a leading
    place ('Scotland Nicola Sturgeon') is the title's, not the name's."""
    lex = article.lex
    first_names = lex.male_names | lex.female_names
    mentioned = _mentions_of(article)
    for actor in list(article.actors.values()):
        if actor.kind != "organization" or not _local(actor):
            continue
        words = name_words(actor.name)
        while len(words) > 2 and (place := _leading_place(article, words)):
            words = words[place:]  # 'United States Representative Elijah Cummings'
        titles = lex.role_nouns | lex.honorifics | lex.title_words
        # 'Bishop Deogracias Iniguez', 'State Congress President Girish Chodankar': the
        # words up to the last title before a name are the title
        last_title = max((i for i, w in enumerate(words[:-2]) if w in titles), default=None)
        titled = last_title is not None
        if last_title is not None:
            words = words[last_title + 1 :]
        if not 2 <= len(words) <= 3 or article.is_organisation_name(words):
            continue
        if any(w in ("for", "of", "and") for w in words):
            continue  # 'National Coalition for Men': no person's name
        if (
            not titled
            and words[0] not in first_names
            and not _surname_alone(article, words, mentioned)
        ):
            continue
        gender = "f" if words[0] in lex.female_names else "m"
        person = next(
            (
                a
                for a in article.actors.values()
                if a.kind == "person" and name_words(a.name) == words
            ),
            None,
        )
        if person is None:
            written = actor.name.split()
            name = " ".join(written[-len(words) :]) if len(written) > len(words) else actor.name
            article.actors[actor.id] = replace(actor, name=name, kind="person", sector=None)
            article.gender.setdefault(actor.id, gender)
            article.surnames[words[-1]] = actor.id
        else:
            _merge(article, actor.id, person.id)


def _leading_place(article: ArticleMentions, words: list[str]) -> int:
    """How many first words of a name are a place or state the base knows ('scotland',
    'united states'), 0 when none."""
    for size in (3, 2, 1):
        if any(t.kind in (NAME, PLACE) for t in article.kb.lookup(" ".join(words[:size]))):
            return size
    return 0


def _surname_alone(
    article: ArticleMentions, words: list[str], mentioned: dict[str, list[Found]]
) -> bool:
    """'Dumarsais Siméus' ... 'Siméus said': a name whose last word the article also
    writes alone, as one writes a surname, names a person (an organisation is
    shortened to its first words: 'Mahan' of 'Mahan Air')."""
    if re.search(rf"\b{re.escape(words[-1])}\b", article.text):
        return False  # 'the committee contends': a common noun, no surname
    return any(
        _local(other) and other.kind != "state" and name_words(other.name) == words[-1:]
        for other in article.actors.values()
        if other.id in mentioned
    )


def _merge_name_parts(article: ArticleMentions) -> None:
    """A local actor whose name is part of one person's full name is that person
    ('Encinas' of 'Alejandro Encinas Rodríguez', 'Hamza' of 'Hamza bin Laden'); a
    one-word person that begins one organisation's name is that organisation
    ('Mahan' of 'Mahan Air')."""
    mentioned = set(_mentions_of(article))
    people = [
        a
        for a in article.actors.values()
        if a.kind == "person" and a.id in mentioned and len(name_words(a.name)) >= 2
    ]
    orgs = [
        a
        for a in article.actors.values()
        if a.kind not in ("person", "state", "author") and a.id in mentioned
    ]
    for actor in list(article.actors.values()):
        if actor.id not in mentioned or not _local(actor):
            continue
        words = name_words(actor.name)
        if not words or (actor.kind != "person" and article.is_organisation_name(words)):
            continue
        wholes = [p for p in people if p.id != actor.id and _part_of(words, name_words(p.name))]
        if len(wholes) == 1:
            _merge(article, actor.id, wholes[0].id)
            continue
        if actor.kind == "person" and len(words) == 1 and not wholes:
            named = [o for o in orgs if name_words(o.name)[:1] == words and o.id != actor.id]
            if len(named) == 1:
                _merge(article, actor.id, named[0].id)


def _merge_short_org_names(article: ArticleMentions) -> None:
    """'the Oversight and Reform Committee' after 'the House Oversight and Reform
    Committee', 'the Committee' after "the Citizen's Committee": an organisation the base
    lacks (or the base's namesake of a state the article never names: 'the Tigers' after
    'the Tamil Tigers') named by some words of one other organisation's name is that
    organisation (of
    two that share the words, 'the Court' after 'the Court of Session' and 'the Supreme
    Court', neither). Longer names merge first: 'National' joins 'the National Party'
    once it has joined 'the New Zealand National Party'."""
    mentioned = set(_mentions_of(article))
    orgs = [
        a
        for a in article.actors.values()
        if a.kind not in ("person", "state", "author") and a.id in mentioned
    ]
    orgs.sort(key=lambda a: len(name_words(a.name)), reverse=True)
    merged: set[str] = set()
    named = _named_states(article)
    for actor in orgs:
        words = name_words(actor.name)
        stray = actor.kb_id is not None and actor.country not in (None, *named)
        if not (_local(actor) or stray) or not words:
            continue
        wholes = [
            o
            for o in orgs
            if o.id not in merged and o.id != actor.id and _part_of(words, name_words(o.name))
        ]
        if len(wholes) == 1:
            _merge(article, actor.id, wholes[0].id)
            merged.add(actor.id)


def _named_states(article: ArticleMentions) -> set[str]:
    """The states the article names, as states or as the states of its places."""
    states = {p.country for p in article.places if p.country}
    for found in article.found:
        if article.actors[found.actor].kind == "state":
            states.add(found.actor)
    return states


def _part_of(part: list[str], whole: list[str]) -> bool:
    """Is ``part`` a shorter run of the words of ``whole``?"""
    n = len(part)
    return n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _merge_variant_spellings(article: ArticleMentions) -> None:
    """'Hamza bin Laden' and 'Hamza bin Ladin': local people with the same first
    name, as many words and a nearly equal surname are one person; so are a local
    surname alone and a person named in full with a nearly equal one ('Umanna' after
    'Chuka Umunna')."""
    mentioned = _mentions_of(article)
    persons = [a for a in article.actors.values() if a.kind == "person" and a.id in mentioned]
    people = [a for a in persons if len(name_words(a.name)) >= 2]
    for alone in persons:
        words = name_words(alone.name)
        if len(words) != 1 or not _local(alone):
            continue
        similar = {
            p.id
            for p in people
            if SequenceMatcher(None, words[0], name_words(p.name)[-1]).ratio() >= SIMILAR_SURNAME
        }
        if len(similar) == 1:  # one person it can be a misspelling of
            _merge(article, alone.id, similar.pop())
    for i, first in enumerate(people):
        for second in people[i + 1 :]:
            if first.kb_id and second.kb_id:
                continue
            a, b = name_words(first.name), name_words(second.name)
            if len(a) != len(b) or a[0] != b[0] or a == b:
                continue
            if SequenceMatcher(None, a[-1], b[-1]).ratio() >= SIMILAR_SURNAME:
                keep, drop = (first, second) if first.kb_id or not second.kb_id else (second, first)
                if drop.id in article.actors and keep.id in article.actors:
                    _merge(article, drop.id, keep.id)


def _surnames_to_latest_full_name(article: ArticleMentions) -> None:
    """'Clinton' after 'Hillary Clinton' is Hillary Clinton, whatever the base would
    take the bare surname for: the known person last named in full with that surname
    (a namesake the base lacks, 'Michelle Obama', does not take 'Obama' from it)."""
    doc = article.doc
    latest: dict[str, str] = {}
    for found in sorted(article.found, key=lambda f: f.start):
        actor = article.actors[found.actor]
        if actor.kind != "person" or actor.kb_id is None:
            continue
        words = name_words(doc[found.start : found.end].text)
        names = name_words(actor.name)
        if len(words) >= 2 and names and words[-1] == names[-1]:
            latest[words[-1]] = actor.id
        elif len(words) == 1 and latest.get(words[0], actor.id) != actor.id:
            found.actor = latest[words[0]]


def _institutions_of_states(article: ArticleMentions) -> None:
    """'the supreme court of Haiti', 'Haiti's Supreme Court', 'the Haitian parliament':
    that state's institution, one actor with the bare 'the Court' written later."""
    doc = article.doc
    lex = article.lex
    longest = max((len(n.split()) for n in lex.generic_institutions), default=0)
    first_words = {n.split()[0] for n in lex.generic_institutions}
    after = 0  # the end of the last institution: names do not overlap
    for i in (t.i for t in article.tokens_of(first_words)):
        if i < after:
            continue
        size = next(
            (
                n
                for n in range(longest, 0, -1)
                if doc[i : i + n].text.lower() in lex.generic_institutions
                and not any(t in article.claimed for t in range(i, i + n))
            ),
            0,
        )
        if size == 0:
            continue
        end = after = i + size
        state = _state_of_institution(article, i, end)
        if state is not None:
            name = " ".join(t.text.capitalize() for t in doc[i:end])
            last = doc[end - 1].lower_
            kind, sector = lex.organisation_name_words.get(last, ("government", None))
            actor = Actor(
                id=f"O:{ascii_id(name)}@{state}", name=name, kind=kind, country=state, sector=sector
            )
            article.add(Found(i, end, actor.id, 2), actor)
            if article.found.starting(i, i + 1):
                _absorb_bare_names(article, actor)


def _state_of_institution(article: ArticleMentions, start: int, end: int) -> str | None:
    """The state written with an institution: 'of Haiti' after it, or 'Haiti's' or
    'Haitian' before it."""
    doc = article.doc
    candidates = []
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        candidates += article.found.starting(end + 1, end + 2)
    before = start - 1
    if before >= 0 and doc[before].text in POSSESSIVE:
        before -= 1
    candidates += article.found.ending_at(before + 1)
    for found in candidates:
        actor = article.actors[found.actor]
        if actor.kind == "state":
            return actor.id
    return None


def _absorb_bare_names(article: ArticleMentions, institution: Actor) -> None:
    """Local actors named by the institution's last words ('Court' of 'Supreme
    Court') are that institution."""
    words = name_words(institution.name)
    for actor in list(article.actors.values()):
        short = name_words(actor.name)
        if actor.id != institution.id and _local(actor) and actor.kind != "person":
            if short and _part_of(short, words) and words[-len(short) :] == short:
                _merge(article, actor.id, institution.id)


def _home_institutions(article: ArticleMentions) -> None:
    """'The Senate' in an article about Trinidad and Tobago is its Senate, not the base's
    U.S. Senate: a generic institution name is the article's country's own; 'the Senate
    of the state' is a region's of that country, not the nation's."""
    home = article.country
    if home is None:
        return
    doc = article.doc
    for found in list(article.found):
        actor = article.actors[found.actor]
        if actor.kb_id is None or actor.country is None or actor.kind == "state":
            continue
        words = [t for t in doc[found.start : found.end] if t.lower_ != "the"]
        name = " ".join(t.text for t in words)
        if name.lower() not in article.lex.generic_institutions:
            continue
        region = _of_a_region(article, found.end)
        if actor.country == home and not region:
            continue
        local = Actor(
            id=f"O:{ascii_id(name)}@{home}" + ("#region" if region else ""),
            name=name,
            kind=actor.kind,
            country=home,
            sector=actor.sector,
        )
        article.actors.setdefault(local.id, local)
        found.actor = local.id


def _foreign_namesakes(article: ArticleMentions) -> None:
    """Context decides between namesakes: 'ABC' in an Australian story is the base's
    Australian ABC; 'The Democrats voted' in an Australian story that never names the United
    States, a common word the base gives another country's party, is the article's
    country's party of that name; one it gives another country's group ('Youth') names no
    one."""
    home = article.country
    if home is None:
        return
    doc = article.doc
    named = set()  # the states the article names, itself or through the people it knows
    for found in article.found:
        actor = article.actors[found.actor]
        if actor.kind == "state" or (actor.kind == "person" and actor.kb_id):
            named.add(actor.country)
    places = _named_states(article)
    for found in list(article.found):
        actor = article.actors[found.actor]
        if actor.kb_id is None or actor.kind == "state" or actor.country in (None, home):
            continue
        if actor.kind == "person":
            if actor.country not in places and _out_of_office(article, actor):
                found.actor = _local_namesake(article, actor, home).id
            continue
        home_namesake = _home_namesake(article, found, home)
        if home_namesake is not None:  # 'ABC' in an Australian story
            found.actor = article.ensure_actor(home_namesake).id
            continue
        if actor.kind in ("igo", "ngo", "media") or actor.country in named:
            continue
        if not _common_word_name(article, found):
            continue
        name = " ".join(t.text for t in doc[found.start : found.end] if t.lower_ != "the")
        if actor.kind != "party":
            article.found.remove(found)
            continue
        local = Actor(
            id=f"O:{ascii_id(name)}@{home}", name=name, kind="party", country=home, sector="PTY"
        )
        article.actors.setdefault(local.id, local)
        found.actor = local.id


def _out_of_office(article: ArticleMentions, actor: Actor) -> bool:
    """Did the base's person hold no office on the article's date, and never one it
    knows by title (a former president or prime minister stays who the base knows)?"""
    entry = article.kb.entries.get(actor.kb_id or "")
    if entry is None or article.date is None:
        return False
    role = article.kb.role_at(entry, article.date)  # reads the roles the base keeps raw
    if any(r.title for r in entry.roles):
        return False
    return role is None or not role.holds(article.date)


def _local_namesake(article: ArticleMentions, actor: Actor, home: str) -> Actor:
    """'John Carmichael', a candidate in a Canadian story, is not the base's Swazi
    official of that name: a person of the base, out of office, of a state the story
    never names, is the story's own namesake."""
    local = Actor(
        id=f"P:{ascii_id(actor.name)}@{home}", name=actor.name, kind="person", country=home
    )
    return article.actors.setdefault(local.id, local)


def _home_namesake(article: ArticleMentions, found: Found, home: str) -> str | None:
    """The base's other actor of the same name in the article's own country, if it has one."""
    text = article.text_of(found.start, found.end)[0]
    return next(
        (
            t.actor
            for t in article.kb.lookup(text)
            if t.kind == NAME
            and t.actor in article.kb.entries
            and article.kb.entries[t.actor].country == home
            and article.kb.entries[t.actor].kind not in ("state", "person")
        ),
        None,
    )


def _common_word_name(article: ArticleMentions, found: Found) -> bool:
    """Is the mention a common word the base gives some country's party ('the Democrats')?"""
    words = [t.lower_ for t in article.doc[found.start : found.end] if t.lower_ != "the"]
    return " ".join(words) in article.lex.common_word_names


def _of_a_region(article: ArticleMentions, end: int) -> bool:
    """'the Senate of the state' (of Alabama): a state's or province's own institution,
    not the nation's."""
    words = [t.lower_ for t in article.doc[end : end + 3]]
    return words[:2] == ["of", "the"] and words[2:] in (["state"], ["province"], ["region"])


def _home_agents(article: ArticleMentions) -> None:
    """'Police arrested some 300 protesters': the article's own police."""
    if article.country is None or article.country not in article.kb.entries:
        return
    for token in article.tokens_of(article.lex.home_agent_nouns):
        if (
            token.i not in article.claimed
            and token.pos_ in ("NOUN", "PROPN")
            and not token.ent_type_
            # 'riot police', 'the local police': not 'Capitol Police'
            and all(c.dep_ in ("det", "amod", "compound") and c.is_lower for c in token.lefts)
        ):
            state = article.ensure_actor(article.country)
            article.add(Found(token.left_edge.i, token.i + 1, state.id, 1), state)


def _bare_officials(article: ArticleMentions) -> None:
    """'Germany on Monday banned Iranian airline Mahan Air, with officials saying ...':
    bare 'officials' speak for the state that acts in their sentence."""
    doc = article.doc
    for token in article.tokens_of(("officials", "authorities")):
        if (
            token.i in article.claimed
            or any(True for _ in token.lefts)
            or article.in_quote(token.idx)
        ):
            continue
        sentence = token.sent
        state = next(
            (
                f.actor
                for f in article.found.starting(sentence.start, token.i)
                if article.actors[f.actor].kind == "state"
                and doc[f.start : f.end].root.dep_ == "nsubj"
            ),
            None,
        )
        if state is not None:
            article.add(Found(token.i, token.i + 1, state, 1), article.actors[state])


# -- countries ----------------------------------------------------------------------


def _context_country(article: ArticleMentions, actor: Actor) -> str | None:
    """The country a title or the speaker's organisation gives: 'Canadian official
    Pamela Greenwell', 'a spokesman for the U.S. State Department, Sean McCormack',
    'Janelle Hironimus of the US Department of State'."""
    doc = article.doc
    for found in sorted(article.found, key=lambda f: f.start):
        if found.actor != actor.id or (found.end - found.start < 2 and actor.kind == "person"):
            continue  # a person's title stands before the full name, not a bare surname
        sentence_start = doc[found.start].sent.start
        # a title before a list is each organisation's, not each person's ('Russian
        # President Vladimir Putin and Xi Jinping')
        first = found.start if actor.kind == "person" else _list_start(doc, found.start, found.end)
        i = first - 1
        holders: list[str] = []
        while i >= max(sentence_start, first - TITLE_REACH):
            token = doc[i]
            if token.text == "," and i < found.start - 1:
                before = article.found.covering(i - 1)
                if not before or article.actors[before[0].actor].kind != "person":
                    break  # 'trading in Iran, German firms including Deutsche Bahn'
            demonym = next((t for t in article.kb.lookup(token.text) if t.kind == DEMONYM), None)
            if demonym is not None:
                holders.append(demonym.actor)
                i -= 1
                continue
            covering = article.found.covering(i)
            if covering:
                owner = article.actors[covering[0].actor]
                country = owner.id if owner.kind == "state" else owner.country
                if country and owner.id != actor.id:
                    holders.append(country)
                i = covering[0].start - 1
                continue
            if token.lower_ not in TITLE_GLUE and token.pos_ not in ("NOUN", "ADJ", "PROPN"):
                break
            i -= 1
        if holders:
            return holders[-1]  # the leftmost: 'US Ambassador to Germany' is American
        after = found.end
        if after + 1 < len(doc) and doc[after].lower_ in ("of", "for", "at"):
            following = article.found.starting(after + 1, after + 3)
            employer = article.actors[following[0].actor] if following else None
            if employer is not None and employer.kind != "person":
                country = employer.id if employer.kind == "state" else employer.country
                if country:
                    return country
    return None


def _list_start(doc: Doc, start: int, end: int) -> int:
    """Where the list a name ends begins: 'German firms including Deutsche Bahn, Daimler,
    and Siemens' gives Siemens the title of the first."""
    root = doc[start:end].root
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return min(start, first.left_edge.i) if first is not root else start


def _home_for(article: ArticleMentions, actor: Actor) -> str | None:
    """The article's country for its people and organisations the base lacks, not for
    international bodies."""
    if article.country is None:
        return None
    if actor.kind == "person":
        holder = article.actors.get(actor.affiliation or "")
        return None if holder is not None and holder.kind not in NATIONAL_KINDS else article.country
    if actor.kind in ("igo", "ngo"):
        return None
    return article.country
