"""Names the knowledge base lacks: people and organisations spaCy tags, with the role and
affiliation their titles and appositions teach; people named again by one name; the
organisation an acronym spells; 'Meenakshi Ganguly of Human Rights Watch'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyad.actors.groups import kind_noun_after, kind_noun_before, member_phrase_end
from dyad.actors.kb import CAPITAL, DEMONYM, NAME, PLACE, Lexicon, ascii_id
from dyad.actors.places import (
    add_place,
    apposition_noun,
    before_its_state,
    named_as_place,
    place_of,
    under_locative,
)
from dyad.actors.roles import (
    apposition_after,
    apposition_before,
    role_sector,
    role_text,
    state_role,
    title_before,
)
from dyad.actors.state import (
    NATIONAL_KINDS,
    ORG_LABELS,
    PERSON_LABELS,
    PLACE_LABELS,
    POSSESSIVE,
    ArticleMentions,
    Found,
)
from dyad.model import Actor

WIDENED = 4  # rank of a name widened over the words that follow it ('Clinton's aides')
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
DASHES = {"-", "–", "—"}
# Words before a capitalised phrase that make it a title or description, not a name.
TITLE_OPENERS = {"the", "a", "an", "former", "then"}
# Determiners before a name that make it anyone of that name ('every Murphy').
GENERIC_DETERMINERS = frozenset({"every", "each", "any"})
# An aircraft's or weapon's designation: 'E-3', 'UH-60', 'MiG-29', 'A320' (not 'M5S').
MODEL_CODE = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d+[A-Za-z]?$|^[A-Z]{1,3}\d{2,}$")


# -- the passes ---------------------------------------------------------------------


def add_people(article: ArticleMentions, matched: set[int]) -> None:
    """People spaCy tags that no knowledge-base alias covered."""
    people = [e for e in article.ents if e.label_ in PERSON_LABELS]
    for ent in sorted(people, key=lambda e: e.start):
        if not any(t.i in matched or t.i in article.claimed for t in ent):
            _add_local_person(article, ent)
    _untagged_after_title(article)


def _untagged_after_title(article: ArticleMentions) -> None:
    """'Liberal MP Borys Wrzesnewskyj': two or more capitalised words after a title that
    spaCy tagged as nothing are a person's name."""
    doc = article.doc
    lex = article.lex
    for token in article.tokens_of(lex.role_nouns | lex.honorifics | {"mp"}):
        first = stop = token.i + 1
        while (
            stop < len(doc)
            and doc[stop].pos_ == "PROPN"
            and doc[stop].is_title
            and not doc[stop].ent_type_
            and stop not in article.claimed
            and doc[stop].lower_ not in lex.title_words
        ):
            stop += 1
        words = [t.lower_ for t in doc[first:stop]]
        if stop - first >= 2 and not any(
            w in lex.organisation_name_words or w in lex.place_name_words for w in words
        ):
            _add_local_person(article, doc[first:stop])


def add_unknown_names(article: ArticleMentions, matched: set[int]) -> None:
    """Surnames of people named earlier that spaCy tagged as something else, and
    organisations the base lacks."""
    for ent in article.ents:
        if any(t.i in article.claimed or t.i in matched for t in ent):
            continue
        words = _name_text(ent).split()
        if ent.label_ not in PERSON_LABELS and words and words[-1].lower() in article.surnames:
            known = article.surnames[words[-1].lower()]
            if len(words) == 1:
                _add_short_name(article, ent.start, ent.end, known)
        elif ent.label_ in ORG_LABELS:
            short = _acronym_of(article, ent)
            if short is not None:  # 'the Commonwealth of Independent States' ... 'the CIS'
                article.add(Found(ent.start, ent.end, short, 2), article.actors[short])
            else:
                add_local_org(article, ent)
        elif ent.label_ in PLACE_LABELS and (
            under_locative(article, ent) or named_as_place(article, ent)
        ):
            article.places.append(place_of(ent, None))
            article.claimed.update(range(ent.start, ent.end))
    # 'Earnest told reporters': a surname spaCy did not tag
    for token in article.tokens_of(article.surnames):
        if (
            token.i not in article.claimed
            and (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text.istitle()))
            and token.text[:1].isupper()
        ):
            _add_short_name(article, token.i, token.i + 1, article.surnames[token.lower_])


