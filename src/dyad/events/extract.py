"""From a parsed Doc to PLOVER events: who did what to whom, when, where, per whom.

Pure functions over the parse and ``DocContext`` (the actors, places, quotes and
times the other stages left on the Doc). A trigger is a verb or an event noun
from the lexicon; its frame says the PLOVER type and where the target is; the
source is the grammatical subject (of the verb, or of the support verb that
carries an event noun: "Hamas *conducted* consultations"). ``dyad.events.arguments``
reads the sources and targets, ``dyad.events.clauses`` drops the clauses that tell
no event (headings, generic and habitual statements).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from dyad.events.arguments import (
    FIRST_PERSON,
    PARTICLES,
    VERBAL_POS,
    actors_of,
    any_of_kind,
    children_with,
    collective,
    control_chain,
    implied_target,
    misread_verb,
    named_event,
    national,
    national_sides,
    noun_arguments,
    prep_object,
    responsibility_claimant,
    same_line,
    slot_words,
    subject_of,
    verb_arguments,
)
from dyad.events.clauses import is_generic, is_heading, is_question
from dyad.events.context import DocContext
from dyad.events.lexicon import Cues, Frame, Lexicon
from dyad.model import Event, Location, Place, Span, TimeExpr, TimeValue
from dyad.plover import contexts_of, is_symmetric

# A right-hand child with one of these starts another clause: not part of the evidence.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "conj", "cc", "punct", "mark", "relcl"})
# Right-hand children of an event noun that belong to its evidence ("attacks *on X*"),
# as opposed to appositions and relative clauses that comment on it.
NOUN_EVIDENCE_DEPS = frozenset({"prep", "compound", "amod", "nummod", "cc", "conj", "punct"})
MAX_PAIRS = 4
MULTILATERAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
NO_EVENT = "NONE"  # a lexicon reading that is an idiom, not an event
FOCUS_WORDS = frozenset({"just", "only", "merely", "simply", "solely"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Directives of a superior to his own side.
COMMANDING_WORDS = frozenset({"order", "instruct", "direct", "command"})
# Who only tells of what others do: a news agency, the article's author.
TELLERS = frozenset({"media", "author"})
# The words shown for a side that names no actor: a noun phrase of at most this many
# words, with a phrase on these prepositions that says whose ("members of the party").
MAX_SIDE_WORDS = 8
SIDE_PREPOSITIONS = frozenset({"of", "for", "from"})
# Named entities that are people, groups or states (not places, works or dates).
PARTY_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})

# A development aid (scripts/event_funnel.py): when set to a list, every frame a word
# was refused for, and every reading dropped or coded, is noted in it as
# (token index, type, stage) — to see where an event was lost. None in normal runs.
TRACE: list[tuple[int, str, str]] | None = None


def _refused(token: Token, frame: Frame, check: str) -> None:
    if TRACE is not None:
        TRACE.append((token.i, frame.type, f"refused:{check}"))


def _refused_all(token: Token, frames: Sequence[Frame], check: str) -> None:
    if TRACE is not None:
        for frame in frames:
            _refused(token, frame, check)


def _noted(reading: Reading, stage: str, type_: str | None = None) -> bool:
    if TRACE is not None:
        TRACE.append((reading.trigger.i, type_ or reading.frame.type, stage))
    return True


def _note_filtered(before: list[Reading], after: list[Reading], stage: str) -> None:
    if TRACE is not None:
        kept = {id(r) for r in after}
        for reading in before:
            if id(reading) not in kept:
                _noted(reading, f"dropped:{stage}")


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
    passive: bool = False  # a passive verb: its subject undergoes it
    status: str | None = None  # fixed by the rule that read it (a voiced demand is actual)
    requested: Frame | None = None  # a request's or threat's content ("urged X *to meet*")


# A rule reading events the trigger words do not carry (dyad.events.speech).
ReadingRule = Callable[[DocContext, Lexicon], Iterable[Reading]]


def extract_events(
    ctx: DocContext, lexicon: Lexicon, rules: Sequence[ReadingRule] = ()
) -> list[Event]:
    ctx.group_nouns = lexicon.cues.group_nouns
    ctx.state_agents = lexicon.cues.state_agents
    ctx.unnamed_groups = lexicon.cues.unnamed_groups
    ctx.acting_only_groups = lexicon.cues.acting_only_groups
    ctx.named_before_groups = lexicon.cues.named_before_groups
    ctx.operation_nouns = lexicon.nouns_of_types(lexicon.cues.territorial_types)
    ctx.partner_nouns = lexicon.nouns_of_types(MULTILATERAL_TYPES)
    all_verbal = list(_verbal_readings(ctx, lexicon))
    all_nominal = list(_nominal_readings(ctx, lexicon))
    read_nouns = {r.trigger.i for r in all_nominal}
    readings = [r for r in all_verbal if not _carries_event_noun(lexicon, r, read_nouns)]
    _note_filtered(all_verbal, readings, "light verb")
    _with_absorbed_sides(readings, all_nominal)
    absorbed = {r.absorbed.i for r in readings if r.absorbed is not None}
    nominal = [r for r in all_nominal if r.trigger.i not in absorbed]
    _note_filtered(all_nominal, nominal, "absorbed")
    verbal = _without_consequences(readings, nominal)
    _note_filtered(readings, verbal, "consequence")
    readings = verbal + nominal
    # A rule reads a word more closely than its lexicon frame: it replaces the
    # lexicon's reading of that word with that type, or, with a NO_EVENT reading,
    # every reading of it ("called the deal lousy" is no phone call).
    ruled = [r for rule in rules for r in rule(ctx, lexicon)]
    replaced = {(r.trigger.i, r.frame.type) for r in ruled}
    idle = {r.trigger.i for r in ruled if r.frame.type == NO_EVENT}
    lexical = readings
    readings = [
        r
        for r in readings
        if r.trigger.i not in idle and (r.trigger.i, r.frame.type) not in replaced
    ]
    _note_filtered(lexical, readings, "ruled")
    readings += [r for r in ruled if r.frame.type != NO_EVENT]
    readings = [
        r
        for r in readings
        if not (is_heading(r.trigger) and _noted(r, "dropped:heading"))
        and not (is_generic(_clause_top(r)) and _noted(r, "dropped:generic"))
        and not (_accidental(lexicon.cues, r) and _noted(r, "dropped:accidental"))
    ]
    asking = readings
    readings = _without_requested(ctx, lexicon.cues, readings)
    _note_filtered(asking, readings, "requested")
    agreeing = readings
    readings = _without_agreeing(lexicon.cues, readings)
    _note_filtered(agreeing, readings, "agreeing")
    readings.sort(key=lambda r: r.trigger.i)
    events: list[Event] = []
    read_from: dict[int, Reading] = {}
    for reading in readings:
        for event in _events_of(ctx, lexicon, reading, events):
            events.append(event)
            read_from[id(event)] = reading
    # Once every clause has told what it names: the other party a clause leaves unsaid.
    for event in events:
        if event.mode in lexicon.cues.aimed_modes:
            continue  # an investigation is into whom the text says, or no one
        if event.source is not None and event.target is None and event.target_words is None:
            reading = read_from[id(event)]
            cues = lexicon.cues
            acting_for = reading.frame.type in cues.collective_types
            event.target = implied_target(
                ctx,
                reading.trigger,
                reading.subject,
                event.source,
                cues.collective_kinds,
                acting_for,
            )
            event.others = [a for a in event.others if a != event.target]
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    for number, event in enumerate(events, 1):
        event.id = f"e{number}"
    return events


def _with_absorbed_sides(verbal: list[Reading], nominal: list[Reading]) -> None:
    """ "continued its attacks *on Syrian troops*", "ended a visit *to Poland*": a verb
    whose event noun object is part of an event of the noun's type has the target
    the noun's own phrase names (the verb's object slot holds the noun, and "its"
    there is the doer), and its source where the verb names none. ("Joined the
    campaign *against ISIS*" is no support of ISIS: another type.)"""
    by_noun = {r.trigger.i: r for r in nominal}
    for reading in verbal:
        noun = by_noun.get(reading.absorbed.i) if reading.absorbed is not None else None
        if noun is not None and noun.frame.type == reading.frame.type:
            reading.targets = list(noun.targets) or reading.targets
            reading.sources = reading.sources or list(noun.sources)


def _carries_event_noun(lexicon: Lexicon, reading: Reading, read_nouns: set[int]) -> bool:
    """ "held talks with China", "launched an offensive against Ukraine": a light verb
    with an event noun of the curated lexicon as its object is coded by the noun,
    which reads its own sides, not by the CAMEO pattern of the pair (the dictionary
    files "hold talks" under intent to meet, and its word sets put "offensive" among
    kinds of mediation) — when the noun's frame reads it. A pattern with a particle
    or a preposition is an idiom of its own ("held up aid")."""
    frame, noun = reading.frame, reading.absorbed
    return (
        frame.compiled
        and noun is not None
        and noun.i in read_nouns
        and noun.dep_ == "dobj"
        and noun.head.i == reading.trigger.i
        and not frame.particle
        and not frame.prep
        and _verb_lemma(lexicon, reading.trigger) in lexicon.cues.light_verbs
    )


def _complement_words(verb: Token) -> Iterator[Token]:
    """The head words of a verb's complement, and a copula's predicate: "found the
    prorogation *unlawful*", "ruled the prorogation was *unlawful*"."""
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "oprd", "acomp", "ccomp"):
            yield clause
            if clause.lemma_ == "be":
                yield from (c for c in clause.children if c.dep_ in ("acomp", "attr"))


