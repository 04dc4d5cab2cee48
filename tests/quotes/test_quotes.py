"""The `dyad_quotes` component on small real sentences, on bad input, and on the seed."""

from __future__ import annotations

import re

import pytest
import spacy

import dyad.actors  # noqa: F401 - registers dyad_actors
import dyad.quotes  # noqa: F401 - registers dyad_quotes
from dyad.extensions import register_extensions
from dyad.model import Actor, Mention
from dyad.nlp import DEFAULT_MODEL
from dyad.pipeline import make_doc


@pytest.fixture(scope="module")
def quotes_nlp():
    """The quotes component on its own after spaCy's parser, as a user would add it."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("dyad_quotes")
    return nlp


def quotes(nlp, text: str):
    doc = nlp(text)
    for quote in doc._.quotes:
        for start, end in quote.spans:
            assert text[start:end] in quote.text
        if quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
    return doc._.quotes


def only(found, kind: str):
    return [q for q in found if q.kind == kind]


def test_quote_then_cue_then_speaker(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "“We will not back down,” the minister said on Monday.")
    assert (quote.kind, quote.text, quote.cue.text) == ("direct", "We will not back down,", "said")
    assert quote.speaker.text == "the minister"


def test_inverted_cue_and_colon_introduction(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "“The talks failed,” said Maria Lopez. The senator told reporters: “We are ready.”",
    )
    assert [(q.text, q.speaker.text, q.cue.text) for q in only(found, "direct")] == [
        ("The talks failed,", "Maria Lopez", "said"),
        ("We are ready.", "The senator", "told"),
    ]


def test_split_quote_around_its_cue_is_one_quote(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp, "“This is a mistake,” the mayor said, “and we will fight it in court.”"
    )
    assert quote.kind == "direct"
    assert len(quote.spans) == 2
    assert quote.text == "This is a mistake, and we will fight it in court."


def test_uncued_quote_continues_the_adjacent_speaker(quotes_nlp):
    found = quotes(
        quotes_nlp, "“We need a ceasefire,” Ahmed Khalil said. “Nothing else matters now.”"
    )
    assert [q.speaker.text for q in found] == ["Ahmed Khalil", "Ahmed Khalil"]
    assert found[1].cue is None


def test_multi_paragraph_quote_after_colon(quotes_nlp):
    text = (
        "As the economist John Park told the newspaper:\n"
        "“First, prices will rise.\n"
        "“Second, wages will not follow.”\n"
        "Nobody in the room agreed."
    )
    (quote,) = only(quotes(quotes_nlp, text), "direct")
    assert quote.text == "First, prices will rise.\n“Second, wages will not follow."
    assert quote.speaker.text == "John Park"


def test_indirect_speech_with_that_clause(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp, "The company revealed that its profits fell sharply in the second quarter."
    )
    assert quote.kind == "indirect"
    assert quote.text == "its profits fell sharply in the second quarter"
    assert (quote.cue.text, quote.speaker.text) == ("revealed", "The company")


def test_said_in_a_statement_that_is_the_verbs_report(quotes_nlp):
    # The parser hangs the that-clause on the medium ("statement that …", even as a
    # relative clause of "release" or of "briefing" with "that" a second object): the
    # verb is the cue; "on its website" is where the statement is, not its topic.
    found = [
        quotes(quotes_nlp, text)
        for text in (
            "The ministry said in a statement that the talks had been productive.",
            "Hamas announced in a press release that its delegation would travel to Cairo.",
            "The spokesman said at a regular press briefing that China opposed the move.",
            "The ministry said in a statement on its website that the talks were productive.",
        )
    ]
    assert [(q.text, q.cue.text, q.speaker.text) for (q,) in found] == [
        ("the talks had been productive", "said", "The ministry"),
        ("its delegation would travel to Cairo", "announced", "Hamas"),
        ("China opposed the move", "said", "The spokesman"),
        ("the talks were productive", "said", "The ministry"),
    ]
    # A relative clause of the medium is not what was said.
    (quote,) = quotes(
        quotes_nlp,
        "The minister said in a report that he wrote last year that the plan would fail.",
    )
    assert quote.text == "the plan would fail"


def test_said_with_a_clause_the_parser_read_as_an_object(quotes_nlp):
    # "said [an … device] [detonated …]": the parser takes the clause's subject for the
    # object and its verb for a participle; one with an agent is what it seems.
    (quote,) = quotes(
        quotes_nlp,
        "The ministry said an improvised explosive device detonated around 9 a.m. near Farah.",
    )
    assert quote.text == "an improvised explosive device detonated around 9 a.m. near Farah"
    assert quotes(quotes_nlp, "She said a prayer written by her grandmother.") == []


def test_according_to_after_a_stance_verb_is_its_source_not_its_content(quotes_nlp):
    # Else each report held the other's cue and both were dropped as nested.
    (quote,) = quotes(
        quotes_nlp, "Trump has admitted to ordering the payments, according to prosecutors."
    )
    assert (quote.text, quote.cue.text) == (
        "Trump has admitted to ordering the payments",
        "according to",
    )
    assert quote.speaker.text == "prosecutors"


def test_a_report_holding_a_cue_that_runs_on_over_it_is_the_outer_one(quotes_nlp):
    # "continue" (a cue: "he continued") runs on over ", the Kremlin said"; each report
    # held the other's cue and both were dropped as nested.
    (quote,) = quotes(quotes_nlp, "The talks should continue, the Kremlin said.")
    assert (quote.text, quote.cue.text) == ("The talks should continue", "said")
    assert quote.speaker.text.endswith("Kremlin")


def test_called_for_a_for_to_clause(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp, "Legal and religious groups have also called for the bill to be dropped."
    )
    assert (quote.text, quote.cue.text) == ("for the bill to be dropped", "called")
    assert quote.speaker.text == "Legal and religious groups"


def test_according_to(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp, "According to the United Nations, more than a million people have fled."
    )
    assert quote.kind == "indirect"
    assert quote.text == "more than a million people have fled"
    assert quote.cue.text == "According to"
    assert quote.speaker.text == "the United Nations"


def test_partial_quote_inside_reported_speech_is_mixed_and_partial(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "The spokesman insisted that the army acted “with full restraint” during the protest.",
    )
    (mixed,) = only(found, "mixed")
    (partial,) = only(found, "partial")
    assert partial.text == "with full restraint"
    assert mixed.text == "the army acted “with full restraint” during the protest"
    assert partial.speaker.text == mixed.speaker.text == "The spokesman"


def test_participle_describing_a_noun_is_not_a_cue(quotes_nlp):
    # "proposed" would report "Brexit deal … and said he would …", and swallow the
    # real report of "said" as reported speech inside its own.
    found = quotes(
        quotes_nlp,
        'Tom Watson called Prime Minister Theresa May\'s proposed Brexit deal "lousy" and said'
        " he would only vote for it if the British people could also vote for or against it.",
    )
    (said,) = [q for q in only(found, "indirect") if q.cue.text == "said"]
    assert said.text.startswith("he would only vote for it if")
    assert said.speaker.text == "Tom Watson"
    assert all(q.cue.text != "proposed" for q in found)


def test_speaker_named_after_the_clause_it_reports(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp,
        "It is not for the Court to opine about the motivations, argued the government's"
        " lawyer, Richard Keen.",
    )
    assert quote.text == "It is not for the Court to opine about the motivations"
    assert (quote.cue.text, quote.speaker.text) == ("argued", "Richard Keen")


def test_noun_of_saying_equated_with_a_that_clause(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp,
        "The government's counter-argument was that prorogation is a political tool given by"
        " the legislature to the executive branch.",
    )
    assert quote.text.startswith("prorogation is a political tool")
    assert quote.cue.text == "argument"
    assert quote.speaker.text == "The government"


def test_title_cased_fragment_inside_reported_speech_ending_the_sentence(quotes_nlp):
    # The report ends before the closing mark, so the fragment was not seen as inside it
    # and was dropped as a title.
    found = quotes(
        quotes_nlp,
        "Zawahiri also accused United States President George W. Bush of being the"
        ' "Caesar of Washington."',
    )
    (partial,) = only(found, "partial")
    assert partial.text == "Caesar of Washington."
    assert partial.speaker.text == "Zawahiri"


def test_cue_of_the_next_sentence_with_its_own_clause_is_not_the_quotes(quotes_nlp):
    found = quotes(
        quotes_nlp,
        '"Obviously it\'s not helpful to whoever our Democratic nominee is," she said. "I'
        " remember when he did this before, it didn't turn out too well for anyone.\" She said"
        " Nader \"prevented Al Gore from being the 'greenest' president we could have had\","
        ' and she hoped his bid will be "just a passing fancy."',
    )
    direct = only(found, "direct")
    assert [q.text[:12] for q in direct] == ["Obviously it", "I remember w"]
    assert direct[1].cue is None and direct[1].speaker.text == "she"
    # Two fragments quoted in one report are two quotes, not one split around its cue.
    assert [q.text[:14] for q in only(found, "partial")] == ["prevented Al G", "just a passing"]


def test_a_question_put_to_the_speaker_is_not_their_words(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp,
        "Asked whether the talks would resume, he said no decision had been made.",
    )
    assert (quote.text, quote.speaker.text) == ("no decision had been made", "he")


def test_as_reported_by_gives_the_agent_as_speaker(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "The talks in Geneva failed, as reported by Reuters.")
    assert (quote.text, quote.cue.text) == ("The talks in Geneva failed", "reported")
    assert quote.speaker.text == "Reuters"


def test_quoted_as_saying_gives_the_passive_subject_as_speaker(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp, "Putin was quoted by Interfax as saying the talks were constructive."
    )
    assert (quote.text, quote.speaker.text) == ("the talks were constructive", "Putin")


def test_a_document_finding_that(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp,
        "The report, released on Monday, found that the strikes killed 40 civilians.",
    )
    assert (quote.text, quote.cue.text) == ("the strikes killed 40 civilians", "found")
    assert quote.speaker.text == "The report"


def test_responded_by_saying_gives_the_subject_as_speaker(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "The ministry responded by saying the report was biased.")
    assert (quote.text, quote.speaker.text) == ("the report was biased", "The ministry")


def test_cue_after_a_long_apposition_of_its_speaker(quotes_nlp):
    (quote,) = quotes(
        quotes_nlp,
        '"It is a sad day," Smith, a spokesman for the party, said in a statement released'
        " on Monday.",
    )
    assert (quote.kind, quote.cue.text, quote.speaker.text) == ("direct", "said", "Smith")


def test_scare_quotes_and_titles_are_not_quotations(quotes_nlp):
    text = (
        "The so-called ‘experts’ met on a talk show to discuss the “reform”. "
        "Critics watched “The West Wing Returns” again."
    )
    assert quotes(quotes_nlp, text) == []


def test_first_person_narrator_is_the_author(quotes_nlp):
    doc = make_doc(quotes_nlp, _article("“The war will be long,” I wrote last year.", "Jane Roe"))
    doc = quotes_nlp(doc)
    (quote,) = doc._.quotes
    assert (quote.speaker.text, quote.speaker.actor) == ("I", "AUTHOR")
    author = doc._.actors["AUTHOR"]
    assert (author.kind, author.name, author.sector) == ("author", "Jane Roe", "MED")


def test_speaker_resolved_through_the_actors_mentions(quotes_nlp):
    """With mentions set by an actors stage, a pronoun speaker takes its actor."""
    text = "Kenneth Roth spoke after the vote. “This is a disgrace,” he said."
    doc = quotes_nlp.make_doc(text)
    register_extensions()
    for name, proc in quotes_nlp.pipeline:
        if name != "dyad_quotes":
            doc = proc(doc)
    doc._.actors = {"ROTH": Actor("ROTH", "Kenneth Roth", "person")}
    doc._.mentions = [Mention("Kenneth Roth", 0, 12, "ROTH")]
    doc = quotes_nlp.get_pipe("dyad_quotes")(doc)
    (quote,) = doc._.quotes
    assert (quote.speaker.text, quote.speaker.actor) == ("he", "ROTH")
    # A mention covering the speaker wins over the fallback.
    he = text.index(" he ") + 1
    doc._.mentions = [Mention("Kenneth Roth", 0, 12, "ROTH"), Mention("he", he, he + 2, "OTHER")]
    doc = quotes_nlp.get_pipe("dyad_quotes")(doc)
    assert doc._.quotes[0].speaker.actor == "OTHER"


def test_ids_in_text_order(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "Officials said that the border was closed. “We had no choice,” a guard said.",
    )
    assert [q.id for q in found] == ["q1", "q2"]
    assert found[0].spans[0][0] < found[1].spans[0][0]


@pytest.mark.parametrize(
    "text",
    [
        "“Unbalanced quote that never closes, he said. And more text.\n“Another open one",
        "He said “one ‘two “three ‘four’ three” two’ one” and left.”” ‘",
        "“" * 500 + "”" * 500 + '"' * 301,
        "''" * 301 + "``" * 200 + "'''",
        "He said ``one ''two`` three'' and '' left.",
        "",
        "\n\n\n",
    ],
)
def test_bad_input_gives_valid_offsets(quotes_nlp, text):
    quotes(quotes_nlp, text)


def test_megabyte_paragraph_without_a_parse(quotes_nlp):
    """1 MB in one paragraph through the component (tokenised only: parsing takes minutes)."""
    text = "“We are ready for this,” she said, and the ‘so-called’ plan failed. " * 15000
    doc = quotes_nlp.tokenizer(text)  # make_doc refuses texts over nlp.max_length
    doc = quotes_nlp.get_pipe("dyad_quotes")(doc)
    # Without a parse no cue is recognised: each quote stands as an unattributed direct quote.
    assert len(doc._.quotes) == 15000
    assert all(text[s:e] == "We are ready for this," for q in doc._.quotes for s, e in q.spans)


def _article(text: str, author: str | None = None):
    from dyad.model import Article

    return Article(text=text, author=author)


# -- the seed article -------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(shared, seed_article):
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("dyad_actors")
    nlp.add_pipe("dyad_quotes")
    return seed_article.text, nlp(make_doc(nlp, seed_article))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _match(gold_text: str, found):
    """The found quote whose words overlap the gold's by >= 0.8 both ways (seed.json rule)."""
    gold = _words(gold_text)
    for quote in found:
        words = _words(quote.text)
        shared = sum(min(gold.count(w), words.count(w)) for w in set(gold))
        if shared >= 0.8 * len(gold) and shared >= 0.8 * len(words):
            return quote
    return None