def add_people_of_organisations(article: ArticleMentions) -> None:
    """'Meenakshi Ganguly of Human Rights Watch': a name before 'of' and an organisation
    is a person of that organisation, even when spaCy tagged it otherwise."""
    doc = article.doc
    for found in sorted(article.found, key=lambda f: f.start):
        actor = article.actors[found.actor]
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
            and doc[first - 1].i not in article.claimed
        ):
            first -= 1
        lex = article.lex
        if (
            of - first >= 2
            and doc[first].lower_ not in lex.title_words
            # 'First Minister of Scotland X', 'New Zealand First Member of Parliament X'
            and doc[of - 1].lower_ not in lex.role_nouns | lex.unnamed_person_nouns
            # 'Conyers, the former Democratic Dean of the House': no name takes 'the'
            and (first == 0 or doc[first - 1].lower_ not in TITLE_OPENERS)
        ):
            span = doc[first:of]
            add_person(article, first, of, kb_person(article, span), affiliation_hint=actor.id)


# -- people ---------------------------------------------------------------------------


def add_person(
    article: ArticleMentions,
    start: int,
    end: int,
    kb_id: str | None,
    affiliation_hint: str | None = None,
) -> str:
    """A person's mention; titles and appositions teach role and affiliation."""
    doc = article.doc
    role, affiliation, country = title_before(article, start)
    affiliation = affiliation or affiliation_hint
    before = apposition_before(article, start)
    after = apposition_after(article, end)
    for apposition in (before, after):
        if apposition is not None:
            role = role or apposition.role
            affiliation = affiliation or apposition.affiliation
            country = country or apposition.country
    if kb_id is not None:
        actor = article.kb.actor(kb_id, article.date)
        if role or affiliation:
            actor = _with_role(article, actor, role, affiliation, country)
    else:
        tag = _us_party_tag(article, end)
        if tag is not None:  # 'Sen. Bob Corker (R-Tenn.)': an American, a Republican
            affiliation = affiliation or tag or None
            country = country or "USA"
        name = _clean_name(doc[start:end], article.lex.title_words)
        actor = _local_actor(article, name or doc[start:end].text, role, affiliation, country)
    article.add(Found(start, end, actor.id, 3), actor)
    words = _clean_name(doc[start:end], article.lex.title_words).split()
    if words:
        article.surnames[words[-1].lower()] = actor.id
    if len(words) >= 3 and words[-2][:1].isupper() and not _initial(words[-2]):
        # 'Alejandro Encinas Rodríguez' is 'Encinas' again: two surnames
        article.surnames.setdefault(words[-2].lower(), actor.id)
    if len(words) > 1 and not _initial(words[0]):
        first = words[0].lower()
        article.first_names[first] = (
            actor.id if article.first_names.get(first, actor.id) == actor.id else ""
        )
    _learn_gender(article, actor, start, end, role)
    if before is not None:
        _shorten_owner(article, before.start)
    for apposition in (before, after):
        if apposition is not None:
            article.add(Found(apposition.start, apposition.end, actor.id, 3), actor)
    _after_person(article, start, end, actor)
    return actor.id


def _shorten_owner(article: ArticleMentions, start: int) -> None:
    """ "Al-Qaeda's leader, Osama Bin Laden": the owner's mention, widened over the
    role ("Al-Qaeda's leader"), gives the role back to the person it names."""
    doc = article.doc
    if start < 2 or doc[start - 1].text not in POSSESSIVE:
        return
    for found in article.found.covering(start):
        if found.start < start - 1:
            article.found.remove(found)
            article.found.replace(Found(found.start, start - 1, found.actor, found.rank))


def kb_person(article: ArticleMentions, span: Span) -> str | None:
    """The KB person a full name written with or without middle initials names."""
    words = _clean_name(span, article.lex.title_words).split()
    for candidate in (words, [w for w in words if not _initial(w)]):
        if len(candidate) < 2:
            continue
        for target in article.kb.lookup(" ".join(candidate)):
            entry = article.kb.entries.get(target.actor)
            if entry is not None and entry.kind == "person":
                return entry.id
    return None


