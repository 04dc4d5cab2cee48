"""Knowledge-base aliases, longest match first: each one the base knows becomes a person,
a state or organisation (widened over 'the' and member nouns), a demonym phrase, a
capital or seat that acts for its state, or a place.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.tokens import Doc, Span, Token

from dyad.actors.groups import add_actor_mention, add_demonym
from dyad.actors.kb import (
    CAPITAL,
    DEMONYM,
    NAME,
    PLACE,
    SEAT,
    AliasTarget,
    KnowledgeBase,
    straight_apostrophes,
)
from dyad.actors.names import add_local_org, add_person, kb_person
from dyad.actors.places import acts, add_place, place_of, under_locative
from dyad.actors.roles import add_org_apposition, predicate
from dyad.actors.state import ORG_LABELS, PERSON_LABELS, PLACE_LABELS, ArticleMentions
from dyad.extensions import doc_text


def add_aliases(article: ArticleMentions) -> set[int]:
    """Mentions of what the base knows; returns the tokens its aliases matched."""
    people = [e for e in article.ents if e.label_ in PERSON_LABELS]
    person_tokens = {i for e in people for i in range(e.start, e.end)}
    matched: set[int] = set()
    for start, end, targets in match_aliases(article.doc, article.kb):
        if start < article.dateline_end:
            continue
        if _other_person(article, start, end, targets, person_tokens):
            continue
        if _title_of_person(article, article.doc[start:end], targets[0], person_tokens):
            article.claimed.update(range(start, end))  # the person's title: names.py reads it
            continue
        if _use_alias(article, start, end, targets):
            matched.update(range(start, end))
    return matched


def match_aliases(doc: Doc, kb: KnowledgeBase) -> Iterator[tuple[int, int, list[AliasTarget]]]:
    """Longest knowledge-base alias at each token, left to right, never overlapping.

    Aliases are looked up by the text they cover (lower case, one space), so the
    match does not depend on how the tokenizer splits 'al-Qaeda' or 'U.S.'. A match
    starts at a capitalised word, at 'the' before one, or at the Arabic article of
    a capitalised name ('al-Qa'ida'); a short all-capitals alias
    ('US', 'WHO') must be written in capitals. Only tokens that begin some alias are
    tried, and only as far as that alias's length.
    """
    text = doc_text(doc)
    lowered = straight_apostrophes(text).lower()
    n = len(doc)
    # From the token arrays and the text once: a Token object and its strings per word
    # per test made this loop the stage's costliest.
    offsets = doc.to_array(IDX)
    starts = offsets.tolist()
    ends = (offsets + doc.to_array(LENGTH)).tolist()
    capital = [text[start].isupper() for start in starts]
    is_the = (doc.to_array(LOWER) == doc.vocab.strings["the"]).tolist()
    i = 0
    while i < n:
        first = i
        if is_the[i] and i + 1 < n and capital[i + 1]:
            first = i + 1
        elif not capital[i] and not (
            text[starts[i]] in "aAeE"
            and text[starts[i] + 1 : starts[i] + 2] in ("l", "L")  # all but 'al', 'el' fail
            and _arabic_article(doc, i)
        ):
            i += 1
            continue
        pieces = kb.first_pieces.get(lowered[starts[first] : ends[first]])
        if pieces is None:
            i += 1
            continue
        limit = first
        while (
            limit < n
            and limit - first < 2 * pieces + 1
            and "\n" not in text[starts[limit] : ends[limit]]
        ):
            limit += 1
        last = limit - 1
        longest = _longest_alias(kb, text, lowered, starts, ends, i, first, limit)
        while last >= first and ends[last] - starts[i] > longest:
            last -= 1  # longer than any alias that can start here
        hit = None
        for j in range(last, first - 1, -1):
            raw = text[starts[i] : ends[j]]
            key = lowered[starts[i] : ends[j]]
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


def _longest_alias(
    kb: KnowledgeBase,
    text: str,
    lowered: str,
    starts: list[int],
    ends: list[int],
    i: int,
    first: int,
    limit: int,
) -> float:
    """The most characters an alias matched from token ``i`` can take (``first``: the
    token after 'the', or ``i``) when the words up to ``limit`` are written with single
    spaces, so that the key looked up is the text itself and its first word the first
    token's; else no bound. Most words begin some alias ('In', 'New'), but the
    aliases of the word itself are short, and trying every length up to the longest
    alias of any first word cost the most of the match."""
    if len(lowered) != len(text):
        return math.inf  # 'İ' lower-cased is two characters: the offsets no longer agree
    if "  " in text[starts[i] : ends[limit - 1]]:
        return math.inf  # keys with runs of spaces are looked up squeezed
    if first + 1 < limit and starts[first + 1] == ends[first]:
        return math.inf  # 'al' of 'al-Qaeda': the first word runs on
    longest = kb.first_word_chars.get(lowered[starts[first] : ends[first]], 0)
    if first == i:
        return longest
    if starts[first] != ends[i] + 1 or text[ends[i]] != " ":
        return math.inf
    # 'the Hague' as itself, or 'Hague' after the 'the ' it is looked up without
    return max(kb.first_word_chars.get("the", 0), longest + 4)


def _other_person(
    article: ArticleMentions,
    start: int,
    end: int,
    targets: list[AliasTarget],
    person_tokens: set[int],
) -> bool:
    """'Michelle Obama' is not the Obama the base knows by his surname, nor 'Senator Kerry
    Nettle' the Kerry it knows as 'Senator Kerry', nor 'Chad Bouchard' the state of Chad,
    but 'Sergey V. Lavrov' is the Lavrov it knows as 'Sergey Lavrov'."""
    entry = article.kb.entries.get(targets[0].actor)
    if entry is None or entry.kind not in ("person", "state"):
        return False
    doc = article.doc
    after = doc[end] if end < len(doc) else None
    if (
        after is not None
        and end - 1 in person_tokens
        and end in person_tokens
        and after.text[:1].isupper()
        and not after.is_stop  # 'George W. Bush Has Intuition', a title in capitals
        and after.lower_ not in article.lex.title_words
    ):  # the name runs on past the alias
        if entry.kind == "state":  # a state's name as a first name
            return targets[0].kind == NAME and article.entity_at[end].start == start
        return kb_person(article, article.entity_at[end]) != entry.id
    if entry.kind != "person" or end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    if not (
        start in person_tokens
        and before.i in person_tokens
        and before.text[:1].isupper()
        and before.lower_ not in article.lex.title_words
    ):
        return False
    ent = article.entity_at[start]
    return kb_person(article, ent) != entry.id


# Lower-case words inside names: 'Hamza bin Laden', 'al-Qaeda'.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "the"})
# Words between a title and its holder's name: 'United States president-elect Barack Obama'.
TITLE_SUFFIXES = {"-", "elect", "designate"}


def _title_of_person(
    article: ArticleMentions, span: Span, target: AliasTarget, person_tokens: set[int]
) -> bool:
    """'US Secretary of State Mike Pompeo', 'become the 46th President of the United
    States': an office the base lists as an organisation, written as the title of the
    person named right after it or said of the subject, is no actor of its own."""
    entry = article.kb.entries.get(target.actor)
    if entry is None or entry.kind in ("person", "state"):
        return False
    if not any(t.lower_ in article.lex.role_nouns for t in span):
        return False
    if predicate(span.root):
        return True
    i = span.end
    while i < len(article.doc) and i - span.end < 3 and article.doc[i].lower_ in TITLE_SUFFIXES:
        i += 1
    if i in person_tokens:
        return True
    # 'US Ambassador to the United Nations Nikki Haley', the name tagged otherwise
    name = article.entity_at.get(i)
    return name is not None and name.start == i and kb_person(article, name) is not None


def _use_alias(article: ArticleMentions, start: int, end: int, targets: list[AliasTarget]) -> bool:
    """Resolve one alias match; False when the match is left to the person's name around it."""
    span = article.doc[start:end]
    target = _pick(article, targets)
    if target.kind in (PLACE, CAPITAL, SEAT) and _inside_longer_name(article, span):
        # 'Munich' in 'the Munich Security Conference'; a person's name ending in a place's
        # ('Renae Lawrence') is left to the people pass
        entity = article.entity_at[span.start]
        return not (entity.label_ in PERSON_LABELS and entity.end == span.end)
    if target.kind == PLACE:
        add_place(article, span, target.actor)
    elif target.kind in (CAPITAL, SEAT):
        if acts(article, span, default=target.kind == SEAT):
            add_actor_mention(article, start, end, target.actor, extend=True)
        else:
            add_place(article, span, target.actor)
    elif (
        _country_in_org_name(article, span, target)
        or _tail_of_longer_name(article, span)
        or _common_words_of_longer_name(article, span, target)
        or _end_of_anothers_name(article, span, target)
    ):
        return True
    elif target.kind == DEMONYM and _attitude(article, start):
        article.claimed.update(range(start, end))  # 'anti-American cleric': no American
    elif target.kind == DEMONYM:
        add_demonym(article, start, end, target.actor)
    else:
        entry = article.kb.entries[target.actor]
        if entry.kind == "person":
            add_person(article, start, end, target.actor)
        elif _person_the_base_files_as_a_group(article, span, entry.kind):
            add_person(article, start, end, None)
        elif entry.kind == "state" and _only_locates(article, span):
            add_place(article, span, target.actor)
        else:
            add_actor_mention(article, start, end, target.actor, extend=True)
            if entry.kind == "state" and under_locative(article, span):
                article.places.append(place_of(span, target.actor))
            elif entry.kind != "state":
                add_org_apposition(article, end, target.actor)
    return True


def _person_the_base_files_as_a_group(article: ArticleMentions, span: Span, kind: str) -> bool:
    """'Khalid Sheikh Mohammed', 'Edward Snowden': people the Phoenix dictionaries list
    under the group or body they belong to. A name of two or more words that spaCy tags
    as a person's, whole, with no word of an organisation's name, is a person's."""
    entity = article.entity_at.get(span.start)
    lex = article.lex
    words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in NAME_PARTICLES]
    return (
        kind != "state"
        and entity is not None
        and entity.label_ in PERSON_LABELS
        and (entity.start, entity.end) == (span.start, span.end)
        and len(words) >= 2  # not 'al-Qa’ida', one name after a particle
        and all(t.is_title for t in span if t.is_alpha and t.lower_ not in NAME_PARTICLES)
        and not any(
            w in lex.organisation_name_words
            or w in lex.organisation_kind_nouns
            or w in lex.place_name_words
            or w in lex.not_actor_name_words
            for w in words
        )
    )