@pytest.mark.slow
def test_seed_direct_and_partial_quotes_with_speakers(seed_quotes, seed_gold):
    text, doc = seed_quotes
    actors = {a["id"]: a for a in seed_gold["actors"]}
    for gold in (q for q in seed_gold["quotes"] if q["kind"] in ("direct", "partial")):
        quote = _match(gold["text"], doc._.quotes)
        assert quote is not None, gold["id"]
        assert quote.kind == gold["kind"], gold["id"]
        # The speaker span is one of the gold speaker's mentions ("he" for Roth, "I" ...).
        assert quote.speaker.text in actors[gold["speaker"]]["mentions"] or (
            quote.speaker.text.endswith(actors[gold["speaker"]]["name"])
        ), (gold["id"], quote.speaker.text)
        # Resolved to the gold speaker: same id (knowledge-base actors) or same name
        # (article-local actors get ids of their own).
        actor = doc._.actors.get(quote.speaker.actor)
        assert actor is not None, gold["id"]
        assert (
            gold["speaker"] in (actor.id, actor.kb_id)
            or actor.name == (actors[gold["speaker"]]["name"])
        ), (gold["id"], actor)
        assert (quote.cue.text if quote.cue else None) == gold["cue"], gold["id"]


@pytest.mark.slow
def test_seed_four_paragraph_quote_is_one_quote(seed_quotes, seed_gold):
    _, doc = seed_quotes
    gold = next(q for q in seed_gold["quotes"] if q["id"] == "q11")
    assert [q for q in doc._.quotes if q.text == gold["text"]]