def _add_local_person(article: ArticleMentions, ent: Span) -> None:
    doc = article.doc
    lex = article.lex
    tokens = [t for t in ent if t.text not in POSSESSIVE]
    if not tokens:
        return
    # spaCy's small model often cuts long names short ('Aung San Suu [Kyi]')
    first = tokens[0].i
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].text[:1].isupper()
        and doc[first - 1].i not in article.claimed
        and doc[first - 1].lower_ not in lex.title_words
        and doc[first - 1].ent_type_ in ("", "PERSON")  # not 'On Thursday Kay Ivey'
    ):
        first -= 1
    tokens = [*doc[first : tokens[0].i], *tokens]
    # ... and cuts it after a title it took in ('Superintendent Graciano [Mijares]')
    last = tokens[-1].i
    while (
        tokens[0].lower_ in lex.title_words
        and last + 1 < len(doc)
        and doc[last + 1].pos_ == "PROPN"
        and doc[last + 1].is_title
        and not doc[last + 1].ent_type_
        and doc[last + 1].i not in article.claimed
        and not _word_of_a_title_or_body(lex, doc[last + 1].lower_)
    ):
        last += 1
    tokens = [*tokens, *doc[tokens[-1].i + 1 : last + 1]]
    span = doc[tokens[0].i : tokens[-1].i + 1]
    if _common_word(article, span) or _anyone_so_named(span) or _named_after(article, span):
        return
    dashes = [t.i for t in span[1:] if t.text in DASHES and t.whitespace_]
    if dashes:  # 'Andrew Chan - Death Myuran Sukumaran - Death': a list's lines
        starts = [span.start, *(d + 1 for d in dashes)]
        for first, stop in zip(starts, [*dashes, span.end], strict=True):
            if stop - first >= 2:
                _add_local_person(article, doc[first:stop])
        return
    if _not_a_name(span):
        return
    if (
        kind_noun_after(article, span.end) is not None
        or kind_noun_before(article, span.start) is not None
        or _apposed_kind(article, span) is not None
        or _platform(article, span) is not None
    ):
        add_local_org(article, span)  # 'The Maariv newspaper': spaCy took the name for a person
        return
    title_role = []
    # Titles spaCy includes in the entity ("Admiral Harris") are roles, not names.
    while len(span) > 1 and span[0].lower_ in lex.title_words:
        title_role.append(span[0].lower_)
        span = span[1:]
    # 'Education Spokesperson Anne Smith': a portfolio before the title is the title's
    cut = max((t.i for t in span[:-1] if t.lower_ in lex.role_nouns), default=None)
    if cut is not None:
        title_role += [t.lower_ for t in span[: cut - span.start + 1]]
        span = doc[cut + 1 : span.end]
    words = _clean_name(span, lex.title_words).split()
    if not words or words[-1].lower() in lex.role_nouns:
        return  # 'Education Spokesperson': a title spaCy took for a name
    if _no_persons_name(article, span):
        return
    if (
        (len(words) > 1 and words[-1].lower() in lex.place_name_words)
        or named_as_place(article, span)
        or _names_a_site(article, span)
    ):
        add_place(article, span, None)  # 'Castlefrank Road', 'in Bhagalpur' tagged as people
        return
    if len(words) > 1 and (
        words[-1].lower() in lex.organisation_name_words
        or any(w.lower() in lex.site_name_words for w in words[1:])
    ):  # 'the Qods Force', 'the John W. McCormack Graduate School of Policy Studies'
        add_local_org(article, span)
        return
    known = article.surnames.get(words[-1].lower())
    if known is None and len(words) == 1:
        known = article.first_names.get(words[0].lower()) or None  # 'Saddam', 'Elian'
    if known is not None and (
        len(words) == 1
        or article.actors[known].name.endswith(" ".join(words))
        or article.actors[known].name.startswith(words[0] + " ")
    ):
        _add_short_name(article, span.start, span.end, known)
        return
    if _a_work(article, span):
        return  # "Channel One's Mabat news program"
    if len(words) == 1 and _title_of_a_body(doc, span.end):
        return  # 'earning him the distinction of Dean of the House of Representatives'
    if len(words) == 1 and _owns_a_government(article, span.end):
        add_place(article, span, None)  # "Goa's government announced": a place's
        return
    actor_id = add_person(article, span.start, span.end, kb_person(article, span))
    actor = article.actors[actor_id]
    role = role_text(article, title_role)
    if role and not actor.role and actor.kind == "person":
        article.actors[actor_id] = replace(actor, role=role)


