"""Who did it and to whom: the source and target actors of an event trigger.

Pure functions over the dependency parse and ``DocContext``: the grammar of a
trigger's arguments (subjects through control and coordination, passives,
prepositional targets, relative clauses, appositions) and the actors the phrases
filling them name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from dyad.events.context import STATE_KINDS, DocContext
from dyad.events.lexicon import Cues, Frame, Lexicon, NamedEvent
from dyad.extensions import line_break_tokens
from dyad.model import Actor

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Named entities that are people, groups or states.
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# Climbing from a verb to the words that control it: "is prepared to welcome".
CONTROL_DEPS = ("xcomp", "acomp")
# Where a verb without a subject of its own takes it from: a coordinated verb
# ("… and praised"), an adverbial participle ("…, ripping into Obama"), a gerund
# after a preposition ("fail to agree during meeting").
SHARED_SUBJECT_DEPS = ("conj", "advcl", "pcomp", "pobj")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# "a woman *named* Heather Heyer", "a group *called* Equally American".
NAMING_VERBS = frozenset({"name", "call"})
NAME_DEPS = ("oprd", "attr", "dobj", "xcomp")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
CUSTODY_NOUNS = frozenset({"custody", "hand", "hands", "captivity"})
INCLUDING_WINDOW = 10
PARTICLES = frozenset({"out", "away", "back", "off", "down", "up"})
# "X has been the subject of sanctions": nouns saying X is what an event is aimed at.
AIM_NOUNS = frozenset({"subject", "target", "victim", "object", "focus"})
# "X is responsible for the bombings": X did them.
RESPONSIBLE_WORDS = frozenset({"responsible", "culpable", "guilty"})
# "X claimed responsibility for the attack": X did it, by its own word.
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit", "assume", "acknowledge", "bear"})
# Nouns that count two sides named before ("the two leaders", "both countries"), and
# the kind of side they count ("side" any kind).
PAIR_NOUNS = {
    "country": "state",
    "nation": "state",
    "state": "state",
    "government": "state",
    "leader": "person",
    "president": "person",
    "man": "person",
    "side": "any",
    "party": "party",
}
PAIR_WINDOW_SENTENCES = 2
POINTING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
LEGISLATIVE_SECTORS = frozenset({"LEG"})
# Sectors of people who act for their state: officials, soldiers, police, judges, spies.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Target slots that name a giver ("received aid *from* X").
FROM_SLOTS = frozenset({"from", "dobj.from"})
RELEASE_MODE = "release"  # PLOVER's RETREAT mode of freeing people
# Endings that make a verb's act a noun ("annex*ation*", "deploy*ment*", "withdraw*al*").
NOMINAL_SUFFIXES = ("ation", "ion", "ment", "al", "ure", "cation")
PROTESTER = "protester"  # the unnamed group of who protests
UNNAMED_PREFIX = "G:"  # the ids of unnamed groups ("G:GUNMAN")
ARMED_SECTOR = "REB"
# Measures a state's spokesman, telling of them unattributed, mostly tells of his own
# state's ("sanctions"; arrests and annexations he as often blames on others).
SPOKEN_MEASURE_TYPES = frozenset({"SANCTION"})
# Prepositions of a reason or a time, whose object is no event a verb carries: "imposed
# sanctions *over* the war", "launched talks *after* the attack".
ADJUNCT_PREPOSITIONS = frozenset(
    {"over", "after", "before", "during", "since", "despite", "amid", "following", "until", "for"}
)
# PLOVER types whose passive subject is the source's own forces ("troops were deployed").
OWN_FORCES_TYPES = frozenset({"MOBILIZE"})


@dataclass
class NounArguments:
    sources: list[str]
    targets: list[str]
    support: Token | None  # the verb carrying the noun
    chain: list[Token]  # the support verb and the verbs controlling it, or the noun
    subject: Token | None
    implied_source: bool = False  # the state the event happens in, not a named source


def verb_arguments(
    ctx: DocContext,
    verb: Token,
    frame: Frame,
    subject: Token | None,
    passive: bool,
    lexicon: Lexicon,
) -> tuple[list[str], list[str], bool]:
    """Sources and targets of a verb trigger, and whether the source is only implied
    (the state an agentless passive happens in)."""
    cues = lexicon.cues
    implied = False
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = actors_of(ctx, prep_object(agent)) if agent is not None else []
        if agent is None:
            # "was killed in a French air operation": whoever's operation it was.
            sources = _operation_actors(ctx, verb)
        own_forces = agent is None and frame.type in OWN_FORCES_TYPES and subject is not None
        if own_forces and not sources:
            # "an Army interrogator stationed at Camp Nama": forces are deployed by
            # their own side, which the passive's subject names.
            sources = actors_of(ctx, subject, acting=True)
        # "Fahie has been detained": the state the arrest happens in detained him
        # (for the curated verbs of state action: not CAMEO's "was taken to hospital").
        if (
            not sources
            and agent is None
            and frame.type in cues.state_passive_types
            and not frame.compiled
        ):
            state = _state_where(ctx, verb) or ctx.home_state()
            sources = [state] if state else []
            implied = bool(sources)
    elif subject is not None and _relativised(verb, subject):
        # "those who oppose X, and moderates who favor Y": a relative clause is about
        # its own noun, not the nouns coordinated with it.
        sources = list(dict.fromkeys(_phrase_actors(ctx, subject, 0, True)))
    else:
        sources = actors_of(ctx, subject, acting=True) if subject is not None else []
    # "condemned the arrest of protesters": the target is who made the arrest.
    targets = (
        _doers_of_object(ctx, lexicon, verb, sources) if frame.type in cues.answerable_types else []
    )
    # "imposed sanctions against Iran": the preposition may hang on the absorbed noun.
    absorbed = [o for o in children_with(verb, ("dobj",)) if o.lemma_.lower() in frame.object]
    carriers = [verb, *absorbed] if frame.absorb else [verb]
    filled = None
    for slot in () if targets else frame.target:
        filled = slot
        if slot == "dobj" and passive and sources and actors_of(ctx, subject) == sources:
            # The passive's subject is the source ("troops were deployed to …"): the
            # target is in another slot, if any.
            continue
        words = [subject] if slot == "dobj" and passive and subject is not None else None
        if words is None:
            words = [w for carrier in carriers for w in slot_words(carrier, slot)]
        for word in words:
            aimed = _aimed_at_actors(ctx, lexicon, frame, word, sources)
            if aimed is not None:
                targets = aimed
                if targets:
                    break
                continue
            targets = actors_of(ctx, word) or _partner(ctx, word)
            targets = targets or [p for p in _protesters(ctx, lexicon, word) if p not in sources]
            if not targets and slot == "that" and frame.type in cues.answerable_types:
                targets = [d for d in named_doers(ctx, lexicon, word) if d not in sources]
            if targets:
                break
        if targets:
            break
    if frame.type in cues.territorial_types and targets and set(targets) <= set(sources):
        # "Ukraine shelled the city of Donetsk": force used on a place of one's own state
        # is aimed at whoever holds it, whom the place does not name.
        targets = []
    if targets and filled in FROM_SLOTS and verb.lemma_.lower() in cues.inverse_support_verbs:
        # "Ukraine received military aid from Germany": the subject gets what the
        # one after "from" gives.
        sources, targets = targets, sources
    if sources and not targets and frame.type == "ACCUSE" and not frame.object:
        # "… condemned the operation", "The operation was condemned by …".
        objects = [subject] if passive and subject is not None else children_with(verb, ("dobj",))
        doers = _earlier_doers(ctx, lexicon, objects[0]) if objects else []
        if objects and not passive:
            # (Only an object: the sentence before tells little of a passive's subject.)
            doers = doers or _previous_doers(ctx, objects[0])
        targets = [d for d in doers if d not in sources]
    return sources, targets, implied


def _aimed_at_actors(
    ctx: DocContext, lexicon: Lexicon, frame: Frame, word: Token, sources: list[str]
) -> list[str] | None:
    """Whom an investigation of an incident is aimed at: who the text says did it
    ("investigate the shooting *by police*"), else no one ("investigate the shooting of
    a driver" accuses neither the driver nor the place). None: the word names no event."""
    if frame.mode not in lexicon.cues.aimed_modes or word.pos_ != "NOUN":
        return None
    frames = lexicon.nouns.get(word.lemma_.lower())
    if not frames or frames[0].type == "NONE":
        return None
    return [d for d in named_doers(ctx, lexicon, word) if d not in sources]


def _earlier_doers(ctx: DocContext, lexicon: Lexicon, noun: Token) -> list[str]:
    """Who did the event a definite event noun points back at, told before with the same
    word: "Hamas attacked a bus … Germany condemned *the attack*" (the doer of the last
    earlier "attack", verb or noun, that names one)."""
    definite = any(c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS for c in noun.children)
    if not definite or noun.pos_ != "NOUN" or ctx.token_actor[noun.i]:
        return []
    lemma = noun.lemma_.lower()
    frames = lexicon.nouns.get(lemma)
    for word in reversed(ctx.doc[: noun.sent.start]):
        if word.pos_ == "NOUN" and (word.lemma_.lower() != lemma or not word.is_lower):
            continue  # (not a word of a name: "Operation Peace Spring")
        verbal = word.lemma_.lower()
        # The noun of a verb's act only for an event verb ("the annexation": annexed),
        # not a verb the noun drifted from ("the operation": operates).
        if word.pos_ == "VERB" and verbal != lemma:
            if not lexicon.verbs.get(verbal) or not _nominalizes(lemma, verbal):
                continue
        if word.pos_ not in ("VERB", "NOUN"):
            continue
        if word.pos_ == "NOUN" and frames:
            doers = noun_arguments(ctx, lexicon, word, frames[0]).sources
        elif word.pos_ == "NOUN":
            # "North Korea's test", "North Korea conducted a test": its owner, or who
            # carried it out.
            owner = next((c for c in word.children if c.dep_ == "poss"), None)
            verb = _governing_verb(word) if owner is None else None
            subject, passive = subject_of(control_chain(verb)) if verb else (owner, False)
            doers = [] if passive else actors_of(ctx, subject, acting=True)
        else:
            subject, passive = subject_of(control_chain(word))
            agent = next((c for c in word.children if c.dep_ == "agent"), None)
            doers = actors_of(ctx, prep_object(agent) if passive else subject, acting=True)
        if doers:
            return doers
    return []


def _nominalizes(noun: str, verb: str) -> bool:
    """The noun names the verb's act: "attack" (attack), "annexation" (annex),
    "deployment" (deploy), "seizure" (seize), "occupation" (occupy)."""
    if noun == verb:
        return True
    stems = {verb, verb.removesuffix("e")}
    if verb.endswith("y"):
        stems |= {verb[:-1], verb[:-1] + "i"}  # occupy -> occupation, ratify -> ratification
    return any(
        noun == stem + suffix for stem in stems for suffix in NOMINAL_SUFFIXES if len(stem) > 3
    )


def _previous_doers(ctx: DocContext, noun: Token) -> list[str]:
    """Who did what a bare definite noun points back at: "Around 300 protesters staged
    a demonstration. The premier condemned *the action*" (the subject of the sentence
    before, or of the clause it reports)."""
    definite = any(c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS for c in noun.children)
    bare = not any(c.dep_ not in ("det", "punct") for c in noun.children)
    sentence = noun.sent
    if not (definite and bare) or sentence.start == 0 or ctx.token_actor[noun.i]:
        return []
    clause = noun.doc[sentence.start - 1].sent.root
    clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return []  # "We need new leadership": the speaker, who condemns nobody of his own
    return actors_of(ctx, subject, acting=True)


def noun_arguments(ctx: DocContext, lexicon: Lexicon, noun: Token, frame: Frame) -> NounArguments:
    """Sources and targets of an event noun, from its modifiers, its prepositions and
    the support verb that may carry it ("Hamas *conducted* consultations")."""
    cues = lexicon.cues
    sources: list[str] = []
    targets: list[str] = []
    # "the meetings held by the U.S. … with the Saudi leadership": the participle's
    # arguments are the noun's.
    arguments = [noun] + [
        c
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in cues.support_verbs
    ]
    implied = False
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if _undergoes(cues, noun, frame):
            # "his conviction", "Manafort's arrest": whoever it was done to.
            targets = targets or actors_of(ctx, child)
        else:
            sources = sources or actors_of(ctx, child)
    if not sources:
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and (named := ctx.token_actor[child.i]):
                if _names_the_land(ctx, lexicon, child, frame):
                    # "the Iraq war", "the Gaza offensive": where, so against whom.
                    targets = [named]
                    continue
                sources = [named]
                break
    for child in (c for word in arguments for c in word.children):
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            sources = sources or actors_of(ctx, prep_object(child))
        elif child.dep_ == "prep" and child.lower_ in ("between", "among"):
            sides = actors_of(ctx, prep_object(child))
            if sides:
                sources, targets = sides[:1], sides[1:]
        elif child.dep_ == "prep" and child.lower_ == "of" and frame.of == "source":
            sources = sources or actors_of(ctx, prep_object(child))
    for slot in frame.target:
        if targets:
            break
        for word in (w for argument in arguments for w in slot_words(argument, slot)):
            aimed = _aimed_at_actors(ctx, lexicon, frame, word, sources)
            targets = actors_of(ctx, word) if aimed is None else aimed
            if targets:
                break
    if not targets and frame.type in cues.answerable_types:
        targets = _answered_by(ctx, lexicon, noun)
    if not targets and noun.dep_ == "nsubj" and frame.type in cues.territorial_types:
        # "a massive blast damaged the U.S. embassy": what the event did names its target.
        targets = [a for obj in children_with(noun.head, ("dobj",)) for a in actors_of(ctx, obj)]
    if frame.holder:
        # Whose hostages they are is never who holds them ("American hostages").
        sources, targets = _holder(ctx, noun) or ([], _member_actors(ctx, noun))
    support, inverse = _support_verb(noun, cues)
    chain = control_chain(support) if support is not None else [noun]
    subject = None
    if support is not None and not targets:
        # "declared war on Nagorno-Karabakh": the preposition may hang on the verb.
        for slot in frame.target:
            if slot not in ("dobj", "dative") and "." not in slot:
                targets = _prep_actors(ctx, support, (slot,))
                if targets:
                    break
    if support is not None:
        subject, passive = subject_of(chain)
        doer = actors_of(ctx, subject) if subject is not None and not passive else []
        if inverse:
            targets = targets or doer
            sources = sources or _prep_actors(ctx, support, ("from", "by"))
        else:
            sources = sources or doer or _prep_actors(ctx, support, ("by",))
    if not sources and frame.type in cues.from_source_types and "from" not in frame.target:
        # "cooperation from Kenya", "a request from Democrats": whoever gives it.
        sources = _prep_actors(ctx, noun, ("from",))
    if support is None and not sources:
        sources = _described(ctx, noun)
    if not sources:
        sources = [a for a in _blamed(ctx, lexicon, noun) if a not in targets]
    if not targets:
        # "Mahan has been the subject of U.S. sanctions": the one it is aimed at.
        targets = _aimed_at(ctx, noun)
    if not sources and frame.of == "target":
        # "abuses against detainees in US custody": by whoever holds them.
        sources = [a for a in _custodians(ctx, noun) if a not in targets]
    if not sources and frame.type in SPOKEN_MEASURE_TYPES and not frame.compiled:
        # "a German government source said the ban … is not part of a plan to increase
        # sanctions on Iran": a state's spokesman tells of his own state's measures.
        sources = [s for s in _speaking_state(ctx, lexicon, noun) if s not in targets]
    # "after his conviction", "the arrest of protesters": by the state it happens in (not
    # "the occupations in Iraq and Afghanistan": a state is no one its own state acts on).
    if not sources and targets and _state_action(cues, frame) and not _names_states(ctx, targets):
        state = ctx.home_state()
        sources, implied = ([state], True) if state else ([], False)
    sources, targets = _named_event(ctx, lexicon, noun, frame, sources, targets)
    # "Hamas claimed responsibility for the attacks": the claimant is its subject.
    subject = subject if subject is not None else responsibility_claimant(noun)
    return NounArguments(sources, targets, support, chain, subject, implied)


def _names_states(ctx: DocContext, actor_ids: list[str]) -> bool:
    return any_of_kind(ctx, actor_ids, frozenset(STATE_KINDS))


def _state_where(ctx: DocContext, verb: Token) -> str | None:
    """The state of the place a verb says it happened in: "detained *in the United States*"."""
    for word in slot_words(verb, "in"):
        place = ctx.place_at(word)
        if place is not None and place.country:
            return ctx.state_of(place.country, add=True)
    return None


def _doers_of_object(
    ctx: DocContext, lexicon: Lexicon, verb: Token, sources: list[str]
) -> list[str]:
    """Who did the event a verb's object names: "condemned *the arrest* of protesters",
    "called for *sanctions* by the EU"."""
    objects = children_with(verb, ("dobj",)) + slot_words(verb, "for")
    for noun in objects:
        frames = lexicon.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if not frames or frames[0].type == "NONE":
            continue
        if frames[0].type == "PROTEST":
            doers = _protesters(ctx, lexicon, noun)  # "criticized the protests"
        else:
            doers = noun_arguments(ctx, lexicon, noun, frames[0]).sources
        if not doers and frames[0].mode == RELEASE_MODE:
            doers = _captors(ctx, lexicon, noun)
        return [d for d in doers if d not in sources]
    return []


def _protesters(ctx: DocContext, lexicon: Lexicon, noun: Token) -> list[str]:
    """Who a protest noun stands for, as what is done to it ("broke up the
    demonstration", "criticized the protests"): whoever the text says protested, else
    the unnamed protesters."""
    frames = lexicon.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if not frames or frames[0].type != "PROTEST":
        return []
    doers = noun_arguments(ctx, lexicon, noun, frames[0]).sources
    if doers or PROTESTER not in ctx.unnamed_groups:
        return doers
    return [_group(ctx, PROTESTER, "protesters")]


def _captors(ctx: DocContext, lexicon: Lexicon, release: Token) -> list[str]:
    """Who would free the people a call for their release names: who the text says
    holds them, else (for detainees, not hostages) the state the article is about:
    "urged *their release*", "called for the release of all protesters"."""
    released = slot_words(release, "of") + children_with(release, ("poss",))
    holders = [a for word in released for a in _custodians(ctx, word)]
    if holders:
        return holders
    if any(f.holder for word in released for f in lexicon.nouns.get(word.lemma_.lower(), ())):
        return []
    state = ctx.home_state()
    return [state] if state else []


def named_doers(ctx: DocContext, lexicon: Lexicon, noun: Token) -> list[str]:
    """Who the text says did the event a noun names ("claims *torture … in US custody*
    continues": the US), not the state it is only supposed to happen in."""
    frames = lexicon.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if not frames or frames[0].type == "NONE":
        return []
    found = noun_arguments(ctx, lexicon, noun, frames[0])
    return [] if found.implied_source else found.sources


def _state_action(cues: Cues, frame: Frame) -> bool:
    """An event noun of what a state does to people: "arrest", "conviction"."""
    return frame.of == "target" and frame.type in cues.state_passive_types and not frame.compiled


def _undergoes(cues: Cues, noun: Token, frame: Frame) -> bool:
    """An event noun of state action whose possessor undergoes it ("his arrest"), unless
    an "of" names who does ("Moscow's expulsion of diplomats")."""
    return _state_action(cues, frame) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _blamed(ctx: DocContext, lexicon: Lexicon, noun: Token) -> list[str]:
    """Who is held to have done an event: "X is accused of being *responsible for* the
    bombings", "X was *behind* the attack", "blamed X *for* the attacks", "X claimed
    responsibility *for* the attack"."""
    claimant = responsibility_claimant(noun)
    if claimant is not None:
        return actors_of(ctx, claimant)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "of", "behind"):
        return []
    governor = prep.head
    lemma = governor.lemma_.lower()
    if (lemma in RESPONSIBLE_WORDS and prep.lower_ == "for") or (
        lemma == "be" and prep.lower_ == "behind"
    ):
        subject, _ = subject_of(control_chain(governor))
        return actors_of(ctx, subject)
    frames = lexicon.verbs.get(lemma) if governor.pos_ == "VERB" else None
    if frames and frames[0].type == "ACCUSE":
        subject, passive = subject_of(control_chain(governor))
        blamed = subject if passive else next(iter(children_with(governor, ("dobj",))), None)
        return actors_of(ctx, blamed)
    return []


