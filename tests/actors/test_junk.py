"""Words that are no actor: titles, places, products, publications, shouted words.

Sentences from Wikinews articles (CC BY 2.5, Wikinews contributors,
https://en.wikinews.org; shortened), the kinds of junk gold/actors_junk.json found.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_actors import actor_of, mention_of, run

from dyad.actors.kb import load_kb

NO_ACTOR = {
    "an office as a person's title": (
        'US Secretary of State Mike Pompeo said the crash was "likely" Iran\'s doing.',
        ["US Secretary of State"],
    ),
    "an office said of the subject": (
        "Joe Biden was projected to have surpassed 270 electoral college votes and therefore "
        "become the 46th President of the United States elect.",
        ["President of the United States"],
    ),
    "a role said of the subject": (
        "Markus Reinhardt was head of police for the canton. He had previously been a "
        "prosecutor for the canton. In 1982 Cummings successfully ran to be a state delegate.",
        ["prosecutor", "state delegate"],
    ),
    "a role not yet filled": (
        "Brash will officially step down on Monday, where the party will vote for a new leader "
        "and deputy-leader. Doctors stated that the next Surgeon General would need to "
        "communicate well.",
        ["new leader", "Surgeon General"],
    ),
    "a title before 'of' and a name": (
        "First Minister of Scotland Nicola Sturgeon said via Twitter, \"Today's Court of "
        'Session judgment is of huge constitutional significance."',
        ["First Minister"],
    ),
    "one known word ending a longer name": (
        "\"He's speaking to an organization that's linked to a terrorist organization, and he's "
        'done it on the steps of Parliament Hill in the name of the Prime Minister," she added.',
        ["Hill"],  # not the newspaper The Hill
    ),
    "a place before its state, then named again": (
        "The Citizen's Committee for the Free Beach (Comitato Civico per la Spiaggia Libera) "
        "of Maiori, Italy, collected signatures on July 1, 2007 in order to defend the right "
        "of its citizens to have a free beach.\n\nOne part of the beach has additional "
        "services. Fees amount to € 20 for a sunshade and two sun loungers, with residents of "
        "Maiori paying €8. The committee contends that this is prohibitively expensive.",
        ["Maiori"],
    ),
    "a place after a place noun": (
        "The protest followed Hussein's burial the day before in his birthplace of Al Auja, "
        "where mourners also expressed outrage.",
        ["Al Auja"],
    ),
    "a capital after 'the Lebanese city of'": (
        "Over thirty people have died in Lebanon, with the latest violence having occurred in "
        "the Lebanese city of Tripoli.",
        ["Tripoli", "city"],
    ),
    "a place owning its police": (
        "Marcel Suter will replace Reinhardt as head of WEF security, and Robert Willi will "
        "temporarily head the Graubünden police.",
        ["Graubünden"],
    ),
    "a craft after a demonym, a maker before a model number": (
        "On Saturday Iran acknowledged it had shot down a Ukrainian passenger jet near Tehran. "
        "A few hours before the Boeing 737-800 jet crashed, Iran launched missiles.",
        ["jet", "Boeing"],
    ),
    "an office and its holders tagged as organisations": (
        "He was among the Representatives who voted against the Iraq War in 2002. He will "
        "likely leave all of these positions to serve as US Surgeon General.",
        ["Representatives", "US Surgeon"],
    ),
    "a name after 'a'": (
        "The court's summary concluded: \"The Court will accordingly make an Order declaring "
        'that the advice was unlawful."',
        ["Order"],
    ),
    "words in capitals": (
        'President Trump has yet to concede, saying earlier in the morning, "I WON THIS '
        'ELECTION, BY A LOT!" on Twitter.',
        ["LOT"],
    ),
    "a bracketed insertion": (
        "Jennifer Lu of Marriage Equality Coalition Taiwan said, \"[I]t's still not full "
        'marriage rights."',
        ["I]t"],
    ),
    "a work in apposition": (
        "He is currently the host of House Call, a program on CNN, and a contributor to CBS News.",
        ["House Call"],
    ),
    "words only a sentence start capitalises, names after 'a'": (
        "Media reports say there are about 6,000 British citizens currently travelling in "
        "Kenya, the local media said. Jackal horns are crafted from skulls of jackals. The man "
        'replies: "I agree, if we only had a Nuclear Bomb, then we could win." On Sunday, '
        "Blair said in a T.V. interview that the operation was now complete.",
        ["Media", "Jackal", "Nuclear Bomb", "T.V."],
    ),
    "a suffix and a holiday read on from a title word": (
        "Starting in 1968, he spent 15 years fighting for Martin Luther King Jr. Day to be a "
        "federal holiday.",
        ["Jr. Day", "Day"],
    ),
    "a model's code, a faith, a disease": (
        "An E-3 and a UH-60 Black Hawk flew over the base. Officials said the man had "
        "converted to Islam; his wife died of COVID-19.",
        ["E-3", "Black Hawk", "Islam", "COVID-19"],
    ),
    "places an apposition or a copula's subject calls so, a mosque": (
        "The rebels told a BBC reporter that they had captured Ouadda-Djalle, an isolated "
        "settlement 200 km west of the border with Sudan. The first town to fall into the "
        "hands of the UFDR was Birao. The first attack was in Al Noor Mosque.",
        ["Ouadda-Djalle", "Birao", "Al Noor Mosque"],
    ),
    "the words after a number in a longer name": (
        "Requests have come from the deputies of Movimento 5 Stelle (M5S) of the regional "
        "counsel of Lombardy.",
        ["Stelle"],
    ),
    "another country's group named by a common word": (
        "The Australia First Party is writing to its supporters. The party's website does "
        'claim that "Australian Youth And Families Should Support The Cronulla Mass '
        'Mobilisation On December 11". Australia First is seen as a far-right wing party.',
        ["Youth"],
    ),
    "a member's title before 'of' and a name, a title after 'the'": (
        "They showed footage of the New Zealand First Member of Parliament (MP) Ron Mark. "
        "Communist Member of Parliament Nikos Papaconstantinou commented. Conyers, the former "
        "Democratic Dean of the House of Representatives, was 90.",
        ["First Member", "Communist Member", "Dean"],
    ),
    "a title whose complement runs to a comma and a name": (
        '"We were only showing it," said the Director of News and Current Affairs for TV3, '
        "Mark Jennings. Also the president of the Lombardy region, Roberto Maroni, has "
        "reacted. The secretary general of CEI (Italian Episcopal Conference), Nunzio "
        'Galantino, has called the sentence "dangerous".',
        ["Director", "president", "secretary general"],
    ),
    "an office before a name spaCy did not tag as a person": (
        "Former US Ambassador to the United Nations Nikki Haley wrote on Twitter that it was "
        "a mistake.",
        ["Ambassador"],
    ),
    "a demonym and an agent noun in apposition to a person": (
        "Kenji Nagai, 50, a Japanese video journalist shot dead in Myanmar this Thursday, is "
        "alleged to have been shot intentionally.",
        ["video journalist"],
    ),
    "a place called so, a capital in apposition with a place noun, a battle's place": (
        "The meeting was held in a small town called Unity in New Hampshire. Thousands of "
        "people converged on Canberra, the capital city, to witness the event. The tape "
        "commemorates the battle of Tora Bora in December 2001.",
        ["Unity", "Canberra", "Tora Bora"],
    ),
    "one word before 'of' and a body's name": (
        "He had served in Congress longer than any other member, earning him the distinction "
        "of Dean of the House of Representatives.",
        ["Dean"],
    ),
    "anyone who would hold a role, a role to fill, a role word modifying a noun": (
        '"The House is moving forward with an official impeachment inquiry," she announced. '
        "Impeachment is the process by which a federal official, including the president, "
        "can be removed from office by Congress. For a candidate to win the nomination, "
        "1,991 delegates are needed. The Green Zone can be a demoralizing place for a "
        "diplomat to work. The report recommended appointing an independent prosecutor.",
        ["official", "candidate", "diplomat", "independent prosecutor"],
    ),
    "one of a pair that anyone would be, a title in apposition spaCy tagged": (
        "The rules state that only the Speaker or an MP who is standing and speaking can be "
        "recorded. Professor Greg Barton, Chair In Global Islamic Politics at Deakin "
        'University, said "The attacker was using a couple of guns."',
        ["MP", "Chair In Global Islamic Politics"],
    ),
    "an operation's name, counties, taxes and documents, an official anyone could be": (
        "Over the last weeks, the British have conducted 'operation Sinbad' against Shiite "
        "militias in Basra. Zilaitis ran for circuit judge in Florida's Seminole and Brevard "
        "counties. The House is needed to impeach an official, who can then be removed from "
        "office. The government introduced a Value Added Tax. The United States Constitution "
        "was cited.",
        ["Sinbad", "Brevard", "official", "Value Added Tax", "United States Constitution"],
    ),
    "a place that owns a government, named by one word": (
        "Goa's government announced three days of mourning for D'Souza. The Aam Aadmi Party "
        "in Goa said he was a gentleman politician.",
        ["Goa"],
    ),
    "a title before a comma and a name": (
        "Politicians and the Archbishop of Gdańsk, Sławoj Leszek Głódź, were reported by local "
        "media to have visited the hospital.",
        ["Archbishop of Gdańsk"],
    ),
    "sites after 'in' or 'at', a place before 'hospital', an attitude to a country": (
        "Two cars passed the residence in Areia Branca, two kilometers outside of the "
        "capital. The wounded were transported to nearby Kalubovila hospital. He died at "
        "Gilchrist Hospice Care. Pinochet underwent a bypass surgery in the Hospital Militar "
        "in Santiago. The operation is targeting insurgents loyal to anti-American Shi'ite "
        "cleric Muqtada al-Sadr.",
        ["Areia Branca", "Kalubovila", "Gilchrist Hospice Care", "Hospital Militar", "American"],
    ),
    "a capital inside a name spaCy tagged as a person's, which it does not end": (
        "Other pan-democrats elected were Leung Yiu-chung of NWSC and James To of the "
        "Democratic Party. Pro-Beijing DAB's Starry Lee and Holden Chow were successfully "
        "elected in this constituency, while pro-Beijing veteran politician Wong Kwok-hing was "
        "defeated.",
        ["Pro-Beijing DAB"],
    ),
    "a place's name in an organisation's spaCy tagged": (
        "I am not a new candidate, this is my third federal election and I have also run in an "
        "Ontario Provincial election.",
        ["Ontario Provincial"],
    ),
    "an organisation's name after 'in' and before its state": (
        "An Australian, Brenton Tarrant, aged 28, appeared in Christchurch District Court, New "
        "Zealand yesterday, charged with one count of murder.",
        ["Christchurch District Court"],
    ),
    "a person's name owning a site's, a name after 'every'": (
        "During the peak of the outbreak, Tupua Tamasese Meaole's Acute Primary Care Clinic "
        "was made a measles ward. America is richer for every Murphy, Kelly, and O'Sullivan.",
        ["Tupua Tamasese Meaole", "Murphy", "Kelly", "O'Sullivan"],
    ),
    "names before a facility's or a work's noun": (
        "The attacks occurred at 4:00 A.M. local time (0100 UTC) and struck the largest "
        "processing plant at Abqaiq and the Khurais oil field. "
        "Israel will destroy the infrastructure, according to Channel One's Mabat news program.",
        ["Khurais", "Mabat"],
    ),
    "a place's initials in brackets, a word said twice": (
        "Yesterday, the Parliament of New South Wales (NSW), Australia voted to pass the bill. "
        "The Opposition Leader then went on to say to the journalists 'zob zob zob', according "
        "to News.com.au.",
        ["NSW", "zob zob"],
    ),
    "weather, goods, programmes and a faith's adjective": (
        "In 2019, we have no weather events that affect droughts, such as El Niño. Competition "
        "from liquid natural gas (LNG) terminals is likely. Officials said Medicare would pay. "
        "The rally was largely Shi'ite, as it had been ordered by cleric Muqtada al-Sadr.",
        ["El Niño", "LNG", "Medicare", "Shi'ite"],
    ),
}


@pytest.mark.parametrize(("text", "words"), NO_ACTOR.values(), ids=NO_ACTOR.keys())
def test_no_actor(nlp, text, words):
    doc = run(nlp, text, date(2019, 10, 17))
    for word in words:
        for nth in range(len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))):
            assert mention_of(doc, word, nth) is None, (word, nth)


def test_what_stays_an_actor_beside_the_junk(nlp):
    doc = run(nlp, 'US Secretary of State Mike Pompeo said the crash was "likely" Iran\'s doing.')
    assert actor_of(doc, "Mike Pompeo").id == "POMPEO"
    doc = run(nlp, "The United States claims Mahan flies fighters to Syria in support of al-Assad.")
    assert actor_of(doc, "al-Assad").id == "ASSAD"  # an article before a name is no name
    doc = run(nlp, "First Minister of Scotland Nicola Sturgeon said it via Twitter.")
    assert actor_of(doc, "Nicola Sturgeon").kind == "person"
    doc = run(nlp, "A spokesman said the talks would continue. Police arrested an official.")
    assert actor_of(doc, "spokesman").kind == actor_of(doc, "official").kind == "person"
    doc = run(nlp, "The hospital said Grady Memorial Hospital would treat them.")
    assert actor_of(doc, "Grady Memorial Hospital").kind == "organization"


KIND = {
    "a name after its kind noun": (
        'The German newspaper Bild stated that "he wants to do this with others."',
        "Bild",
        "media",
    ),
    "an organisation spaCy tagged as a person": (
        "The John Birch Society's online poll, however, shows very different numbers.",
        "John Birch Society",
        "ngo",
    ),
    "a place and a title before a name": (
        "Early yesterday morning, United States Representative Elijah Cummings died while in "
        "hospice care.",
        "Elijah Cummings",
        "person",
    ),
    "a person spaCy tagged as an organisation with a long title": (
        "On Thursday, Francis D'Souza died in Goa, India. State Congress President Girish "
        "Chodankar called D'Souza humble.",
        "Girish Chodankar",
        "person",
    ),
    "a person whose surname the base knows as a place": (
        "All verdicts are consistent with the recommendations of the Indonesian prosecutors, "
        "except for Renae Lawrence.",
        "Renae Lawrence",
        "person",
    ),
    "a newswire in apposition, spaCy's person": (
        "According to Jiji, a Tokyo based newswire, RWB also requested sanctions.",
        "Jiji",
        "media",
    ),
    "a party whose last word the base gives the US party": (
        "Simon Hughes (Liberal Democrats) said he accepts nationalisation is required.",
        "Liberal Democrats",
        "party",
    ),
    "a name after a role noun in lower case, spaCy's organisation": (
        "Buying costs have soared too, with estate agent Eli Melloul stating that the average "
        "price has now reached 1 million shekels.",
        "Eli Melloul",
        "person",
    ),
    "a title in an organisation's name spaCy tagged": (
        'Newly elected Assemblywoman Selena Torres said, "It\'s really exciting."',
        "Selena Torres",
        "person",
    ),
    "a school named after a person, spaCy's person": (
        "The talks, which are held in conjunction with the John W. McCormack Graduate School of "
        "Policy Studies of the University of Massachusetts Boston, are expected.",
        "John W. McCormack Graduate School of Policy Studies",
        "organization",
    ),
    "a tribe spaCy tagged as a person": (
        "The plaintiffs were listed as Western Native Voice, Montana Native Vote, Blackfeet "
        "Nation, Confederated Salish and Kootenai Tribes, Crow Tribe, and the Fort Belknap "
        "Indian Community.",
        "Crow Tribe",
        "organization",
    ),
    "a person the base files under a group, spaCy's person": (
        "All five of the alleged 9-11 conspirators, including the self-professed ringleader "
        "Khalid Sheikh Mohammed, have withdrawn their offer of guilty pleas.",
        "Khalid Sheikh Mohammed",
        "person",
    ),
    "a news site that reports": (
        "Wikinews contacted Hana Razga, to talk about the issues facing Canadians.",
        "Wikinews",
        "media",
    ),
}


@pytest.mark.parametrize(("text", "words", "kind"), KIND.values(), ids=KIND.keys())
def test_kind(nlp, text, words, kind):
    actor = actor_of(run(nlp, text, date(2019, 10, 17)), words)
    assert actor.kind == kind
    assert actor.name == words


NOT_A_PERSON = {
    "a common noun is no surname": (
        "The Citizen's Committee for the Free Beach collected signatures. The committee "
        "contends that this is prohibitively expensive. The Committee protests that they "
        "forbid people to sit on the beach.",
        "Committee",
        1,
    ),
    "a title word before a phrase with 'for'": (
        "In response to a lawsuit by the men's rights group National Coalition for Men, U.S. "
        "District Judge Gray Miller ruled the male-only draft unconstitutional.",
        "National Coalition for Men",
        0,
    ),
}


@pytest.mark.parametrize(("text", "words", "nth"), NOT_A_PERSON.values(), ids=NOT_A_PERSON.keys())
def test_not_a_person(nlp, text, words, nth):
    assert actor_of(run(nlp, text, date(2019, 2, 25)), words, nth).kind != "person"


def test_the_institution_of_a_region_is_not_the_nations(nlp):
    doc = run(
        nlp,
        "On Wednesday in the US state of Alabama, Governor Kay Ivey signed the Alabama Human "
        "Life Protection Act. This bill passed the Senate of the state on Tuesday. Donald Trump "
        "and the US Supreme Court were not asked.",
        date(2019, 5, 16),
    )
    senate = actor_of(doc, "Senate")
    assert (senate.kb_id, senate.country) == (None, "USA")


def test_a_sector_code_is_no_affiliation():
    """'NGOBUSWEF' makes the World Economic Forum an NGO, not a body of the base's 'NGO'
    (Le Huy Ngo, a Vietnamese minister)."""
    forum = load_kb().actor("WORLD_ECONOMIC_FORUM", "2008-01-22")
    assert (forum.affiliation, forum.country) == (None, None)


def test_the_queen_is_the_united_kingdoms():
    """Phoenix files Queen Elizabeth II under Saint Kitts and Nevis; the curated layer
    gives her the realm articles mean."""
    queen = load_kb().actor("QUEEN_ELIZABETH_II", "2019-09-11")
    assert (queen.country, queen.affiliation) == ("GBR", "GBR")


def test_a_common_word_name_is_the_articles_countrys_party(nlp):
    """'The Democrats' of an Australian story that never names the United States are the
    Australian Democrats, not the base's US party; a longer name the base's alias begins
    is that longer name."""
    doc = run(
        nlp,
        "The Australia First Party and its offspring the Patriotic Youth League were "
        "accused. The Australian Labor Party and the Democrats voted against the bill in the "
        "Australian parliament in Canberra.",
        date(2005, 12, 20),
    )
    democrats = actor_of(doc, "Democrats")
    assert (democrats.kb_id, democrats.kind, democrats.country) == (None, "party", "AUS")
    league = actor_of(doc, "League")
    assert (league.kb_id, league.name) == (None, "Patriotic Youth League")
    doc = run(
        nlp,
        'State Congress President Girish Chodankar called D\'Souza "humble". The Aam Aadmi '
        "Party in India said he was a gentleman politician. India mourned.",
    )
    assert "US_CONGRESS" not in doc._.actors  # India's Congress, not the United States'
    doc = run(
        nlp,
        "The LCA said that the Greens and Democrats have both committed to an increase. An "
        "Australian Democrats policy document says that legal aid funding hurts Australians.",
    )
    assert actor_of(doc, "Democrats").country == "AUS"  # the namesake casts no vote
    doc = run(
        nlp,
        "Prime Minister John Howard said in Canberra that Australia would act, the ABC "
        "reported. Australian police agreed.",
    )
    assert actor_of(doc, "ABC").id == "ABC_AUS"  # the base's namesake in Australia
    doc = run(nlp, "President Biden said in Washington that America would act, ABC reported.")
    assert actor_of(doc, "ABC").id == "ABC_NEWS"
    doc = run(nlp, NO_ACTOR["another country's group named by a common word"][0])
    assert "FRA" not in doc._.actors  # the dropped namesake leaves no country behind
    doc = run(nlp, "Many Democrats met President Obama in Washington.", date(2010, 3, 1))
    assert actor_of(doc, "Democrats").id == "DEM"  # the United States named: its party


def test_a_state_is_named_by_its_own_row_not_a_territorys():
    """CountryInfo lists France's territories (Saint Barthelemy) under its code after it."""
    kb = load_kb()
    assert (kb.entries["FRA"].name, kb.entries["GBR"].name) == ("France", "United Kingdom")