def _accidental(cues: Cues, reading: Reading) -> bool:
    """A death or injury that an accident or a disaster caused, with no doer named:
    "were killed when their helicopter *crashed*", "the helicopter *crashed*, killing 12",
    "died in the *crash*". An accident is no act of one party against another."""
    if reading.sources:
        return False
    trigger = reading.trigger
    causes = [reading.subject] if reading.subject is not None else []
    if trigger.dep_ in ("advcl", "conj", "xcomp"):
        causes.append(trigger.head)  # "crashed, killing 12"
    for word in (trigger, *trigger.conjuncts):
        for child in word.children:
            if child.dep_ in ("advcl", "nsubj"):
                causes.append(child)  # "when their helicopter crashed"
            elif child.dep_ in ("prep", "agent"):
                causes.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return any(_lemmas(c) & cues.accident_words for c in causes)


def _lemmas(word: Token) -> set[str]:
    """The word's lemma, and the verb a past form would have: the parser may take a verb
    for a noun and keep its inflection ("killed after their chopper *crashed*")."""
    lower = word.lower_
    return {word.lemma_.lower(), lower.removesuffix("ed"), lower.removesuffix("d")}


def _is_time(word: Token | None) -> bool:
    return word is not None and word.ent_type_ in ("DATE", "TIME")


# --- triggers ------------------------------------------------------------------