@pytest.mark.slow
def test_seed_indirect_speech(seed_quotes, seed_gold):
    _, doc = seed_quotes
    reported = [q for q in doc._.quotes if q.kind in ("indirect", "mixed")]
    golds = [q for q in seed_gold["quotes"] if q["kind"] == "indirect"]
    found = [g["id"] for g in golds if _match(g["text"], reported)]
    assert len(found) >= 5, found


@pytest.mark.slow
def test_seed_scare_quotes_are_not_quotations(seed_quotes, seed_gold):
    _, doc = seed_quotes
    for scare in seed_gold["not_quotes"]:
        assert not [q for q in doc._.quotes if q.text.strip("’‘,. ") == scare], scare


def test_any_verb_with_a_named_subject_and_that_clause(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "Paul Ryan worried that the safety net was becoming “a hammock that lulls people.”",
    )
    (quote,) = only(found, "mixed")
    assert quote.text == "the safety net was becoming “a hammock that lulls people.”"
    assert (quote.cue.text, quote.speaker.text) == ("worried", "Paul Ryan")


def test_name_colon_headline(quotes_nlp):
    found = quotes(quotes_nlp, "Carson: Trump Must Decide If He Wants a Running Mate\n\nText.")
    (quote,) = found
    assert (quote.kind, quote.text) == ("indirect", "Trump Must Decide If He Wants a Running Mate")
    assert (quote.cue.text, quote.speaker.text) == (":", "Carson")