def _owns_a_government(article: ArticleMentions, end: int) -> bool:
    """Is a name followed by "'s government" or "'s police"? One word named so first is a
    place's name, not a person's ('Goa's government')."""
    doc = article.doc
    return (
        end + 1 < len(doc)
        and doc[end].text in POSSESSIVE
        and doc[end + 1].lower_ in article.lex.home_agent_nouns | {"government"}
    )


def _title_of_a_body(doc: Doc, end: int) -> bool:
    """Is one capitalised word followed by 'of' and a capitalised name ('Dean of the House',
    'Chancellor of the Exchequer')? A person named by one word the article has not named
    before is written so only as a title."""
    following = doc[end + 1 : end + 3]
    if end >= len(doc) or doc[end].lower_ != "of" or not following:
        return False
    name = following[1] if following[0].lower_ == "the" and len(following) > 1 else following[0]
    return name.is_title and name.pos_ == "PROPN"


def _add_short_name(article: ArticleMentions, start: int, end: int, actor_id: str) -> None:
    """A person named again by one name; an apposition there still teaches
    ('said Eitan, the science minister'; 'Alarcon, former Cuban ambassador')."""
    actor = article.actors[actor_id]
    title = title_before(article, start)[0]
    if title:  # 'Chairman Bob Corker' after 'Sen. Bob Corker': 'the chairman' later
        article.titles.setdefault(actor_id, set()).add(title)
    tag = _us_party_tag(article, end)
    if tag is not None and actor.kb_id is None and actor.kind == "person" and not actor.country:
        actor = replace(actor, country="USA", affiliation=actor.affiliation or tag or None)
        article.actors[actor_id] = actor
        if tag:
            article.ensure_actor(tag)
    article.add(Found(start, end, actor_id, 3), actor)
    if actor.kind == "person":
        _after_person(article, start, end, actor)  # 'Bush administration officials'
    apposition = apposition_after(article, end)
    if apposition is None or actor.kind != "person":
        return
    _, _, role, affiliation, country = apposition
    if actor.kb_id is None and (not actor.role or not actor.country):
        holder = article.actors.get(affiliation) if affiliation else None
        actor = replace(
            actor,
            role=actor.role or role,
            country=actor.country
            or country
            or (holder.country if holder and holder.kind in NATIONAL_KINDS else None),
            sector=actor.sector or role_sector(article, role, holder),
        )
        article.actors[actor_id] = actor
    article.add(Found(apposition.start, apposition.end, actor_id, 3), actor)


def _us_party_tag(article: ArticleMentions, end: int) -> str | None:
    """'(R-Tenn.)', '(D-N.J.)', '(Md.)' after a name, the way US papers mark members of
    Congress: the party's id ('' when the tag names no party), None without a tag."""
    doc = article.doc
    lex = article.lex
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((t.i for t in doc[end : end + 8] if t.text == ")"), None)
    if close is None:
        return None
    inside = doc[end + 1 : close].text.replace(" ", "")
    party, _, state = inside.rpartition("-")
    if party not in lex.us_party_letters and party != "":
        return None
    if state.rstrip(".") + "." not in lex.us_state_abbreviations and (
        state not in lex.us_state_abbreviations
    ):
        return None
    return lex.us_party_letters.get(party, "")


def _learn_gender(
    article: ArticleMentions, actor: Actor, start: int, end: int, role: str | None
) -> None:
    """He or she? From a courtesy title or gendered role word, else the first name."""
    if actor.id in article.gender:
        return
    lex = article.lex
    doc = article.doc
    # the word just before the name, and one more before a comma or a title:
    # 'Mrs. X', 'Queen X', 'his stepmother, X' -- but not 'the grandmother of X'
    first = start - 1
    if start >= 2 and (doc[start - 1].text == "," or doc[start - 1].lower_ in lex.title_words):
        first = start - 2
    cues = [t.lower_ for t in doc[max(0, first) : end]]
    cues += (role or "").split() + (actor.role or "").split()
    name = (actor.name or "").split()
    if any(c in lex.male_words for c in cues):
        article.gender[actor.id] = "m"
    elif any(c in lex.female_words for c in cues):
        article.gender[actor.id] = "f"
    elif name and name[0].lower() in lex.male_names:
        article.gender[actor.id] = "m"
    elif name and name[0].lower() in lex.female_names:
        article.gender[actor.id] = "f"