def _without_requested(ctx: DocContext, cues: Cues, readings: list[Reading]) -> list[Reading]:
    """What one party asks, urges or invites another to do has not happened: the
    request is the event (PLOVER REQUEST: "all requests, demands, and orders") and
    the act asked for is its content, not an event of its own. An order to one's own
    side ("Obama instructed Kerry to negotiate") is the side's intended act, and a
    command within it no request between two parties (asking one's own side still is:
    "McCain would be asking Bush to call a meeting")."""
    asked: dict[int, Reading] = {}
    kept = []
    internal = set()
    for reading in readings:
        asker = _asked_by(cues, reading)
        threat = _threatened_by(cues, reading)
        if threat is not None:
            asked.setdefault(threat.i, reading)
        elif asker is None:
            kept.append(reading)
        elif _ordered_own_side(ctx, cues, asker, reading.trigger):
            reading.status = "intended"
            kept.append(reading)
            if asker.lemma_.lower() in COMMANDING_WORDS:
                internal.add(asker.i)
        elif _is_asked_act(reading):
            asked.setdefault(asker.i, reading)
    for reading in kept:
        word = reading.support if reading.support is not None else reading.trigger
        content = asked.get(word.i)
        if content is not None and reading.frame.type in ("REQUEST", "THREATEN"):
            reading.requested = content.frame
            if reading.frame.type == "THREATEN" and not reading.targets:
                reading.targets = list(content.targets)  # "threatened sanctions against Russia"
    return [r for r in kept if not (r.trigger.i in internal and r.frame.type == "REQUEST")]


def _without_agreeing(cues: Cues, readings: list[Reading]) -> list[Reading]:
    """ "agreed to support their plans", "vowed to bring them to justice": the act
    agreed on or promised is coded (as AGREE, THREATEN or the act decided), so the
    verb of agreeing or promising is not a second event."""
    governing = {node.i for r in readings for node in _governing_chain(r)[1:]}
    agreeing = cues.deciding_words | cues.promise_words
    return [
        r
        for r in readings
        if not (
            r.trigger.i in governing
            and r.frame.type == "AGREE"
            and r.trigger.lemma_.lower() in agreeing
        )
    ]


def _governing_chain(reading: Reading) -> list[Token]:
    """The words controlling the trigger, and those controlling the verb it is
    coordinated with: "vowed to find the bombers *and bring* them to justice"."""
    top = reading.chain[-1]
    if top.dep_ == "conj" and top.head.pos_ in VERBAL_POS and top.tag_ == top.head.tag_:
        return reading.chain + control_chain(top.head)[1:]
    return reading.chain


def _threatened_by(cues: Cues, reading: Reading) -> Token | None:
    """The threat verb whose object an event noun is: "threatened *sanctions* against
    Russia", "threatened Russia with *sanctions*" (manual, THREATEN: the threat's
    content is its mode, not an event of its own)."""
    noun = reading.trigger
    if noun.pos_ in VERBAL_POS:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.lemma_.lower() in cues.threat_words else None


def _is_asked_act(reading: Reading) -> bool:
    """The verb asked for, or the noun that is its object ("to renew *negotiations*",
    "called for *the release*"), not a noun in an adjunct ("to join at the *summit*")."""
    trigger = reading.trigger
    if trigger.dep_ == "pobj":
        return trigger.head.lower_ == "for"
    return trigger.pos_ in VERBAL_POS or trigger.dep_ in ("dobj", "nsubj", "nsubjpass")


def _ordered_own_side(ctx: DocContext, cues: Cues, asker: Token, trigger: Token) -> bool:
    """The one asked ("instructed *Kerry* to …", "ordered that *troops* …") acts for
    the asker's own state or organisation."""
    subject, passive = subject_of(control_chain(asker))
    content = next((w for w in (trigger, *trigger.ancestors) if w.head.i == asker.i), trigger)
    addressees = [o for o in children_with(asker, ("dobj",)) if o.i != content.i]
    if not addressees and content.pos_ in VERBAL_POS:
        addressees = children_with(content, ("nsubj",))
    if subject is None or passive or not addressees:
        return False

    def sides(word: Token) -> set[str]:
        kinds = cues.collective_kinds
        return {collective(ctx, national(ctx, a) or a, kinds) for a in actors_of(ctx, word)}

    askers, asked = sides(subject), sides(addressees[0])
    return bool(asked) and asked <= askers


def _asked_by(cues: Cues, reading: Reading) -> Token | None:
    """The directive word ("urge", "demand", "call for") whose content the event is:
    a verb controlling it ("urged Iran *to* talk"), a mandative clause ("demanded
    that Israel *withdraw*", "called for talks *to* restart"), or an event noun as
    what is asked for ("demanded *the release* of", "called for *a ceasefire*")."""
    directive = cues.directive_words
    noun = reading.trigger
    if noun.pos_ in VERBAL_POS or reading.support is not None:
        for node in reading.chain:
            if node not in (noun, reading.support) and node.lemma_.lower() in directive:
                return node
        gerund = _asked_gerund(directive, reading.chain[-1])
        if gerund is not None:
            return gerund
    top = reading.chain[-1]
    if noun.pos_ not in VERBAL_POS:
        # An event noun: the object of the directive, the object of its "for", or
        # the subject of a mandative clause ("called for negotiations to restart").
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in cues.asking_for_words:
            return head
        if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in directive:
            return head.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in VERBAL_POS:
            return None
        top = head
    # "appealed to them to stay on *and support* Obama": coordinated verbs share it.
    # (A conjunct in another tense is a clause of its own: "urged Iran to talk and *attacked* …".)
    while top.dep_ == "conj" and top.tag_ == top.head.tag_ and top.head.pos_ in VERBAL_POS:
        chain = control_chain(top.head)
        asker = next((n for n in chain if n.lemma_.lower() in directive), None)
        if asker is not None:
            return asker
        top = chain[-1]
    if top.dep_ in ("ccomp", "xcomp", "advcl") and top.head.lemma_.lower() in directive:
        if _mandative(top):
            return top.head
    # "wants Russia to stop the attacks": what one wants another to do is asked of them.
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in cues.wanting_words:
        if any(c.dep_ == "nsubj" for c in top.children) and _mandative(top):
            return top.head
    return None