def test_noun_of_saying_with_that_clause(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "The campaign rejected accusations that its backers are waging “sexist” attacks.",
    )
    nominal = [q for q in found if q.cue.text == "accusations"]
    assert [(q.kind, q.text) for q in nominal if q.kind == "mixed"] == [
        ("mixed", "its backers are waging “sexist” attacks")
    ]


def test_lexicon_travels_with_the_saved_pipeline(quotes_nlp, tmp_path):
    component = quotes_nlp.get_pipe("dyad_quotes")
    component.to_disk(tmp_path)
    reloaded = dyad.quotes.QuoteExtractor(quotes_nlp).from_disk(tmp_path)
    assert reloaded.lexicon == component.lexicon
    assert "say" in reloaded.lexicon.speech_verbs


# -- attributions PolNeAR annotates beyond speech (guidelines: intentions,
# impressions, findings of documents; only the outermost attribution) ------------


def test_intention_is_reported_with_its_infinitive(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "Rubio wants to emerge as the candidate of the Republicans.")
    assert (quote.kind, quote.cue.text, quote.speaker.text) == ("indirect", "wants", "Rubio")
    assert quote.text == "to emerge as the candidate of the Republicans"


def test_impression_has_no_holder(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "Trump's supporters seemed equally unperturbed by the news.")
    assert (quote.cue.text, quote.speaker.text) == ("seemed", None)
    assert quote.text == "Trump's supporters equally unperturbed by the news"


