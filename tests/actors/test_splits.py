"""One entity, one actor: the splits of the news gold and of the junk sample.

Sentences from Wikinews articles (CC BY 2.5, Wikinews contributors,
https://en.wikinews.org; shortened).
"""

from __future__ import annotations

from datetime import date

from test_actors import actor_of, mention_of, run


def test_a_name_in_a_list_line_ends_at_the_dash(nlp):
    doc = run(
        nlp,
        "Si Yi Chen, 20, and Tan Duc Thanh Nguyen, aged 27 were found guilty of exporting "
        "narcotics.\n\nMartin Stephens - Life in prison Si Yi Chen - Life in prison Tan Duc "
        "Thanh Nguyen - Life in prison Andrew Chan - Death",
        date(2006, 2, 15),
    )
    nguyen = actor_of(doc, "Tan Duc Thanh Nguyen")
    assert actor_of(doc, "Tan Duc Thanh Nguyen", 1).id == nguyen.id
    assert nguyen.name == "Tan Duc Thanh Nguyen"


def test_an_organisation_named_again_by_some_of_its_words(nlp):
    doc = run(
        nlp,
        "Elijah Cummings, the Democratic chairman of the House Oversight and Reform Committee, "
        "was 68. Representative Carolyn Maloney, the most senior Democrat on the Oversight and "
        "Reform Committee, has stepped into the role.",
        date(2019, 10, 17),
    )
    whole = actor_of(doc, "House Oversight and Reform Committee")
    assert actor_of(doc, "Oversight and Reform Committee", 1).id == whole.id
    doc = run(
        nlp,
        "On Wednesday, the Court of Session in Scotland issued an opinion. The only court with "
        "higher authority is the Supreme Court of the United Kingdom. The Court will "
        "accordingly make an order.",
        date(2019, 9, 11),
    )
    # two courts share the word: 'the Court' joins neither
    assert actor_of(doc, "Court", 2).id not in (
        actor_of(doc, "Court of Session").id,
        actor_of(doc, "Supreme Court").id,
    )


def test_a_place_before_the_title_is_not_the_persons_role(nlp):
    doc = run(
        nlp,
        "On Wednesday in the US state of Alabama, Governor Kay Ivey signed the Alabama Human "
        "Life Protection Act.",
        date(2019, 5, 16),
    )
    assert mention_of(doc, "the US state") is None or actor_of(doc, "the US state").id == "USA"
    assert actor_of(doc, "Kay Ivey").kind == "person"


def test_a_sector_noun_refers_back_to_an_actor_of_that_sector(nlp):
    doc = run(
        nlp,
        "Mohammed el-Attar was sentenced in an Egyptian court after being convicted of spying "
        "for Israel's intelligence agency, Mossad. In its ruling, the court stated: \"He let "
        'himself be seduced."',
        date(2007, 4, 22),
    )
    assert actor_of(doc, "the court") is None or actor_of(doc, "the court").id != "MOSSAD"


def test_capitalised_words_after_a_title_that_spacy_missed_are_a_person(nlp):
    doc = run(
        nlp,
        "Liberal MP Borys Wrzesnewskyj has resigned after an uproar over his comments. "
        "Wrzesnewskyj resigned on Wednesday.",
        date(2006, 11, 10),
    )
    person = actor_of(doc, "Borys Wrzesnewskyj")
    assert person.kind == "person"
    assert actor_of(doc, "Wrzesnewskyj", 1).id == person.id


def test_a_date_before_a_name_is_not_part_of_it(nlp):
    doc = run(nlp, "On Thursday Kay Ivey issued a statement.", date(2019, 5, 16))
    assert actor_of(doc, "Kay Ivey").name == "Kay Ivey"


def test_the_cabinet_of_a_man_out_of_office_is_his_own(nlp):
    """ "Robert Mugabe's government" is the state; the cabinet López Obrador named in 2006,
    when he held no office, is his."""
    doc = run(
        nlp,
        "Andres Manuel Lopez Obrador said he would form a parallel government. Obrador's "
        "cabinet will meet in Mexico City. Mr Tsvangirai protested against the policies of "
        "Robert Mugabe's government.",
        date(2006, 9, 20),
    )
    assert actor_of(doc, "Obrador").id == actor_of(doc, "Andres Manuel Lopez Obrador").id
    assert actor_of(doc, "government", 1).id == "ZWE"  # the base codes Mugabe GOV that day


def test_a_portfolio_title_named_again_is_its_holder(nlp):
    """'the home secretary' after 'the home secretary, Jacqui Smith': 'home' is a
    portfolio's word like 'foreign' or 'interior', not a word that makes another title."""
    doc = run(
        nlp,
        "They also called for the home secretary, Jacqui Smith, to resign over the current "
        "dispute and passed a vote of no confidence in the home secretary's ability to deal "
        "with pay and conditions.",
        date(2008, 1, 24),
    )
    smith = actor_of(doc, "Jacqui Smith")
    assert actor_of(doc, "home secretary", 1).id == smith.id


def test_a_surname_misspelt_once_is_the_person_named_in_full(nlp):
    doc = run(
        nlp,
        'The shadow business secretary, Chuka Umunna, said that a "better capitalism" needs '
        "transparency. Umanna said this could take the form of publishing pay ratios.",
        date(2012, 1, 9),
    )
    assert actor_of(doc, "Umanna").id == actor_of(doc, "Chuka Umunna").id


def test_a_treasurer_and_the_government_written_with_a_capital(nlp):
    doc = run(
        nlp,
        "Speaking at a Liberal party conference in Melbourne today, Australia's treasurer Peter "
        "Costello said that the war could continue. The treasurer said that Australia must be "
        'prepared. "I want to reassure the Australian public that the Government will do what '
        'is required," he said.',
        date(2005, 7, 23),
    )
    assert actor_of(doc, "treasurer", 1).id == actor_of(doc, "Peter Costello").id
    assert actor_of(doc, "Government").id == "AUS"


def test_a_foreign_namesake_named_by_a_word_of_the_story_s_group_is_that_group(nlp):
    """The base's 'Tigers' are a Swazi group; after 'the Tamil Tigers' in a story that never
    names Swaziland, 'the Tigers' are the Tamil Tigers, and their leader is theirs."""
    doc = run(
        nlp,
        "The Tamil Tigers said they would fight back against Sri Lankan forces. The Tigers' "
        "leader Velupillai Prabhakaran spoke.",
        date(2006, 8, 12),
    )
    tigers = actor_of(doc, "Tamil Tigers")
    assert actor_of(doc, "Tigers", 1).id == tigers.id
    assert actor_of(doc, "Velupillai Prabhakaran").affiliation == tigers.id
    assert "SWZ" not in {a.country for a in doc._.actors.values()}


def test_a_name_spacy_cut_after_the_title_it_took_in_runs_on(nlp):
    doc = run(
        nlp,
        "According to Chief Superintendent Graciano Mijares of the police of the Autonomous "
        "Region in Muslim Mindanao, the confirmed death toll is 20.",
        date(2019, 1, 28),
    )
    assert actor_of(doc, "Graciano Mijares").name == "Graciano Mijares"