KNOWN = {
    "the Group of Eight, not a person 'G-8'": (
        "President Bush left Russia, where he had attended the G-8 summit.",
        "G-8",
        "G8",
    ),
    "the African National Congress, not the US Congress": (
        "Mr Saleam organised a shotgun attack on the home of the African National Congress "
        "Australian representative, Eddie Funde.",
        "African National Congress",
        "ANC",
    ),
}


@pytest.mark.parametrize(("text", "words", "actor"), KNOWN.values(), ids=KNOWN.keys())
def test_known_to_the_base(nlp, text, words, actor):
    doc = run(nlp, text, date(2006, 7, 20))
    assert actor_of(doc, words).id == actor
    assert "US_CONGRESS" not in doc._.actors


def test_an_organisations_name_is_not_a_role_and_a_list_shares_its_title(nlp):
    doc = run(
        nlp,
        "Police arrested about 50 people, including the leader of the opposition party "
        "Movement for Democratic Change, Morgan Tsvangirai. German firms including Deutsche "
        "Bahn, Deutsche Telekom, Daimler, and Siemens have announced plans to pull out of "
        "Iran. Iranian state-run television said so. Russian President Vladimir Putin and "
        "Xi Jinping met.",
        date(2007, 3, 12),
    )
    assert actor_of(doc, "Movement for Democratic Change").kind != "person"
    assert actor_of(doc, "Siemens").country == "DEU"
    assert actor_of(doc, "Iranian state-run television").country == "IRN"
    assert actor_of(doc, "Xi Jinping").country != "RUS"