def test_a_poll_speaks_through_in(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "In a new Fox News poll, Trump led Cruz by 20 points.")
    assert (quote.cue.text, quote.speaker.text) == ("In", "a new Fox News poll")
    assert quote.text == "Trump led Cruz by 20 points"


def test_only_the_outermost_report(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "The senator said the governor claimed that taxes would rise.")
    assert (quote.cue.text, quote.speaker.text) == ("said", "The senator")
    assert quote.text == "the governor claimed that taxes would rise"


def test_any_verb_casting_its_object_as_quoted_words(quotes_nlp):
    found = quotes(quotes_nlp, "Merkel heralded the agreement as a “breakthrough.”")
    (mixed,) = only(found, "mixed")
    assert (mixed.cue.text, mixed.speaker.text) == ("heralded", "Merkel")
    assert mixed.text == "the agreement as a “breakthrough.”"


def direct_speakers(nlp, text: str):
    """The actors speaking the direct quotes of ``text``, in order."""
    doc = nlp(text)
    return [doc._.actors[q.speaker.actor] for q in doc._.quotes if q.kind == "direct"]


def test_speaker_is_the_name_apposed_to_a_title(nlp):
    speakers = direct_speakers(
        nlp,
        '"We are working closely with states in the region," said a spokesman for the '
        "U.S. State Department, Sean McCormack. "
        '"The troops are ready," said Ugandan President, Yoweri Museveni.',
    )
    assert [s.name.split()[-1] for s in speakers] == ["McCormack", "Museveni"]