def _after_person(article: ArticleMentions, start: int, end: int, actor: Actor) -> None:
    """'the Obama administration' is the state; 'Clinton's aides' act for Clinton."""
    doc = article.doc
    i = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
    if i >= len(doc):
        return
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    # 'the Obama administration' is the state he leads; "Obrador's cabinet", of a man the
    # base gives no office (nor a government code) that day, is his own
    if doc[i].lower_ in article.lex.government_nouns and (actor.role or actor.sector == "GOV"):
        state = actor.affiliation or actor.country
        holder = article.ensure_actor(state) if state in article.kb.entries else None
        if holder is not None and holder.kind == "state":
            # 'Bush administration officials' act for the state too
            last = member_phrase_end(article, i + 1)
            article.add(Found(start, last, holder.id, WIDENED), holder)
        return
    last = member_phrase_end(article, end)
    if last > end:
        article.add(Found(start, last, actor.id, WIDENED), actor)


def _local_actor(
    article: ArticleMentions,
    name: str,
    role: str | None,
    affiliation: str | None,
    country: str | None,
) -> Actor:
    """A person the base lacks; the id keeps apart namesakes of different affiliations."""
    holder = article.actors.get(affiliation) if affiliation else None
    sector = role_sector(article, role, holder)
    actor_id = "P:" + ascii_id(name) + (f"@{affiliation}" if affiliation else "")
    # Officials and fighters share their state's or group's country; an NGO's or a
    # newspaper's staff need not.
    inherits = holder is not None and holder.kind in NATIONAL_KINDS | {"person"}
    if (
        holder is None
        and country is None
        and role
        and state_role(article, role)
        and role.split()[-1] not in article.lex.affiliation_roles
    ):
        country = article.home  # 'Foreign Minister Don McKinnon' in a Wellington dispatch
    return Actor(
        id=actor_id,
        name=name,
        kind="person",
        country=country or (holder.country if holder is not None and inherits else None),
        sector=sector,
        role=role,
        affiliation=affiliation,
    )


def _with_role(
    article: ArticleMentions,
    actor: Actor,
    role: str | None,
    affiliation: str | None,
    country: str | None,
) -> Actor:
    holder = article.actors.get(affiliation) if affiliation else None
    return replace(
        actor,
        role=role or actor.role,
        affiliation=affiliation or actor.affiliation,
        sector=role_sector(article, role, holder) if (role or holder) else actor.sector,
        country=actor.country or country or (holder.country if holder else None),
    )


# -- organisations ------------------------------------------------------------------------


