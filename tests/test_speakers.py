"""Speakers a fact-checker can check: possessive descriptions ("Its president said") and definite
roles and bodies ("the minister", "the company") resolved to a name or a body, names without titles
and bodies' names whole, unnamed sources as the article describes them, and "he"/"she" kept away
from company and agency names the model tags PERSON and from people of the other gender."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.eval.gold import load_gold

GOLD = Path(__file__).resolve().parent / "gold"
SPEECH_TYPES = {"quote", "reported_speech"}
POSSESSIVE_PRONOUNS = ("its ", "their ", "his ", "her ")


def speakers_of(article):
    return [(c.type, c.value.speaker) for c in article.claims if c.type in SPEECH_TYPES]


# (text, [(claim type, speaker)])
POSSESSIVE_CASES = [
    # the article names the person: by apposition, or for that role elsewhere
    (
        "The union represents 4,000 dockers. Its president, Maria Lopez, said that the strike would go on.",
        [("reported_speech", "Maria Lopez")],
    ),
    (
        "Karvenia’s case deserves a fair hearing. Its president, Aleksandr Vitsen, calls the dam “a matter of "
        "national survival.”",
        [("quote", "Aleksandr Vitsen")],
    ),
    (
        "Last month, Lesovia’s defense minister, Tomas Reinholt, claimed Karvenia was preparing to seize the "
        "river crossings.",
        [("reported_speech", "Tomas Reinholt")],
    ),
    (
        "Maria Lopez, the union’s president, led the march on Monday. The union represents 4,000 dockers at the port "
        "of Calvera. Its president said that the strike would go on.",
        [("reported_speech", "Maria Lopez")],
    ),
    (
        "Ana Ruiz, the union’s general secretary, spoke at the rally. The union’s general secretary said that the "
        "strike would go on.",
        [("reported_speech", "Ana Ruiz")],
    ),
    # no name: the role of the body or person the possessive points back to
    (
        "The Dockers' Union represents 4,000 workers at the port. Its president said that the strike would go on.",
        [("reported_speech", "the president of the Dockers' Union")],
    ),
    (
        "The Dockers' Union represents 4,000 workers. “The strike will go on,” its president told reporters "
        "on Monday.",
        [("quote", "the president of the Dockers' Union")],
    ),
    (
        "The airline cancelled 300 flights on Friday. “We had no choice,” its chief executive told reporters.",
        [("quote", "the chief executive of the airline")],
    ),
    (
        "The union, Dockers United, called the strike. Its general secretary said that the strike would go on.",
        [("reported_speech", "the general secretary of Dockers United")],
    ),
    (
        "The ministry commissioned a study of the dam. Its own experts said that the spillway had been opened "
        "without warning.",
        [("reported_speech", "the experts of the ministry")],
    ),
    (
        "Lesovia’s defense minister, Tomas Reinholt, spoke first. Karvenia rejected the claim. Its defense minister "
        "said that no troops had moved.",
        [("reported_speech", "the defense minister of Karvenia")],
    ),
    (
        "Transport Minister Luis Arrebola arrived in Calvera on Monday. His spokesman said that the minister would not "
        "negotiate under blockade.",
        [("reported_speech", "the spokesman of Luis Arrebola")],
    ),
    # the article's own words for the role win over a built description
    (
        "The employers’ association has offered a 4.5 percent raise. The employers tell a different story. Their "
        "association said that automation would create 1,100 new jobs.",
        [("reported_speech", "the employers’ association")],
    ),
    # a body's spokesperson speaks as the body
    (
        "The Transport Workers' Federation called a national strike on Monday. Its spokesman said that talks with "
        "the government had collapsed.",
        [("reported_speech", "the Transport Workers' Federation")],
    ),
    (
        "Greenpeace has campaigned against the dam for a decade. Their spokeswoman said that the reservoir had "
        "flooded 12 villages.",
        [("reported_speech", "Greenpeace")],
    ),
    # a possessive pronoun that is itself the source
    (
        "The ministry published a report on Monday. “The dam could fail at any time” was its warning.",
        [("quote", "the ministry")],
    ),
    (
        "Luis Arrebola spoke in Calvera on Monday. His claim that “the strike is illegal” was rejected by the "
        "union.",
        [("quote", "Luis Arrebola")],
    ),
    # nothing to point back to: no speaker rather than an uncheckable "Its president"
    ("Its president said that the strike would go on.", [("reported_speech", None)]),
]


@pytest.mark.parametrize(("text", "expected"), POSSESSIVE_CASES, ids=[c[0][:50] for c in POSSESSIVE_CASES])
def test_possessive_description_speakers(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# (text, [(claim type, speaker)]): "she" after a company or agency the model tags PERSON
PRONOUN_CASES = [
    # the article refers to the name with "it" or "its"
    (
        "Sara Novak, a dockworker, joined the protest on Monday. Maersk Line said it would cut 300 jobs at the port. "
        "“We regret this decision,” she said.",
        [("reported_speech", "Maersk Line"), ("quote", "Sara Novak")],
    ),
    (
        "Sara Novak joined the protest on Monday. Analysts expect Maersk Line to cut its forecast. “We were not "
        "consulted,” she said.",
        [("quote", "Sara Novak")],
    ),
    # org-like words around the name: an apposition, "which", a noun only a body has
    (
        "Sara Novak joined the protest on Monday. Sanofi Pasteur, the vaccine maker, cut 300 jobs at the plant. "
        "“We were not consulted,” she said.",
        [("quote", "Sara Novak")],
    ),
    (
        "Sara Novak joined the protest on Monday. Maersk Line, which runs the terminal, cut 300 jobs. “We were not "
        "consulted,” she said.",
        [("quote", "Sara Novak")],
    ),
    (
        "Sara Novak joined the protest on Monday. A Maersk Line vessel was stuck at the quay. “We were not "
        "consulted,” she said.",
        [("quote", "Sara Novak")],
    ),
    # tagged ORG or FAC more often than PERSON in the article
    (
        "Sara Novak joined the protest on Monday. Investors in Sanofi Pasteur were nervous. The board of Sanofi "
        "Pasteur met on Friday. Sanofi Pasteur cut 300 jobs at the plant last year. “We were not consulted,” "
        "she said.",
        [("quote", "Sara Novak")],
    ),
    # a name the model misses but the article gives a person's role
    (
        "Ana Ruiz, the union’s general secretary, has been explicit about this. The union, Dockers United, wants "
        "wages to rise by 9 percent. \"We will not unload a single ship until the automation plan is withdrawn,\" "
        "she told a rally on September 12.",
        [("quote", "Ana Ruiz")],
    ),
    # a person stays a person: a role beside the name elsewhere outweighs an "it", and "it would
    # take years to rebuild" stands for a clause, not for the name
    (
        "Sara Novak, a dockworker, joined the protest on Monday. Novak said it would cut her wages by half. "
        "“We were not consulted,” she said.",
        [("reported_speech", "Sara Novak"), ("quote", "Sara Novak")],
    ),
    (
        "Sara Novak said it would take years to rebuild the port. “We regret this decision,” she said.",
        [("reported_speech", "Sara Novak"), ("quote", "Sara Novak")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_CASES, ids=[c[0][:50] for c in PRONOUN_CASES])
def test_he_and_she_go_to_people(extract, text, expected):
    assert speakers_of(extract(text)) == expected


@pytest.mark.parametrize(
    ("name", "claim_start", "speaker"),
    [
        ("river-dam-oped", "Karvenia was preparing to seize", "Tomas Reinholt"),
        ("river-dam-oped", "a matter of national survival", "Aleksandr Vitsen"),
        ("port-strike-analysis", "We will not unload a single ship", "Ana Ruiz"),
        ("port-strike-analysis", "that automation would create", "the employers’ association"),
    ],
)
def test_sample_article_speakers(extract, name, claim_start, speaker):
    gold = load_gold(GOLD / f"{name}.json")
    article = extract(gold.text, published=gold.published)
    found = [c.value.speaker for c in article.claims if c.type in SPEECH_TYPES and c.text.startswith(claim_start)]
    assert found and set(found) == {speaker}


@pytest.mark.parametrize("name", ["karabakh-oped", "river-dam-oped", "port-strike-analysis", "ceasefire-brief"])
def test_no_speaker_is_a_bare_possessive_description(extract, name):
    gold = load_gold(GOLD / f"{name}.json")
    speakers = [s for _, s in speakers_of(extract(gold.text, published=gold.published)) if s]
    assert not [s for s in speakers if s.lower().startswith(POSSESSIVE_PRONOUNS)]


# (text, [(claim type, speaker)]): "the minister", "the chief executive" name the person the
# article named with that role, by a title or beside the name; without one they stay as written
DEFINITE_ROLE_CASES = [
    (
        "Transport Minister Lena Voss visited the harbour on Monday. “The bridge will reopen in May,” the "
        "minister said.",
        [("quote", "Lena Voss")],
    ),
    (
        "Lena Voss, the health minister, visited the hospital on Monday. The minister told reporters that the new "
        "wing would open in May.",
        [("reported_speech", "Lena Voss")],
    ),
    (
        "The airline's chief executive, Marco Bellini, spoke to investors. Later, the chief executive said that "
        "fares would rise.",
        [("reported_speech", "Marco Bellini")],
    ),
    (
        "Governor Niamh Doyle-Brandt spoke after the meeting. “We will wait,” the governor told reporters.",
        [("quote", "Niamh Doyle-Brandt")],
    ),
    # "he" after "the minister" goes to the minister, not to the person quoted in between
    (
        "Transport Minister Pavel Horak met the union on Monday. “We are not moving,” said Jonas Berg, who has "
        "driven a bus for twenty years. The minister insists the talks are over. He has said that the state will "
        "not pay more.",
        [("quote", "Jonas Berg"), ("reported_speech", "Pavel Horak"), ("reported_speech", "Pavel Horak")],
    ),
    # a role the article gives nobody, or another one, stays as written
    ("The minister said that the bridge would reopen in May.", [("reported_speech", "the minister")]),
    (
        "Finance Minister Tomas Reinholt spoke first. The prime minister said that taxes would not rise.",
        [("reported_speech", "the prime minister")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEFINITE_ROLE_CASES, ids=[c[0][:50] for c in DEFINITE_ROLE_CASES])
def test_definite_role_is_the_named_person(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# "the agency", "the company", "the regulator" name the body the article named before
BODY_NOUN_CASES = [
    (
        "The UN food agency has warned of famine in the region. In a statement on Friday, the agency said that "
        "supplies would run out by June.",
        [("reported_speech", "the UN food agency")],
    ),
    (
        "Halvorsen Shipping, the country's largest ferry operator, cancelled 40 sailings. The operator said that "
        "the storm had damaged two vessels.",
        [("reported_speech", "Halvorsen Shipping")],
    ),
    (
        "The Dockers' Union called a strike. The union said that the strike would go on.",
        [("reported_speech", "the Dockers' Union")],
    ),
    (
        "Analysts at Kestrel Capital expect a loss. Brightwater Dairies cut its forecast on Monday. The company "
        "said that it would close two plants.",
        [("reported_speech", "Brightwater Dairies")],
    ),
    # the company the article is about, not the investor named last
    (
        "Brightwater Dairies reported a loss of 80 million euros. Its shares fell sharply. Analysts at Kestrel "
        "Capital were not surprised. Farmers have been paid late since March. The company said that it would cut "
        "300 jobs.",
        [("reported_speech", "Brightwater Dairies")],
    ),
    (
        "The new reactor needs approval from the Maritime Safety Authority. The regulator said that the review "
        "would take a year.",
        [("reported_speech", "the Maritime Safety Authority")],
    ),
    (
        "The bank's annual report was published on Monday. The report says that profits fell.",
        [("reported_speech", "the bank's annual report")],
    ),
    # a part of a document speaks for the document
    (
        "The ceasefire agreement was signed in June. The third clause of the agreement says that both sides will "
        "withdraw.",
        [("reported_speech", "the agreement")],
    ),
    # nothing named before: as written
    (
        "The Fisheries Institute published a report in May. The report said that cod stocks had collapsed.",
        [("reported_speech", "the report")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODY_NOUN_CASES, ids=[c[0][:50] for c in BODY_NOUN_CASES])
def test_definite_body_noun_is_the_named_body(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# titles and role words stay out of a person's name
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Health Commissioner Marta Ilves said that the vaccine would be free.", "Marta Ilves"),
        ("Chief Executive Daniel Okoro said that profits would fall.", "Daniel Okoro"),
    ],
)
def test_title_is_not_part_of_the_name(extract, text, speaker):
    assert speakers_of(extract(text)) == [("reported_speech", speaker)]


# an unnamed spokesperson, or staff writing for a body, speak as the body
SPOKESPERSON_CASES = [
    (
        "A spokeswoman for Halvorsen Shipping said that all sailings had been cancelled.",
        [("reported_speech", "Halvorsen Shipping")],
    ),
    ("A Kremlin spokesman said that the talks would resume.", [("reported_speech", "Kremlin")]),
    (
        "The Ministry of Fisheries published new quotas. The ministry's spokesman said that the quotas were final.",
        [("reported_speech", "the Ministry of Fisheries")],
    ),
    (
        "The Civil Aviation Directorate published its findings. The directorate's inspectors wrote that the runway "
        "lights had failed.",
        [("reported_speech", "the Civil Aviation Directorate")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPOKESPERSON_CASES, ids=[c[0][:50] for c in SPOKESPERSON_CASES])
def test_spokesperson_speaks_as_the_body(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# an unnamed source keeps its description, without the clause on why it is unnamed
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "One nurse at the district hospital, who spoke on condition of anonymity, said that the ward had no "
            "heating.",
            "one nurse at the district hospital",
        ),
        (
            "Two engineers familiar with the design, who were not authorised to speak publicly, said that the bolts "
            "had failed.",
            "two engineers familiar with the design",
        ),
        (
            "One farmer who has grazed sheep on the hill for thirty years, speaking on condition of anonymity, said "
            "that the water had turned brown.",
            "one farmer who has grazed sheep on the hill for thirty years",
        ),
        ("A senior official said that the talks had failed.", "a senior official"),
    ],
)
def test_unnamed_source_keeps_its_description(extract, text, speaker):
    assert speakers_of(extract(text)) == [("reported_speech", speaker)]


# a body's name whole: across "of"/"for", without a descriptor before it, a short form widened
# to the name the article introduced it with, but not to a longer name it used only later
BODY_NAME_CASES = [
    (
        "According to the EU Agency for Fundamental Rights, complaints rose by a third.",
        [("reported_speech", "the EU Agency for Fundamental Rights")],
    ),
    (
        "According to the Baltic Commission for the Protection of Fisheries, catches fell by a third.",
        [("reported_speech", "the Baltic Commission for the Protection of Fisheries")],
    ),
    (
        "Insurance premiums for the route have doubled, the insurer Marlow & Finch said on Monday.",
        [("reported_speech", "Marlow & Finch")],
    ),
    (
        "Tarvik Mining opened a new pit in April. Tarvik said that the pit would employ 400 people.",
        [("reported_speech", "Tarvik Mining")],
    ),
    (
        "Tarvik said in March that it would open a new pit. Tarvik Mining Services will run the pit. Tarvik said "
        "that the pit would employ 400 people.",
        [("reported_speech", "Tarvik"), ("reported_speech", "Tarvik")],
    ),
    (
        "Tarvik CEO Anna Berg opened the pit in April. Tarvik said that the pit would employ 400 people.",
        [("reported_speech", "Tarvik")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODY_NAME_CASES, ids=[c[0][:50] for c in BODY_NAME_CASES])
def test_body_name_is_whole(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# "she" passes over a man the article shows as one ("Peter Lund … said he"), "he" over a woman
GENDER_CASES = [
    (
        "Ms. Adaeze Okafor, the council leader, defended the budget. Peter Lund, who runs the ferry, said he was "
        "worried about the fares. “We will not close the port,” she said.",
        [("reported_speech", "Peter Lund"), ("quote", "Adaeze Okafor")],
    ),
    (
        "Mr. Tomas Brandt runs the ferry. Adaeze Okafor, the council leader, said she would not resign. “The fares "
        "will rise,” he said.",
        [("reported_speech", "Adaeze Okafor"), ("quote", "Tomas Brandt")],
    ),
]


# two names joined by "and" speak together, a person and whose they are do not; a person named
# beside a role of a body holds it
JOINED_CASES = [
    (  # a small word inside a name ("al-", "van") is part of it
        "More than 6,000 families left on Thursday alone, according to Falluja Mayor Issa al-Issawi. “We do not "
        "know how to deal with this large number of civilians,” he told Reuters on Friday.",
        [("reported_speech", "Issa al-Issawi"), ("quote", "Issa al-Issawi")],
    ),
    (  # a number of a group and a post held with someone are described by the phrase after them
        "Weeks before a NATO summit in Warsaw, three of NATO’s biggest military powers said they would each "
        "command a combat battalion.",
        [("reported_speech", "three of NATO’s biggest military powers")],
    ),
    ("Two of the officials said the talks had stalled.", [("reported_speech", "two of the officials")]),
    (
        "Moscow’s envoy to the alliance has warned they threaten peace in central Europe.",
        [("reported_speech", "Moscow’s envoy to the alliance")],
    ),
    (
        "The U.S. ambassador to the UN, Linda Thomas-Greenfield, said the vote would go ahead.",
        [("reported_speech", "Linda Thomas-Greenfield")],
    ),
    ("Britain, France and Germany said that the talks had failed.", [("reported_speech", "Britain, France and Germany")]),
    ("Officials and analysts said that the talks had failed.", [("reported_speech", "Officials and analysts")]),
    (  # the body of a role, not a person
        "A lawyer of the former mayor, Rudy Giuliani, said the case was weak.",
        [("reported_speech", "a lawyer of the former mayor")],
    ),
    (  # a generic body word is no short name
        "The Texas Senate passed the bill. The Senate said that the law would take effect in May.",
        [("reported_speech", "the Senate")],
    ),
    (  # a group is no one "she" points back to
        "Dr. Jane Roe leads the clinic. A group of nurses told reporters that wages were low. She said that the "
        "hospital needed more money.",
        [("reported_speech", "a group of nurses"), ("reported_speech", "Jane Roe")],
    ),
    (  # of two subjects the parser gave "said", the one next to it
        "BRUSSELS (Reuters) – Britain, Germany and the United States advanced plans on Tuesday to spearhead a new "
        "NATO force on Russia’s border from next year, but some eastern allies said the alliance’s effort must go "
        "further to deter Moscow.",
        [("reported_speech", "some eastern allies")],
    ),
    (
        "The US automobile manufacturer, Ford, said that it posted a net profit of $2.3 billion.",
        [("reported_speech", "Ford")],
    ),
    (
        "Berlin and Washington also said in Brussels that they would send troops to the new force.",
        [("reported_speech", "Berlin and Washington")],
    ),
    (
        "Federal Reserve chairman Ben Bernanke and his colleagues warned that rising joblessness lies ahead.",
        [("reported_speech", "Ben Bernanke")],
    ),
    (
        "The leader of Ennahda, Rachid Ghannouchi, condemned the attack, saying in a statement that it "
        "“will not break our people’s will.”",
        [("reported_speech", "Rachid Ghannouchi"), ("quote", "Rachid Ghannouchi")],
    ),
    (
        "Chair of the Fact-Finding Mission, Mohamed Chande Othman said the operation bore the marks of genocide.",
        [("reported_speech", "Mohamed Chande Othman")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_CASES, ids=[c[0][:50] for c in JOINED_CASES])
def test_joined_and_apposed_speakers(extract, text, expected):
    assert speakers_of(extract(text)) == expected


WIFE = "the wife of a disabled Marine veteran who receives care at the facility"

# "he" after a sentence about one person that names another on the way is its subject; a name
# that only says whose a thing is ("the Trump administration") is nobody a pronoun points back to
SALIENCE_CASES = [
    (
        "VA Secretary Doug Collins promised no cuts. Sen. Richard Blumenthal, who has been critical of "
        "Collins’ stewardship, has argued that the agency is heading in a dangerous direction. He said that the findings reinforce his concerns. “We warned about "
        "this,” he told reporters.",
        [("reported_speech", "Richard Blumenthal"), ("reported_speech", "Richard Blumenthal"),
         ("quote", "Richard Blumenthal")],
    ),
    (
        "Agency spokesperson Peter Kasperowicz defended the plan. Kasperowicz said the agency could not discuss "
        "Martinez’s case without a waiver, which Anthony Martinez declined to sign. He said wait times are unchanged.",
        [("reported_speech", "Peter Kasperowicz"), ("reported_speech", "Peter Kasperowicz")],
    ),
    (
        "President Donald Trump signed the order in May. Rep. Delia Ramirez said during a hearing in July that "
        "the Trump administration is withholding the bonuses. “They want every employee to be pushed out,” she said.",
        [("reported_speech", "Delia Ramirez"), ("quote", "Delia Ramirez")],
    ),
    (  # an unnamed person who spoke since the last name
        "Rod Volway of CARE Canada said aid was slow. One man in Aceh described the scramble when supplies "
        "reached one village. “The fastest get the food,” he told Reuters.",
        [("reported_speech", "Rod Volway of CARE Canada"), ("quote", "one man in Aceh")],
    ),
    (
        "President Donald Trump took office in January. The wife of a disabled Marine veteran who receives care "
        "at the facility told ProPublica that it has become harder in recent months to schedule appointments.\n\n"
        "Her husband, she said, served in Somalia and is completely disabled. He has not had a primary care "
        "doctor assigned to him for months, she said.",
        [("reported_speech", WIFE), ("reported_speech", WIFE), ("reported_speech", WIFE)],
    ),
    (  # the story moved on: the nearest name again
        "Apple chief executive Steve Jobs spoke first, and Tim Cook followed him. The shares rose 3 percent. "
        "“It was a good day,” he said.",
        [("quote", "Tim Cook")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SALIENCE_CASES, ids=[c[0][:50] for c in SALIENCE_CASES])
def test_pronoun_takes_the_subject_of_the_sentence_before(extract, text, expected):
    assert speakers_of(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), GENDER_CASES, ids=[c[0][:50] for c in GENDER_CASES])
def test_pronoun_agrees_in_gender(extract, text, expected):
    assert speakers_of(extract(text)) == expected


# an abbreviation is the name the article spells out; a bare "the official" is the unnamed source
# described before; "which" stands for the noun its clause hangs on
LOOKED_BACK_CASES = [
    (
        "The World Health Organization issued new guidance. The WHO said that cases had doubled in a month.",
        [("reported_speech", "the World Health Organization")],
    ),
    (  # the abbreviation in brackets after the name is no word of it
        "In a statement, the World Health Organization (WHO) said it was aware of reports. The WHO statement "
        "also said: “The risk to the general population appears to be low.”",
        [("reported_speech", "the World Health Organization"), ("quote", "the World Health Organization")],
    ),
    (  # usage drops "Department of"
        "The Department of Veterans Affairs cut staff. The VA in March said it intended to cut 70,000 jobs.",
        [("reported_speech", "the Department of Veterans Affairs")],
    ),
    (  # small words count in some abbreviations
        "The Department of Justice filed the case on Monday. The DOJ said it would appeal.",
        [("reported_speech", "the Department of Justice")],
    ),
    (  # a byline is no place to widen a name from
        "By Charlotte Frantz, UN News | February 19, 2026\n\nIn a report covering the past year, the UN said that "
        "attacks on civilians had doubled.",
        [("reported_speech", "the UN")],
    ),
    (  # a surname the model takes for a body widens to the name the article gave
        "A February report by Jerusalem Demsas in the Atlantic is one of the few analyses. “Russia’s invasion "
        "brought a separate influx of people into U.S. cities,” explained Demsas.",
        [("quote", "Jerusalem Demsas")],
    ),
    (
        "An election official who was not authorised to speak publicly said the ballots had been counted twice. "
        '"We found nothing wrong," the official said.',
        [("reported_speech", "an election official"), ("quote", "an election official")],
    ),
    (
        "The regulator, which told lenders that the rules would change, has not said when.",
        [("reported_speech", "the regulator")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOOKED_BACK_CASES, ids=[c[0][:50] for c in LOOKED_BACK_CASES])
def test_speaker_looked_up_earlier(extract, text, expected):
    assert speakers_of(extract(text)) == expected