def _asked_gerund(directive: frozenset[str], top: Token) -> Token | None:
    """The directive asking for a gerund ("calling for *appointing* a prosecutor",
    "recommends *appointing* a commission"), and for what that asked act is for: "…
    a prosecutor *to investigate* the abuse" is asked with it, not done."""
    node = top
    for _ in range(6):
        head = node.head
        if _coordinated_gerund(node):
            node = head  # "recommends appointing …, overhauling … *and appointing* …"
            continue
        if node.dep_ == "pcomp" and head.lower_ == "for":
            return head.head if head.head.lemma_.lower() in directive else None
        if node.dep_ == "xcomp" and node.tag_ == "VBG":
            return head if head.lemma_.lower() in directive else None
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if not purpose or node.dep_ not in ("advcl", "acl", "relcl", "xcomp"):
            return None
        node = head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ == "dobj":
            node = node.head  # "appointing a prosecutor *to investigate*"
    return None


def _coordinated_gerund(verb: Token) -> bool:
    """A verb coordinated with the one before it, in the same form: "to investigate *and
    prosecute*", and a gerund the parser hangs on a gerund before it as an adverbial
    ("appointing a commission, *overhauling* the police")."""
    head = verb.head
    if verb.tag_ != head.tag_ or head.pos_ not in VERBAL_POS or head.i == verb.i:
        return False
    if verb.dep_ == "conj":
        return True
    bare = not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children)
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and bare


def _mandative(clause: Token) -> bool:
    """A clause that states what should be, not what is: an infinitive ("to restart")
    or a subjunctive ("that Israel withdraw", "that talks be held", "should end")."""
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("to", "should") for a in auxiliaries):
        return True
    verb = next((a for a in auxiliaries if a.dep_ == "auxpass"), clause)
    return verb.tag_ == "VB" and not any(a.dep_ == "aux" for a in auxiliaries)


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
            if (pobj := prep_object(c)) is not None
        ]
        cause = next((by_trigger[c.i] for c in causes if c.i in by_trigger), None)
        if cause is None or cause.frame.type != reading.frame.type:
            kept.append(reading)
        else:
            cause.targets = cause.targets or list(reading.targets)
            if not cause.sources and not reading.passive and not reading.implied_source:
                cause.sources = list(reading.sources)  # "Russian troops fought in the war"
            cause.consequence = verb
    return kept


def _verbal_readings(ctx: DocContext, lexicon: Lexicon) -> Iterator[Reading]:
    for token in ctx.words_of(("VERB", "NOUN", "PROPN")):
        if token.pos_ == "VERB":
            frames = lexicon.verbs.get(_verb_lemma(lexicon, token))
        else:  # a noun: perhaps a verb the tagger took for one
            frames = lexicon.verbs.get(misread_verb(token, lexicon) or "")
        if not frames:
            continue
        chain = control_chain(token)
        subject, passive = subject_of(chain)
        # Only a past participle is passive: the subject of a passive verb above does
        # the infinitive it controls ("She was scheduled to *meet* Moi", "were said to
        # have *attacked*"), as a verb in another form it was coordinated with.
        passive = passive and token.tag_ == "VBN" and not any(n.dep_ == "xcomp" for n in chain[:-1])
        # "Troops opened fire after being attacked by rebels": a passive verb
        # that takes its subject from the clause above still undergoes it.
        passive = passive or any(c.dep_ == "auxpass" for c in token.children)
        # "Reuters reported Monday's attack": a reporting verb tells of an event, it does
        # not commit it (CAMEO files "report … attack" under the attack's code).
        telling = _is_cue(lexicon.cues, token)
        for number, frame in enumerate(frames):
            if frame.compiled and telling:
                _refused(token, frame, "reporting verb")
                continue
            reading = _read_verb(ctx, token, frame, chain, subject, passive, lexicon)
            if reading is not None:
                if frame.type != NO_EVENT:
                    yield reading
                if not frame.also:
                    if TRACE is not None:
                        _refused_all(token, frames[number + 1 :], f"after {frame.type}")
                    break


