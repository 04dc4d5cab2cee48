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
- "X said the blast was a Y attack": ACCUSE (allege) by X against Y; "X said Y would
  attack" foretells, it accuses of nothing done;
- "X expressed concern about Y's …", "X is worried that Y …", "X lodged a complaint
  about Y's …", "X was critical of Y": ACCUSE (disapprove) by X against the party
  whose act or policy it is about; "X expressed solidarity with Y": SUPPORT (praise);
- "X insisted that Y withdraw": a clause in the mandative subjunctive is a REQUEST
  by X of Y, whose act is its content;
- "X denied Y's claims", "X denied that …", "X denied carrying out …": REJECT by X of
  whoever voiced what X denies;
- "X warned Y that …": a threat only of X's own hostile act to come;
- "Y is a traitor" in X's words, "X called Y's deal lousy": X judging Y, ACCUSE
  (disapprove) or SUPPORT (praise) by the judgement's valence (VADER's lexicon); "X
  described the attacks as cowardly": an act condemned, ACCUSE against its doers.

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
# "concerned", "worried": an adjective, or a participle the tagger took for a verb.
FEELING_POS = frozenset({"ADJ", "VERB"})
# Objects of "deny" that stand for what was said before: "Russia denied *it*".
ANAPHORIC_OBJECTS = frozenset({"it", "this", "that"})


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
            yield from _judgements(ctx, lexicon, token)
        if lemma in words.voicing_verbs:
            yield from _voiced_concerns(ctx, lexicon, token)
            yield from _voiced_praise(ctx, lexicon, token)
        if lemma in words.denying_verbs:
            yield from _denials(ctx, lexicon, token)
        if lemma in words.mandating_verbs:
            yield from _mandates(ctx, lexicon, token)
        if lemma in words.warning_verbs and _warns_of_no_threat(ctx, lexicon, token):
            yield Reading(token, Frame(type=NO_EVENT), [token], None)
            continue
        frame = _speech_frame(lexicon, token)
        if frame is None:
            continue
        if frame.type == "REJECT":
            yield from _rebuttals(ctx, lexicon, token, frame)
        yield from _performed(ctx, token, frame)
        yield from _reciprocal(ctx, token, frame)
    for token in ctx.words_of(FEELING_POS):
        if token.lower_ in words.concern_adjectives:
            yield from _concerned(ctx, lexicon, token)
        elif token.lower_ in words.critical_adjectives:
            yield from _critical(ctx, lexicon, token)


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
    cues = lexicon.cues
    foretelling = cues.future_auxiliaries | cues.hypothetical_auxiliaries
    for clause in _reported_clauses(verb):
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "X said Y did not …" accuses nobody
        threat = _threat_foretold(ctx, lexicon, clause, speakers)
        if threat is not None:
            yield threat
            continue
        if not alleging and any(
            c.dep_ == "aux" and c.lower_ in foretelling for c in clause.children
        ):
            continue  # "X warned Y would attack" foretells; it accuses of nothing done
        act = _attributed_act(lexicon, clause)
        if act is not None:
            # "said the blast was a Hamas attack", "… one of the worst attacks by Y"
            doers = named_doers(ctx, lexicon, act)
            blamed = [a for a in doers if not any(_own_side(ctx, s, a) for s in speakers)]
            if blamed:
                yield Reading(verb, ALLEGATION, chain, subject, speakers, blamed)
            continue
        accused = _doer(clause)
        if accused is None:
            continue
        targets = [
            a
            for a in actors_of(ctx, accused)
            or named_doers(ctx, lexicon, accused)
            or _agents_of(ctx, accused)
            if not any(_own_side(ctx, speaker, a) for speaker in speakers)
        ]
        if alleging:
            # "claimed that the rally violated a ban": an allegation even when the one
            # it is against has no name; "claimed it had won" is about the speaker.
            if not targets and (accused.pos_ == "PRON" or actors_of(ctx, accused)):
                continue
        elif not (targets and _is_wrongdoing(ctx, lexicon, words, clause, targets)):
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