def add_local_org(article: ArticleMentions, ent: Span, country: str | None = None) -> None:
    """An organisation the base lacks, its kind and sector read from its name."""
    doc = article.doc
    owner = next((t for t in ent[:-2] if t.text in POSSESSIVE), None)
    if owner is not None and all(t.pos_ == "PROPN" for t in ent[owner.i - ent.start + 1 :]):
        # "Commentary's Noah Rothman": spaCy's one entity is an outlet and its writer
        add_local_org(article, doc[ent.start : owner.i], country)
        org = article.mention_ending_at(owner.i - 1)
        add_person(article, owner.i + 1, ent.end, None, org.actor if org else None)
        return
    tokens = [t for t in ent if t.text not in POSSESSIVE]
    if not tokens or tokens[0].lower_ in ("a", "an"):
        return  # 'if we only had a Nuclear Bomb': no name takes 'a'
    start = tokens[0].i + (1 if tokens[0].lower_ == "the" else 0)
    span = doc[start : tokens[-1].i + 1]
    name = _name_text(span)
    if not name or not any(t.text[:1].isupper() for t in span):
        return  # 'a more or less united guerrilla force': no name
    last = name.split()[-1].lower()
    if (
        last in article.lex.place_name_words
        or (len(span) == 1 and named_as_place(article, span))
        or _site_where(article, span)
        or _names_a_site(article, span)
        or _abbreviates_place(article, span)
    ):
        add_place(article, span, country)  # 'Parliament House', 'in Erbil': places
        return
    if last in article.lex.not_actor_name_words or name.lower() in article.lex.not_actor_names:
        return  # a law, a war, a prize, a time zone
    if name.lower() in article.lex.government_nouns:
        return  # 'the Government' written with a capital: the descriptions' state
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.is_lower and before.lower_ in article.lex.work_nouns:
        article.claimed.update(range(span.start, span.end))
        return  # "'operation Sinbad' against militias", 'the film Titanic'
    if (
        _title_not_name(article, span)
        or _not_a_name(span)
        or _a_work(article, span)
        or _common_word(article, span)
    ):
        article.claimed.update(range(span.start, span.end))
        return
    if _platform(article, span) is False:
        article.claimed.update(range(span.start, span.end))
        return  # 'wrote on Twitter': where one speaks, not who
    if _person_after_role(article, span):
        _add_local_person(article, span)  # 'estate agent Eli Melloul' tagged as a firm
        return
    known = _known_org_of_state(article, name)
    if known is not None:  # 'the United States FBI' is the base's FBI
        article.add(Found(span.start, span.end, known, 2), article.ensure_actor(known))
        return
    kind, sector = "organization", None
    for word in reversed(name.lower().split()):
        if word in article.lex.organisation_name_words:
            kind, sector = article.lex.organisation_name_words[word]
            break
    end = member_phrase_end(article, span.end)  # 'Orange Order leaders'
    kind_noun = kind_noun_after(article, end)
    if kind_noun is not None:  # 'the Maariv newspaper'
        end, kind, sector = kind_noun
    elif (noun_before := kind_noun_before(article, span.start)) is not None:
        kind, sector = noun_before  # 'the German newspaper Bild'
    elif (apposed := _apposed_kind(article, span)) is not None:
        kind, sector = apposed  # 'Jiji, a Tokyo based newswire'
    actor = Actor(id="O:" + ascii_id(name), name=name, kind=kind, country=country, sector=sector)
    article.add(Found(span.start, end, actor.id, 2), actor)


def _site_where(article: ArticleMentions, span: Span) -> bool:
    """'died at Gilchrist Hospice Care', 'surgery in the Hospital Militar', 'the residence
    in Areia Branca', 'appeared in Christchurch District Court, New Zealand': a hospital's
    or a school's name, a name before its state, or a name of no organisation's words, after
    a locative preposition is where something happened."""
    lex = article.lex
    if not under_locative(article, span) or span.root.head.lower_ not in lex.place_prepositions:
        return False
    words = [t.lower_ for t in span]
    if any(w in lex.site_name_words for w in words) or before_its_state(article, span):
        return True  # 'appeared in Christchurch District Court, New Zealand'
    before = article.doc[span.start - 1] if span.start else None
    return (
        len(words) > 1
        and (before is None or before.lower_ != "the")
        and all(t.is_title and t.pos_ == "PROPN" for t in span)
        and not article.is_organisation_name(words)
        and not any(w in lex.male_names or w in lex.female_names for w in words)
    )


def _word_of_a_title_or_body(lex: Lexicon, word: str) -> bool:
    """A word a name does not run on over: a title's, an organisation's, a place's."""
    return (
        word in lex.title_words
        or word in lex.organisation_name_words
        or word in lex.place_name_words
        or word in lex.government_nouns
        or word in lex.not_actor_name_words
    )


def _anyone_so_named(span: Span) -> bool:
    """'America is richer for every Murphy, Kelly, and O'Sullivan': a name after 'every',
    'each' or 'any', or listed with one, is anyone of that name, no one person."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in root.children)


def _named_after(article: ArticleMentions, span: Span) -> bool:
    """A person's name owning the name of a site, a building or a facility ("Tupua
    Tamasese Meaole's Acute Primary Care Clinic") is that place's name, no one who acts."""
    doc = article.doc
    after = span.end + 1 if span.end < len(doc) and doc[span.end].text in POSSESSIVE else None
    owned = article.entity_at.get(after) if after is not None else None
    if owned is None or owned.start != after:
        return False
    last = owned[-1].lower_
    return last in article.lex.site_name_words or last in article.lex.place_name_words


def _person_after_role(article: ArticleMentions, span: Span) -> bool:
    """'estate agent Eli Melloul', 'lawyer Jane Doe': two or three capitalised words right
    after a role noun in lower case are a person's name, whatever spaCy tagged them."""
    before = article.doc[span.start - 1] if span.start else None
    lex = article.lex
    return (
        before is not None
        and before.is_lower
        and before.lower_ in lex.role_nouns
        and 2 <= len(span) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
        and not any(t.lower_ in lex.organisation_name_words for t in span)
        and kind_noun_after(article, span.end) is None
        and kind_noun_before(article, span.start) is None
        and _apposed_kind(article, span) is None
    )