def _verb_lemma(lexicon: Lexicon, verb: Token) -> str:
    """The verb's lemma, with the final e the model's lemmatiser may cut from a stem
    put back: "staged" is "stag" to it, "fined" "fin", "waged" "wag"."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.verbs and verb.lower_ in (lemma + "ed", lemma + "ing"):
        if lemma + "e" in lexicon.verbs:
            return lemma + "e"
    return lemma


def _read_verb(
    ctx: DocContext,
    verb: Token,
    frame: Frame,
    chain: list[Token],
    subject: Token | None,
    passive: bool,
    lexicon: Lexicon,
) -> Reading | None:
    # "called Erdogan on Tuesday": a point in time is no "call on" ("sentenced to
    # 73 months" is the sentence).
    if frame.prep and not any(
        c.lower_ in frame.prep and not (c.lower_ in ("on", "at") and _is_time(prep_object(c)))
        for c in _prepositions(verb)
    ):
        _refused(verb, frame, "prep")
        return None
    # The parser often makes the particle a preposition: "pulled *out* of the deal"
    # (not "in" or "on": "gave a speech *in* Ohio" is no giving in).
    if frame.particle and not any(
        c.lower_ in frame.particle
        and (c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.lower_ in PARTICLES))
        for c in verb.children
    ):
        _refused(verb, frame, "particle")
        return None
    # Found after the tests above, which turn most frames of a verb away.
    objects = children_with(verb, ("dobj",))
    if passive and subject is not None:
        objects = [subject]
    if frame.object and not any(o.lemma_.lower() in frame.object for o in objects):
        _refused(verb, frame, "object")
        return None
    if frame.subject and (subject is None or subject.lemma_.lower() not in frame.subject):
        _refused(verb, frame, "subject")
        return None
    # "vowed to *crush*", "found *guilty*": the verb's complement.
    if frame.clause and not any(w.lemma_.lower() in frame.clause for w in _complement_words(verb)):
        _refused(verb, frame, "clause")
        return None
    if frame.prep_object and not any(
        w.lemma_.lower() in frame.prep_object for w in _prepositional_objects(verb)
    ):
        _refused(verb, frame, "prep_object")
        return None
    # "test-fired a missile", "by test firing missiles": a word modifying the verb.
    if frame.modifier and not any(w.lower_ in frame.modifier for w in _verb_modifiers(verb)):
        _refused(verb, frame, "modifier")
        return None
    if frame.complement is not None:
        has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        if has_clause != frame.complement:
            _refused(verb, frame, "complement")
            return None
    if frame.object_person and not any(
        ctx.token_actor[o.i] or o.lemma_.lower() in lexicon.cues.group_nouns for o in objects
    ):
        _refused(verb, frame, "object_person")
        return None
    if frame.object_actor is not None:
        filling = [w for slot in frame.target for w in slot_words(verb, slot)]
        has_actor = any(actors_of(ctx, w) for w in objects + filling)
        if has_actor != frame.object_actor:
            _refused(verb, frame, "object_actor")
            return None
    sources, targets, implied = verb_arguments(ctx, verb, frame, subject, passive, lexicon)
    if frame.source_kind and not any_of_kind(ctx, sources, frame.source_kind):
        _refused(verb, frame, "source_kind")
        return None
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
        passive=passive,
    )


def _prepositions(verb: Token) -> Iterator[Token]:
    """The verb's prepositions, and the "for" the parser makes the mark of the clause
    a verb asks for ("called *for* talks to resume")."""
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative"):
            yield child
        elif child.dep_ in ("xcomp", "advcl", "ccomp"):
            yield from (c for c in child.children if c.dep_ == "mark" and c.lower_ == "for")


def _verb_modifiers(verb: Token) -> Iterator[Token]:
    yield from (c for c in verb.children if c.dep_ in ("npadvmod", "advmod", "compound"))
    if verb.dep_ == "acl":
        yield verb.head  # "by test firing": the parser makes "test" the head


def _prepositional_objects(word: Token) -> Iterator[Token]:
    """The objects of a word's prepositions, and of those on its particle: "pulled out
    *of the deal*" (the parser hangs "of" on "out"), "a ban *on protests*"."""
    for child in word.children:
        if child.dep_ in ("prep", "prt", "advmod"):
            for prep in (child, *(c for c in child.children if c.dep_ == "prep")):
                obj = prep_object(prep)
                if obj is not None:
                    yield obj


def _nominal_readings(ctx: DocContext, lexicon: Lexicon) -> Iterator[Reading]:
    for token in ctx.words_of(("NOUN", "PROPN")):
        frames = lexicon.nouns.get(token.lemma_.lower())
        if not frames:
            continue
        if misread_verb(token, lexicon):
            _refused_all(token, frames, "read as a verb")
            continue
        # A noun modifying another ("Defense Secretary", "attack helicopter") is no event.
        if token.dep_ == "compound":
            _refused_all(token, frames, "compound")
            continue
        # "orchestrated the 9/11 attacks": a well-known event is what its frame says,
        # whoever is said to have done it (not a verbal attack by a person).
        named = next((f for f in frames if named_event(ctx, lexicon, token, f)), None)
        if named is not None:
            frames = (named,)
        for number, frame in enumerate(frames):
            if frame.plural and token.tag_ not in ("NNS", "NNPS"):
                _refused(token, frame, "plural")
                continue
            # "Germany is an advocate of …" is an event; "her opponent" is a role.
            if frame.described and token.dep_ not in ("attr", "appos"):
                _refused(token, frame, "described")
                continue
            if frame.prep and not any(
                c.dep_ == "prep" and c.lower_ in frame.prep for c in token.children
            ):
                _refused(token, frame, "prep")
                continue
            if frame.prep_object and not any(
                w.lemma_.lower() in frame.prep_object for w in _prepositional_objects(token)
            ):
                _refused(token, frame, "prep_object")
                continue
            if frame.modifier and not any(
                c.dep_ in ("amod", "compound", "nmod") and c.lower_ in frame.modifier
                for c in token.children
            ):
                _refused(token, frame, "modifier")
                continue
            reading = _read_noun(ctx, lexicon, token, frame)
            if frame.source_kind and not any_of_kind(ctx, reading.sources, frame.source_kind):
                _refused(token, frame, "source_kind")
                continue
            if frame.type != NO_EVENT:
                yield reading
            if TRACE is not None:
                _refused_all(token, frames[number + 1 :], f"after {frame.type}")
            break