def _attitude(article: ArticleMentions, start: int) -> bool:
    """'anti-American', 'pro-Russian': a demonym after 'anti-' or 'pro-' says what someone
    is for or against, not who they are."""
    doc = article.doc
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro")


def _arabic_article(doc: Doc, i: int) -> bool:
    """'al-' or 'el-' written before a capitalised name."""
    token = doc[i]
    if token.lower_ in ("al", "el") and i + 2 < len(doc) and doc[i + 1].text == "-":
        return doc[i + 2].text[:1].isupper()
    return token.lower_[:3] in ("al-", "el-") and token.text[3:4].isupper()


def _only_locates(article: ArticleMentions, span: Span) -> bool:
    """A state's name that only says where: 'killed in Pakistan', 'Minsk, Belarus',
    'the Gulf of Oman'."""
    doc = article.doc
    entity = article.entity_at.get(span.start)
    if entity is not None and entity.label_ in ("LOC", "FAC") and len(entity) > len(span):
        return True
    if span.start >= 2 and doc[span.start - 1].text == ",":
        before = article.entity_at.get(span.start - 2)
        targets = article.kb.lookup(before.text) if before is not None else []
        if targets and all(t.kind in (CAPITAL, PLACE) for t in targets):
            return True  # 'Minsk, Belarus': the country of a city, not 'Iran, Russia'
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in article.lex.state_locative_prepositions


