"""Speech acts a statement performs through its complement, not through one trigger word.

The lexicon's verb frames code what a statement verb says by itself ("X accused Y",
"X urged Y to …"). These rules read the statement and its complement clause, with
the words of ``src/dyad/data/events/speech.yaml``, by the PLOVER manual:

- "X claimed (that) Y …", "X alleged Y …": ACCUSE (allege) by X against Y;
- "X said Y lied", "X said Y attacked …": ACCUSE by X against Y when what Y is said
  to have done is a wrongdoing and X is no mere teller (a news agency, the author);
- "X wanted / asked / told Y to …": REQUEST by X of Y (object control);
- "Y must …" in words X is quoted or reported as saying: REQUEST by X of Y;
- "Don't stop pursuing him!" in X's quoted words: an imperative, REQUEST by X, whose
  content is the act commanded (not an event of its own);
- "X dismissed / rejected Y's criticism (demand, threat)": REJECT by X of Y, the
  one who voiced it (not of whom it was about);
- "I warn …", "we condemn …" in X's quoted words: the act itself, by X, even when
  its object names no actor;
- "X and Y praised each other": the act both ways;
- "Y is a traitor" in X's words, "X called Y's deal lousy": X judging Y, ACCUSE
  (disapprove) or SUPPORT (praise) by the judgement's valence (VADER's lexicon).

Each rule yields a ``Reading`` that the extractor codes like any other (time, place,
evidence, deduplication against the lexicon's own reading of the same verb).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from dyad.events.arguments import (
    FIRST_PERSON,
    actors_of,
    children_with,
    control_chain,
    named_doers,
    prep_object,
    slot_words,
    subject_of,
)
from dyad.events.context import STATE_KINDS, DocContext
from dyad.events.extract import NO_EVENT, TELLERS, Reading
from dyad.events.lexicon import Frame, Lexicon, SpeechCues

ALLEGATION = Frame(type="ACCUSE", mode="allege")
REQUEST = Frame(type="REQUEST")
# Who speaks for no state, even the one it is based in.
INDEPENDENT_KINDS = frozenset({"ngo", "igo", "media"})
# Where a request names whom it is addressed to: "called *on* X to", "appealed *to* X to".
ADDRESSEE_PREPS = frozenset({"on", "upon", "to"})
VERB_POS = frozenset({"VERB", "AUX"})


def speech_readings(ctx: DocContext, lexicon: Lexicon) -> Iterator[Reading]:
    words = lexicon.speech
    for token in ctx.words_of(VERB_POS):
        lemma = token.lemma_.lower()
        if lemma in words.alleging_verbs or lemma in words.stating_verbs:
            yield from _accusations(ctx, lexicon, token)
        if lemma in words.requesting_verbs:
            yield from _requests(ctx, token)
        if _is_obliged(words, token):
            yield from _obligations(ctx, lexicon, token)
        if _is_imperative(words, token):
            yield from _commands(ctx, lexicon, token)
        if lemma in words.copulas or lemma in words.naming_verbs:
            yield from _judgements(ctx, words, token)
        frame = _speech_frame(lexicon, token)
        if frame is None:
            continue
        if frame.type == "REJECT":
            yield from _rebuttals(ctx, lexicon, token, frame)
        yield from _performed(ctx, token, frame)
        yield from _reciprocal(ctx, token, frame)


def _speech_frame(lexicon: Lexicon, verb: Token) -> Frame | None:
    """The curated lexicon's reading of a verb as a speech act, when the verb has one
    that asks nothing of its words ("pledge" is a threat only with "to crush …")."""
    for frame in lexicon.verbs.get(verb.lemma_.lower(), ()):
        if frame.compiled or _conditional(frame):
            continue
        return frame if frame.type in lexicon.cues.speech_act_types else None
    return None


def _conditional(frame: Frame) -> bool:
    return bool(
        frame.prep
        or frame.particle
        or frame.object
        or frame.clause
        or frame.prep_object
        or frame.subject
        or frame.modifier
        or frame.source_kind
        or frame.complement is not None
        or frame.object_person
        or frame.object_actor is False
    )


def _statement(ctx: DocContext, verb: Token) -> tuple[list[Token], Token | None, list[str]]:
    """The verb's control chain, its active subject and the actors the subject names
    (none for a passive: "was asked to" says nothing of who asked)."""
    chain = control_chain(verb)
    subject, passive = subject_of(chain)
    if subject is None or passive:
        return chain, None, []
    return chain, subject, actors_of(ctx, subject, acting=True)


# --- "X claimed Y …", "X said Y lied" ---------------------------------------------


def _accusations(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    words = lexicon.speech
    chain, subject, named = _statement(ctx, verb)
    speakers = [a for a in named if not _is_teller(ctx, a)]
    if not speakers:
        return
    alleging = verb.lemma_.lower() in words.alleging_verbs
    for clause in _reported_clauses(verb):
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "X said Y did not …" accuses nobody
        accused = _doer(clause)
        if accused is None:
            continue
        targets = [
            a
            for a in actors_of(ctx, accused) or named_doers(ctx, lexicon, accused)
            if not any(_own_side(ctx, speaker, a) for speaker in speakers)
        ]
        if alleging:
            # "claimed that the rally violated a ban": an allegation even when the one
            # it is against has no name; "claimed it had won" is about the speaker.
            if not targets and (accused.pos_ == "PRON" or actors_of(ctx, accused)):
                continue
        elif not (targets and _is_wrongdoing(lexicon, words, clause)):
            continue
        yield Reading(verb, ALLEGATION, chain, subject, speakers, targets)


def _reported_clauses(verb: Token) -> list[Token]:
    """What a statement verb says: its complement clause ("said (that) Y …"), or the
    clause it interrupts ("Y lied, X said")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in VERB_POS]
    if verb.dep_ == "parataxis" and verb.head.pos_ in VERB_POS and verb.head.i < verb.i:
        clauses.append(verb.head)
    return clauses


