"""From a parsed Doc to PLOVER events: who did what to whom, when, where, per whom.

Pure functions over the parse and ``DocContext`` (the actors, places, quotes and
times the other stages left on the Doc). A trigger is a verb or an event noun
from the lexicon; its frame says the PLOVER type and where the target is; the
source is the grammatical subject (of the verb, or of the support verb that
carries an event noun: "Hamas *conducted* consultations").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from dyad.events.context import DocContext
from dyad.events.lexicon import Cues, Frame, Lexicon, NamedEvent
from dyad.model import Actor, Event, Location, Place, Span, TimeExpr, TimeValue
from dyad.plover import contexts_of, is_symmetric

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Climbing from a verb to the words that control it: "is prepared to welcome".
CONTROL_DEPS = ("xcomp", "acomp")
# Where a verb without a subject of its own takes it from: a coordinated verb
# ("… and praised"), an adverbial participle ("…, ripping into Obama"), a gerund
# after a preposition ("fail to agree during meeting").
SHARED_SUBJECT_DEPS = ("conj", "advcl", "pcomp", "pobj")
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# A right-hand child with one of these starts another clause: not part of the evidence.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "conj", "cc", "punct", "mark", "relcl"})
# Right-hand children of an event noun that belong to its evidence ("attacks *on X*"),
# as opposed to appositions and relative clauses that comment on it.
NOUN_EVIDENCE_DEPS = frozenset({"prep", "compound", "amod", "nummod", "cc", "conj", "punct"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
MAX_PAIRS = 4
MULTILATERAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
NO_EVENT = "NONE"  # a lexicon reading that is an idiom, not an event
CUSTODY_NOUNS = frozenset({"custody", "hand", "hands", "captivity"})
INCLUDING_WINDOW = 10
PARTICLES = frozenset({"out", "away", "back", "off", "down", "up"})
FOCUS_WORDS = frozenset({"just", "only", "merely", "simply", "solely"})


@dataclass
class Reading:
    """A trigger with its frame and the words its arguments were read from."""

    trigger: Token
    frame: Frame
    chain: list[Token]  # the trigger's verb and the verbs above it that control it
    subject: Token | None
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    support: Token | None = None  # support verb of an event noun
    absorbed: Token | None = None  # object noun that belongs to this event
    consequence: Token | None = None  # verb of what this event did ("the blast *killed* …")
    implied_source: bool = False  # the source is the state an agentless passive happens in
    status: str | None = None  # fixed by the rule that read it (a voiced demand is actual)


# A rule reading events the trigger words do not carry (dyad.events.speech).
ReadingRule = Callable[[DocContext, Lexicon], Iterable[Reading]]


def extract_events(
    ctx: DocContext, lexicon: Lexicon, rules: Sequence[ReadingRule] = ()
) -> list[Event]:
    ctx.group_nouns = lexicon.cues.group_nouns
    ctx.state_agents = lexicon.cues.state_agents
    ctx.unnamed_groups = lexicon.cues.unnamed_groups
    ctx.acting_only_groups = lexicon.cues.acting_only_groups
    ctx.operation_nouns = frozenset(
        lemma
        for lemma, frames in lexicon.nouns.items()
        if any(f.type in lexicon.cues.territorial_types for f in frames)
    )
    ctx.partner_nouns = frozenset(
        lemma
        for lemma, frames in lexicon.nouns.items()
        if any(f.type in MULTILATERAL_TYPES for f in frames)
    )
    readings = list(_verbal_readings(ctx, lexicon))
    absorbed = {r.absorbed.i for r in readings if r.absorbed is not None}
    nominal = [r for r in _nominal_readings(ctx, lexicon) if r.trigger.i not in absorbed]
    readings = _without_consequences(readings, nominal) + nominal
    # A rule reads a word more closely than its lexicon frame: it replaces the
    # lexicon's reading of that word with that type.
    ruled = [r for rule in rules for r in rule(ctx, lexicon)]
    replaced = {(r.trigger.i, r.frame.type) for r in ruled}
    readings = [r for r in readings if (r.trigger.i, r.frame.type) not in replaced] + ruled
    readings.sort(key=lambda r: r.trigger.i)
    events: list[Event] = []
    for reading in readings:
        for event in _events_of(ctx, lexicon, reading, events):
            events.append(event)
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    return events


# --- triggers ------------------------------------------------------------------


def _without_consequences(verbal: list[Reading], nominal: list[Reading]) -> list[Reading]:
    """Drop what an event noun's event did: "the blast killed 40 people", "injured in
    the attack" report one attack, whose target the verb may name."""
    by_trigger = {r.trigger.i: r for r in nominal}
    kept = []
    for reading in verbal:
        verb = reading.trigger
        causes = [reading.subject] if reading.subject is not None else []
        if reading.subject is not None and verb.dep_ == "relcl":
            # "the bombings at U.S. embassies in Kenya and Tanzania, which killed …":
            # the parser hangs the clause on the nearest noun, not on the event.
            causes += list(reading.subject.ancestors)
        # "… were killed and 58 injured in a car bomb attack": coordinated verbs share it.
        causes += [
            pobj
            for word in (verb, *verb.conjuncts)
            for c in word.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
            if (pobj := _pobj(c)) is not None
        ]
        cause = next((by_trigger[c.i] for c in causes if c.i in by_trigger), None)
        if cause is None or cause.frame.type != reading.frame.type:
            kept.append(reading)
        else:
            cause.targets = cause.targets or list(reading.targets)
            cause.consequence = verb
    return kept