def _pick(article: ArticleMentions, targets: list[AliasTarget]) -> AliasTarget:
    """The first (highest-layer) target; among people sharing a name, the one in
    office on the article's date."""
    kb = article.kb
    date = article.date
    first = targets[0]
    entry = kb.entries.get(first.actor)
    if date is None or entry is None or entry.kind != "person":
        return first
    latest: tuple[str, AliasTarget] | None = None
    for target in targets:
        other = kb.entries.get(target.actor)
        if other is None or other.kind != "person":
            continue
        role = kb.role_at(other, date)
        if role is not None and role.holds(date):
            return target
        if role is not None and role.end and (latest is None or role.end > latest[0]):
            latest = (role.end, target)
    # nobody in office that day: the one who left office last ('President Bush' in
    # 2016 is the younger), never one whose offices all came later
    return latest[1] if latest is not None else first


def _inside_longer_name(article: ArticleMentions, span: Span) -> bool:
    """Is the span part of a longer named entity that is not itself a place?"""
    entity = article.entity_at.get(span.start)
    if entity is None or entity.label_ in PLACE_LABELS:
        return False
    return entity.start < span.start or entity.end > span.end


def _tail_of_longer_name(article: ArticleMentions, span: Span) -> bool:
    """'Hill' of 'Parliament Hill', 'Organization' of "People's Mojahedin Organization":
    one word the base knows, ending a longer organisation's name, is not what it names
    alone (a state before it is another matter: 'Iranian IRGC')."""
    entity = article.entity_at.get(span.start)
    if len(span) != 1 or entity is None or entity.label_ not in ORG_LABELS:
        return False
    if entity.start >= span.start or entity.end != span.end:
        return False
    before = article.doc[entity.start : span.start]
    if not any(t.is_alpha and t.text[:1].isupper() for t in before):
        return False  # 'al-Assad': an article, not a longer name
    return not any(
        article.kb.entries[t.actor].kind == "state"
        for t in article.kb.lookup(before.text)
        if t.actor in article.kb.entries
    )