def _abbreviates_place(article: ArticleMentions, span: Span) -> bool:
    """'the Parliament of New South Wales (NSW)': capitals in brackets after a place's
    name, its initials, are that place's short name."""
    doc = span.doc
    acronym = span.text.replace(".", "")
    if len(span) != 1 or not span[0].is_upper or span.start < 2 or doc[span.start - 1].text != "(":
        return False
    first = span.start - 1 - len(acronym)
    words = doc[max(first, 0) : span.start - 1]
    if first < 0 or "".join(t.text[:1] for t in words) != acronym:
        return False
    return any(t.kind in (PLACE, CAPITAL) for t in article.kb.lookup(words.text))


def _names_a_site(article: ArticleMentions, span: Span) -> bool:
    """'the Khurais oil field', 'the TurkStream pipeline': a name before a site's noun in
    lower case names that site, not an actor."""
    return _before_noun_of(span, article.lex.place_name_words)


def _before_noun_of(span: Span, nouns: frozenset[str]) -> bool:
    """Does the name modify one of ``nouns`` in lower case after it ('the Khurais oil
    field')?"""
    head = span.root
    for _ in range(3):
        if head.dep_ not in ("compound", "nmod", "amod") or head.head.i < span.end:
            return False
        head = head.head
        if head.is_lower and head.lower_ in nouns:
            return True
    return False


def _title_not_name(article: ArticleMentions, span: Span) -> bool:
    """'to serve as US Surgeon General', 'the Representatives who voted': an office or
    its holders spaCy tagged as an organisation (a role noun ends it, or follows it),
    not one with a name ('the Inspector General's Office' ends in an organisation's word)."""
    lex = article.lex
    words = [t.lower_ for t in span]
    following = span.end < len(article.doc) and article.doc[span.end]
    if any(w in lex.organisation_name_words or w in lex.organisation_kind_nouns for w in words):
        return False
    if len(words) == 1 and words[0].removesuffix("s") in lex.title_words:
        return True
    if words[0] in lex.title_words | lex.role_nouns and _beside_a_person(span):
        # 'Professor Greg Barton, Chair In Global Islamic Politics', 'the Archbishop of
        # Gdańsk, Sławoj Leszek Głódź'
        return True
    return words[-1] in lex.role_nouns or bool(
        following and following.is_title and following.lower_ in lex.role_nouns
    )


def _beside_a_person(span: Span) -> bool:
    """Is the span in apposition to a person's name, or followed by ', Name'?"""
    doc = span.doc
    root = span.root
    if root.dep_ == "appos" and root.head.ent_type_ in PERSON_LABELS:
        return True
    # the name may begin with a word spaCy left out of the person ('Sławoj Leszek Głódź')
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and doc[span.end + 1].is_title
        and any(t.ent_type_ in PERSON_LABELS for t in doc[span.end + 1 : span.end + 3])
    )


def _common_word(article: ArticleMentions, span: Span) -> bool:
    """'Media reports say ...', 'Jackal horns are crafted from skulls of jackals': one
    word capitalised only because it opens a sentence, written in lower case elsewhere
    in the article."""
    if len(span) != 1 or not span[0].is_sent_start or span[0].lower_ in article.surnames:
        return False  # 'Price said', after 'Ned Price', is a surname whatever 'price' is
    word = re.escape(span[0].lower_)
    return re.search(rf"(?<![\w-]){word}(?:s|es)?(?![\w-])", article.text) is not None


def _a_work(article: ArticleMentions, span: Span) -> bool:
    """'the host of House Call, a program on CNN', "Channel One's Mabat news program": a
    name whose apposition is a work, or that modifies one."""
    noun = apposition_noun(article.doc, span.end)
    if noun is not None and noun.lower_ in article.lex.work_nouns:
        return True
    return _before_noun_of(span, article.lex.work_nouns)