def _read_noun(ctx: DocContext, lexicon: Lexicon, noun: Token, frame: Frame) -> Reading:
    found = noun_arguments(ctx, lexicon, noun, frame)
    return Reading(
        trigger=noun,
        frame=frame,
        chain=found.chain,
        subject=found.subject,
        sources=found.sources,
        targets=found.targets,
        support=found.support,
        implied_source=found.implied_source,
        consequence=noun.head if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else None,
    )


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
    announced = None if sources else _announced(ctx, lexicon, reading)
    if announced is not None:
        sources = [announced]
    pairs = _pairs(sources, targets)
    unnamed_party = not frame.compiled and _told_of_a_party(cues, reading)
    if not pairs and unnamed_party:
        pairs = [(None, None)]
    if not pairs or _is_aim(cues, reading):
        _noted(reading, "dropped:no sides" if not pairs else "dropped:aim")
        return
    status, reported_by, quote_id, reporter_verb = _status(ctx, lexicon, reading)
    status = reading.status or status
    if _claims_responsibility(reading):
        status = "claimed"
    type_, mode, final_status, action = plover_coding(cues, frame, status)
    if reading.requested is not None:
        type_, mode, action = _content_coding(cues, reading, reading.requested, type_, mode)
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
        others = [a for a in (source, target) if a and a != national(ctx, a)]
        source, target = national_sides(ctx, source, target)
        if frame.type in cues.collective_types:
            kinds = cues.collective_kinds
            group_source = collective(ctx, source, kinds) if source else None
            group_target = collective(ctx, target, kinds) if target else None
            if group_source != group_target:
                groups = (group_source, group_target)
                others += [a for a in (source, target) if a and a not in groups]
                source, target = group_source, group_target
        if source is not None and source == target:
            _noted(reading, "dropped:source is target", type_)
            continue
        if frame.type in MULTILATERAL_TYPES:
            # "met X and Y": one event per pair, each naming the rest of the table.
            kinds = cues.collective_kinds
            others += [
                member
                for pair in pairs
                for a in pair
                if a
                for member in (a, collective(ctx, national(ctx, a) or a, kinds))
            ]
        others = [a for a in dict.fromkeys(others) if a not in (source, target)]
        if source is None and target is None and not unnamed_party:
            _noted(reading, "dropped:no sides", type_)
            continue
        # A CAMEO frame codes, as PETRARCH does, only what a named source does.
        if (
            source is None
            and (frame.type not in cues.one_sided_types or frame.compiled)
            and not unnamed_party
        ):
            _noted(reading, "dropped:no source", type_)
            continue
        # A bare event noun with one side ("Russia's request") mostly refers back to
        # an event told in full elsewhere; a clause names its own sides.
        verbal = reading.trigger.pos_ == "VERB" or reading.support is not None
        announces = announced is not None
        if target is None and not (verbal or announces) and frame.type not in cues.one_sided_types:
            _noted(reading, "dropped:bare noun one side", type_)
            continue
        # "Mueller's investigation", "investigate the range of abuse": looking into
        # a matter is no accusation; looking into a party or an event ("the
        # investigation into the bombings") is (manual, ACCUSE investigate).
        if target is None and mode in cues.aimed_modes and not _into_an_event(lexicon, reading):
            _noted(reading, "dropped:inquiry into no party", type_)
            continue
        # "abuse allegations": an accusation is someone's; a bare noun that names
        # neither its accuser nor, in its own phrase, the accused is no event, nor
        # is one only rebutted ("Nader dismissed criticism of his entry").
        if (
            source is None
            and not verbal
            and type_ in cues.voiced_types
            and (_target_word(reading) is None or _rebutted(lexicon, reading.trigger))
        ):
            _noted(reading, "dropped:voiced noun no source", type_)
            continue
        if _repeats(ctx, reading, type_, source, target, earlier):
            _noted(reading, "dropped:duplicate", type_)
            continue
        if _same_as_earlier(type_, source, target, time, role, location, earlier):
            _noted(reading, "dropped:duplicate", type_)
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
            source_words=None if source else _side_words(ctx, lexicon, _source_word(reading)),
            target_words=None if target else _side_words(ctx, lexicon, _target_word(reading)),
        )
        sentence = reading.trigger.sent
        if _told_twice(event, (sentence.start_char, sentence.end_char), earlier):
            _noted(reading, "dropped:told twice in sentence", type_)
            continue
        emitted += 1
        if emitted > MAX_PAIRS:
            return
        _noted(reading, "emitted", type_)
        yield event


def _told_of_a_party(cues: Cues, reading: Reading) -> bool:
    """ "they will demand …", "Some called for …", "Both sides accused the other": an
    active clause whose subject stands for parties the text names elsewhere tells
    their act even when no actor is found for it; the side is left unknown, the event
    kept (a CAMEO frame, as PETRARCH, still codes only named sources)."""
    verbal = reading.trigger.pos_ == "VERB" or reading.support is not None
    subject = reading.subject
    return (
        verbal
        and not reading.passive
        and subject is not None
        and subject.lower_ in cues.unresolved_subjects
    )


def _claims_responsibility(reading: Reading) -> bool:
    """ "IS claimed responsibility for the attack": the attack is told as its doer's claim."""
    return any(responsibility_claimant(w) is not None for w in (reading.trigger, reading.chain[-1]))


def _announced(ctx: DocContext, lexicon: Lexicon, reading: Reading) -> str | None:
    """Who announces a future meeting or act of cooperation that the sentence names
    with no party of its own ("Russia said talks with Ukraine will be held next
    week", "Bush said negotiations will begin"): the announcer commits to it
    (manual, CONSULT: "references to future meetings … should be coded as AGREE").
    A news agency only tells of it."""
    if reading.frame.type not in lexicon.cues.promised_types:
        return None
    trigger = reading.trigger
    if trigger.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in trigger.children):
        return None  # an active verb names its own subject
    if _grammatical_status(lexicon, reading) not in ("promised", "planned"):
        return None
    verb = _reporting_verb(lexicon, _clause_top(reading))
    if verb is None:
        return None
    subject, passive = subject_of(control_chain(verb))
    found = [] if passive else actors_of(ctx, subject, acting=True)
    speakers = [a for a in found if (actor := ctx.actor(a)) is None or actor.kind not in TELLERS]
    return speakers[0] if speakers else None