def _verbal_readings(ctx: DocContext, lexicon: Lexicon) -> Iterator[Reading]:
    for token in ctx.doc:
        if token.pos_ == "VERB":
            frames = lexicon.verbs.get(token.lemma_.lower())
        elif token.pos_ in ("NOUN", "PROPN"):
            frames = lexicon.verbs.get(misread_verb(token, lexicon) or "")
        else:
            continue
        if not frames:
            continue
        chain = _control_chain(token)
        subject, passive = _subject(chain)
        # "Troops opened fire after being attacked by rebels": a passive verb
        # that takes its subject from the clause above still undergoes it.
        passive = passive or any(c.dep_ == "auxpass" for c in token.children)
        # "Reuters reported Monday's attack": a reporting verb tells of an event, it does
        # not commit it (CAMEO files "report … attack" under the attack's code).
        telling = _is_cue(lexicon.cues, token)
        for frame in frames:
            if frame.compiled and telling:
                continue
            reading = _read_verb(ctx, token, frame, chain, subject, passive, lexicon.cues)
            if reading is not None:
                if frame.type != NO_EVENT:
                    yield reading
                if not frame.also:
                    break


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


def _read_verb(
    ctx: DocContext,
    verb: Token,
    frame: Frame,
    chain: list[Token],
    subject: Token | None,
    passive: bool,
    cues: Cues,
) -> Reading | None:
    objects = _children(verb, ("dobj",))
    if passive and subject is not None:
        objects = [subject]
    if frame.prep and not any(
        c.dep_ in ("prep", "agent", "dative") and c.lower_ in frame.prep for c in verb.children
    ):
        return None
    # The parser often makes the particle a preposition: "pulled *out* of the deal"
    # (not "in" or "on": "gave a speech *in* Ohio" is no giving in).
    if frame.particle and not any(
        c.lower_ in frame.particle
        and (c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.lower_ in PARTICLES))
        for c in verb.children
    ):
        return None
    if frame.object and not any(o.lemma_.lower() in frame.object for o in objects):
        return None
    if frame.subject and (subject is None or subject.lemma_.lower() not in frame.subject):
        return None
    # "vowed to *crush*", "found *guilty*": the verb's complement.
    if frame.clause and not any(
        c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and c.lemma_.lower() in frame.clause
        for c in verb.children
    ):
        return None
    if frame.complement is not None:
        has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        if has_clause != frame.complement:
            return None
    if frame.object_person and not any(
        ctx.token_actor[o.i] or o.lemma_.lower() in cues.group_nouns for o in objects
    ):
        return None
    if frame.object_actor is not None:
        slot_words = [w for slot in frame.target for w in _slot(verb, slot)]
        has_actor = any(actors_of(ctx, w) for w in objects + slot_words)
        if has_actor != frame.object_actor:
            return None
    implied = False
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = actors_of(ctx, _pobj(agent)) if agent is not None else []
        if agent is None:
            # "was killed in a French air operation": whoever's operation it was.
            sources = _operation_actors(ctx, verb)
        # "Fahie has been detained": the state the arrest happens in detained him
        # (for the curated verbs of state action: not CAMEO's "was taken to hospital").
        if (
            not sources
            and agent is None
            and frame.type in cues.state_passive_types
            and not frame.compiled
        ):
            state = ctx.home_state()
            sources = [state] if state else []
            implied = bool(sources)
    else:
        sources = actors_of(ctx, subject, acting=True) if subject is not None else []
    if frame.source_kind and not _any_of_kind(ctx, sources, frame.source_kind):
        return None
    targets: list[str] = []
    for slot in frame.target:
        words = [subject] if slot == "dobj" and passive and subject is not None else None
        for word in words if words is not None else _slot(verb, slot):
            targets = actors_of(ctx, word) or _partner(ctx, word)
            if targets:
                break
        if targets:
            break
    absorbed = None
    if frame.absorb:
        absorbed = next((o for o in objects if o.lemma_.lower() in frame.object), None)
    return Reading(
        trigger=verb,
        frame=frame,
        chain=chain,
        subject=subject,
        sources=sources,
        targets=targets,
        absorbed=absorbed,
        implied_source=implied,
    )


def _operation_actors(ctx: DocContext, verb: Token) -> list[str]:
    """Whose operation, raid or strike an agentless passive happened in: "killed *in a
    French operation*", "arrested *during an army raid*" (the operation's named owner)."""
    for prep in verb.children:
        noun = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in ("in", "during") else None
        if noun is None or noun.lemma_.lower() not in ctx.operation_nouns:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"] or [noun]
        found = [a for owner in owners for a in _modifier_actors(ctx, owner)]
        if found:
            return found
    return []