def _threat_foretold(
    ctx: DocContext, lexicon: Lexicon, clause: Token, speakers: list[str]
) -> Reading | None:
    """ "The militants said (that) the hostages would be killed": a party foretelling a
    hostile act done to others by no one named threatens it itself (the act, coded
    with its "would", becomes a THREATEN by the manual's single-type rule). A body
    that speaks for no state (the UN, an NGO) or a news agency only warns of it."""
    cues = lexicon.cues
    future = cues.future_auxiliaries | cues.backshifted_auxiliaries
    if not any(c.dep_ == "aux" and c.lower_ in future for c in clause.children):
        return None
    if not any(c.dep_ == "auxpass" for c in clause.children) or any(
        c.dep_ == "agent" for c in clause.children
    ):
        return None
    if any(
        (actor := ctx.actor(s)) is not None and actor.kind in INDEPENDENT_KINDS for s in speakers
    ):
        return None
    frame = _clause_frame(ctx, lexicon, clause, speakers)
    if frame is None or frame.type not in cues.threat_modes:
        return None
    patient = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    named = actors_of(ctx, patient)
    if any(_own_side(ctx, s, a) for s in speakers for a in named):
        return None  # "said its soldiers would be killed" threatens no one
    chain = control_chain(clause)
    return Reading(clause, frame, chain, patient, list(speakers), named, passive=True)


def _attributed_act(lexicon: Lexicon, clause: Token) -> Token | None:
    """The hostile act a copular clause says something was: "the blast was *a Hamas
    attack*", "it was one of the worst *attacks* by the Tigers"."""
    if clause.lemma_.lower() != "be":
        return None
    for attr in children_with(clause, ("attr",)):
        noun: Token | None = attr
        if attr.pos_ == "NUM" or attr.lower_ == "one":
            noun = next((prep_object(c) for c in attr.children if c.lower_ == "of"), attr)
        if noun is None:
            continue
        frames = lexicon.nouns.get(noun.lemma_.lower(), ()) if noun.pos_ == "NOUN" else ()
        # Any of its readings: "attack" is first a verbal attack, with words to show it.
        if any(f.type in lexicon.speech.hostile_types for f in frames):
            return noun
    return None


def _agents_of(ctx: DocContext, noun: Token) -> list[str]:
    """Who a participle says made the thing that acted: "the test *announced by North
    Korea* undermines security", "the missiles *fired by Hamas* hit …"."""
    return [
        a
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for agent in acl.children
        if agent.dep_ == "agent"
        for a in actors_of(ctx, prep_object(agent))
    ]


def _is_wrongdoing(
    ctx: DocContext, lexicon: Lexicon, words: SpeechCues, clause: Token, doers: list[str]
) -> bool:
    """The clause, a verb coordinated with it or its purpose ("built the facility *to
    disguise* …") tells of a wrongdoing or a hostile act."""
    purposes = [c for c in clause.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    for verb in (clause, *clause.conjuncts, *purposes):
        if verb.lemma_.lower() in words.wrongdoing_verbs:
            return True
        frame = _clause_frame(ctx, lexicon, verb, doers)
        if frame is not None and frame.type in words.hostile_types:
            return True
    return False


def _clause_frame(ctx: DocContext, lexicon: Lexicon, verb: Token, doers: list[str]) -> Frame | None:
    """The curated frame a reported verb takes, by what its clause shows at a glance
    (object, preposition, particle, the doer's kind): "Russia *attacked* Kyiv" is an
    assault, "the senator attacked the plan" a criticism, "struck a deal" no strike.
    The compiled CAMEO layer reads most verbs many ways."""
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "agent")}
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    kinds = {actor.kind for d in doers if (actor := ctx.actor(d)) is not None}
    for frame in lexicon.verbs.get(verb.lemma_.lower(), ()):
        if frame.compiled or frame.clause or frame.complement is not None:
            continue
        if frame.prep_object or frame.subject or frame.modifier or frame.object_person:
            continue
        if (
            (frame.object and not objects & frame.object)
            or (frame.prep and not preps & frame.prep)
            or (frame.particle and not particles & frame.particle)
            or (frame.source_kind and not kinds & frame.source_kind)
        ):
            continue
        return frame
    return None


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


# --- "X expressed concern about Y's …", "X is worried that Y …" ----------------------


