"""claimkit_quotes: spans, kinds and speakers, as a table of cases, with rows that must match nothing."""

from __future__ import annotations

import pytest

from claimkit.components.paragraphs import classify_paragraphs, split_paragraphs
from claimkit.components.quotes import find_quote_spans, pair_marks


def quotes_of(article):
    return [c for c in article.claims if c.type == "quote"]


# (text, [(quote text, speaker, kind)])
CASES = [
    ("“We are ready,” she said, “to talk.”", [("We are ready", None, "direct"), ("to talk", None, "direct")]),
    (
        "Hernan Gomez, the Panama coach, said, “We have learned a lot from this game. It was an emotional day.\n\n"
        "“This is the fifth time we lost, but we will come back stronger.”",
        [
            (
                "We have learned a lot from this game. It was an emotional day.\n\n"
                "“This is the fifth time we lost, but we will come back stronger",
                "Hernan Gomez",
                "direct",
            ),
        ],
    ),
    (  # single marks, as British papers quote: a quotation over paragraphs, and a close in a straight mark
        "Judge Helen Cousins said: ‘You didn't see who it was, but you struck behind you.\n\n"
        "‘If you were a young man then this would be a case of custody.’\n\nRoss said: ‘I can only apologise "
        "to the bench profusely.'",
        [
            (
                "You didn't see who it was, but you struck behind you.\n\n"
                "‘If you were a young man then this would be a case of custody",
                "Helen Cousins",
                "direct",
            ),
            ("I can only apologise to the bench profusely", "Ross", "direct"),
        ],
    ),
    (  # a quote standing alone after one who summed something up
        "Charles Schultze, chairman of the Council of Economic Advisers, once summed up the danger of deficits with "
        "a metaphor. “It’s not so much a question of the wolf at the door, but termites in the woodwork.”",
        [("It’s not so much a question of the wolf at the door, but termites in the woodwork", "Charles Schultze",
          "direct")],
    ),
    ("The costs sum to $4 billion. “That is a lot of money for a small town.”",
     [("That is a lot of money for a small town", None, "direct")]),
    (  # an apostrophe typed the wrong way round opens nothing
        "The economy was strong in the ‘90s and it boomed.\n\n‘We are ready for the vote,’ she said.",
        [("We are ready for the vote", None, "direct")],
    ),
    (  # an apostrophe closes no single-mark quotation
        "She said: ‘It didn’t work.\n\n‘We’ll try again next year.’",
        [("It didn’t work.\n\n‘We’ll try again next year", None, "direct")],
    ),
    (
        "Maersk Line cut 2,000 jobs. “We had no other choice,” it said in a statement.",
        [("We had no other choice", None, "direct")],
    ),
    # a speaker is never a word of the quote itself
    (
        "“The alternative is grim, as the country teeters on the brink of chaos,” noted the Crisis Group.",
        [("The alternative is grim, as the country teeters on the brink of chaos", "the Crisis Group", "direct")],
    ),
    (
        "After talking to mayors, Jerusalem Demsas realized there were “two major differences in federal policy” "
        "that explained the contrast.",
        [("two major differences in federal policy", "Jerusalem Demsas", "partial")],
    ),
    (
        "To put it in the words of Jim Malone, a Chicago policeman, “You wanna know how to get Capone? "
        "They pull a knife, you pull a gun.”",
        [("You wanna know how to get Capone? They pull a knife, you pull a gun", "Jim Malone", "direct")],
    ),
    # a participle after the quote comments on the main clause, whose verb (read as a noun) speaks
    (
        'The U.S. Department of Agriculture notes, "Ground-level ozone causes more damage to plants than all '
        'other air pollutants combined", highlighting the importance of air quality.',
        [("Ground-level ozone causes more damage to plants than all other air pollutants combined",
          "the U.S. Department of Agriculture", "direct")],
    ),
    # a place or body of two words before a name is no first name
    (
        "President of the United States Barack Obama spoke. He called the plans “quick, surgical bankruptcies.”",
        [("quick, surgical bankruptcies", "Barack Obama", "partial")],
    ),
    (
        'The aim, in the words of the European Commission, is to stop "carbon leakage", the flight of industry.',
        [("carbon leakage", "the European Commission", "partial")],
    ),
    (
        'In the words of Dr. King, "The arc of the moral universe is long, but it bends toward justice."',
        [("The arc of the moral universe is long, but it bends toward justice", "King", "direct")],
    ),
    ('Friedrich Hayek wrote "The Road to Serfdom" in 1944.', []),
    # a label in the author's voice after a sentence with a speaker is no quote of theirs
    ('The minister said on Monday that the plan would work. "Build back better" became the slogan.', []),
    (
        "Barack Obama addressed the General Assembly. In his words, it was a decade during which wars:\n\n"
        "dragged on with despicable cruelty. Civilians were targeted.",
        [("dragged on with despicable cruelty. Civilians were targeted", "Barack Obama", "block")],
    ),
    # a capitalised quote right after "said" is a sentence of its own, comma or not
    (
        "The conductor of the bus intervened and said “If we take money as a reward, we need not have given it back”.",
        [("If we take money as a reward, we need not have given it back", "the conductor of the bus", "direct")],
    ),
    # a short quoted phrase with neither a speech verb nor a source is the author's own
    ("The question is whether the allies are “leading the target” by building the infrastructure now.", []),
    # the items of a list after a colon are no block quote
    ("Officials agreed to the following:\n\nEstablishing trade centres in Moscow;\n\nIncreasing flights; and\n\n"
     "Increasing food exports.", []),
    # a body's short form is the name the article gave it first; an entity ends before its verb
    (
        "The International Crisis Group, a think tank, urged talks. “The alternative is grim to contemplate,” "
        "noted the Crisis Group.",
        [("The alternative is grim to contemplate", "the International Crisis Group", "direct")],
    ),
    (
        'As even the U.S. military magazine Stars and Stripes admitted last year, "the recent surge in fighting '
        'could be attributed to American aggressiveness."',
        [("the recent surge in fighting could be attributed to American aggressiveness", "Stars and Stripes",
          "partial")],
    ),
    # a quote standing alone speaks for who spoke in the sentence before it
    (
        "Chairman Dieter Zetsche denied the reports. “We do not exclude any option to find the best solution.”",
        [("We do not exclude any option to find the best solution", "Dieter Zetsche", "direct")],
    ),
    (
        "Maria Lopez chairs the council. “We are ready,” she said, “to talk.”",
        [("We are ready", "Maria Lopez", "direct"), ("to talk", "Maria Lopez", "direct")],
    ),
    (
        'Maria Lopez, the mayor, spoke on Monday. "We will rebuild the bridge by spring," she said.',
        [("We will rebuild the bridge by spring", "Maria Lopez", "direct")],
    ),
    (
        "The minister said: “We will not leave the city under any circumstances.”",
        [("We will not leave the city under any circumstances", "the minister", "direct")],
    ),
    (
        "“This is unacceptable,” said Foreign Minister Ana Petrova. “We will respond.”",
        [("This is unacceptable", "Ana Petrova", "direct"), ("We will respond", "Ana Petrova", "direct")],
    ),
    (
        "The agreement also stated, “The parties shall guarantee safe movement along the corridor.”",
        [("The parties shall guarantee safe movement along the corridor", "the agreement", "direct")],
    ),
    (
        "In return, Armenia committed to “guarantee the safety” of transport routes.",
        [("guarantee the safety", "Armenia", "partial")],
    ),
    (
        "Luis Moreno Ocampo is a former prosecutor. He highlights starvation as “the covert weapon of this genocide.”",
        [("the covert weapon of this genocide", "Luis Moreno Ocampo", "partial")],
    ),
    (
        "Davit Babayan spoke first. Later, Babayan suggests “seeking political refuge from the international community.”",
        [("seeking political refuge from the international community", "Davit Babayan", "partial")],
    ),
    (
        "Russian Foreign Minister Sergey Lavrov remarked:\n\nThe path ahead is not an easy one. Many issues must be resolved.\n\nThis was new.",
        [("The path ahead is not an easy one. Many issues must be resolved", "Sergey Lavrov", "block")],
    ),
    (
        "Ilhan Aliyev took a clear stance as he signed the deal: “The status quo? Went to hell. It is not and will not be there.”",
        [("The status quo? Went to hell. It is not and will not be there", "Ilhan Aliyev", "direct")],
    ),
    (
        "The airline cancelled 300 flights on Friday. “We had no choice,” its chief executive told reporters.",
        [("We had no choice", "the chief executive of the airline", "direct")],
    ),
    # a quotation over several paragraphs is one quote, from its first word to its last
    (
        "Maria Okafor, the union's leader, spoke after the vote. “We did not ask for this strike,” she told "
        "reporters. “We asked for talks. We were ignored.\n\n“Then the company cut the night shift. Nobody told "
        "us.\n\n“So we will stay out until they listen.”\n\nThe company declined to comment.",
        [
            ("We did not ask for this strike", "Maria Okafor", "direct"),
            (
                "We asked for talks. We were ignored.\n\n“Then the company cut the night shift. Nobody told us."
                "\n\n“So we will stay out until they listen",
                "Maria Okafor",
                "direct",
            ),
        ],
    ),
    (
        'Maria Okafor, the union\'s leader, spoke after the vote. "We did not ask for this strike," she told '
        'reporters. "We asked for talks. We were ignored.\n\n"So we will stay out until they listen."',
        [
            ("We did not ask for this strike", "Maria Okafor", "direct"),
            ('We asked for talks. We were ignored.\n\n"So we will stay out until they listen', "Maria Okafor", "direct"),
        ],
    ),
    # the speech verb whose clause holds the quote, not a nearer verb of a coordinated clause
    (
        "A spokeswoman for the airline said the company \"regrets the disruption\" and would not comment on "
        "the compensation claims.",
        [("regrets the disruption", "the airline", "partial")],
    ),
    (
        "The mayor told a council session on Friday that the inquiry would report in June and that its "
        'conclusions would be released "without any cuts, whatever they show."',
        [("without any cuts, whatever they show", "the mayor", "partial")],
    ),
    (
        "One driver, who asked not to be named, said staff had been told to “keep quiet about the brakes.”",
        [("keep quiet about the brakes", "one driver", "partial")],
    ),
    # the speaker after the verb that follows the quote, read by the parser as its object
    (
        'Mayor Ines Park defended the budget. "Who will pay for all of this?" shouted one shopkeeper from the '
        "back of the room.",
        [("Who will pay for all of this", "one shopkeeper", "direct")],
    ),
    # a short phrase after a speech verb is a quote; after the author's own article or preposition, a label
    ('He warned of "catastrophic consequences" if the talks failed.', [("catastrophic consequences", None, "partial")]),
    ('She spoke warmly of the "green dividend" at the summit.', []),
    ('The new plan is called the "Clean Rivers Compact" by its backers.', []),
    # rows that must match nothing
    ("He called it a “victory” for the so-called “peace camp.”", []),
    ("Her book, “The Long Road Home,” sold well.", []),
    ("The prime minister led the crowd in chanting “miatsum,” signifying unification.", []),
    ("He said “this quote never ends. Then more text follows here.", []),
    ("It is a “bold” and “reckless” choice by any measure.", []),
    ("Armenians appear inclined to abandon Karabakh entirely rather than to live peacefully.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quote_table(extract, text, expected):
    found = [(q.text, q.value.speaker, q.value.kind) for q in quotes_of(extract(text))]
    assert found == expected


def test_straight_and_curly_marks_give_the_same_quote(extract):
    curly = extract("The envoy said, “The road is open to all trucks today.”")
    straight = extract('The envoy said, "The road is open to all trucks today."')
    assert [q.text for q in quotes_of(curly)] == [q.text for q in quotes_of(straight)]
    assert [q.value.speaker for q in quotes_of(straight)] == ["the envoy"]


def test_one_unbalanced_mark_skips_only_that_quote(extract):
    text = "“We will stay here,” said Ana Petrova. Critics disagreed with “the plan.\n\nBoris Ivanov said, “We are leaving the region now.”"
    texts = [q.text for q in quotes_of(extract(text))]
    assert texts == ["We will stay here", "We are leaving the region now"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("a “b” c", [(2, 5)]),
        ('a "b c" d', [(2, 7)]),
        ("there’s no ‘real’ issue", [(11, 17)]),
        ("a “b c", []),
        ("“a” and “b”", [(0, 3), (8, 11)]),
    ],
)
def test_pair_marks(text, pairs):
    assert pair_marks(text, 0, len(text)) == pairs


def test_block_quote_needs_the_colon_paragraph(karabakh_text):
    paragraphs, _ = classify_paragraphs(karabakh_text, split_paragraphs(karabakh_text))
    blocks = [q for q in find_quote_spans(karabakh_text, paragraphs) if q.block]
    assert len(blocks) == 1
    assert karabakh_text[blocks[0].start : blocks[0].end].startswith("The path ahead is not an easy one")


def test_karabakh_speakers(karabakh):
    speakers = {q.text[:30]: q.value.speaker for q in quotes_of(karabakh)}
    assert speakers["Artsakh [Karabakh] is Armenia,"] == "Nikol Pashinyan"
    assert speakers["Karabakh Armenians should unde"] == "Ilhan Aliyev"
    assert speakers["They [Azerbaijan] only want to"] == "Davit Babayan"
    assert speakers["The path ahead is not an easy "] == "Sergey Lavrov"
    assert not any("miatsum" == q.text for q in quotes_of(karabakh))
    assert not any("A Torn Country" in q.text for q in quotes_of(karabakh))


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (
            "The city's housing strategy, “Homes for Every Family”, promises “no new rough sleeping by 2030.”",
            ["no new rough sleeping by 2030"],
        ),
        (
            'The guidance, issued in 2021 under the title "Safe Schools, Safe Streets", says head teachers '
            '"must report every incident within a day."',
            ["must report every incident within a day"],
        ),
    ],
)
def test_titles_of_documents_are_not_quotes(extract, text, quotes):
    assert [q.text for q in quotes_of(extract(text))] == quotes


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The treaty's fourth article reads, in full:\n\nThe Parties shall exchange prisoners within thirty "
            "days.\n\nThe harbour was quiet on Monday.",
            "reads",
        ),
        ("The statement reads: “We will not be moved by threats from anyone.”", "reads"),
        # a speech verb right before the quote wins over the parser's reading of the sentence
        (
            "Some users reported that when they are able to reach the site, all they get is a message stating, "
            '"The page cannot be found ...".',
            "stating",
        ),
    ],
)
def test_cue_next_to_the_quote(extract, text, cue):
    (quote,) = quotes_of(extract(text))
    assert quote.value.cue == cue
    assert quote.value.speaker is not None


def test_quotation_over_several_paragraphs_is_one_record_claim(extract):
    text = (
        "Leo Marsh, the port board's chairman, spoke on Monday. “We have cut costs twice this year. It was not "
        "enough.\n\n"
        "“We will now sell the eastern terminal,” he said.\n\nShares rose."
    )
    article = extract(text)
    (quote,) = [q for q in quotes_of(article) if q.text.startswith("We have cut")]
    assert quote.text.endswith("We will now sell the eastern terminal")
    assert quote.value.speaker == "Leo Marsh" and quote.value.cue == "said"
    sentence = article.sentences[quote.sentence]
    assert sentence.start <= quote.start < sentence.end
    paragraphs = [p.index for p in article.paragraphs if p.start <= quote.start < p.end or p.start < quote.end <= p.end]
    assert len(paragraphs) == 2


def test_quotation_never_closed_ends_with_its_last_reopened_paragraph():
    text = "He said: “We will stay.\n\n“We will not leave.\n\nThe talks ended."
    paragraphs, _ = classify_paragraphs(text, split_paragraphs(text))
    spans = find_quote_spans(text, paragraphs)
    assert [text[q.start : q.end] for q in spans] == ["We will stay.\n\n“We will not leave"]