def _nominal_readings(ctx: DocContext, lexicon: Lexicon) -> Iterator[Reading]:
    cues = lexicon.cues
    for token in ctx.doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        frames = lexicon.nouns.get(token.lemma_.lower())
        if frames and misread_verb(token, lexicon):
            continue
        # A noun modifying another ("Defense Secretary", "attack helicopter") is no event.
        if not frames or token.dep_ == "compound":
            continue
        for frame in frames:
            if frame.plural and token.tag_ not in ("NNS", "NNPS"):
                continue
            # "Germany is an advocate of …" is an event; "her opponent" is a role.
            if frame.described and token.dep_ not in ("attr", "appos"):
                continue
            if frame.prep and not any(
                c.dep_ == "prep" and c.lower_ in frame.prep for c in token.children
            ):
                continue
            if frame.modifier and not any(
                c.dep_ in ("amod", "compound", "nmod") and c.lower_ in frame.modifier
                for c in token.children
            ):
                continue
            reading = _read_noun(ctx, lexicon, token, frame, cues.support_verbs)
            if frame.source_kind and not _any_of_kind(ctx, reading.sources, frame.source_kind):
                continue
            if frame.type != NO_EVENT:
                yield reading
            break


def _read_noun(
    ctx: DocContext, lexicon: Lexicon, noun: Token, frame: Frame, support_verbs: frozenset[str]
) -> Reading:
    cues = lexicon.cues
    sources: list[str] = []
    targets: list[str] = []
    # "the meetings held by the U.S. … with the Saudi leadership": the participle's
    # arguments are the noun's.
    arguments = [noun] + [
        c
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in support_verbs
    ]
    for child in noun.children:
        if child.dep_ == "poss":
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
            sources = sources or actors_of(ctx, _pobj(child))
        elif child.dep_ == "prep" and child.lower_ in ("between", "among"):
            sides = actors_of(ctx, _pobj(child))
            if sides:
                sources, targets = sides[:1], sides[1:]
        elif child.dep_ == "prep" and child.lower_ == "of" and frame.of == "source":
            sources = sources or actors_of(ctx, _pobj(child))
    for slot in frame.target:
        if targets:
            break
        for word in (w for argument in arguments for w in _slot(argument, slot)):
            targets = actors_of(ctx, word)
            if targets:
                break
    if not targets and frame.type in cues.answerable_types:
        targets = _answered_by(ctx, lexicon, noun)
    if not targets and noun.dep_ == "nsubj" and frame.type in cues.territorial_types:
        # "a massive blast damaged the U.S. embassy": what the event did names its target.
        targets = [a for obj in _children(noun.head, ("dobj",)) for a in actors_of(ctx, obj)]
    if frame.holder:
        # Whose hostages they are is never who holds them ("American hostages").
        sources, targets = _holder(ctx, noun) or ([], _member_actors(ctx, noun))
    support, inverse = _support_verb(noun, cues)
    chain = _control_chain(support) if support is not None else [noun]
    subject = None
    if support is not None and not targets:
        # "declared war on Nagorno-Karabakh": the preposition may hang on the verb.
        for slot in frame.target:
            if slot not in ("dobj", "dative") and "." not in slot:
                targets = _prep_actors(ctx, support, (slot,))
                if targets:
                    break
    if support is not None:
        subject, passive = _subject(chain)
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
    sources, targets = _named_event(ctx, lexicon, noun, frame, sources, targets)
    return Reading(
        trigger=noun,
        frame=frame,
        chain=chain,
        subject=subject,
        sources=sources,
        targets=targets,
        support=support,
        consequence=noun.head if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else None,
    )


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
    subject, passive = _subject(_control_chain(verb))
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
    if noun.dep_ == "pobj" and head.dep_ == "prep":
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


def _holder(ctx: DocContext, noun: Token) -> tuple[list[str], list[str]] | None:
    """Who holds a hostage ("in X's custody", "held by X") and whose people they are."""
    holders: list[str] = []
    for child in noun.subtree:
        if child.dep_ == "poss" and child.head.lemma_.lower() in CUSTODY_NOUNS:
            holders = actors_of(ctx, child)
        elif child.dep_ == "agent" and child.head.lemma_.lower() in ("hold", "take", "seize"):
            holders = actors_of(ctx, _pobj(child))
        elif child.dep_ == "prep" and child.lower_ == "in" and child.head.i == noun.i:
            pobj = _pobj(child)
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
            found = actors_of(ctx, _pobj(word))
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


def _children(token: Token, deps: Iterable[str]) -> list[Token]:
    deps = tuple(deps)
    return [c for c in token.children if c.dep_ in deps]