def plover_coding(cues: Cues, frame: Frame, status: str) -> tuple[str, str | None, str, str | None]:
    """Type, mode, status and promised/threatened action by the manual's single-type
    rule: a promised cooperative act is AGREE, a threatened hostile one THREATEN
    (mode: the threat's content), both actual, since the promise or threat was made;
    a refused cooperative act is REJECT ("all rejections and refusals"); a retreat
    announced, agreed or planned is CONCEDE (manual, RETREAT)."""
    action = f"{frame.type}:{frame.mode}" if frame.mode else frame.type
    if status in ("promised", "planned", "decided") and frame.type in cues.conceded_types:
        return "CONCEDE", None, "actual", action
    if status == "refused":
        if frame.type in cues.promised_types:
            return "REJECT", cues.request_modes.get(frame.type), "actual", action
        return frame.type, frame.mode, "negated", None
    if status in ("decided", "planned"):
        if frame.type in cues.promised_types:
            return "AGREE", None, "actual", action
        return frame.type, frame.mode, "actual" if status == "decided" else "intended", None
    if status not in ("promised", "threatened"):
        return frame.type, frame.mode, status, None
    if frame.type in cues.promised_types:
        return "AGREE", None, "actual", action
    threat_mode = cues.threat_modes.get(action, cues.threat_modes.get(frame.type))
    if threat_mode is not None:
        return "THREATEN", threat_mode, "actual", action
    return frame.type, frame.mode, "intended", None


def _content_coding(
    cues: Cues, reading: Reading, asked: Frame, type_: str, mode: str | None
) -> tuple[str, str | None, str]:
    """A request's mode is what it asks for (the manual's REQUEST modes: meet, assist,
    yield, change), a threat's what it threatens (its THREATEN modes); an invitation
    to cooperate is an offer, so AGREE (manual, CONSULT: "invitations for state visits
    should be coded as AGREE")."""
    action = f"{asked.type}:{asked.mode}" if asked.mode else asked.type
    if type_ == "THREATEN":
        return type_, cues.threat_modes.get(action, cues.threat_modes.get(asked.type, mode)), action
    if reading.trigger.lemma_.lower() in cues.inviting_words and asked.type in cues.invited_types:
        return "AGREE", None, action
    return type_, cues.request_modes.get(asked.type, mode), action


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
        # "the bombings ..., which killed 20 Americans": a clause without its own
        # source tells more of the event before it.
        if event.source not in (other.source, None):
            continue
        if event.target not in (other.target, None) and other.target is not None:
            continue
        if other.target is None and event.target is not None:
            other.target, other.target_words = event.target, None
        elif other.target is None:
            other.target_words = other.target_words or event.target_words
        other.action = other.action or event.action
        other.mode = other.mode or event.mode  # "threatened to strike": the threat's content
        other.location = other.location or event.location
        return True
    return False


def _rebutted(lexicon: Lexicon, noun: Token) -> bool:
    """The noun is the object of a verb of rejecting or denying ("dismissed *criticism*",
    "denied the *allegations*"): the rebuttal is the event."""
    if noun.dep_ != "dobj":
        return False
    frames = [f for f in lexicon.verbs.get(noun.head.lemma_.lower(), ()) if not f.compiled]
    return bool(frames) and frames[0].type == "REJECT"


def _into_an_event(lexicon: Lexicon, reading: Reading) -> bool:
    word = _target_word(reading)
    return word is not None and word.lemma_.lower() in lexicon.nouns


def _source_word(reading: Reading) -> Token | None:
    """The word a source no actor was found for would have been read from: an active
    verb's subject; a passive verb's or an event noun's agent ("attacked *by gunmen*",
    "the arrest *by police*"), else a noun's support verb's subject."""
    trigger = reading.trigger
    if trigger.pos_ == "VERB" and not reading.passive:
        return reading.subject  # "by" on an active verb is the means: "by air"
    by = next(
        (
            word
            for c in trigger.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            if (word := prep_object(c)) is not None
        ),
        None,
    )
    return by if by is not None or reading.passive else reading.subject


def _target_word(reading: Reading) -> Token | None:
    """The word a target no actor was found for would have been read from: the first
    word filling one of the frame's target slots (a passive verb's subject for its
    object)."""
    carriers = [w for w in (reading.trigger, reading.absorbed) if w is not None]
    for slot in reading.frame.target:
        if slot == "dobj" and reading.passive:
            return reading.subject
        words = [w for carrier in carriers for w in slot_words(carrier, slot)]
        if words:
            return words[0]
    return None


def _side_words(ctx: DocContext, lexicon: Lexicon, head: Token | None) -> Span | None:
    """The noun phrase ``head`` heads as the text has it ("protesters", "the ministry",
    "members of the opposition"): what the page shows for a side that names no actor.
    Only a name or a noun of people or bodies: a thing ("sent aid"), an event
    ("condemned the attack") or a pronoun names no side; nor does an actor's mention,
    which the reading did not take for this side ("Suu Kyi has faced criticism")."""
    if head is None or ctx.token_actor[head.i] or not _names_a_party(lexicon.cues, head):
        return None
    start, end = head.left_edge.i, head.i + 1
    # "members *of the opposition*": a short of/for/from phrase says whose.
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in SIDE_PREPOSITIONS:
            if child.right_edge.i + 1 - start <= MAX_SIDE_WORDS:
                end = child.right_edge.i + 1
            break
    if end - start > MAX_SIDE_WORDS:
        start = max(start, end - MAX_SIDE_WORDS)
    phrase = head.doc[start:end]
    return Span(phrase.text, phrase.start_char, phrase.end_char)


def _names_a_party(cues: Cues, head: Token) -> bool:
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    return head.ent_type_ in PARTY_ENTITIES or any(
        lemma in words
        for words in (cues.group_nouns, cues.unnamed_groups, cues.state_agents, cues.party_nouns)
    )


