"""claimkit_numbers on the real spaCy pipeline: casualty figures, troop numbers, quantities."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from claimkit.components.base import claims
from claimkit.components.numbers import find_numbers
from claimkit.pipeline import DEFAULT_MODEL
from claimkit.schema import NUMBER_TYPES, NumberValue

KARABAKH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "karabakh-oped.txt"


@pytest.fixture(scope="module")
def numbers_nlp():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimkit_dates")
    nlp.add_pipe("claimkit_numbers")
    return nlp


@pytest.fixture(scope="module")
def model_only():
    return spacy.load(DEFAULT_MODEL)


def number_claims(doc):
    return [span for span in claims(doc) if span.label_ in NUMBER_TYPES]


# text, type, span, expected value fields (only those given are compared)
FOUND = [
    (
        "The war resulted in substantial casualties, with nearly 3,000 soldiers killed.",
        "casualty_figure",
        "nearly 3,000 soldiers killed",
        {"value": 3000, "qualifier": "nearly", "subject": "soldiers", "outcome": "killed", "unit": None},
    ),
    (
        "Some 1,400 fighters lost their lives in the battle.",
        "casualty_figure",
        "Some 1,400 fighters lost their lives",
        {"value": 1400, "qualifier": "approximately", "subject": "fighters", "outcome": "dead"},
    ),
    (
        "Forty-two civilians were killed in the attack.",
        "casualty_figure",
        "Forty-two civilians were killed",
        {"value": 42, "qualifier": "exact", "subject": "civilians", "outcome": "killed"},
    ),
    (
        "At least 12 civilians died when the convoy was hit.",
        "casualty_figure",
        "At least 12 civilians died",
        {"value": 12, "qualifier": "at_least", "outcome": "dead"},
    ),
    (
        "Dozens of civilians were injured in the blast.",
        "casualty_figure",
        "Dozens of civilians were injured",
        {"value": None, "low": 24, "qualifier": "vague", "subject": "civilians", "outcome": "injured"},
    ),
    (
        "The shelling killed 42 civilians overnight.",
        "casualty_figure",
        "42 civilians",
        {"value": 42, "subject": "civilians", "outcome": "killed"},
    ),
    (
        "Two of the peacekeepers were wounded.",
        "casualty_figure",
        "Two of the peacekeepers were wounded",
        {"value": 2, "subject": "the peacekeepers", "outcome": "wounded"},
    ),
    (
        "Forty-two people died in the flood, among them 11 children.",
        "casualty_figure",
        "11 children",
        {"value": 11, "subject": "children", "outcome": "dead"},
    ),
    (
        "The death toll rose to 215 on Sunday.",
        "casualty_figure",
        "215",
        {"value": 215, "outcome": "dead"},
    ),
    (
        "Azerbaijan lost 2,908 servicemen in the war.",
        "casualty_figure",
        "2,908 servicemen",
        {"value": 2908, "outcome": "casualties"},
    ),
    (
        "Hundreds of thousands left, and thousands more are missing.",
        "casualty_figure",
        "thousands more are missing",
        {"value": None, "low": 2000, "qualifier": "vague", "outcome": "missing"},
    ),
    (
        "Many young Armenians lost their lives, compromising progress.",
        "casualty_figure",
        "Many young Armenians lost their lives",
        {"value": None, "qualifier": "vague", "subject": "young Armenians", "outcome": "dead"},
    ),
    (
        "Moscow sent two brigades to the border.",
        "troop_number",
        "two brigades",
        {"value": 2, "qualifier": "exact", "subject": "brigades", "outcome": None},
    ),
    (
        "This permitted 1,960 Russian peacekeeping troops to be stationed in Karabakh.",
        "troop_number",
        "1,960 Russian peacekeeping troops",
        {"value": 1960, "subject": "Russian peacekeeping troops", "outcome": None},
    ),
    (
        "Russia deployed up to 5,000 troops along the line.",
        "troop_number",
        "up to 5,000 troops",
        {"value": 5000, "qualifier": "at_most", "subject": "troops"},
    ),
    (
        "A 2,000-strong Russian contingent patrols the corridor.",
        "troop_number",
        "2,000-strong Russian contingent",
        {"value": 2000, "subject": "Russian contingent"},
    ),
    (
        "The city deployed about 1,200 military police.",
        "troop_number",
        "about 1,200 military police",
        {"value": 1200, "qualifier": "approximately", "subject": "military police"},
    ),
    (
        "Armenian forces ended up occupying approximately 20 percent of Azerbaijani territory.",
        "quantity",
        "approximately 20 percent of Azerbaijani territory",
        {"value": 20, "qualifier": "approximately", "unit": "percent", "subject": "Azerbaijani territory"},
    ),
    (
        "To maintain control over 20 percent of Azerbaijan, Armenians relied on aid.",
        "quantity",
        "20 percent of Azerbaijan",
        {"value": 20, "qualifier": "exact", "unit": "percent", "subject": "Azerbaijan"},
    ),
    (
        "More than 100,000 people fled their homes.",
        "quantity",
        "More than 100,000 people",
        {"value": 100000, "qualifier": "more_than", "subject": "people"},
    ),
    (
        "About 1.5 million refugees remain abroad.",
        "quantity",
        "About 1.5 million refugees",
        {"value": 1_500_000, "qualifier": "approximately", "subject": "refugees"},
    ),
    (
        "The port lost between €2 billion and €3 billion in trade.",
        "quantity",
        "between €2 billion and €3 billion in trade",
        {"value": None, "low": 2_000_000_000, "high": 3_000_000_000, "qualifier": "range", "unit": "EUR",
         "subject": "trade"},
    ),
    (
        "The fund received $3bn from donors.",
        "quantity",
        "$3bn",
        {"value": 3_000_000_000, "unit": "USD", "qualifier": "exact"},
    ),
    (
        "The enclave covers 4,400 square kilometres.",
        "quantity",
        "4,400 square kilometres",
        {"value": 4400, "unit": "km2"},
    ),
    (
        "Wages should rise by 60 to 70 percent.",
        "quantity",
        "60 to 70 percent",
        {"value": None, "low": 60, "high": 70, "qualifier": "range", "unit": "percent"},
    ),
    (
        "Nearly half of the population depends on aid.",
        "quantity",
        "Nearly half of the population",
        # ANNOTATION.md's units are percent, currencies and measures: a share's value (0.5) says it is one
        {"value": 0.5, "qualifier": "nearly", "unit": None, "subject": "the population"},
    ),
    (
        "Thousands of troops massed along the border.",
        "troop_number",
        "Thousands of troops",
        {"value": None, "low": 2000, "qualifier": "vague", "subject": "troops"},
    ),
    (
        "The convoy carried 360 tons of flour.",
        "quantity",
        "360 tons of flour",
        {"value": 360, "unit": "t", "subject": "flour"},
    ),
    # four-digit counts that are no years
    (
        "Officials said some 2000 were killed in the fighting.",
        "casualty_figure",
        "some 2000 were killed",
        {"value": 2000, "qualifier": "approximately", "outcome": "killed"},
    ),
    (
        "Police said 2000 protesters gathered outside parliament.",
        "quantity",
        "2000 protesters",
        {"value": 2000, "subject": "protesters"},
    ),
    (
        "The ship carried 2000 tonnes of grain to Odesa.",
        "quantity",
        "2000 tonnes of grain",
        {"value": 2000, "unit": "t", "subject": "grain"},
    ),
    # a share of a year's level keeps its own value; the year is a date
    (
        "Emissions must fall to 10% of 2000 levels by 2030, the report said.",
        "quantity",
        "10% of 2000 levels",
        {"value": 10, "unit": "percent", "qualifier": "exact", "low": None, "high": None},
    ),
    # a part of a casualty count, or a count listed with one, shares its outcome
    (
        "The raid killed 40 villagers, among them nine women.",
        "casualty_figure",
        "nine women",
        {"value": 9, "subject": "women", "outcome": "killed"},
    ),
    (
        "Among the injured were 14 pupils and three teachers.",
        "casualty_figure",
        "three teachers",
        {"value": 3, "subject": "teachers", "outcome": "injured"},
    ),
    (
        "The ferry sank; the remaining crew, about 40 sailors, are feared dead.",
        "casualty_figure",
        "about 40 sailors",
        {"value": 40, "qualifier": "approximately", "subject": "sailors", "outcome": "dead"},
    ),
    # the outcome as the complement of the verb's object, after nouns coordinated with the counted one
    (
        "The blast left 27 workers injured.",
        "casualty_figure",
        "27 workers injured",
        {"value": 27, "subject": "workers", "outcome": "injured"},
    ),
    (
        "The offensive left 1,400 soldiers and civilians dead.",
        "casualty_figure",
        "1,400 soldiers and civilians dead",
        {"value": 1400, "subject": "soldiers and civilians", "outcome": "dead"},
    ),
    (
        "Investigators said between 200 and 250 miners and engineers were killed.",
        "casualty_figure",
        "between 200 and 250 miners and engineers were killed",
        {"value": None, "low": 200, "high": 250, "qualifier": "range", "subject": "miners and engineers"},
    ),
    (
        "Another 56 passengers are listed as missing.",
        "casualty_figure",
        "56 passengers are listed as missing",
        {"value": 56, "outcome": "missing"},
    ),
    (
        "At least 70 people were killed or wounded in the shelling.",
        "casualty_figure",
        "At least 70 people were killed",
        {"value": 70, "qualifier": "at_least", "outcome": "casualties"},
    ),
    (
        "Divers recovered 17 bodies from the wreck.",
        "casualty_figure",
        "17 bodies",
        {"value": 17, "subject": "bodies", "outcome": "dead"},
    ),
    (
        "The burns unit treated 85 blast patients last month.",
        "casualty_figure",
        "85 blast patients",
        {"value": 85, "subject": "blast patients", "outcome": "injured"},
    ),
    # military personnel and units
    (
        "The mission now has 4,300 uniformed personnel.",
        "troop_number",
        "4,300 uniformed personnel",
        {"value": 4300, "subject": "uniformed personnel"},
    ),
    (
        "The navy will need an additional 1,200 personnel.",
        "troop_number",
        "1,200 personnel",
        {"value": 1200, "qualifier": "exact", "subject": "personnel"},
    ),
    (
        "The ministry moved one battalion to the border.",
        "troop_number",
        "one battalion",
        {"value": 1, "subject": "battalion"},
    ),
    (
        "The navy has kept three frigates in the Gulf since March.",
        "troop_number",
        "three frigates",
        {"value": 3, "subject": "frigates"},
    ),
    (
        "The navy's fleet shrank from 30 ships to 19.",
        "troop_number",
        "30 ships",
        {"value": 30, "subject": "ships"},
    ),
    # a number without a noun takes the type of what the parse says it is an amount of
    (
        "The country's armed forces number about 60,000.",
        "troop_number",
        "about 60,000",
        {"value": 60000, "qualifier": "approximately", "subject": None},
    ),
    (
        "The plan would expand its army reserve to 45,000.",
        "troop_number",
        "45,000",
        {"value": 45000, "subject": None},
    ),
    # shares and multiples in words: the value says it is a share, the unit is null
    (
        "Ridership fell by a quarter after the strike.",
        "quantity",
        "a quarter",
        {"value": 0.25, "qualifier": "exact", "unit": None},
    ),
    (
        "The fund cut grants by €3 million, roughly a tenth.",
        "quantity",
        "roughly a tenth",
        {"value": 0.1, "qualifier": "approximately", "unit": None},
    ),
    (
        "A third said they would move abroad.",
        "quantity",
        "A third",
        {"value": 0.3333, "unit": None},
    ),
    (
        "Seven in ten voters back the plan.",
        "quantity",
        "Seven in ten voters",
        {"value": 0.7, "unit": None, "subject": "voters"},
    ),
    (
        "The new line is more than twice as fast.",
        "quantity",
        "more than twice",
        {"value": 2, "qualifier": "more_than", "unit": None},
    ),
    (
        "The bank raised rates by a quarter point on Thursday.",
        "quantity",
        "a quarter point",
        {"value": 0.25, "unit": "percentage_point"},
    ),
    # temperatures, and units and qualifiers beyond the spec's list
    (
        "Temperatures hit 41.7C on Sunday.",
        "quantity",
        "41.7C",
        {"value": 41.7, "unit": "degC"},
    ),
    (
        "Police patrol within 10 kilometres of the border.",
        "quantity",
        "within 10 kilometres",
        {"value": 10, "qualifier": "at_most", "unit": "km", "subject": None},
    ),
    (
        "Debt costs rose past €2bn last year.",
        "quantity",
        "past €2bn",
        {"value": 2_000_000_000, "qualifier": "more_than", "unit": "EUR"},
    ),
    (
        "Yields rose 40 basis points in a week.",
        "quantity",
        "40 basis points",
        {"value": 40, "unit": "basis_point"},
    ),
    (
        "Inflation hovered around 5 percent all year.",
        "quantity",
        "around 5 percent",
        {"value": 5, "qualifier": "approximately", "unit": "percent"},
    ),
    # the subject as written: an "of" phrase, coordinated nouns, a quoted word, a plural demonym
    (
        "The report runs to 900 pages of testimony.",
        "quantity",
        "900 pages of testimony",
        {"value": 900, "subject": "pages of testimony"},
    ),
    (
        "The city hired 250 nurses and midwives.",
        "quantity",
        "250 nurses and midwives",
        {"value": 250, "subject": "nurses and midwives"},
    ),
    (
        "The bill funds 4,000 “starter” flats.",
        "quantity",
        "4,000 “starter” flats",
        {"value": 4000, "subject": "starter flats"},
    ),
    (
        "The army will buy three more tanks.",
        "quantity",
        "three more tanks",
        {"value": 3, "subject": "tanks"},
    ),
    (
        "Some 90,000 Ostlanders live abroad.",
        "quantity",
        "Some 90,000 Ostlanders",
        {"value": 90000, "subject": "Ostlanders"},
    ),
    (
        "Under the plan, a 1,300-square-mile strip of pasture would be returned.",
        "quantity",
        "1,300-square-mile strip of pasture",
        {"value": 1300, "unit": "mi2", "subject": "strip of pasture"},
    ),
    (
        "Of those admitted, between 10 and 15 percent of those tested needed surgery.",
        "quantity",
        "between 10 and 15 percent of those tested",
        {"value": None, "low": 10, "high": 15, "unit": "percent", "subject": "those tested"},
    ),
    # two shares of a poll are one tally
    ("Harris leads Trump among Black voters 78% to 15%.", "quantity", "78% to 15%",
     {"value": None, "tally": [78, 15], "unit": "percent"}),
    ("Harris comes in at 47% to Trump's 45%.", "quantity", "47% to Trump's 45%", {"tally": [47, 45]}),
    ("Biden led among Hispanic voters by a 58% to 32% spread.", "quantity", "58% to 32% spread", {"tally": [58, 32]}),
    ("The poll put approval at 40% to 45% among men.", "quantity", "40% to 45%", {"low": 40, "high": 45}),
    ("Inflation fell from 5% to 3%.", "quantity", "5%", {"value": 5}),
    ("In the latest poll, approval slipped 45% to 41%.", "quantity", "41%", {"value": 41}),
    # lives claimed, cost or taken are the dead; so are people sent to their deaths
    ("The outbreak claimed over 11,300 lives.", "casualty_figure", "over 11,300 lives", {"outcome": "dead"}),
    ("76,000 Jews were deported to their deaths.", "casualty_figure", "76,000 Jews", {"outcome": "dead"}),
    ("Israel's massacre of 19 Palestinians has focused attention.", "casualty_figure", "19 Palestinians",
     {"outcome": "killed"}),
    ("But the killing of two leftist politicians in 2013 prompted a crisis.", "casualty_figure",
     "two leftist politicians", {"value": 2, "outcome": "killed"}),
    ("The slaughter of 300 cattle was ordered.", "quantity", "300 cattle", {"value": 300}),
    # the strength of a military group; what comes with the troops is not counted
    ("The plan is backed by NATO’s 40,000-strong rapid reaction unit.", "troop_number",
     "40,000-strong rapid reaction unit", {"value": 40000}),
    ("A 200-strong crowd gathered outside.", "quantity", "200-strong crowd", {"value": 200}),
    ("A 2,000-strong police force arrived.", "quantity", "2,000-strong police force", {"value": 2000}),
    ("The killing of 40 sharks angered divers.", "quantity", "40 sharks", {"value": 40}),
    ("The United States will provide an armoured brigade, typically around 5,000 troops, plus extra equipment.",
     "troop_number", "around 5,000 troops", {"value": 5000, "subject": "troops"}),
    ("Those who kill more than 1,000 Lebanese have no right.", "casualty_figure", "more than 1,000 Lebanese",
     {"outcome": "killed", "subject": "Lebanese"}),
    ("The outcome of the attack was 18 killed, and about 150 injured.", "casualty_figure", "about 150 injured",
     {"value": 150, "outcome": "injured"}),
    ("There were 150 injured people in the ward.", "casualty_figure", "150 injured people", {"outcome": "injured"}),
    ("Despite thousands of U.S. and NATO forces, the war goes on.", "troop_number",
     "thousands of U.S. and NATO forces", {"low": 2000}),
    ("Almost one out of every six Iraqis has fled.", "quantity", "Almost one out of every six Iraqis",
     {"value": 0.1667, "qualifier": "nearly"}),
    ("Aid fell from $19.9 million in 2005 to $7.9 million in 2006.", "quantity", "$7.9 million", {"value": 7900000}),
    # scare quotes around the counted noun
    ('The U.S. said 19 suspected "insurgents" were killed.', "casualty_figure",
     '19 suspected "insurgents" were killed', {"value": 19, "outcome": "killed"}),
    ('Coalition forces have killed more than 700 "rebels."', "casualty_figure", 'more than 700 "rebels',
     {"value": 700, "outcome": "killed"}),
    # a toll in the clause, cases of murder, people who died
    ("Sudan's death toll in 2025 could be as high as 100,000.", "casualty_figure", "as high as 100,000",
     {"value": 100000, "qualifier": "at_most", "outcome": "dead"}),
    ("Other research teams put the toll at more than 70,000.", "casualty_figure", "more than 70,000", {"outcome": "dead"}),
    ("The indictment cited 96 cases of murder.", "casualty_figure", "96 cases of murder", {"outcome": "killed"}),
    ("This comes on top of the hundreds of thousands of people who have died since the war began.", "casualty_figure",
     "hundreds of thousands of people", {"outcome": "dead"}),
    # a vague count after a month is no day of it
    ("In July hundreds were killed when militias rampaged.", "casualty_figure", "hundreds were killed",
     {"low": 200, "outcome": "killed"}),
    ("She is doing at least 5 points worse than Biden did.", "quantity", "at least 5 points", {"value": 5}),
    # a sum of money runs through what it is spent on or lost in, but not where or when
    ("The U.S. has pledged $512 million in direct aid.", "quantity", "$512 million in direct aid",
     {"value": 512_000_000, "subject": "direct aid"}),
    ("It spent $5 million in 2023 and $2 million in the region.", "quantity", "$2 million", {"value": 2_000_000}),
    # "points" an index moves by are no points of an argument
    ("The Nikkei gained 12 points.", "quantity", "12 points", {"value": 12, "subject": "points"}),
    ("The stock fell 3 1/2 points.", "quantity", "3 1/2 points", {"value": 3.5}),
    (
        "RealtyTrac says three quarters of a million homes received foreclosure notices.",
        "quantity",
        "three quarters of a million homes",
        {"value": 750000, "subject": "homes"},
    ),
]


@pytest.mark.parametrize(("text", "claim_type", "span", "value"), FOUND)
def test_finds_number_claims(numbers_nlp, text, claim_type, span, value):
    found = [(s.label_, s.text) for s in number_claims(numbers_nlp(text))]
    assert (claim_type, span) in found, found
    claim = next(s for s in number_claims(numbers_nlp(text)) if s.text == span)
    assert {key: claim._.claimkit_value[key] for key in value} == value
    assert claim._.claimkit_tagger == "claimkit_numbers"
    assert claim._.claimkit_pattern


NOTHING = [
    # a year that dates a plural noun is no count
    "Traffic on the bridge has now exceeded 2019 levels.",
    "Tourist arrivals topped 2019 figures for the first time.",
    "Home sales hit 2008 levels again, the agency said.",
    "Exports recovered to roughly 2019 levels.",
    "Lawmakers cut defence spending in the 2022 budget.",
    "Oil output remains far below its 2015 peak.",
    "The Karabakh conflict has emerged as the second-most-significant conflict involving Russia.",
    "The concluding phase presents two choices.",
    "There are three reasons for this, and two distinct choices remain.",
    "Armenian nationalists have outlined two main goals. Both strategies will fail.",
    "The Boeing 737 and the Airbus A320 were grounded after the G20 summit.",
    "UN Security Council Resolution 2334 and Article 5 were cited.",
    "The second war broke out in 2020.",
    "It has been one of the world's most cited publications since its inception in 1982.",
    "This is a shameful betrayal of everything the nation stands for.",
    "On August 5, 2019, the prime minister visited the city.",
    "The 40-day war in 2020 ended three decades of occupation.",
    "Read it at https://onlinelibrary.wiley.com/doi/full/10.1111/mepo.12705.",
    "Apple unveiled iPhone 4 and the 787 Dreamliner flew on Tuesday.",
    "The two countries signed the deal; one of them may leave.",
    "Many Armenians see living under Azerbaijani sovereignty as degrading.",
    # counts that structure the argument
    "The reform rests on two assumptions and three caveats.",
    "I will make three points tonight.",
    "I would add two points to this argument.",
    # the numbers of a list's items
    "The groups:\n\n1. Africa Centres for Disease Control\n\n4) International Medical Corps",
    # numbers in the names of stock indexes
    "The S&P 500 fell while the FTSE 100 and the S&P/ASX 200 rose.",
    # a fraction or a multiple that is no share: an ordinal, a frequency
    "She is seeking a third term.",
    "The committee meets twice a month.",
    # a clock time, a flat number
    "Fri 8 Mar 2024 07.15 GMT",
    "Fri 8 Mar 2024 16.15 GMT",
    "She lives in Flat 4C near the station.",
    # family members of one person
    "The farmer, whose wife and three sons were among the dead, spoke to reporters.",
    "Her two daughters were injured in the crash.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_finds_nothing(numbers_nlp, text):
    assert [(s.label_, s.text) for s in number_claims(numbers_nlp(text))] == []


# text, span, a type it must not have: the rules above must not reach too far
NOT_TYPED = [
    ("Three regulatory bodies will review the merger.", "Three regulatory bodies", "casualty_figure"),
    ("The clinic saw 300 flu patients in January.", "300 flu patients", "casualty_figure"),
    ("The hospital hired 300 medical personnel.", "300 medical personnel", "troop_number"),
    ("Officials counted 500 soldiers and aid workers at the camp.", "500 soldiers and aid workers", "troop_number"),
    ("The government will buy four more submarines.", "four more submarines", "troop_number"),
    ("The company cut its sales force by 300 people.", "300 people", "troop_number"),
    ("The bombing of 12 hospitals shocked everyone.", "12 hospitals", "casualty_figure"),
    ("The coast guard runs 23 patrol boats.", "23 patrol boats", "troop_number"),
    ("The army deployed 2,000 troops and the ministry approved 300 on Monday.", "300", "troop_number"),
    ("Those strikes killed 64 people and injured more than 200.", "64 people", None),
]


@pytest.mark.parametrize(("text", "span", "forbidden"), NOT_TYPED)
def test_rules_keep_to_their_cases(numbers_nlp, text, span, forbidden):
    found = {s.text: s for s in number_claims(numbers_nlp(text))}
    assert span in found, list(found)
    assert found[span].label_ != forbidden
    if forbidden is None:  # a second outcome with a count of its own is another claim, not a mixed outcome
        assert found[span]._.claimkit_value["outcome"] == "killed"


# text, the number without a noun, the type and outcome it takes from the figure it is compared with
ELLIPTICAL = [
    ("The army grew from three brigades to five.", "five", "troop_number", None),
    ("The navy's fleet shrank from 30 ships to 19.", "19", "troop_number", None),
    ("The army enlisted 1,900 new soldiers against a target of 2,500.", "2,500", "troop_number", None),
    ("Hospitals admitted 210 crash patients in May, up from 160 in April.", "160", "casualty_figure", "injured"),
    ("At least 45 civilians were killed this month, compared with 30 in June.", "30", "casualty_figure", "killed"),
    ("The port handled 9,000 containers, up from 7,000 a year earlier.", "7,000", "quantity", None),
]


@pytest.mark.parametrize(("text", "span", "claim_type", "outcome"), ELLIPTICAL)
def test_a_number_without_its_noun_counts_what_it_is_compared_with(numbers_nlp, text, span, claim_type, outcome):
    found = {s.text: s for s in number_claims(numbers_nlp(text))}
    assert span in found, list(found)
    claim = found[span]
    assert claim.label_ == claim_type
    # the project's subject is what the span names: nothing here
    assert (claim._.claimkit_value["outcome"], claim._.claimkit_value["subject"]) == (outcome, None)


def test_an_emphatic_echo_is_no_second_claim(numbers_nlp):
    doc = numbers_nlp("Eleven children have died since March. Eleven. The ministry says nothing.")
    assert [s.text for s in number_claims(doc)] == ["Eleven children have died"]


def test_values_are_valid_number_records(numbers_nlp):
    doc = numbers_nlp(" ".join(text for text, *_ in FOUND))
    spans = number_claims(doc)
    assert len(spans) >= len(FOUND)
    for span in spans:
        assert set(span._.claimkit_value) == set(NumberValue.model_fields)
        NumberValue.model_validate(span._.claimkit_value)
        if span.label_ != "casualty_figure":
            assert span._.claimkit_value["outcome"] is None


def test_cue_names_the_deciding_word(numbers_nlp):
    doc = numbers_nlp("Nearly 3,000 soldiers were killed, 1,960 troops arrived and prices rose 20 percent.")
    cues = {s.text: s._.claimkit_cue for s in number_claims(doc)}
    assert cues == {
        "Nearly 3,000 soldiers were killed": "killed",
        "1,960 troops": "troops",
        "20 percent": "percent",
    }


def test_a_change_is_two_numbers_not_a_range(numbers_nlp):
    doc = numbers_nlp("Support rose from 14 percent to 17 percent last year.")
    assert [(s.text, s._.claimkit_value["value"]) for s in number_claims(doc)] == [
        ("14 percent", 14),
        ("17 percent", 17),
    ]


# text, the one number claim it holds, the noun it qualifies, the word that makes it a tally
TALLIES = [
    ("The Senate passed the bill 52-35 on Tuesday, sending it to the president.", "52-35", None, "passed", [52, 35]),
    ("The Supreme Court upheld the law in a 5-4 ruling on Thursday.", "5-4 ruling", "ruling", "ruling", [5, 4]),
    ("Chelsea won 3-1 at Stamford Bridge on Saturday.", "3-1", None, "won", [3, 1]),
    ("The House approved the measure by a vote of 212 to 208.", "212 to 208", None, "vote", [212, 208]),
    ("The motion failed 48-52 in the Senate late on Wednesday.", "48-52", None, "failed", [48, 52]),
    ("The final vote was tight: 61 to 58 after a long night.", "61 to 58", None, "vote", [61, 58]),
]


@pytest.mark.parametrize(("text", "span", "subject", "cue", "tally"), TALLIES)
def test_a_vote_or_a_score_is_one_quantity_not_a_range(numbers_nlp, text, span, subject, cue, tally):
    (claim,) = number_claims(numbers_nlp(text))
    assert (claim.label_, claim.text) == ("quantity", span)
    assert claim._.claimkit_value == {
        "value": None, "low": None, "high": None, "qualifier": "exact", "unit": None, "subject": subject,
        "outcome": None, "tally": tally,
    }
    assert claim._.claimkit_pattern.endswith("/tally")
    assert claim._.claimkit_cue == cue


def test_a_tally_beside_a_military_word_is_no_troop_number(numbers_nlp):
    doc = numbers_nlp("The 5-4 army win stunned the navy fans.")
    assert [(s.label_, s._.claimkit_pattern) for s in number_claims(doc)] == [("quantity", "tally_dash/tally")]


def test_ranges_beside_a_tally_word_stay_ranges(numbers_nlp):
    doc = numbers_nlp("The party won 40-45 seats, and turnout rose 20-25 percent.")
    assert [(s.text, s._.claimkit_value["qualifier"]) for s in number_claims(doc)] == [
        ("40-45 seats", "range"),
        ("20-25 percent", "range"),
    ]


def test_vague_casualties_can_be_switched_off():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimkit_numbers", config={"vague_casualties": False})
    doc = nlp("Nearly 3,000 soldiers were killed and many more wounded.")
    assert [s.text for s in number_claims(doc)] == ["Nearly 3,000 soldiers were killed"]


def test_find_numbers_works_on_a_parsed_doc_without_the_component(model_only):
    doc = model_only("Some 1,400 fighters lost their lives.")
    (found,) = find_numbers(doc)
    assert doc.text[found.start : found.end] == "Some 1,400 fighters lost their lives"
    assert (found.type, found.cue) == ("casualty_figure", "lost")


def test_karabakh_op_ed(numbers_nlp):
    doc = numbers_nlp(KARABAKH.read_text(encoding="utf-8"))
    found = [(s.label_, s.text) for s in number_claims(doc)]
    assert found == [
        ("quantity", "approximately 20 percent of Azerbaijani territory"),
        ("quantity", "20 percent of Azerbaijan"),
        ("casualty_figure", "many young Armenians lost their lives"),
        ("casualty_figure", "nearly 3,000 soldiers killed"),
        ("casualty_figure", "many more wounded"),
        ("troop_number", "1,960 Russian peacekeeping troops"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ran between 1994 and 2018.", []),
        ("On August 5, 2019, the prime minister visited.", []),
        ("In the late 1980s, Russia will stay until at least 2025.", []),
        ("On July 25, the 40-day war ended three decades of occupation.", []),
        ("The 2019-20 budget grew.", []),
        ("In 2014 protests erupted across the country.", []),
        ("Before the '94 elections, the party sent 300 observers.", [("quantity", "300 observers")]),
        ("Hundreds of week-old chicks died.", [("casualty_figure", "Hundreds of week-old chicks died")]),
        ("After 1500 protesters were arrested, the square emptied.", [("quantity", "1500 protesters")]),
        ("The dispute goes back hundreds of years and cost hundreds of lives.", [("quantity", "hundreds of lives")]),
        ("In the 2019/20 season the club sold 30,000 tickets.", [("quantity", "30,000 tickets")]),
        ("It was founded in 1982 and sent 2000 troops in 1993.", [("troop_number", "2000 troops")]),
        ("In 1993 it sent over 1500 troops.", [("troop_number", "over 1500 troops")]),
        ("In 1993 it sent 1500–2000 troops.", [("troop_number", "1500–2000 troops")]),
        ("In 1993 it sent over 1500–2000 troops.", [("troop_number", "over 1500–2000 troops")]),
        ("The 2014–2018 protests changed the country.", []),
        ("The 2020 elections drew 3,000 observers.", [("quantity", "3,000 observers")]),
        ("Ridership is approaching 2019 levels.", []),
        ("Officials said some 2000 were killed.", [("casualty_figure", "some 2000 were killed")]),
    ],
)
def test_years_and_days_are_skipped_even_without_the_dates_component(model_only, text, expected):
    doc = model_only(text)
    assert [(f.type, doc.text[f.start : f.end]) for f in find_numbers(doc)] == expected
