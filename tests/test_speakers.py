"""Speakers a fact-checker can check: possessive descriptions ("Its president said") resolved to
a name or a body, and "he"/"she" kept away from company and agency names the model tags PERSON."""

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