def _common_words_of_longer_name(article: ArticleMentions, span: Span, target: AliasTarget) -> bool:
    """'Liberal Democrats', 'the Patriotic Youth League': common words the base gives some
    country's party or group as its name, inside a longer capitalised name, are that name's
    words; the longer name is an organisation the base lacks."""
    doc = article.doc
    words = " ".join(t.lower_ for t in span if t.lower_ != "the")
    if words not in article.lex.common_word_names:
        return False
    if article.kb.entries[target.actor].kind in ("person", "state"):
        return False
    first = next(t.i for t in span if t.lower_ != "the")
    end = span.end
    while first > 0 and _name_word(doc[first - 1]) and first - 1 not in article.claimed:
        first -= 1
    while end < len(doc) and _name_word(doc[end]):
        end += 1
    if end - first <= len(words.split()):
        return False
    add_local_org(article, doc[first:end])
    return True


def _end_of_anothers_name(article: ArticleMentions, span: Span, target: AliasTarget) -> bool:
    """'New Democratic Party' (Canada's, not the US Democrats), 'Kataeb Hezbollah', 'the
    Republic of China' (Taiwan): a name the base knows, ending a longer name spaCy tags (as
    an organisation's, even as a person's) whose first words the base knows as nothing, is
    part of that other entity's name. The longer name is an organisation the base lacks,
    or a place. A state, demonym or place before the name only says whose it is ('Lebanese
    Hezbollah', 'UN Security Council')."""
    if target.kind != NAME:
        return False
    entity = article.entity_at.get(span.start)
    kind = article.kb.entries[target.actor].kind
    labels = (*ORG_LABELS, "GPE") if kind == "state" else (*ORG_LABELS, *PERSON_LABELS)
    if (
        entity is None
        or kind == "person"
        or entity.label_ not in labels
        or entity.end != span.end
        or entity.start >= span.start
    ):
        return False
    before = [t for t in article.doc[entity.start : span.start] if t.lower_ != "the"]
    if not before or not before[0].is_title or any(t.is_punct for t in before):
        return False
    words = article.doc[before[0].i : span.start]
    if article.kb.lookup(words.text) or article.kb.lookup(before[0].text):
        return False
    if entity.label_ == "GPE":
        add_place(article, article.doc[before[0].i : span.end], None)
    else:
        add_local_org(article, article.doc[before[0].i : span.end])
    return True


def _name_word(token: Token) -> bool:
    """A capitalised word a name runs over (not 'And', 'Should' of a title-cased slogan,
    nor 'Many' that only opens a sentence)."""
    if not token.is_title or token.lower_ == "the":
        return False
    return token.pos_ == "PROPN" or (token.pos_ in ("NOUN", "ADJ") and not token.is_sent_start)


def _country_in_org_name(article: ArticleMentions, span: Span, target: AliasTarget) -> bool:
    """'the U.S. Geological Survey': an organisation of that country the base lacks."""
    kb = article.kb
    entry = kb.entries.get(target.actor)
    if target.kind not in (NAME, DEMONYM) or entry is None or entry.kind != "state":
        return False
    ent = article.entity_at.get(span.start)
    if ent is None or ent.end < span.end or ent.label_ not in ORG_LABELS or len(ent) <= len(span):
        return False
    if any(kb.lookup(t.text) and t.i >= span.end and t.is_title for t in ent):
        return False  # two names side by side, not one organisation's name
    rest = " ".join(t.lower_ for t in ent if t.i >= span.end)
    if rest in article.lex.state_nouns or rest in article.lex.member_nouns:
        return False  # 'the Syrian Army', 'the Chinese Air Force': the state itself
    add_local_org(article, ent, country=target.actor)
    return True