def _is_aim(cues: Cues, reading: Reading) -> bool:
    """ "the Kremlin's efforts to strike a partnership": what someone strives for is
    not yet an event, nor an announced one like "plans to visit"; nor is what a
    proposal would do ("proposed legislation that would *fund* …", "proposed an
    amendment to a law to allow China to *extradite* …")."""
    top = reading.chain[-1]
    if top.dep_ == "acl" and top.head.lemma_.lower() in cues.aim_nouns:
        return True
    while top.dep_ in ("ccomp", "xcomp") and top.head.pos_ in VERBAL_POS:
        top = top.head  # "to allow China *to extradite*"
    if top.dep_ not in ("acl", "relcl"):
        return False
    noun = top.head
    while noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an amendment *to a law* to allow …"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.proposing_words


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
    # A place in the source's own phrase says where it is from: "the *Yemen*-based Houthis".
    subject = reading.subject
    describing = {w.i for w in subject.subtree} if subject is not None else set()
    if reading.chain[-1].i in describing:
        describing -= {w.i for w in reading.chain[-1].subtree}  # "an officer *stationed in* …"
    for token in reading.trigger.sent:
        place = ctx.place_at(token)
        if place is None or not place.country or place.country in own or token.i in describing:
            continue
        if _clause_of(token).i == clause and same_line(token, reading.trigger):
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
    if any(e.type == type_ and {e.source, e.target} == pair for e in earlier):
        return True
    # "condemned the arrest of *these* protestors": a demonstrative points back at the
    # event told before by the same side, however its other side was named.
    return _demonstrative(reading.trigger) and any(
        e.type == type_ and e.source == source for e in earlier
    )


def _demonstrative(noun: Token) -> bool:
    """ "this attack", "the arrest of these protesters"."""
    words = [noun, *(w for prep in noun.children if prep.lower_ == "of" for w in prep.children)]
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for w in words for c in w.children)


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
        subject, _ = subject_of(control_chain(reporter_verb))
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
    """negated, hypothetical, "refused" (an act denied in the future or refused), or
    one of the intended kinds: "promised" (a commitment or a plain future), "threatened",
    "decided" (the act decided on), "planned" (a plan or preparation: "announced plans
    to pull out", "is preparing to strike" — a hostile act planned is no threat)."""
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
        nodes = _governing_chain(reading)
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
            elif (
                child.dep_ == "aux"
                and child.lower_ in cues.backshifted_auxiliaries
                and _told_as_future(cues, reading.chain[-1])
            ):
                found.add("promised")  # "said it would send aid": "will", reported
            elif child.dep_ == "aux" and _owes_cooperation(lexicon, reading, child):
                found.add("promised")
            elif child.dep_ == "aux" and child.lower_ in cues.hypothetical_auxiliaries:
                found.add("hypothetical")
            elif child.dep_ == "aux" and child.lower_ in cues.future_auxiliaries:
                found.add("promised")
            elif child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
                found.add("hypothetical")
            elif child.dep_ == "advmod" and child.lower_ in cues.hedges:
                found.add("hypothetical")
        if node is not trigger:
            if _owes_cooperation(lexicon, reading, node):
                found.add("promised")
            if _is_scheduled(lexicon, node):
                found.add("planned")
            words = (node.lemma_.lower(), node.lower_)
            for kind, listed in (
                ("threatened", cues.threat_words),
                ("planned", cues.planning_words),
                ("promised", cues.promise_words),
                ("decided", cues.deciding_words),
            ):
                if any(w in listed for w in words):
                    found.add(kind)
                    break
            if node.lemma_.lower() in cues.negating_words:
                found.add("negated")
            if node.lemma_.lower() in cues.refusing_words:
                found.add("refused")
    if is_question(reading.chain[-1]):
        found.add("hypothetical")
    top = nodes[-1] if nodes else trigger
    if top.dep_ == "acl" and top.head.lemma_.lower() in cues.intent_nouns:
        found.add("planned" if top.head.lemma_.lower() in cues.planning_words else "promised")
    # "refused to meet", "will not negotiate", "is not ready to help": a refusal.
    intended = {"promised", "planned"} & found
    if "hypothetical" not in found and ("refused" in found or ("negated" in found and intended)):
        return "refused"
    for status in ("negated", "hypothetical", "threatened", "promised", "planned", "decided"):
        if status in found:
            return status
    return None


def _is_scheduled(lexicon: Lexicon, node: Token) -> bool:
    """ "The president *is to* visit China", "talks *are to* resume": "be to" with an
    infinitive tells what is arranged to happen, not what happened — when its subject
    is the party or the event ("his intention *was to* seek support" tells the aim)."""
    if node.lemma_ != "be" or not any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in node.children
    ):
        return False
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    lemma = subject.lemma_.lower()
    if lemma in lexicon.cues.intent_nouns:
        return False
    return subject.pos_ == "PRON" or _names_a_party(lexicon.cues, subject) or lemma in lexicon.nouns


def _owes_cooperation(lexicon: Lexicon, reading: Reading, word: Token) -> bool:
    """ "We must negotiate", "I have to consult the speaker": a speaker's own duty to
    cooperate is a commitment to it (AGREE), not a mere possibility."""
    speech = lexicon.speech
    if reading.frame.type not in lexicon.cues.promised_types:
        return False
    subject = reading.subject
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    if word.dep_ == "aux":
        return word.lower_ in speech.obligation_auxiliaries
    return word.lemma_.lower() in speech.obligation_verbs


def _told_as_future(cues: Cues, top: Token) -> bool:
    """The clause is what someone said would happen: reported speech shifts "will"
    back to "would" ("Germany said it would send weapons"); a prediction or a
    belief ("analysts expect …", "he thinks …") is no statement of intent."""
    if top.dep_ == "ccomp" and top.head.i != top.i:
        return top.head.lemma_.lower() in cues.future_statement_verbs
    return any(
        c.dep_ == "parataxis" and c.lemma_.lower() in cues.future_statement_verbs
        for c in top.children
    )


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
                found = actors_of(ctx, prep_object(to)) if to.lower_ == "to" else []
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
            noun = prep_object(prep)
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
        candidates = [o for o in children_with(word, ("dobj",))]
        candidates += [
            pobj
            for c in word.children
            if c.dep_ == "prep" and c.lower_ in lexicon.cues.location_preps
            if (pobj := prep_object(c)) is not None
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