def test_a_statement_speaks_for_its_owner_or_author(nlp):
    speakers = direct_speakers(
        nlp,
        'Trump\'s statement read: "Hamza bin Ladin was killed in an operation." '
        '"The airline transports weapons," according to a tweet on Monday by US '
        "Secretary of State Mike Pompeo.",
    )
    assert [s.id for s in speakers] == ["TRUMP", "POMPEO"]


def test_a_statement_from_someone_is_theirs(nlp):
    (quote,) = nlp(
        "A statement from the Russian Foreign Ministry said the talks had been productive."
    )._.quotes
    assert (quote.text, quote.speaker.actor) == ("the talks had been productive", "RUS_MFA")


def test_a_clause_leading_into_a_quote_gives_its_subject(nlp):
    speakers = direct_speakers(
        nlp,
        'Brett McGurk also criticized the decision via Twitter. "The statement tonight shows '
        'that Trump was rolled," McGurk wrote. Senator Lindsey Graham spoke on Fox News, '
        '"This is going to lead to the reemergence of ISIS. Nothing is better for them."',
    )
    assert [s.name.split()[-1] for s in speakers] == ["McGurk", "Graham"]


def test_a_speaker_the_article_does_not_name_is_an_actor_with_a_country(nlp):
    (spokesman,) = direct_speakers(
        nlp,
        'The US government refused to lift its sanctions on Zimbabwe. "We remain very '
        'concerned about the plight of the Zimbabwean people," said a spokesman for the US '
        "State Department.",
    )
    assert (spokesman.kind, spokesman.country, spokesman.affiliation) == (
        "person",
        "USA",
        "US_STATE_DEPT",
    )
    (member,) = direct_speakers(
        nlp,
        "Protesters asked the British government to revoke Article 50 and marched to "
        "Parliament in London. Not everyone agreed there should be another referendum in "
        'the United Kingdom. One MP told the BBC, "It was always a minority."',
    )
    assert (member.kind, member.country, member.role) == ("person", "GBR", "mp")


def test_quotes_joined_by_and_share_the_cue_after_them(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "Abbas has no right to make concessions, he said. "
        '"Abbas is a traitor" and "Death to Israel, death to America," the crowd chanted.',
    )
    assert [(q.text, q.speaker.text) for q in found if q.kind == "direct"] == [
        ("Abbas is a traitor", "the crowd"),
        ("Death to Israel, death to America,", "the crowd"),
    ]


def test_a_report_of_an_object_and_its_infinitive(quotes_nlp):
    found = quotes(
        quotes_nlp,
        "On July 31, multiple news outlets reported Hamza bin Laden to be dead citing sources "
        "within the Department of Defense.",
    )
    reported = [q for q in found if q.cue.text == "reported"]
    assert [(q.text, q.speaker.text) for q in reported] == [
        ("Hamza bin Laden to be dead", "multiple news outlets")
    ]


def test_a_part_of_a_group_speaks_for_the_group(quotes_nlp):
    (quote,) = quotes(quotes_nlp, "One of the organisers said the march was peaceful.")
    assert (quote.speaker.text, quote.text) == ("the organisers", "the march was peaceful")