def responsibility_claimant(word: Token) -> Token | None:
    """Who claims to have done the event a noun or a gerund after "for" names: "*Hamas*
    claimed responsibility for the attack", "IS took credit for killing 12 soldiers" (the
    parser hangs "for" on the noun or on the verb)."""
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp") or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() in RESPONSIBILITY_NOUNS and verb.dep_ == "dobj":
        verb = verb.head
    elif not any(o.lemma_.lower() in RESPONSIBILITY_NOUNS for o in children_with(verb, ("dobj",))):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CLAIMING_VERBS:
        return None
    subject, passive = subject_of(control_chain(verb))
    return None if passive else subject


def _aimed_at(ctx: DocContext, noun: Token) -> list[str]:
    """The subject of "X is the subject/target of <event>"."""
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is None or holder.lemma_.lower() not in AIM_NOUNS or holder.dep_ != "attr":
        return []
    subject = next((c for c in holder.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actors_of(ctx, subject)


def misread_verb(token: Token, lexicon: Lexicon) -> str | None:
    """The lemma of a verb the tagger took for a noun in a headline's clipped grammar:
    "Putin chides Turkey and *praises* Trump", "The Chinese finance minister *jabbed* back
    at …". Only a lower-case word coordinated with a verb, or heading its sentence
    right after its subject (which the parser may make its compound), is read again."""
    if not token.is_lower or any(c.dep_ in ("det", "poss", "amod") for c in token.children):
        return None
    coordinated = token.dep_ == "conj" and token.head.pos_ == "VERB" and token.i > token.head.i
    headless = token.dep_ == "ROOT" and any(
        c.dep_ in ("compound", "nsubj") and c.i == token.i - 1 for c in token.children
    )
    if not (coordinated or headless):
        return None
    text = token.lower_
    stems = []
    if text.endswith("ies"):
        stems.append(text[:-3] + "y")
    if text.endswith("es"):
        stems.append(text[:-2])
    if text.endswith("s"):
        stems.append(text[:-1])
    if text.endswith("ed"):
        stems += [text[:-1], text[:-2]]
        if len(text) > 4 and text[-3] == text[-4]:
            stems.append(text[:-3])  # "jabbed" -> "jab"
    return next((stem for stem in stems if stem in lexicon.verbs), None)


def _operation_actors(ctx: DocContext, verb: Token) -> list[str]:
    """Whose operation, raid or strike an agentless passive happened in: "killed *in a
    French operation*", "arrested *during an army raid*" (the operation's named owner)."""
    for prep in verb.children:
        noun = (
            prep_object(prep) if prep.dep_ == "prep" and prep.lower_ in ("in", "during") else None
        )
        if noun is None or noun.lemma_.lower() not in ctx.operation_nouns:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"] or [noun]
        found = [a for owner in owners for a in _modifier_actors(ctx, owner)]
        if found:
            return found
    return []


def _names_the_land(ctx: DocContext, lexicon: Lexicon, modifier: Token, frame: Frame) -> bool:
    """A place name (not a demonym: "the Israeli operation") modifying a use of force."""
    return (
        frame.type in lexicon.cues.territorial_types
        and modifier.dep_ == "compound"
        and modifier.pos_ == "PROPN"
        and ctx.place_at(modifier) is not None
    )


def _answered_by(ctx: DocContext, lexicon: Lexicon, noun: Token) -> list[str]:
    """Who a criticism is aimed at, when they answer it: "China rebuts American
    criticism", "the minister jabbed back at complaints from …"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.i == noun.i:
        return []
    lemma = verb.lemma_.lower() if verb.pos_ == "VERB" else misread_verb(verb, lexicon)
    frames = lexicon.verbs.get(lemma or "")
    if not frames or not any(f.type in ("REJECT", "ACCUSE") for f in frames):
        return []
    subject, passive = subject_of(control_chain(verb))
    return actors_of(ctx, subject) if subject is not None and not passive else []


def _described(ctx: DocContext, noun: Token) -> list[str]:
    """Who an agent noun describes: "Germany has been a strong *advocate* of …",
    "Turkey, a fierce *critic* of …"."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return actors_of(ctx, subject)
    if noun.dep_ == "appos":
        return actors_of(ctx, noun.head)
    return []


def _support_verb(noun: Token, cues: Cues) -> tuple[Token | None, bool]:
    """The light verb carrying an event noun: "made a sojourn", "embarked on its war",
    "held a new round of talks"."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in cues.partitive_nouns
    ):
        noun = noun.head.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in ADJUNCT_PREPOSITIONS:
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None, False
    if head.pos_ != "VERB":
        return None, False
    lemma = head.lemma_.lower()
    if lemma in cues.support_verbs:
        return head, False
    if lemma in cues.inverse_support_verbs:
        return head, True
    return None, False


def _speaking_state(ctx: DocContext, lexicon: Lexicon, word: Token) -> list[str]:
    """The state whose government says the words a word is in (itself, or one of its
    officials): the speaker of the clause reporting it, else of the quote it is in
    (the parse finds "Reuters reported a German source said …" nested). Not when the
    word is part of another event ("his call for a ban"), whose doer it belongs to."""
    reported = None
    for above in word.ancestors:
        if above.dep_ == "ccomp":
            reported = above
            break
        frames = lexicon.nouns.get(above.lemma_.lower()) if above.pos_ == "NOUN" else None
        if frames and frames[0].type != "NONE":
            return []
    subject = next(iter(children_with(reported.head, ("nsubj",))), None) if reported else None
    quote = ctx.token_quote[word.i]
    for speaker_id in (*actors_of(ctx, subject), quote.speaker.actor if quote else None):
        speaker = ctx.actor(speaker_id)
        if speaker is not None and speaker.kind == "person":
            speaker = ctx.actor(speaker.affiliation)
        if speaker is not None and speaker.kind in STATE_KINDS:
            return [speaker.id]
    return []


def _custodians(ctx: DocContext, noun: Token) -> list[str]:
    """Who holds the people an event noun's phrase names: "torture … of detainees *in
    US custody*", "abuse of prisoners in Israel's hands"."""
    for head in (noun, *noun.conjuncts):
        for word in head.subtree:
            if word.lemma_.lower() not in CUSTODY_NOUNS or word.head.lower_ != "in":
                continue
            holder = next(
                (c for c in word.children if c.dep_ in ("poss", "compound", "amod")), None
            )
            found = actors_of(ctx, holder)
            if found:
                return found
    return []


def _holder(ctx: DocContext, noun: Token) -> tuple[list[str], list[str]] | None:
    """Who holds a hostage ("in X's custody", "held by X") and whose people they are."""
    holders: list[str] = []
    for child in noun.subtree:
        if child.dep_ == "poss" and child.head.lemma_.lower() in CUSTODY_NOUNS:
            holders = actors_of(ctx, child)
        elif child.dep_ == "agent" and child.head.lemma_.lower() in ("hold", "take", "seize"):
            holders = actors_of(ctx, prep_object(child))
        elif child.dep_ == "prep" and child.lower_ == "in" and child.head.i == noun.i:
            pobj = prep_object(child)
            if pobj is not None and (holder := ctx.token_actor[pobj.i]):
                holders = [holder]
        if holders:
            break
    if not holders:
        return None
    held = [a for a in _member_actors(ctx, noun) if a not in holders]
    return holders, held


def _member_actors(ctx: DocContext, noun: Token) -> list[str]:
    """Whose people a group noun names: "hostages …, including three Russian citizens"."""
    sentence_end = noun.sent.end
    # The parser often hangs "including …" elsewhere; it still follows the noun closely.
    for word in ctx.doc[noun.i + 1 : min(sentence_end, noun.i + INCLUDING_WINDOW)]:
        if word.lower_ == "including":
            found = actors_of(ctx, prep_object(word))
            if found:
                return found
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and (named := ctx.token_actor[child.i]):
            return [named]
    return []


def _named_event(
    ctx: DocContext,
    lexicon: Lexicon,
    noun: Token,
    frame: Frame,
    sources: list[str],
    targets: list[str],
) -> tuple[list[str], list[str]]:
    if sources or targets:
        return sources, targets
    named = named_event(ctx, lexicon, noun, frame)
    if named is None:
        return sources, targets
    return _named_actor(ctx, lexicon, named.source), _named_actor(ctx, lexicon, named.target)


def _named_actor(ctx: DocContext, lexicon: Lexicon, actor_id: str | None) -> list[str]:
    """The article's actor for a named event's participant, added when it names none."""
    if actor_id is None:
        return []
    for actor in ctx.actors.values():
        if actor_id in (actor.id, actor.kb_id):
            return [actor.id]
    known = lexicon.named_actors.get(actor_id)
    if known is None:
        state = ctx.state_of(actor_id, add=True)  # an ISO 3166 code
        return [state] if state else []
    ctx.add_actor(
        Actor(
            known.id,
            known.name,
            known.kind,
            country=known.country,
            sector=known.sector,
            kb_id=known.id,
        )
    )
    return [known.id]


def named_event(ctx: DocContext, lexicon: Lexicon, noun: Token, frame: Frame) -> NamedEvent | None:
    """The well-known event a dated event noun names ("the October 7 attacks"), if any."""
    lemma = noun.lemma_.lower()
    if not any(lemma in named.nouns for named in lexicon.named_events):
        return None
    time = ctx.time_for(noun)
    modifiers = " ".join(
        t.text for c in noun.lefts if c.dep_ in ("compound", "nmod", "nummod") for t in c.subtree
    )
    for named in lexicon.named_events:
        if lemma not in named.nouns or frame.type != named.type:
            continue
        dated = time is not None and time.value == named.date
        # The alias alone is enough in an article written after the event: a tagger
        # may resolve a bare "October 7" to the wrong year.
        aliased = (
            ctx.published is not None
            and ctx.published > date.fromisoformat(named.date)
            and named.alias_pattern is not None
            and named.alias_pattern.search(modifiers) is not None
        )
        if dated or aliased:
            return named
    return None


# --- grammar helpers -----------------------------------------------------------


def children_with(token: Token, deps: Iterable[str]) -> list[Token]:
    deps = tuple(deps)
    return [c for c in token.children if c.dep_ in deps]


def any_of_kind(ctx: DocContext, actor_ids: Iterable[str], kinds: frozenset[str]) -> bool:
    return any(actor.kind in kinds for actor in map(ctx.actor, actor_ids) if actor is not None)


def prep_object(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def slot_words(token: Token, slot: str) -> list[Token]:
    """The words filling an argument slot of a trigger (see verbs.yaml)."""
    if slot in ("dobj", "dative"):
        found = children_with(token, (slot,))
        if slot == "dobj" and token.pos_ != "VERB" and not found:
            found = _misread_object(token)
        # "the preacher whom Erdogan accuses": the object is the noun the clause modifies.
        if token.dep_ == "relcl":
            found = [token.head if w.lower_ in RELATIVE_PRONOUNS else w for w in found]
        if slot == "dative":
            found += [
                pobj
                for c in token.children
                if c.dep_ == "dative" and c.lower_ == "to"
                if (pobj := prep_object(c)) is not None
            ]
        return found
    if slot == "that":
        # "complaints that China's glut was overwhelming markets": who the claim is about.
        return [
            subject
            for clause in token.children
            if clause.dep_ in ("ccomp", "acl")
            and clause.pos_ in ("VERB", "AUX")
            # A verb's clause may drop its "that" ("Grenell alleged Mahan had …").
            and (
                any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                or (clause.dep_ == "ccomp" and token.pos_ == "VERB")
            )
            for subject in clause.children
            if subject.dep_ in ("nsubj", "nsubjpass")
        ]
    if slot == "nsubj":
        return children_with(token, ("nsubj",))
    if slot.startswith(("xcomp.", "ccomp.")):
        # "threatened to strike the United States": the target of what is threatened;
        # "found him guilty": the subject of the small clause.
        dep, rest = slot.split(".", 1)
        return [w for clause in children_with(token, (dep,)) for w in slot_words(clause, rest)]
    if "." in slot:
        _, prep = slot.split(".", 1)
        return [w for obj in children_with(token, ("dobj",)) for w in slot_words(obj, prep)]
    words = [
        prep_object(c)
        for c in token.children
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == slot
    ]
    # "pulled out of Syria": the preposition may hang on the particle.
    words += [
        prep_object(p)
        for c in token.children
        if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in PARTICLES
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == slot
    ]
    return [w for w in words if w is not None]


def _misread_object(verb: Token) -> list[Token]:
    """The object of a verb tagged as a noun, which the parser hangs anywhere nearby."""
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if following is None or following.pos_ not in ("PROPN", "NOUN", "PRON", "DET"):
        return []
    word = following
    while word.head.i > word.i and word.head.i != verb.i:  # up to the phrase's head
        word = word.head
    return [word] if word.dep_ in ("dep", "npadvmod", "appos", "dobj", "compound", "attr") else []


def _partner(ctx: DocContext, word: Token) -> list[str]:
    """The other party of an agreement or talks an action is about: "pulled out of the
    deal with Iran", "walked out of the talks with the rebels"."""
    if word.lemma_.lower() not in ctx.partner_nouns:
        return []
    return _prep_actors(ctx, word, ("with",))


def _prep_actors(ctx: DocContext, token: Token, preps: tuple[str, ...]) -> list[str]:
    for prep in preps:
        for word in slot_words(token, prep):
            found = actors_of(ctx, word)
            if found:
                return found
    return []


def control_chain(verb: Token) -> list[Token]:
    """The verb and the words controlling it, up to the head of its clause."""
    chain = [verb]
    node = verb
    while node.dep_ in CONTROL_DEPS and node.head.i != node.i and node.head.pos_ in VERBAL_POS:
        node = node.head
        chain.append(node)
    return chain


def subject_of(chain: list[Token]) -> tuple[Token | None, bool]:
    adjunct = False  # the verb is a gerund in a phrase on the clause ("after protesting")
    for _ in range(3):
        subject, passive, found = _own_subject(chain)
        if found:
            # "protesters were dispersed after protesting": the gerund's own voice counts.
            return subject, passive and not adjunct
        top = chain[-1]
        if top.head.i == top.i:
            break
        head = top.head
        if top.dep_ == "acl" and head.pos_ == "NOUN":
            # "engaged in an effort to broker a deal": whoever makes the effort.
            governing = _governing_verb(head)
            if governing is None:
                break
            head = governing
        elif top.dep_ not in SHARED_SUBJECT_DEPS:
            break
        elif top.dep_ in ("pcomp", "pobj"):
            claimant = responsibility_claimant(top)
            if claimant is not None:
                return claimant, False  # "claimed responsibility for killing 12 soldiers"
            if head.dep_ == "prep" and head.head.pos_ == "NOUN":
                # "After four days of protesting …, protesters …": through the noun.
                head = _adjunct_preposition(head.head) or head
            if head.dep_ != "prep" or head.head.pos_ not in ("VERB", "AUX"):
                break
            adjunct = True
            if head.lower_ in ("for", "of"):
                # "lashed out at Turkey for having shot down …", "accused Trump of
                # showing support": the one blamed did it.
                blamed = children_with(head.head, ("dobj",)) + slot_words(head.head, "at")
                if blamed:
                    return blamed[0], False
            head = head.head
        elif head.pos_ not in ("VERB", "AUX"):
            break
        elif top.dep_ == "advcl" and head.dep_ == "acl" and head.tag_ == "VBN":
            # "forces used missiles launched from helicopters *to kill* him": the
            # purpose is the user's, not the missiles'.
            head = _governing_verb(head.head) or head
        chain = control_chain(head)
    return None, False


def _names_people(noun: Token) -> bool:
    """A plural noun phrase naming people: a plural name, or a plural noun a demonym or
    a name modifies ("Cuban exiles", "Hamas gunmen")."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("amod", "compound"))]
    plural = noun.tag_ in ("NNS", "NNPS")
    return plural and any(w.ent_type_ in PEOPLE_ENTITIES for w in words)


def _named_after_title(subject: Token) -> Token:
    """The name the parser made a second subject after its title: "Former world chess
    *champion* Garry Kasparov has been arrested" (both words hang on the verb)."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    if subject.pos_ != "NOUN" or after >= len(doc):
        return subject
    name = doc[after]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    same_slot = name.head.i == subject.head.i and name.dep_ == subject.dep_
    return name if same_slot and name.pos_ == "PROPN" else subject


def _adjunct_preposition(noun: Token) -> Token | None:
    """The preposition heading the adverbial phrase a noun is in: "*After* four days"."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def same_line(first: Token, second: Token) -> bool:
    """No line break between two words: a wire dateline ("NAIROBI, Kenya (AP) _") that
    the parser takes for the subject of the first sentence is on a line of its own."""
    low, high = sorted((first.i, second.i))
    # The tokens clauses.breaks_line holds for, found once per doc.
    breaks = line_break_tokens(first.doc)
    return bisect_left(breaks, low) == bisect_left(breaks, high)


def _below_dateline(subject: Token, verb: Token) -> Token | None:
    """The real subject the parser hung under a dateline taken for the subject:
    "WASHINGTON, March 12 (Xinhua) -- *Poland* … joined NATO"."""
    for word in subject.subtree:
        if (
            word.dep_ in ("appos", "conj")
            and same_line(word, verb)
            and not same_line(word, word.head)
        ):
            return word
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _own_subject(chain: list[Token]) -> tuple[Token | None, bool, bool]:
    for node in chain:
        # The parser sometimes hangs the subject on the auxiliary ("… is engaged").
        auxiliaries = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        for child in [*node.children, *(g for a in auxiliaries for g in a.children)]:
            if child.dep_ in SUBJECT_DEPS:
                subject = child if same_line(child, node) else _below_dateline(child, node)
                if subject is None:
                    continue
                if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return node.head, subject.dep_ == "nsubjpass", True
                subject = _named_after_title(subject)
                return subject, subject.dep_ == "nsubjpass", True
        if node.dep_ == "ROOT" and node.pos_ in ("NOUN", "PROPN"):
            # A misread headline verb: its subject was parsed as a compound of it.
            before = [c for c in node.children if c.dep_ == "compound" and c.i < node.i]
            if before:
                return before[-1], False, True
        # Object control: "urged Hamas to meet" — Hamas is who would meet.
        if node.dep_ == "xcomp":
            # … or "called on North Korea to abandon".
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None) or next(
                (
                    pobj
                    for c in reversed(list(node.head.children))
                    if c.dep_ == "prep"
                    and c.lower_ in ("on", "upon")
                    and c.i < node.i
                    and (pobj := prep_object(c)) is not None
                    and pobj.ent_type_ not in ("DATE", "TIME")
                ),
                None,
            )
            if obj is not None:
                return obj, False, True
        if node.dep_ == "relcl":
            return node.head, False, True
        # "rebels supplied by the C.I.A.": the noun is what the participle is done to.
        if node.dep_ == "acl" and node.tag_ == "VBN":
            return node.head, True, True
        # "the Kremlin's efforts to strike a partnership": the noun's owner acts.
        if node.dep_ == "acl" and node.tag_ in ("VB", "VBG"):
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, False, True
            # "Cuban exiles protesting in Miami": the people the participle right after
            # them describes.
            people = node.head
            if node.tag_ == "VBG" and node.i == people.i + 1 and _names_people(people):
                return people, False, True
    return None, False, False


# --- actors --------------------------------------------------------------------


def actors_of(ctx: DocContext, token: Token | None, *, acting: bool = False) -> list[str]:
    """Actor ids named by the phrase headed by ``token`` and its coordinated phrases
    (``acting``: the phrase is the one who acts, which some unnamed groups need)."""
    if token is None:
        return []
    found: list[str] = []
    for head in (token, *token.conjuncts):
        for actor in _phrase_actors(ctx, head, 0, acting):
            if actor not in found:
                found.append(actor)
    return found


def _phrase_actors(ctx: DocContext, head: Token, depth: int, acting: bool = False) -> list[str]:
    # "delegations for talks, including Hamas": the named member is the actor.
    for word in head.subtree:
        if word.dep_ == "prep" and word.lower_ == "including" and word.i > head.i:
            member = prep_object(word)
            named = [] if member is None or _is_member_count(member) else actors_of(ctx, member)
            if named:
                return named
            break
    if (head.pos_ == "PRON" or head.tag_ == "NNS") and not ctx.token_actor[head.i]:
        # "countries such as Germany", "those who oppose Calderón, like Encinas":
        # the example named is the actor an unnamed kind stands for.
        named = [a for example in _examples(head) for a in actors_of(ctx, example)]
        if named:
            return named
    # "Chinese and American officials": each coordinated modifier names a side, even
    # when the mention covers the whole phrase.
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.conjuncts:
            words = (child, *child.conjuncts)
            sides = [side for w in words if (side := ctx.token_actor[w.i])]
            if len(sides) == len(words) and len(set(sides)) > 1:
                return list(dict.fromkeys(sides))
    actor = ctx.token_actor[head.i]
    if actor:
        return [actor]
    pair = _pair_named_before(ctx, head)
    if pair:
        return pair
    # "two activists, Jane Roe and John Doe": the name in apposition says who,
    # before any place or demonym inside the phrase; so does "a woman *named* Jane Roe".
    for child in head.children:
        appositive = ctx.token_actor[child.i] if child.dep_ == "appos" else None
        if appositive:
            return [appositive]
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            named = [a for c in child.children if c.dep_ in NAME_DEPS for a in actors_of(ctx, c)]
            if named:
                return named
    if head.lower_ in FIRST_PERSON:
        quote = ctx.token_quote[head.i]
        # "I" in quoted words is the speaker.
        if quote is not None and quote.kind != "indirect" and quote.speaker.actor:
            return [quote.speaker.actor]
    if head.dep_ == "appos" and depth == 0 and (appositive := ctx.token_actor[head.head.i]):
        return [appositive]
    place = ctx.place_at(head)
    if place is not None:
        state = ctx.state_of(place.country, add=True)
        return [state] if state else []
    if depth <= 2 and _is_member_count(head):
        # "all protesters, including an estimated 400 arrested": some of that group
        # (the parser may hang "including" on a noun further up).
        before = head.doc[head.head.i - 1] if head.head.i else head.head
        while before.is_punct and before.i > 0:
            before = before.doc[before.i - 1]
        group = before if before.pos_ in ("NOUN", "PROPN") else head.head.head
        return _phrase_actors(ctx, group, depth + 1, acting)
    if depth > 2 or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    lemma = head.lemma_.lower()
    if (
        lemma in ctx.unnamed_groups
        and head.tag_ in ("NNS", "NNPS")
        and not _named_before(ctx, head)
    ):
        if acting or lemma not in ctx.acting_only_groups:
            return [_unnamed_group(ctx, head)]
    named_inside = _modifier_actors(ctx, head)
    if named_inside:
        return named_inside
    for child in head.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "from", "by"):
            pobj = prep_object(child)
            if pobj is not None:
                return _phrase_actors(ctx, pobj, depth + 1, acting)
        # "the police in Kenya": people acting for the state they are in.
        if child.dep_ == "prep" and child.lower_ == "in" and head.lemma_.lower() in ctx.group_nouns:
            pobj = prep_object(child)
            if pobj is not None and ctx.place_at(pobj) is not None:
                return [
                    state
                    for word in (pobj, *pobj.conjuncts)
                    if (found := ctx.place_at(word)) is not None
                    and (state := ctx.state_of(found.country, add=True))
                ]
    body = _body_named_before(ctx, head)
    if body is not None:
        return [body]
    if head.dep_ == "attr" and head.head.lemma_ == "be" and depth == 0:
        # "Gartrell was the first suspect arrested": the subject the noun is said of.
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        named = actors_of(ctx, subject) if subject is not None else []
        if named:
            return named
    if head.lemma_.lower() in ctx.state_agents and head.pos_ != "PRON":
        state = ctx.home_state()
        return [state] if state else []
    return []


def _body_named_before(ctx: DocContext, noun: Token) -> str | None:
    """The body "the court", "the committee" points back at: the last one named
    before whose name has that word ("the Supreme Court of the United Kingdom …
    *The court* found"), not the state a court or police acts for in general."""
    determiner = next((c for c in noun.children if c.dep_ == "det"), None)
    if noun.tag_ != "NN" or determiner is None or determiner.lower_ != "the":
        return None
    lemma = noun.lemma_.lower()
    for i in range(noun.i - 1, -1, -1):
        actor = ctx.actor(ctx.token_actor[i])
        if actor is None or actor.kind in ("person", "group", "media", "author"):
            continue
        if lemma in actor.name.lower().split():
            return actor.id
    return None


def _relativised(verb: Token, noun: Token) -> bool:
    """The verb is in a relative clause on the noun: "those *who oppose* …"."""
    return any(node.dep_ == "relcl" and node.head.i == noun.i for node in control_chain(verb))


def _examples(head: Token) -> list[Token]:
    """The words a plural phrase gives as examples of itself: "countries *such as* Germany",
    "those who oppose X*, like* Encinas" (after a comma closing the relative clause,
    where the parser often hangs it on the clause's last noun)."""
    examples = []
    coordinated = {w.i for c in head.children if c.dep_ == "conj" for w in c.subtree}
    for word in head.subtree:
        if word.dep_ != "prep" or word.i < head.i or word.i in coordinated:
            continue
        such_as = word.lower_ == "as" and any(c.lower_ == "such" for c in word.children)
        own = word.head.i == head.i or (word.i > 0 and word.doc[word.i - 1].lower_ == ",")
        if (such_as or word.lower_ == "like") and own:
            examples += [c for c in word.children if c.dep_ == "pobj"]
    return examples


def _pair_named_before(ctx: DocContext, noun: Token) -> list[str]:
    """The two actors "the two leaders", "both countries" or "both sides" point back
    at: a pair named as one ("talks between Israel and the Palestinians"), else the two
    nearest fitting ones named in the two sentences before (for states, the states of
    the people named; the sentence's own actors are other participants: "sent aid to
    the two countries")."""
    kind = PAIR_NOUNS.get(noun.lemma_.lower())
    counted = any(
        c.lower_ == "both" or (c.dep_ == "nummod" and c.lower_ == "two") for c in noun.children
    )
    parts = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if kind is None or not counted or parts or noun.tag_ not in ("NNS", "NNPS"):
        return []  # "both sides of Parliament" are its parts
    doc = noun.doc
    start = noun.sent.start
    for _ in range(PAIR_WINDOW_SENTENCES):
        start = doc[start - 1].sent.start if start > 0 else start
    found: list[str] = []
    for i in range(noun.i - 1, start - 1, -1):
        side = _side_at(ctx, i, kind, places=True)
        if side is None:
            continue
        head = doc[i]
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        # Not "the High Court of England and Wales": a coordination inside a name.
        first = head if head.dep_ != "conj" else head.head
        inside_name = first.head.i != first.i and ctx.token_actor[first.head.i] is not None
        # "Nairobi, Kenya, and Dar-es-Salaam, Tanzania": places count only as a pair.
        for other in () if inside_name else head.conjuncts:
            paired = _side_at(ctx, other.i, kind, places=True)
            if paired is not None and paired != side and _same_kind(ctx, side, paired):
                return [paired, side] if other.i < i else [side, paired]
        named = _side_at(ctx, i, kind)
        if named is not None and named not in found and i < noun.sent.start and kind != "any":
            found.append(named)
    return found[1::-1] if len(found) >= 2 else []


def _same_kind(ctx: DocContext, first: str, second: str) -> bool:
    """Two sides of one kind (a state and its government count as one), not a state
    and a body of its own: a court and a region coordinated by a misparse are no pair."""
    one, other = ctx.actor(first), ctx.actor(second)
    if one is None or other is None:
        return False
    kinds = {"state" if a.kind in STATE_KINDS else a.kind for a in (one, other)}
    own = "state" in (one.kind, other.kind) and one.country == other.country
    return len(kinds) == 1 and not own


def _side_at(ctx: DocContext, i: int, kind: str, places: bool = False) -> str | None:
    """The actor named at token ``i`` as a side of the ``kind`` a pair noun counts
    (with ``places``, for states, the state of a place named there)."""
    actor = ctx.actor(ctx.token_actor[i])
    place = ctx.token_place[i] if places and kind == "state" else None
    if actor is None and place is not None:
        return ctx.state_of(place.country, add=True)
    if actor is None:
        return None
    if kind == "state":
        # A place someone goes to is no side: only states and their people count.
        return ctx.state_of(actor.country) if actor.kind in (*STATE_KINDS, "person") else None
    return actor.id if kind == "any" or actor.kind == kind else None


def _named_before(ctx: DocContext, noun: Token) -> bool:
    """States the text names elsewhere, not a side of their own: "the United States and
    other countries", "the two countries", "those states" ("the twenty-five member
    states" are a kind of state, a side)."""
    if noun.lemma_.lower() not in ctx.named_before_groups:
        return False
    if noun.dep_ == "conj" and ctx.token_actor[noun.head.i] is not None:
        return True
    children = list(noun.children)
    return any(
        c.dep_ == "nummod" or c.lower_ in ("these", "those", "both") for c in children
    ) and not any(c.dep_ == "compound" for c in children)


def _is_member_count(head: Token) -> bool:
    """A bare number or "others" standing for members of the group it is included in."""
    counted = head.pos_ == "NUM" or head.lemma_.lower() in ("other", "others")
    return counted and head.dep_ == "pobj" and head.head.lower_ == "including"


def _modifier_actors(ctx: DocContext, head: Token) -> list[str]:
    # "his South Korean counterpart": the modifier says who; the possessor is the other side.
    for deps in (("compound", "amod", "nmod"), ("poss",)):
        # "Iranian airline Mahan Air": in a name, the part nearest the head names it
        # ("the UN Syria panel": a common noun's first modifier says whose it is).
        children = list(head.children)
        for child in reversed(children) if head.pos_ == "PROPN" else children:
            if child.dep_ in deps and ctx.token_actor[child.i]:
                # "Chinese and American officials": both modifiers name a side.
                words = (child, *child.conjuncts)
                return list(dict.fromkeys(side for w in words if (side := ctx.token_actor[w.i])))
    # "five U.S. defense firms": a name further inside the modifiers.
    for word in (
        w
        for child in head.lefts
        if child.dep_ in ("compound", "nmod", "amod")
        for w in child.subtree
    ):
        if named := ctx.token_actor[word.i]:
            return [named]
    return []


def _unnamed_group(ctx: DocContext, noun: Token) -> str:
    """An article-local actor for people named by what they do: "the rebels",
    "Syrian rebels" (not Syria: a demonym says where they are from)."""
    lemma = noun.lemma_.lower()
    country = None
    for child in noun.children:
        actor = ctx.actor(ctx.token_actor[child.i])
        if child.dep_ in ("amod", "compound") and actor is not None and actor.country:
            if actor.kind not in ("state", "government"):
                return actor.id  # "Nusra fighters", "Hamas gunmen": the group itself
            country = actor.country
    name = noun.lower_ if noun.tag_ in ("NNS", "NNPS") else f"{lemma}s"
    return _group(ctx, lemma, name, country)


def _group(ctx: DocContext, lemma: str, name: str, country: str | None = None) -> str:
    """The article-local actor of an unnamed group (``lemma`` one of the lexicon's)."""
    actor_id = f"{UNNAMED_PREFIX}{lemma.upper()}" + (f"@{country}" if country else "")
    if actor_id not in ctx.actors:
        sector = ctx.unnamed_groups[lemma]
        kind = "armed_group" if sector == ARMED_SECTOR else "other"
        ctx.add_actor(Actor(actor_id, name, kind, country=country, sector=sector))
    return actor_id


def collective(ctx: DocContext, actor_id: str, kinds: frozenset[str]) -> str:
    """The state or organisation a person acts for, when the article knows it (a
    legislator speaks for himself and his party, not for the state)."""
    actor = ctx.actor(actor_id)
    if actor is None or actor.kind != "person" or actor.sector in LEGISLATIVE_SECTORS:
        return actor_id
    group = ctx.actor(actor.affiliation)
    return group.id if group is not None and group.kind in kinds else actor_id


def national(ctx: DocContext, actor_id: str | None) -> str | None:
    """The state for a nation's unorganised people ("three Russian citizens") and for
    people acting for it ("Russian troops"); not for one private person, whose
    nationality is no state ("a Sudanese driver was shot")."""
    actor = ctx.actor(actor_id)
    if actor is None or actor.kind != "group" or actor.affiliation or not actor.country:
        return actor_id
    if actor.sector not in STATE_SECTORS and not _named_in_plural(ctx, actor.id):
        return actor_id
    return ctx.state_of(actor.country) or actor_id


def national_sides(
    ctx: DocContext, source: str | None, target: str | None
) -> tuple[str | None, str | None]:
    """Both sides coded as ``national`` says, but a nation's people stay themselves when
    they act ("Cuban exiles protested": no act of Cuba's) and when their state is the
    other side ("Sudanese police shot Sudanese protesters")."""
    coded_source = national(ctx, source) if _acts_for_state(ctx, source) else source
    coded_target = national(ctx, target)
    if coded_source == coded_target and not _acts_for_state(ctx, target):
        return coded_source, target
    return coded_source, coded_target


def _acts_for_state(ctx: DocContext, actor_id: str | None) -> bool:
    actor = ctx.actor(actor_id)
    return actor is not None and (actor.kind != "group" or actor.sector in STATE_SECTORS)


def _named_in_plural(ctx: DocContext, actor_id: str) -> bool:
    """The text names these people as a plural ("Russian citizens", "Israelis")."""
    return any(
        found == actor_id and ctx.doc[i].tag_ in ("NNS", "NNPS")
        for i, found in enumerate(ctx.token_actor)
    )


# --- the other party a clause leaves unsaid ------------------------------------

# Prepositions whose object says where, not who: "met *in Geneva*", "the party *in Zimbabwe*".
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# The words inside a noun phrase that lean on its head ("the *World Economic* Forum").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "det", "nummod"})
# Verbs whose subject only tells of the clause below them ("Kerry *said* Russia attacked").
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


def implied_target(
    ctx: DocContext,
    trigger: Token,
    subject: Token | None,
    source: str,
    kinds: frozenset[str],
    acting_for: bool,
) -> str | None:
    """The other party of an event whose clause names its source but no target, from
    what the text around it names: "Manafort agreed to help with *Mueller's*
    investigation", "*Russia* made a case with the U.N., but the U.N. requested more
    data" (the nearest party of another side in the trigger's clause, then in its
    sentence), else the subject of the sentence before in the same paragraph
    ("*Pelosi* was elected Speaker. Fifteen Democrats defected"). Not the side the
    source belongs to, nor who only tells of the event ("Kerry said Russia attacked"),
    nor a place named as where it happened. The party is coded as the event's sides
    are: a nation's people as their state, and (``acting_for``) a person as the state
    or organisation he acts for."""
    for party in _parties_around(ctx, trigger, subject):
        coded = _coded(ctx, party, kinds, acting_for)
        if not _same_side(ctx, coded, source, kinds):
            return coded
    return None


def _parties_around(ctx: DocContext, trigger: Token, subject: Token | None) -> Iterator[str]:
    """The parties named around a trigger, nearest first (see ``implied_target``)."""
    excluded = _describing_words(trigger, subject)
    sentence = trigger.sent
    top = _clause_of(trigger)
    clause = range(top.left_edge.i, top.right_edge.i + 1)

    def nearness(word: Token) -> tuple[bool, int, bool]:
        return (word.i not in clause, abs(word.i - trigger.i), word.i < trigger.i)

    for word in sorted(sentence, key=nearness):
        if word.i not in excluded and word.i != trigger.i:
            party = _party_at(ctx, word)
            if party is not None:
                yield party
    if sentence.start == 0:
        return
    before = trigger.doc[sentence.start - 1].sent
    if not same_line(before.root, trigger):
        return  # a heading or another paragraph
    # Its subject first ("*Pelosi* was elected"), then its verb's objects: the
    # participants of what it tells …
    root = before.root
    subject, _ = subject_of(control_chain(root))
    objects = children_with(root, ("dobj", "dative")) + [
        obj
        for prep in children_with(root, ("prep",))
        if prep.i > root.i and prep.lower_ not in PLACE_PREPOSITIONS
        if (obj := prep_object(prep)) is not None
    ]
    for word in ([subject] if subject is not None else []) + objects:
        yield from actors_of(ctx, word)
    # … then the party named last ("… except for *Renae Lawrence*. In her case
    # prosecutors requested 20 years").
    for word in reversed(before):
        party = _party_at(ctx, word)
        if party is not None:
            yield party


def _coded(ctx: DocContext, party: str, kinds: frozenset[str], acting_for: bool) -> str:
    """A party as an event names it: a nation's people as their state ("Russian
    citizens"), and a person as what he acts for when the event's type says so."""
    party = national(ctx, party) or party
    return collective(ctx, party, kinds) if acting_for else party


def _clause_of(trigger: Token) -> Token:
    """The verb heading the clause a trigger is in (an event noun's governing verb)."""
    word = trigger
    while word.pos_ not in VERBAL_POS and word.head.i != word.i:
        word = word.head
    return control_chain(word)[-1] if word.pos_ in VERBAL_POS else word


def _describing_words(trigger: Token, subject: Token | None) -> set[int]:
    """Words that say who the source is or who tells of the event, not whom it is
    aimed at: an active subject's phrase ("the Secretary General *of the party*") and
    the subjects of the verbs the clause is reported by."""
    words = set()
    # (A passive's subject undergoes it, unless it is another verb's: "exiles *protesting*
    # … were arrested".)
    if subject is not None and (subject.dep_ != "nsubjpass" or subject.head.i != trigger.i):
        words = {w.i for w in subject.subtree}
    node = _clause_of(trigger)
    while node.head.i != node.i:
        if node.dep_ in REPORTED_DEPS or node.head.dep_ in REPORTED_DEPS:
            teller = node.head
            words |= {
                w.i
                for c in teller.children
                if c.dep_ in SUBJECT_DEPS or c.dep_ == "agent"
                for w in c.subtree
            }
        node = node.head
    return words


def _party_at(ctx: DocContext, word: Token) -> str | None:
    """The actor a word names as a party: an actor's mention (not a place or venue
    named as where: "in Gaza", "met *at the World Economic Forum*"), or an unnamed
    group of people ("protesters")."""
    phrase = word
    while phrase.dep_ in MODIFIER_DEPS and phrase.head.i != phrase.i:
        phrase = phrase.head
    actor = ctx.token_actor[word.i]
    if phrase.dep_ == "pobj" and phrase.head.lower_ in PLACE_PREPOSITIONS:
        if phrase.head.lower_ == "at" or ctx.place_at(phrase) or ctx.place_at(word):
            return None
        if actor and _names_states(ctx, [actor]):
            return None  # "the shooting in Sudan": a state named as where
    if actor is not None:
        found = ctx.actor(actor)
        if found is None or found.kind in ("media", "author"):
            return None
        return actor
    lemma = word.lemma_.lower()
    if lemma in ctx.unnamed_groups and word.tag_ in ("NNS", "NNPS"):
        return _unnamed_group(ctx, word)
    return None


def _same_side(ctx: DocContext, one: str, other: str, kinds: frozenset[str]) -> bool:
    """A person and what he acts for, or a state and its government; not a state and
    its courts, its legislators or its people, who deal with each other."""
    sides = [collective(ctx, a, kinds) for a in (one, other)]
    if sides[0] == sides[1]:
        return True
    first, second = (ctx.actor(a) for a in sides)
    if first is None or second is None:
        return False
    # "Attackers raided bus stations … the gunmen": unnamed armed men are one band.
    unnamed = all(a.id.startswith(UNNAMED_PREFIX) for a in (first, second))
    if unnamed and first.sector == second.sector == ARMED_SECTOR:
        return True
    states = first.kind in STATE_KINDS and second.kind in STATE_KINDS
    return states and first.country is not None and first.country == second.country