def _apposed_kind(article: ArticleMentions, span: Span) -> tuple[str, str] | None:
    """'Jiji, a Tokyo based newswire': the kind and sector an apposition's noun gives."""
    noun = apposition_noun(article.doc, span.end)
    kind = article.lex.organisation_kind_nouns.get(noun.lower_) if noun is not None else None
    return (kind[0], kind[1]) if kind else None


def _no_persons_name(article: ArticleMentions, span: Span) -> bool:
    """'Martin Luther King Jr. Day' read on from 'King', 'the G-8 summit', 'UH-60', 'COVID-19',
    'Movimento 5 Stelle': a suffix first, a digit, a disease or faith, or the words after a
    number in a longer name are no person's name."""
    doc = article.doc
    if span[0].lower_.strip(",") in NAME_SUFFIXES or any(c.isdigit() for c in span.text):
        return True
    if _name_text(span).lower() in article.lex.not_actor_names:
        return True
    before = span.start - 1
    return before >= 1 and doc[before].like_num and doc[before - 1].text[:1].isupper()


def _not_a_name(span: Span) -> bool:
    """A quote's bracketed insertion ('[I]t'), a word said twice ('zob zob'), a word of
    words written in capitals ('I WON THIS ELECTION, BY A LOT!', a heading), a maker before
    a model number ('the Boeing 737-800 jet') or a model's code ('an E-3', 'UH-60 Black
    Hawk'): no one's name."""
    doc = span.doc
    if any("[" in t.text or "]" in t.text for t in span) or MODEL_CODE.match(span.text.split()[0]):
        return True
    if len(span) > 1 and len({t.lower_ for t in span}) == 1:
        return True  # 'zob zob': a word said twice is no name
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.text[:1].isdigit() and following.ent_type_ != "DATE":
        return True
    near = (*doc[max(0, span.start - 6) : span.start], *doc[span.end : span.end + 6])
    shouted = [t for t in near if t.is_alpha and t.is_upper]
    # capitals with a stop word among them are words, not a list of acronyms ('US, EU, NATO')
    return len(shouted) >= 3 and any(doc.vocab[t.lower_].is_stop for t in shouted)


def _platform(article: ArticleMentions, span: Span) -> bool | None:
    """None: not a platform's name; True: a platform acting ('Twitter suspended the
    account'); False: a platform one speaks on ('wrote on Twitter')."""
    if _name_text(span).lower() not in article.lex.platforms:
        return None
    return span.root.dep_ in ("nsubj", "nsubjpass")


def _known_org_of_state(article: ArticleMentions, name: str) -> str | None:
    """The base's organisation a name writes after its state's name or demonym
    ('United States FBI', 'Iranian IRGC'), when the base gives it that state."""
    words = name.split()
    for cut in range(1, min(len(words), 4)):
        state = next(
            (
                t.actor
                for t in article.kb.lookup(" ".join(words[:cut]))
                if t.kind in (NAME, DEMONYM) and article.kb.entries[t.actor].kind == "state"
            ),
            None,
        )
        if state is None:
            continue
        for target in article.kb.lookup(" ".join(words[cut:])):
            entry = article.kb.entries.get(target.actor)
            if (
                target.kind == NAME
                and entry is not None
                and entry.kind not in ("person", "state")
                and entry.country == state
            ):
                return entry.id
    return None


def _acronym_of(article: ArticleMentions, ent: Span) -> str | None:
    """The organisation named earlier whose initials this all-capitals name is
    ('INS' after 'the U.S. Immigration and Naturalization Service')."""
    words = [t.text for t in ent if t.text not in POSSESSIVE and t.lower_ != "the"]
    if len(words) != 1 or not (3 <= len(words[0]) <= 6) or not words[0].isupper():
        return None
    acronym = words[0].replace(".", "")
    for found in article.initials.get(acronym, []):
        if found.start >= ent.start or found not in article.found:
            continue
        actor = article.actors[found.actor]
        if actor.kind not in ("person", "state", "author"):
            return actor.id
    return None


# -- name text ------------------------------------------------------------------------------


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