ANOTHERS_NAME = {
    "a party the base knows, ending a longer party's name": (
        "New Democratic Party candidate Hana Razga is standing for election in the riding of "
        "Edmonton—Leduc.",
        "Democratic Party",
        "New Democratic Party",
    ),
    "a group the base knows, ending a name spaCy tagged as a person's": (
        "Kataeb Hezbollah fighters fired rockets at the base.",
        "Hezbollah",
        "Kataeb Hezbollah",
    ),
}


@pytest.mark.parametrize(
    ("text", "words", "name"), ANOTHERS_NAME.values(), ids=ANOTHERS_NAME.keys()
)
def test_a_known_name_ending_anothers_is_that_other_entity(nlp, text, words, name):
    actor = actor_of(run(nlp, text, date(2008, 10, 1)), words)
    assert (actor.kb_id, actor.name) == (None, name)


def test_a_state_ending_a_places_name_is_not_that_state(nlp):
    doc = run(
        nlp,
        "The First Minister of Northern Ireland, Arlene Foster, said Northern Ireland would not "
        "accept a border. The Afghan Taliban and the UN Security Council met.",
        date(2019, 6, 3),
    )
    assert mention_of(doc, "Northern Ireland") is None  # a part of the United Kingdom
    assert "IRL" not in doc._.actors
    assert actor_of(doc, "Taliban").id == "TALIBAN"  # a demonym says whose
    assert actor_of(doc, "Security Council").id == "UNSC"  # so does a body the base knows