def _voiced_concerns(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    words = lexicon.speech
    concerns = [
        noun
        for noun in children_with(verb, ("dobj",))
        if noun.lemma_.lower() in words.concern_nouns
        and not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    ]
    if not concerns or _negated(verb) or _caused(concerns[0], verb):
        return
    chain, subject, speakers = _voicers(ctx, verb)
    targets = _concerned_with(ctx, lexicon, (concerns[0], verb), speakers)
    if speakers and targets is not None:
        # "lodged a protest": the noun's own reading (a demonstration) is this act.
        yield Reading(concerns[0], Frame(type=NO_EVENT), [concerns[0]], None)
        yield Reading(verb, DISAPPROVAL, chain, subject, speakers, targets)


def _voiced_praise(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    """ "expressed solidarity *with* Y", "voiced gratitude *to* Y": praise of Y."""
    words = lexicon.speech
    nouns = [n for n in children_with(verb, ("dobj",)) if n.lemma_.lower() in words.praise_nouns]
    if not nouns or _negated(verb):
        return
    chain, subject, speakers = _voicers(ctx, verb)
    praised = [
        a
        for head in (nouns[0], verb)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "for")
        for a in actors_of(ctx, prep_object(prep))
        if not any(_own_side(ctx, s, a) for s in speakers)
    ]
    if speakers and praised:
        yield Reading(verb, PRAISE, chain, subject, speakers, list(dict.fromkeys(praised)))


def _concerned(ctx: DocContext, lexicon: Lexicon, feeling: Token) -> Iterator[Reading]:
    felt = _felt(ctx, lexicon, feeling)
    if felt is None:
        return
    chain, subject, speakers = felt
    targets = _concerned_with(ctx, lexicon, (feeling,), speakers)
    if targets is not None:
        yield Reading(feeling, DISAPPROVAL, chain, subject, speakers, targets)


def _critical(ctx: DocContext, lexicon: Lexicon, feeling: Token) -> Iterator[Reading]:
    """ "X was critical of *Y*", "… of *Y's* policy": disapproval of Y."""
    felt = _felt(ctx, lexicon, feeling)
    of = next((c for c in feeling.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    judged = prep_object(of)
    if felt is None or judged is None:
        return
    chain, subject, speakers = felt
    named = actors_of(ctx, judged) if ctx.token_actor[judged.i] else _party_of(ctx, lexicon, judged)
    targets = [a for a in named if not any(_own_side(ctx, s, a) for s in speakers)]
    yield Reading(feeling, DISAPPROVAL, chain, subject, speakers, targets)


def _felt(
    ctx: DocContext, lexicon: Lexicon, feeling: Token
) -> tuple[list[Token], Token | None, list[str]] | None:
    """ "X is (remains) concerned …": the feeling predicated of its subject, with the
    chain from the adjective up and the subject's actors; not an attribute
    ("concerned citizens") nor a feeling denied ("is not worried")."""
    copula = feeling.head
    if feeling.dep_ != "acomp" or copula.lemma_.lower() not in lexicon.speech.copulas:
        return None
    if _negated(copula) or _negated(feeling):
        return None
    chain, subject, speakers = _voicers(ctx, copula)
    return ([feeling, *chain], subject, speakers) if speakers else None


def _caused(*words: Token) -> bool:
    """ "The remarks raised concerns *among* experts": concern caused in others."""
    return any(c.dep_ == "prep" and c.lower_ == "among" for w in words for c in w.children)


def _voicers(ctx: DocContext, verb: Token) -> tuple[list[Token], Token | None, list[str]]:
    """Who voices a statement: the subject's actors, the quote's speaker for "we" and
    "I" in quoted words; not a news agency or the author, who only tell it."""
    chain, subject, named = _statement(ctx, verb)
    quote = ctx.token_quote[verb.i]
    if subject is not None and subject.lower_ in FIRST_PERSON and quote is not None:
        named = [quote.speaker.actor] if quote.speaker.actor else named
    return chain, subject, [a for a in named if not _is_teller(ctx, a)]


def _concerned_with(
    ctx: DocContext, lexicon: Lexicon, heads: tuple[Token, ...], speakers: list[str]
) -> list[str] | None:
    """The party a concern or complaint is about: the doer of the act it names ("about
    the arrest of leaders *by Belarus*", "that *Iran* could build a bomb"), the party
    whose policy it names ("over *China's* treatment of …"), the one it is against,
    or else the one it was raised with ("raised concerns *with Israel*"). None for a
    concern for a party ("worried about Pakistan")."""
    words = lexicon.speech
    found: list[str] = []
    addressed: list[str] = []
    for head in heads:
        for child in head.children:
            about = prep_object(child) if child.dep_ == "prep" else None
            if about is None:
                if child.dep_ in ("ccomp", "acl") and child.pos_ in VERB_POS:
                    found += actors_of(ctx, _doer(child))
            elif child.lower_ in words.addressed_prepositions:
                addressed += _party_of(ctx, lexicon, about) or actors_of(ctx, about)
            elif child.lower_ == "against":
                found += actors_of(ctx, about) or _party_of(ctx, lexicon, about)
            elif child.lower_ in words.about_prepositions:
                if about.pos_ != "PRON" and ctx.token_actor[about.i]:
                    return None
                found += _party_of(ctx, lexicon, about)
    return [
        a
        for a in dict.fromkeys(found or addressed)
        if not any(_own_side(ctx, s, a) for s in speakers)
    ]


def _party_of(ctx: DocContext, lexicon: Lexicon, about: Token) -> list[str]:
    """Who does the act an event noun names ("the arrest … *by Belarus*"; not "*his*
    kidnapping", whose possessor suffers it), or whose thing a phrase names."""
    if _is_event_noun(lexicon, about):
        return named_doers(ctx, lexicon, about)
    return _named_in(ctx, about)


def _negated(word: Token) -> bool:
    return any(c.dep_ == "neg" for c in word.children)


# --- "X denied Y's claims", "X denied that …" -----------------------------------------

DENIAL = Frame(type="REJECT")


def _denials(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    if _negated(verb):
        return  # "did not deny" rejects nothing
    chain, subject, deniers = _voicers(ctx, verb)
    if not deniers:
        return
    objects = children_with(verb, ("dobj",))
    if not objects:
        if any(_denied_clause(verb, c) for c in verb.children):
            yield Reading(verb, DENIAL, chain, subject, deniers, [])
        return
    noun = objects[0]
    lemma = noun.lemma_.lower()
    answerable = any(f.type in lexicon.cues.answerable_types for f in lexicon.nouns.get(lemma, ()))
    # "denied *it*", not the relative "that" ("the rights *that* he denied them").
    anaphoric = noun.lower_ in ANAPHORIC_OBJECTS and noun.tag_ != "WDT"
    if lemma in lexicon.speech.denied_nouns or answerable or anaphoric:
        targets = [a for a in _voiced_by(ctx, noun) if a not in deniers]
        yield Reading(verb, DENIAL, chain, subject, deniers, targets)


def _denied_clause(verb: Token, clause: Token) -> bool:
    """ "denied (that) its troops crossed …", "denied carrying out the attack"; after a
    participle only with "that" ("a statement denying that …"): "wrote denying Samoans
    citizenship violated …" is a misparse of a denial of citizenship."""
    if clause.pos_ not in VERB_POS or clause.dep_ not in ("ccomp", "xcomp"):
        return False
    if verb.tag_ in ("VBD", "VBZ", "VBP") or clause.dep_ == "xcomp":
        return True
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


# --- "X insisted that Y withdraw" -------------------------------------------------------


def _mandates(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    frames = lexicon.verbs.get(verb.lemma_.lower(), ())
    if any(f.type == REQUEST.type and not f.compiled for f in frames):
        return  # "demanded that …": the lexicon reads the request and its content
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and _mandative(c)), None)
    if clause is None:
        return
    chain, subject, askers = _voicers(ctx, verb)
    if not askers:
        return
    asked = _doer(clause)
    named = actors_of(ctx, asked)
    if any(_own_side(ctx, s, a) for s in askers for a in named):
        return  # "insisted that its troops remain": no demand of anyone else
    # The act demanded is the request's content, not an event of its own.
    request = Reading(verb, REQUEST, chain, subject, askers, named)
    request.requested = next(
        (f for f in lexicon.verbs.get(clause.lemma_.lower(), ()) if not f.compiled), None
    )
    yield Reading(clause, Frame(type=NO_EVENT), [clause], None)
    yield request


def _mandative(clause: Token) -> bool:
    """A "that"-clause in the subjunctive: the verb (or its passive "be") in the base
    form ("that Israel *withdraw*", "that the vote *be* held", "that the budget
    *include*", which the tagger reads as a plural present), or with "should"."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "should" for a in auxiliaries):
        return True
    if any(a.dep_ == "aux" for a in auxiliaries):
        return False
    finite = next((a for a in auxiliaries if a.dep_ == "auxpass"), clause)
    if finite.tag_ == "VB":
        return True
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        finite.tag_ == "VBP"
        and subject is not None
        # A singular noun: "the budget include" agrees with no present tense.
        and subject.tag_ in ("NN", "NNP")
        and not any(c.dep_ == "cc" for c in subject.children)
    )


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


# --- "X warned that …" ----------------------------------------------------------------


def _warns_of_no_threat(ctx: DocContext, lexicon: Lexicon, verb: Token) -> bool:
    """A warning that something will happen ("warned that the economy would shrink",
    "warned Iran that sanctions were coming") threatens nothing unless what is to
    happen is a hostile act of the warner's side ("warned that *it would retaliate*")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in VERB_POS]
    if not clauses:
        return False  # "warned Iran", "warned Iran against …": the lexicon's reading
    _, _, warners = _statement(ctx, verb)
    quote = ctx.token_quote[verb.i]
    if quote is not None and quote.speaker.actor:
        warners = [*warners, quote.speaker.actor]
    cues = lexicon.cues
    future = cues.future_auxiliaries | cues.backshifted_auxiliaries
    for clause in (c for top in clauses for c in (top, *top.conjuncts)):
        if not any(a.dep_ == "aux" and a.lower_ in future for a in clause.children):
            continue
        doer = _doer(clause)
        if doer is None:
            continue
        named = actors_of(ctx, doer)
        own = doer.pos_ == "PRON" or any(_own_side(ctx, w, a) for w in warners for a in named)
        # The compiled CAMEO layer too: "retaliate" is a threat there alone.
        frames = [
            _clause_frame(ctx, lexicon, clause, named),
            *lexicon.verbs.get(clause.lemma_.lower(), ()),
        ]
        if own and any(f is not None and f.type in lexicon.speech.hostile_types for f in frames):
            return False
    return True


# --- "I warn …" in someone's words, "X and Y praised each other" -----------------------


def _performed(ctx: DocContext, verb: Token, frame: Frame) -> Iterator[Reading]:
    """A speech act the speaker performs in quoted words ("I warn all Muslims …"):
    the lexicon's frame may want an actor as its object, the speaker's act does not."""
    quote = ctx.token_quote[verb.i]
    speaker = quote.speaker.actor if quote is not None and quote.kind != "indirect" else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or subject is None or subject.lower_ not in FIRST_PERSON:
        return
    if _negated(verb):
        return  # "I never threaten anybody" performs no threat
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


def _judgements(ctx: DocContext, lexicon: Lexicon, verb: Token) -> Iterator[Reading]:
    words = lexicon.speech
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
        # "X is angry": the subject's feeling, not a judgement of the subject.
        if w is not None and w.lower_ not in words.concern_adjectives
    ]
    if not naming and _attributed_act(lexicon, verb) is not None:
        return  # "the blast was a Hamas attack" tells what it was (an allegation)
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
    elif speakers and valence < 0 and _is_event_noun(lexicon, judged):
        # "described the attacks as cowardly": an act condemned (manual, ACCUSE:
        # "condemn, decry a policy or an action"), against its doers when named.
        doers = [
            a
            for a in named_doers(ctx, lexicon, judged)
            if not any(_own_side(ctx, s, a) for s in speakers)
        ]
        yield Reading(verb, DISAPPROVAL, chain, subject, speakers, doers, status="actual")


def _is_event_noun(lexicon: Lexicon, noun: Token) -> bool:
    frames = lexicon.nouns.get(noun.lemma_.lower(), ()) if noun.pos_ == "NOUN" else ()
    return bool(frames) and frames[0].type != NO_EVENT


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