def _doer(clause: Token) -> Token | None:
    """Who the clause says acted: its subject, or the agent of a passive."""
    for child in clause.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return prep_object(child)
    return None


def _is_wrongdoing(lexicon: Lexicon, words: SpeechCues, clause: Token) -> bool:
    """The clause, a verb coordinated with it or its purpose ("built the facility *to
    disguise* …") tells of a wrongdoing or a hostile act."""
    purposes = [c for c in clause.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    for verb in (clause, *clause.conjuncts, *purposes):
        lemma = verb.lemma_.lower()
        if lemma in words.wrongdoing_verbs:
            return True
        # The curated frames only: the compiled CAMEO layer reads most verbs many ways.
        frames = [f for f in lexicon.verbs.get(lemma, ()) if not f.compiled]
        if frames and frames[0].type in words.hostile_types:
            return True
    return False


def _own_side(ctx: DocContext, speaker_id: str, other_id: str) -> bool:
    """The speaker, the group they speak for, or their own state: "Britain must leave"
    in the prime minister's words asks nothing of an adversary."""
    if speaker_id == other_id:
        return True
    speaker, other = ctx.actor(speaker_id), ctx.actor(other_id)
    if speaker is None or other is None:
        return False
    same_country = other.country is not None and other.country == speaker.country
    # A state's own public bodies act for it: "the Federal Aviation Office of Germany
    # has suspended the permit, German officials said" accuses no one.
    own_body = speaker.kind in STATE_KINDS and other.kind == "organization"
    return speaker.affiliation == other.id or (
        same_country
        and (other.kind in STATE_KINDS or (own_body and other.sector in (None, "GOV")))
        # A watchdog or an agency speaks for itself, not for the state it is based in.
        and speaker.kind not in INDEPENDENT_KINDS
    )


def _is_teller(ctx: DocContext, actor_id: str) -> bool:
    actor = ctx.actor(actor_id)
    return actor is not None and actor.kind in TELLERS


# --- "X asked Y to …" ---------------------------------------------------------------


def _requests(ctx: DocContext, verb: Token) -> Iterator[Reading]:
    chain, subject, sources = _statement(ctx, verb)
    if not sources:
        return
    addressee = _addressee(verb)
    named = actors_of(ctx, addressee) or actors_of(ctx, _example(addressee))
    targets = [a for a in named if a not in sources]
    if targets:
        yield Reading(verb, REQUEST, chain, subject, sources, targets)


def _addressee(verb: Token) -> Token | None:
    """Whom a request is made of: the object controlling its "to"-clause ("urged *Hamas*
    to meet", "called on *Iran* to stop"), or the subject of a "to"-clause the parser
    made a clause of its own ("wanted *the politicians* to stop")."""
    for clause in children_with(verb, ("xcomp", "ccomp")):
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        own = [c for c in clause.children if c.dep_ == "nsubj"]
        if own:
            return own[0]
        objects = children_with(verb, ("dobj",))
        if objects:
            return objects[0]
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ADDRESSEE_PREPS:
                if prep.i < clause.i and (pobj := prep_object(prep)) is not None:
                    return pobj
    return None


def _example(noun: Token | None) -> Token | None:
    """The named member of a group noun: "allies *such as Germany*"."""
    for prep in noun.children if noun is not None else ():
        if prep.dep_ == "prep" and prep.lower_ == "as":
            if any(c.lower_ == "such" for c in prep.children) or prep.nbor(-1).lower_ == "such":
                return prep_object(prep)
    return None


# --- "X dismissed Y's criticism" ----------------------------------------------------


def _rebuttals(ctx: DocContext, lexicon: Lexicon, verb: Token, frame: Frame) -> Iterator[Reading]:
    chain, subject, sources = _statement(ctx, verb)
    if not sources:
        return
    for noun in children_with(verb, ("dobj",)):
        frames = lexicon.nouns.get(noun.lemma_.lower(), ())
        if not any(f.type in lexicon.cues.answerable_types for f in frames):
            continue
        targets = [a for a in _voiced_by(ctx, noun) if a not in sources]
        yield Reading(verb, frame, chain, subject, sources, targets)


def _voiced_by(ctx: DocContext, noun: Token) -> list[str]:
    """Who made a statement a noun names: "*Iran's* demand", "criticism *from Democrats*",
    "*American* criticism"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return actors_of(ctx, child)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
            return actors_of(ctx, prep_object(child))
        if child.dep_ in ("amod", "compound") and (named := ctx.token_actor[child.i]):
            return [named]
    return []


# --- "I warn …" in someone's words, "X and Y praised each other" -----------------------


def _performed(ctx: DocContext, verb: Token, frame: Frame) -> Iterator[Reading]:
    """A speech act the speaker performs in quoted words ("I warn all Muslims …"):
    the lexicon's frame may want an actor as its object, the speaker's act does not."""
    quote = ctx.token_quote[verb.i]
    speaker = quote.speaker.actor if quote is not None and quote.kind != "indirect" else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or subject is None or subject.lower_ not in FIRST_PERSON:
        return
    targets = [
        a for slot in frame.target for w in slot_words(verb, slot) for a in actors_of(ctx, w)
    ]
    yield Reading(
        verb,
        frame,
        control_chain(verb),
        subject,
        [speaker],
        [a for a in dict.fromkeys(targets) if a != speaker],
        status="actual",
    )


def _reciprocal(ctx: DocContext, verb: Token, frame: Frame) -> Iterator[Reading]:
    """ "Clinton and Obama complimented *each other*": one act each way."""
    if not any(
        c.dep_ in ("dobj", "pobj") and c.lower_ == "other"
        for w in (verb, *verb.children)
        for c in w.children
    ):
        return
    chain, subject, sides = _statement(ctx, verb)
    for source in sides:
        for target in sides:
            if source != target:
                yield Reading(verb, frame, chain, subject, [source], [target])


# --- "Y is a traitor", "called the deal lousy" ---------------------------------------

DISAPPROVAL = Frame(type="ACCUSE", mode="disapprove")
PRAISE = Frame(type="SUPPORT", mode="praise")
NAMING = Frame(type=NO_EVENT)
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd", "xcomp"})
COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    """VADER's valence lexicon: word -> mean rating from -4 (worst) to +4 (best)."""
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    return {
        fields[0]: float(fields[1])
        for line in text.splitlines()
        if len(fields := line.split("\t")) > 1
    }


def _judgements(ctx: DocContext, words: SpeechCues, verb: Token) -> Iterator[Reading]:
    naming = verb.lemma_.lower() in words.naming_verbs
    if naming and _gives_a_name(verb):
        yield Reading(verb, NAMING, [verb], None)
        return
    judged = _judged(verb, naming)
    predicates = [
        w
        for c in verb.children
        if c.dep_ in PREDICATE_DEPS or (naming and c.dep_ == "prep" and c.lower_ == "as")
        for w in (prep_object(c) if c.dep_ == "prep" else c, *c.conjuncts)
        if w is not None
    ]
    if naming and judged is not None:
        predicates += _postposed_adjectives(judged)
    if judged is None or not predicates:
        return
    if naming:
        # "called him a traitor": the verb names, whatever the judgement's strength.
        yield Reading(verb, NAMING, [verb], None)
    valence = _valence(predicates)
    if any(c.dep_ == "neg" for c in verb.children):
        valence = -valence  # "not helpful"
    if abs(valence) < words.judgement_valence:
        return
    chain, subject, namers = _statement(ctx, verb) if naming else (control_chain(verb), judged, [])
    speakers = namers if naming else _judge(ctx, words, verb)
    speakers = [a for a in speakers if not _is_teller(ctx, a)]
    targets = [a for a in _named_in(ctx, judged) if not any(_own_side(ctx, s, a) for s in speakers)]
    if valence > 0 and not ctx.token_actor[judged.i]:
        return  # praise of someone's plans or objectives is not support of them
    if speakers and targets:
        frame = PRAISE if valence > 0 else DISAPPROVAL
        yield Reading(verb, frame, chain, subject, speakers, targets, status="actual")


def _gives_a_name(verb: Token) -> bool:
    """The verb names what it is about, whose place is empty: "*what* the military
    calls Task Force Lightning", "a mission the military calls Task Force Lightning"
    (a relative clause with its own subject and the name as its object)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    if any(o.tag_ in ("WP", "WDT") for o in objects):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.dep_ == "relcl"
        and subject is not None
        and subject.tag_ not in ("WP", "WDT")
        and any(o.pos_ == "PROPN" for o in objects)
    )


def _postposed_adjectives(noun: Token) -> list[Token]:
    """ "called the deal \"lousy\"": the parser hangs a quoted adjective after its noun
    on the noun; English puts a noun's own adjectives before it."""
    return [c for c in noun.rights if c.dep_ == "amod" and c.pos_ == "ADJ"]


def _judged(verb: Token, naming: bool) -> Token | None:
    """What a judgement is about: the subject of "is", the object of "called"."""
    deps = ("dobj",) if naming else ("nsubj",)
    return next((c for c in verb.children if c.dep_ in deps), None)


def _named_in(ctx: DocContext, judged: Token) -> list[str]:
    """The actor a judged phrase names itself ("Abbas", "May's deal"): not one read into
    a pronoun or a common noun ("he was dead", "the troops are ready")."""
    if judged.pos_ == "PRON":
        return []
    words = [judged, *(c for c in judged.children if c.dep_ in ("poss", "compound", "amod"))]
    return list(dict.fromkeys(a for w in words if (a := ctx.token_actor[w.i])))


def _valence(predicates: list[Token]) -> float:
    """The strongest valence among the predicate words and their modifiers; a
    comparison ("far grander than …") measures, it does not judge."""
    valences = _valences()
    found = [
        valences.get(w.lower_, valences.get(w.lemma_.lower(), 0.0))
        for p in predicates
        if not any(c.dep_ == "prep" and c.lower_ == "than" for c in p.children)
        for w in (p, *(c for c in p.children if c.dep_ in ("amod", "advmod", "compound")))
        if w.tag_ not in COMPARATIVE_TAGS
    ]
    return max(found, key=abs, default=0.0)


def _judge(ctx: DocContext, words: SpeechCues, verb: Token) -> list[str]:
    """Who voices a judgement: the speaker of the quote it is in, or the subject of
    the statement verb it is the complement of ("X said Y was corrupt")."""
    quote = ctx.token_quote[verb.i]
    if quote is not None and quote.speaker.actor and not ctx.is_author(quote.speaker.actor):
        return [quote.speaker.actor]
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in words.stating_verbs:
        return _statement(ctx, head)[2]
    return []


# --- "Y must …" in someone's words ----------------------------------------------------


def _is_obliged(words: SpeechCues, verb: Token) -> bool:
    """ "must stop", "should end", "needs to withdraw", "have to consult"."""
    if any(c.dep_ == "aux" and c.lower_ in words.obligation_auxiliaries for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in words.obligation_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _obligations(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    quote = ctx.token_quote[verb.i]
    speaker = quote.speaker.actor if quote is not None else None
    if speaker is None or _is_teller(ctx, speaker):
        return
    chain, subject, _ = _statement(ctx, verb)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return  # "we must …" commits the speaker; it asks nothing of anyone
    targets = [a for a in actors_of(ctx, subject) if not _own_side(ctx, speaker, a)]
    if targets:
        yield from _demand(lexicon, Reading(verb, REQUEST, chain, subject, [speaker], targets))


# --- "Release them!" in someone's words -----------------------------------------------

# What may open an imperative clause before its verb: "*Do n't* stop", "*Please* release".
IMPERATIVE_OPENERS = frozenset({"do", "n't", "not", "please", "so", "and", "now", "then"})
IMPERATIVE_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "prt", "prep"})


def _is_imperative(words: SpeechCues, verb: Token) -> bool:
    """A verb in the base form that opens its clause with no subject and no
    auxiliary but "do": the imperative mood ("Release them", "…, so don't stop")."""
    if verb.tag_ != "VB" or verb.lemma_.lower() in words.discourse_verbs:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in verb.children):
        return False
    # An act on something ("Release *our people*", "stop *pursuing* him", "withdraw
    # *from* …"), not an attitude urged ("Stay firm", "Stay together").
    if not any(c.dep_ in IMPERATIVE_OBJECT_DEPS for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return False  # "to pay off a home, *provide* for their kids": the subject is shared
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].lower_ in IMPERATIVE_OPENERS:
        start -= 1
    if start == verb.sent.start:
        return True
    # After a comma only with a word that opens a new clause ("…, so don't stop"),
    # not in a list or an aside ("…, call them what you will").
    before = verb.doc[start - 1]
    return before.is_punct and (before.text != "," or start < verb.i)


def _commands(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    quote = ctx.token_quote[verb.i]
    # A partial quote may leave the verb's subject outside it ("said the charges
    # "strike at the heart of …"").
    if quote is None or quote.kind != "direct":
        return
    speaker = quote.speaker.actor
    if speaker is None or _is_teller(ctx, speaker):
        return
    yield from _demand(lexicon, Reading(verb, REQUEST, [verb], None, [speaker], []))


def _demand(lexicon: Lexicon, request: Reading) -> Iterator[Reading]:
    """A demand voiced in the words of its act ("Russia must negotiate", "Release
    them"): the act demanded is the request's content, not an event of its own."""
    verb = request.trigger
    # The first curated reading that is an event ("release" first reads "released a
    # statement" as no event).
    request.requested = next(
        (
            f
            for f in lexicon.verbs.get(verb.lemma_.lower(), ())
            if not f.compiled and f.type != NO_EVENT
        ),
        None,
    )
    request.status = "actual"
    yield Reading(verb, Frame(type=NO_EVENT), [verb], None)
    yield request