def test_a_states_whole_name_and_adjective_name_it():
    """The Republic of China is Taiwan; 'Samoan' is Samoa's (CountryInfo gives it to
    American Samoa alone)."""
    kb = load_kb()
    assert kb.lookup("Republic of China")[0].actor == "TWN"
    assert kb.lookup("People's Republic of China")[0].actor == "CHN"
    assert kb.lookup("Samoan")[0].actor == "WSM"
    assert kb.lookup("American Samoan")[0].actor == "ASM"


def test_a_democratic_party_of_a_story_that_never_names_the_united_states(nlp):
    doc = run(
        nlp,
        "The Hong Kong legislative election was held on Sunday. Hong Kong voters turned out. "
        "Other pan-democrats elected were Leung Yiu-chung of NWSC and James To of the "
        "Democratic Party.",
        date(2016, 9, 5),
    )
    party = actor_of(doc, "Democratic Party")
    assert (party.kb_id, party.kind) == (None, "party")


def test_a_name_the_base_knows_that_a_longer_name_runs_on_from_is_that_other_person(nlp):
    doc = run(
        nlp,
        "The paper was criticised by Senator Kerry Nettle, Education Spokesperson for the "
        "Australian Greens. She argued that the changes would mean an increase in costs. "
        "Barack Obama Jr. did not comment.",
        date(2006, 3, 1),
    )
    nettle = actor_of(doc, "Kerry Nettle")
    assert (nettle.kb_id, nettle.name) == (None, "Kerry Nettle")  # not John Kerry
    assert actor_of(doc, "She").id == nettle.id
    assert actor_of(doc, "Barack Obama").id == "OBAMA"  # a suffix ends the same name
    doc = run(
        nlp,
        'The title of the Voice of Russia commentary, "George W. Bush Has Intuition (Maybe)," '
        "and its tone indicated the analyst's view.",
        date(2007, 7, 20),
    )
    assert actor_of(doc, "George W. Bush").id == "GWBUSH"  # a title's verb is no name