def _any_of_kind(ctx: DocContext, actor_ids: Iterable[str], kinds: frozenset[str]) -> bool:
    return any(actor.kind in kinds for actor in map(ctx.actor, actor_ids) if actor is not None)


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _slot(token: Token, slot: str) -> list[Token]:
    """The words filling an argument slot of a trigger (see verbs.yaml)."""
    if slot in ("dobj", "dative"):
        found = _children(token, (slot,))
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
                if (pobj := _pobj(c)) is not None
            ]
        return found
    if slot == "that":
        # "complaints that China's glut was overwhelming markets": who the claim is about.
        return [
            subject
            for clause in token.children
            if clause.dep_ in ("ccomp", "acl")
            and clause.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            for subject in clause.children
            if subject.dep_ in ("nsubj", "nsubjpass")
        ]
    if slot == "nsubj":
        return _children(token, ("nsubj",))
    if slot.startswith(("xcomp.", "ccomp.")):
        # "threatened to strike the United States": the target of what is threatened;
        # "found him guilty": the subject of the small clause.
        dep, rest = slot.split(".", 1)
        return [w for clause in _children(token, (dep,)) for w in _slot(clause, rest)]
    if "." in slot:
        _, prep = slot.split(".", 1)
        return [w for obj in _children(token, ("dobj",)) for w in _slot(obj, prep)]
    words = [
        _pobj(c)
        for c in token.children
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == slot
    ]
    # "pulled out of Syria": the preposition may hang on the particle.
    words += [
        _pobj(p)
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
        for word in _slot(token, prep):
            found = actors_of(ctx, word)
            if found:
                return found
    return []


def _control_chain(verb: Token) -> list[Token]:
    """The verb and the words controlling it, up to the head of its clause."""
    chain = [verb]
    node = verb
    while node.dep_ in CONTROL_DEPS and node.head.i != node.i and node.head.pos_ in VERBAL_POS:
        node = node.head
        chain.append(node)
    return chain


def _subject(chain: list[Token]) -> tuple[Token | None, bool]:
    for _ in range(3):
        subject, passive, found = _own_subject(chain)
        if found:
            return subject, passive
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
            if head.dep_ != "prep" or head.head.pos_ not in ("VERB", "AUX"):
                break
            if head.lower_ in ("for", "of"):
                # "lashed out at Turkey for having shot down …", "accused Trump of
                # showing support": the one blamed did it.
                blamed = _children(head.head, ("dobj",)) + _slot(head.head, "at")
                if blamed:
                    return blamed[0], False
            head = head.head
        elif head.pos_ not in ("VERB", "AUX"):
            break
        chain = _control_chain(head)
    return None, False


def _same_line(first: Token, second: Token) -> bool:
    """No line break between two words: a wire dateline ("NAIROBI, Kenya (AP) _") that
    the parser takes for the subject of the first sentence is on a line of its own."""
    low, high = sorted((first.i, second.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in first.doc[low:high])


def _below_dateline(subject: Token, verb: Token) -> Token | None:
    """The real subject the parser hung under a dateline taken for the subject:
    "WASHINGTON, March 12 (Xinhua) -- *Poland* … joined NATO"."""
    for word in subject.subtree:
        if (
            word.dep_ in ("appos", "conj")
            and _same_line(word, verb)
            and not _same_line(word, word.head)
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
                subject = child if _same_line(child, node) else _below_dateline(child, node)
                if subject is None:
                    continue
                if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return node.head, subject.dep_ == "nsubjpass", True
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
                    and (pobj := _pobj(c)) is not None
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
            named = actors_of(ctx, _pobj(word))
            if named:
                return named
            break
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
    # "two activists, Jane Roe and John Doe": the name in apposition says who,
    # before any place or demonym inside the phrase.
    for child in head.children:
        appositive = ctx.token_actor[child.i] if child.dep_ == "appos" else None
        if appositive:
            return [appositive]
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
    if depth > 2 or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    lemma = head.lemma_.lower()
    if lemma in ctx.unnamed_groups and head.tag_ in ("NNS", "NNPS"):
        if acting or lemma not in ctx.acting_only_groups:
            return [_unnamed_group(ctx, head)]
    named_inside = _modifier_actors(ctx, head)
    if named_inside:
        return named_inside
    for child in head.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "from", "by"):
            pobj = _pobj(child)
            if pobj is not None:
                return _phrase_actors(ctx, pobj, depth + 1, acting)
        # "the police in Kenya": people acting for the state they are in.
        if child.dep_ == "prep" and child.lower_ == "in" and head.lemma_.lower() in ctx.group_nouns:
            pobj = _pobj(child)
            if pobj is not None and ctx.place_at(pobj) is not None:
                return [
                    state
                    for word in (pobj, *pobj.conjuncts)
                    if (found := ctx.place_at(word)) is not None
                    and (state := ctx.state_of(found.country, add=True))
                ]
    if head.lemma_.lower() in ctx.state_agents and head.pos_ != "PRON":
        state = ctx.home_state()
        return [state] if state else []
    return []


def _modifier_actors(ctx: DocContext, head: Token) -> list[str]:
    # "his South Korean counterpart": the modifier says who; the possessor is the other side.
    for deps in (("compound", "amod", "nmod"), ("poss",)):
        for child in head.children:
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
    actor_id = f"G:{lemma.upper()}" + (f"@{country}" if country else "")
    if actor_id not in ctx.actors:
        sector = ctx.unnamed_groups[lemma]
        kind = "armed_group" if sector == "REB" else "other"
        name = noun.text.lower() if noun.text.lower().endswith("s") else f"{lemma}s"
        ctx.add_actor(Actor(actor_id, name, kind, country=country, sector=sector))
    return actor_id


def _collective(ctx: DocContext, actor_id: str, kinds: frozenset[str]) -> str:
    """The state or organisation a person acts for, when the article knows it."""
    actor = ctx.actor(actor_id)
    if actor is None or actor.kind != "person":
        return actor_id
    group = ctx.actor(actor.affiliation)
    return group.id if group is not None and group.kind in kinds else actor_id


def _national(ctx: DocContext, actor_id: str | None) -> str | None:
    """The state for a nation's unorganised people ("three Russian citizens")."""
    actor = ctx.actor(actor_id)
    if actor is None or actor.kind != "group" or actor.affiliation or not actor.country:
        return actor_id
    return ctx.state_of(actor.country) or actor_id


# --- events --------------------------------------------------------------------


def _events_of(
    ctx: DocContext, lexicon: Lexicon, reading: Reading, earlier: list[Event]
) -> Iterator[Event]:
    cues = lexicon.cues
    frame = reading.frame
    sources, targets = list(reading.sources), list(reading.targets)
    if not targets and len(sources) > 1 and (frame.mutual or frame.type in MULTILATERAL_TYPES):
        sources, targets = sources[:1], sources[1:]
    territory = None
    # "a blast killed 40 people in Nairobi": where force is used names its target,
    # whether or not the sentence says who used it.
    if not targets and frame.type in cues.territorial_types:
        named = [] if reading.implied_source else sources
        territory = _territory(ctx, lexicon, reading, named)
        state = ctx.state_of(territory.country, add=True) if territory is not None else None
        targets = [state] if state else []
    pairs = _pairs(sources, targets)
    if not pairs or _is_aim(cues, reading):
        return
    status, reported_by, quote_id, reporter_verb = _status(ctx, lexicon, reading)
    status = reading.status or status
    type_, mode, final_status, action = plover_coding(cues, frame, status)
    if final_status == "negated" and type_ in lexicon.speech.refused_types:
        # "does not recognize the government", "refused to endorse": a rejection.
        action = f"{type_}:{mode}" if mode else type_
        type_, mode, final_status = "REJECT", None, "actual"
    time, role = _time(ctx, lexicon, reading, reporter_verb)
    location = _location(ctx, lexicon, reading)
    if location is None and territory is not None:
        location = Location(territory.text, territory.country)
    evidence = _evidence(ctx, reading)
    previous = earlier[-1] if earlier else None
    if _says_there(reading) and previous is not None:
        location = location or previous.location
        if role != "occurred" and previous.time is not None:
            time, role = previous.time, getattr(previous, "time_role", None)
    if role != "occurred":
        anchor = _anaphoric_anchor(lexicon, reading, reporter_verb, earlier)
        if anchor is not None and anchor.time is not None:
            time, role = TimeValue(anchor.time.text, anchor.time.value, None), "occurred"
    emitted = 0
    for source, target in pairs:
        others = [a for a in (source, target) if a and a != _national(ctx, a)]
        source, target = _national(ctx, source), _national(ctx, target)
        if frame.type in cues.collective_types:
            kinds = cues.collective_kinds
            group_source = _collective(ctx, source, kinds) if source else None
            group_target = _collective(ctx, target, kinds) if target else None
            if group_source != group_target:
                groups = (group_source, group_target)
                others += [a for a in (source, target) if a and a not in groups]
                source, target = group_source, group_target
        if source is not None and source == target:
            continue
        if frame.type in MULTILATERAL_TYPES:
            # "met X and Y": one event per pair, each naming the rest of the table.
            kinds = cues.collective_kinds
            others += [
                member
                for pair in pairs
                for a in pair
                if a
                for member in (a, _collective(ctx, _national(ctx, a) or a, kinds))
            ]
        others = [a for a in dict.fromkeys(others) if a not in (source, target)]
        if source is None and target is None:
            continue
        # A CAMEO frame codes, as PETRARCH does, only what a named source does.
        if source is None and (frame.type not in cues.one_sided_types or frame.compiled):
            continue
        # A bare event noun with one side ("Russia's request") mostly refers back to
        # an event told in full elsewhere; a clause names its own sides.
        verbal = reading.trigger.pos_ == "VERB" or reading.support is not None
        if target is None and not verbal and frame.type not in cues.one_sided_types:
            continue
        if _repeats(ctx, reading, type_, source, target, earlier):
            continue
        if _same_as_earlier(type_, source, target, time, role, location, earlier):
            continue
        event = Event(
            id="",
            type=type_,
            status=final_status,
            source=source,
            target=target,
            evidence=evidence,
            mode=mode,
            context=contexts_of(mode, frame.context),
            action=action,
            others=others,
            time=time,
            location=location,
            reported_by=reported_by,
            quote=quote_id,
            time_role=role,
        )
        sentence = reading.trigger.sent
        if _told_twice(event, (sentence.start_char, sentence.end_char), earlier):
            continue
        emitted += 1
        if emitted > MAX_PAIRS:
            return
        yield event


def plover_coding(cues: Cues, frame: Frame, status: str) -> tuple[str, str | None, str, str | None]:
    """Type, mode, status and promised/threatened action by the manual's single-type
    rule: a promised cooperative act is AGREE, a threatened hostile one THREATEN
    (mode: the threat's content), both actual, since the promise or threat was made."""
    if status == "directed":
        return frame.type, frame.mode, "intended", None
    if status not in ("promised", "threatened"):
        return frame.type, frame.mode, status, None
    action = f"{frame.type}:{frame.mode}" if frame.mode else frame.type
    if frame.type in cues.promised_types:
        return "AGREE", None, "actual", action
    threat_mode = cues.threat_modes.get(action, cues.threat_modes.get(frame.type))
    if threat_mode is not None:
        return "THREATEN", threat_mode, "actual", action
    return frame.type, frame.mode, "intended", None


def _told_twice(event: Event, sentence: tuple[int, int], earlier: list[Event]) -> bool:
    """ "threatened to cut off aid", "agreed to send aid to Gaza", "a meeting … to finish
    talks": one sentence telling one event twice; the earlier reading keeps it and
    learns what the later one adds (the act, the target, the place)."""
    start, end = sentence
    for other in reversed(earlier):
        if other.evidence.end < start:
            break
        if other.type != event.type or not start <= other.evidence.start < end:
            continue
        if is_symmetric(event.type) and {other.source, other.target} == {
            event.source,
            event.target,
        }:
            return True
        if other.source != event.source:
            continue
        if event.target not in (other.target, None) and other.target is not None:
            continue
        other.target = other.target or event.target
        other.action = other.action or event.action
        other.location = other.location or event.location
        return True
    return False


def _is_aim(cues: Cues, reading: Reading) -> bool:
    """ "the Kremlin's efforts to strike a partnership": what someone strives for is
    not yet an event, nor an announced one like "plans to visit"."""
    top = reading.chain[-1]
    return top.dep_ == "acl" and top.head.lemma_.lower() in cues.aim_nouns


def _territory(
    ctx: DocContext, lexicon: Lexicon, reading: Reading, sources: list[str]
) -> Place | None:
    """Where force is used, whose land it is: "the Israeli ground operation … in Gaza"."""
    if not sources:
        if reading.frame.mode in lexicon.cues.personal_violence_modes:
            return None
        # Nobody named who used it: only a place the trigger itself governs counts
        # ("a blast killed 40 people in Nairobi", not "arrested over the bombings in Kenya").
        words = (reading.trigger, reading.consequence)
        places = (_own_place(ctx, lexicon, w) for w in words if w is not None)
        return next((p for p in places if p is not None), None)
    own = {actor.country for actor in map(ctx.actor, sources) if actor is not None}
    clause = _clause_of(reading.chain[-1]).i
    for token in reading.trigger.sent:
        place = ctx.place_at(token)
        if place is None or not place.country or place.country in own:
            continue
        if _clause_of(token).i == clause and _same_line(token, reading.trigger):
            return place
    return None


def _own_place(ctx: DocContext, lexicon: Lexicon, trigger: Token) -> Place | None:
    for token in trigger.subtree:
        place = ctx.place_at(token)
        if place is None or not place.country or token.i == trigger.i:
            continue
        node = token.head
        while node.i != trigger.i and node.lemma_.lower() not in lexicon.nouns:
            node = node.head
        if node.i == trigger.i:
            return place
    return None


def _pairs(sources: list[str], targets: list[str]) -> list[tuple[str | None, str | None]]:
    if sources and targets:
        return [(s, t) for s in sources for t in targets if s != t]
    if sources:
        return [(s, None) for s in sources]
    return [(None, t) for t in targets]


def _repeats(
    ctx: DocContext,
    reading: Reading,
    type_: str,
    source: str | None,
    target: str | None,
    earlier: list[Event],
) -> bool:
    """A definite event noun naming an event already reported: "their talks with Hamas"."""
    if reading.support is not None or reading.trigger.pos_ == "VERB":
        return False
    definite = any(
        c.dep_ in ("det", "poss")
        and c.lower_ in ("the", "this", "that", "these", "those", "their", "its", "his", "her")
        for c in reading.trigger.children
    )
    if not definite or ctx.time_for(reading.trigger) is not None:
        return False
    pair = {source, target}
    return any(e.type == type_ and {e.source, e.target} == pair for e in earlier)


def _same_as_earlier(
    type_: str,
    source: str | None,
    target: str | None,
    time: TimeValue | None,
    role: str | None,
    location: Location | None,
    earlier: list[Event],
) -> bool:
    """Another report of an event already found: same type, dyad, date and place."""
    if role != "occurred" or time is None:
        return False
    for event in earlier:
        if event.type != type_ or {event.source, event.target} != {source, target}:
            continue
        if event.time_role != "occurred" or event.time is None or event.time.value != time.value:
            continue
        if location is None or event.location is None or event.location.name == location.name:
            return True
    return False


def _clause_top(reading: Reading) -> Token:
    """The word heading the event's clause: the top of its control chain, or the noun."""
    return reading.chain[-1]


def _status(
    ctx: DocContext, lexicon: Lexicon, reading: Reading
) -> tuple[str, str | None, str | None, Token | None]:
    cues = lexicon.cues
    trigger = reading.trigger
    grammatical = _grammatical_status(lexicon, reading)
    reporter_verb = _reporting_verb(lexicon, _clause_top(reading))
    reported_by = _according_to(ctx, _clause_top(reading))
    if reporter_verb is not None and reported_by is None:
        subject, _ = _subject(_control_chain(reporter_verb))
        found = actors_of(ctx, subject)
        reported_by = found[0] if found else None
    quote = ctx.token_quote[trigger.i]
    quote_id = quote.id if quote is not None else None
    if quote is not None and quote.speaker.actor:
        reported_by = quote.speaker.actor
    if grammatical:
        return grammatical, reported_by, quote_id, reporter_verb
    # Words the speaker is quoted as saying are the speaker's claim; a paraphrase
    # ("indirect", or the unquoted part of a "mixed" quote) is judged by its cue.
    # Saying them can be the event itself: "I strongly urge …", "we condemn …".
    performed = (
        quote is not None
        and reading.frame.type in cues.speech_act_types
        and quote.speaker.actor in reading.sources
    )
    if (
        quote is not None
        and quote.kind in ("direct", "partial")
        and not ctx.is_author(quote.speaker.actor)
        and not performed
    ):
        return "claimed", reported_by, quote_id, reporter_verb
    cue = reporter_verb.lemma_.lower() if reporter_verb is not None else None
    if cue is None and quote is not None and quote.cue is not None:
        cue = quote.cue.text.lower()
    if cue in cues.claim_cues:
        return "claimed", reported_by, quote_id, reporter_verb
    if _is_predicated(reading):
        author = next((a.id for a in ctx.actors.values() if a.kind == "author"), None)
        return "claimed", reported_by or author, quote_id, reporter_verb
    return "actual", reported_by, quote_id, reporter_verb


def _grammatical_status(lexicon: Lexicon, reading: Reading) -> str | None:
    """negated, hypothetical, or one of the intended kinds: "promised" (a commitment
    or a plain future), "threatened", "directed" (asked of someone else)."""
    cues = lexicon.cues
    trigger = reading.trigger
    found: set[str] = set()
    if trigger.pos_ != "VERB" and reading.support is None:
        for child in trigger.children:
            if child.dep_ == "det" and child.lower_ in cues.negating_determiners:
                found.add("negated")
            if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                found.add("hypothetical")
        # A nominal event is only as real as the clause it is the subject of:
        # "the ground operation may create ...", "if Putin's invasion is acceptable".
        nodes = [trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else []
    else:
        nodes = reading.chain
        # "they give no support to …": the event noun a verb carries may be denied.
        for noun in (reading.absorbed, trigger if reading.support is not None else None):
            if noun is not None and any(
                c.dep_ == "det" and c.lower_ in cues.negating_determiners for c in noun.children
            ):
                found.add("negated")
    for node in nodes:
        for child in node.children:
            if child.dep_ == "neg" and not _focus_negation(child):
                found.add("negated")
            elif child.dep_ == "aux" and child.lower_ in cues.hypothetical_auxiliaries:
                found.add("hypothetical")
            elif child.dep_ == "aux" and child.lower_ in cues.future_auxiliaries:
                found.add("promised")
            elif child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                found.add("hypothetical")
            elif child.dep_ == "advmod" and child.lower_ in cues.hedges:
                found.add("hypothetical")
        if node is not trigger:
            words = (node.lemma_.lower(), node.lower_)
            for kind, listed in (
                ("threatened", cues.threat_words),
                ("directed", cues.directive_words),
                ("promised", cues.promise_words),
            ):
                if any(w in listed for w in words):
                    found.add(kind)
                    break
            if node.lemma_.lower() in cues.negating_words:
                found.add("negated")
    top = nodes[-1] if nodes else trigger
    if top.dep_ == "acl" and top.head.lemma_.lower() in cues.intent_nouns:
        found.add("promised")
    for status in ("negated", "hypothetical", "directed", "threatened", "promised"):
        if status in found:
            return status
    return None


def _focus_negation(neg: Token) -> bool:
    """ "met not just with X but also Y" denies nothing."""
    following = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return following is not None and following.lower_ in FOCUS_WORDS


def _is_predicated(reading: Reading) -> bool:
    """An event noun that is the subject of a judgement: "cooperation ... is no secret"."""
    trigger = reading.trigger
    if trigger.pos_ == "VERB" or reading.support is not None or trigger.dep_ != "nsubj":
        return False
    head = trigger.head
    return head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in head.children)


def _reporting_verb(lexicon: Lexicon, top: Token) -> Token | None:
    """The speech verb whose complement holds the event: "Russian media *revealed* that …"."""
    cues = lexicon.cues
    node = top
    if node.pos_ not in VERBAL_POS:
        # An event noun: climb to the verb of its clause first.
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
    # "Hamas met Russian officials, the agency said": the speech verb hangs below.
    for child in node.children:
        if child.dep_ == "parataxis" and child.i > node.i and _is_cue(cues, child):
            return child
    for _ in range(4):
        if node.dep_ in ("ccomp", "parataxis", "xcomp") and node.head.i != node.i:
            head = node.head
            if _is_cue(cues, head):
                return head
            node = head
        elif node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _is_cue(cues: Cues, verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in cues.report_cues or lemma in cues.claim_cues


def _according_to(ctx: DocContext, top: Token) -> str | None:
    """ "…, according to Russian media": the source the article cites."""
    node = top
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                found = actors_of(ctx, _pobj(to)) if to.lower_ == "to" else []
                if found:
                    return found[0]
    return None


def _time(
    ctx: DocContext, lexicon: Lexicon, reading: Reading, reporter_verb: Token | None
) -> tuple[TimeValue | None, str | None]:
    if reading.trigger.pos_ != "VERB":
        named = named_event(ctx, lexicon, reading.trigger, reading.frame)
        if named is not None:
            found = ctx.time_for(reading.trigger)
            return TimeValue(found.text if found else None, named.date, None), "occurred"
    for word in (reading.trigger, reading.support):
        if word is None:
            continue
        found = ctx.time_for(word)
        if found is not None and word is reading.trigger and reading.support is None:
            # An event noun with no verb of its own is dated only by its own words
            # ("the October 7 attacks"), not by the clause that mentions it.
            if not reading.trigger.left_edge.idx <= found.start < _phrase_end(reading.trigger):
                found = None
        if found is not None:
            return TimeValue(found.text, found.value, found.mod), "occurred"
    if reporter_verb is not None:
        found = _reporting_time(ctx, reporter_verb, reading.chain[-1])
        if found is not None:
            return TimeValue(found.text, found.value, found.mod), "reported"
    if ctx.published:
        # Known only from the article: it happened by the month it was reported in.
        return TimeValue(None, f"{ctx.published:%Y-%m}", None), "reported"
    return None, None


def _phrase_end(token: Token) -> int:
    last = token.right_edge
    return last.idx + len(last.text)


def _reporting_time(ctx: DocContext, verb: Token, complement: Token) -> TimeExpr | None:
    """A time in the reporting clause ("During an interview … this past weekend, X said …")."""
    inside = range(verb.left_edge.i, verb.right_edge.i + 1)
    reported = range(complement.left_edge.i, complement.right_edge.i + 1)
    best = None
    for time in ctx.times:
        span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or span.start not in inside or span.start in reported:
            continue
        if _clause_of(span.root).i != _clause_of(verb).i:
            continue
        if best is None or abs(span.start - verb.i) < abs(best[0] - verb.i):
            best = (span.start, time)
    return best[1] if best else None


def _clause_of(token: Token) -> Token:
    node = token
    while node.head.i != node.i and not (
        node.pos_ in ("VERB", "AUX") and node.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj")
    ):
        node = node.head
    return node


def _says_there(reading: Reading) -> bool:
    """ "There, Hamas designees met …": the event happened where the last one did."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "there" for node in reading.chain for c in node.children
    )


def _anaphoric_anchor(
    lexicon: Lexicon, reading: Reading, reporter_verb: Token | None, earlier: list[Event]
) -> Event | None:
    """ "After the meeting, …": the event is dated by the meeting reported before it."""
    nodes = reading.chain + ([reporter_verb] if reporter_verb is not None else [])
    for node in nodes:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("after", "during", "at", "following"):
                continue
            noun = _pobj(prep)
            if noun is None or not any(c.lower_ in ("the", "that", "this") for c in noun.children):
                continue
            frames = lexicon.nouns.get(noun.lemma_.lower())
            if not frames:
                continue
            kind = frames[0].type
            return next((e for e in reversed(earlier) if e.type == kind), None)
    return None


def _location(ctx: DocContext, lexicon: Lexicon, reading: Reading) -> Location | None:
    words = [reading.trigger, *reading.chain[1:]]
    if reading.support is not None:
        words.append(reading.support)
    for word in words:
        candidates = [o for o in _children(word, ("dobj",))]
        candidates += [
            pobj
            for c in word.children
            if c.dep_ == "prep" and c.lower_ in lexicon.cues.location_preps
            if (pobj := _pobj(c)) is not None
        ]
        for candidate in candidates:
            place = ctx.place_at(candidate)
            if place is not None:
                return Location(place.text, place.country)
            if candidate.ent_type_ in ("GPE", "LOC", "FAC") and not ctx.token_actor[candidate.i]:
                ent = next(e for e in ctx.doc.ents if e.start <= candidate.i < e.end)
                return Location(ent.text, None)
    # "held talks with his Chinese counterpart in Moscow": the place may hang lower.
    top = reading.support or reading.chain[-1]
    for word in top.subtree:
        if (
            word.dep_ == "pobj"
            and word.head.lower_ in ("in", "at")
            and _clause_of(word).i == (_clause_of(top).i)
            and not _inside_other_event(lexicon, word, top)
        ):
            place = ctx.place_at(word)
            if place is not None:
                return Location(place.text, place.country)
    return None


def _inside_other_event(lexicon: Lexicon, word: Token, top: Token) -> bool:
    """ "arrested over the bombings of embassies in Kenya": Kenya is where the
    bombings were, not the arrest."""
    node = word.head
    while node.i != top.i and node.head.i != node.i:
        if node.pos_ == "NOUN" and node.lemma_.lower() in lexicon.nouns:
            return True
        node = node.head
    return False


def _evidence(ctx: DocContext, reading: Reading) -> Span:
    doc = ctx.doc
    trigger = reading.trigger
    if trigger.pos_ not in ("VERB", "AUX") and reading.support is None:
        start, end = trigger.left_edge.i, trigger.i
        for child in trigger.rights:
            if child.dep_ in NOUN_EVIDENCE_DEPS:
                end = max(end, child.right_edge.i)
    else:
        top = _clause_top(reading)
        starts = [t.i for t in reading.chain] + [trigger.i]
        if reading.subject is not None and top.left_edge.i <= reading.subject.i <= top.right_edge.i:
            starts.append(reading.subject.left_edge.i)
        start = min(starts)
        end = max([top.i, trigger.right_edge.i if trigger.pos_ != "VERB" else trigger.i])
        for child in top.rights:
            if child.dep_ not in CLAUSE_DEPS:
                end = max(end, child.right_edge.i)
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    start_char = doc[start].idx
    # Headlines and paragraphs are lines: evidence never runs across one.
    # Read from the evidence's own tokens: doc.text joins the whole doc on every access.
    window = doc[start : end + 1].text
    at = min(max(trigger.idx - start_char, 0), len(window))
    line_start = window.rfind("\n", 0, at) + 1
    line_end = window.find("\n", at)
    text = window[line_start : line_end if line_end != -1 else len(window)]
    start_char += line_start
    stripped = text.rstrip(" ;,:")
    return Span(stripped, start_char, start_char + len(stripped))