def test_a_states_name_as_a_first_name_is_no_state(nlp):
    doc = run(
        nlp,
        "Doctors say he is suffering heart problems. Chad Bouchard reports from Jakarta.",
        date(2008, 1, 12),
    )
    assert "TCD" not in doc._.actors
    assert actor_of(doc, "Chad Bouchard").kind == "person"


def test_a_base_persons_namesake_in_a_story_of_another_country(nlp):
    """The base's John Carmichael is a Swazi official of 2003; in a Canadian story of 2008
    that never names Swaziland, the candidate is the story's own John Carmichael. A former
    head of government the base knows by title stays who the base knows."""
    doc = run(
        nlp,
        "Also running in the Toronto riding are Liberal Rob Oliphant and Conservative John "
        "Carmichael. Canada votes on October 14. Canadian voters met Tony Blair.",
        date(2008, 10, 1),
    )
    carmichael = actor_of(doc, "Carmichael")
    assert (carmichael.kb_id, carmichael.country) == (None, "CAN")
    assert "SWZ" not in doc._.actors
    assert actor_of(doc, "Tony Blair").id == "BLAIR"


def test_a_council_spacy_tagged_as_a_person_is_an_organisation(nlp):
    doc = run(
        nlp,
        "The Embassy calls on all Aboriginal Nations to send representatives to the Embassy to "
        "commemorate and review the issues of Land Rights in Australia. The Tent Embassy also "
        "announced the establishment of the National Tribal Law Council.",
        date(2012, 1, 27),
    )
    assert actor_of(doc, "Tribal Law Council").kind == "organization"


def test_a_group_spacy_tags_as_a_person_with_a_particle_stays_the_group(nlp):
    doc = run(
        nlp,
        "Hamza bin Laden, an al-Qa’ida member, was killed. The al-Qa’ida leader spoke.",
        date(2019, 9, 15),
    )
    assert actor_of(doc, "al-Qa’ida").id == "ALQAEDA"
