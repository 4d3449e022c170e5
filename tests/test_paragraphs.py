"""claimkit_paragraphs: paragraph splits, page furniture, date lines, titles, sentence starts."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.components.paragraphs import classify_paragraphs, parse_dateline, split_paragraphs


def reasons(text: str) -> list[tuple[str, str | None]]:
    infos, _ = classify_paragraphs(text, split_paragraphs(text))
    return [(text[p.start : p.end], p.boilerplate) for p in infos]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("  One.  \n \n\n Two.\n", ["One.", "Two."]),
        ("• Home\n• News\n\nBody text.", ["• Home", "• News", "Body text."]),
        (
            "This line is wrapped by hand at about seventy characters and goes\n"
            "on to the next line without a break in the sentence at all, like\n"
            "an old email.",
            ["This line is wrapped by hand at about seventy characters and goes\n"
             "on to the next line without a break in the sentence at all, like\n"
             "an old email."],
        ),
        ("", []),
        ("Title\r\n\r\nBody.", ["Title", "Body."]),
    ],
)
def test_split_paragraphs(text, expected):
    assert [text[s:e] for s, e in split_paragraphs(text)] == expected


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 14, 2024", dt.date(2024, 3, 14)),
        ("Published 14 March 2024 10:30 GMT", dt.date(2024, 3, 14)),
        ("Updated: Thursday, March 14, 2024", dt.date(2024, 3, 14)),
        ("2024-03-14", dt.date(2024, 3, 14)),
        ("By Jane Doe | March 14, 2024", dt.date(2024, 3, 14)),
        ("Sept. 3, 2021", dt.date(2021, 9, 3)),
        ("Mon 4 Dec 2023 06.00 GMT", dt.date(2023, 12, 4)),
        ("*Daniel Roe · 21 June 2024 · 6 min read*", dt.date(2024, 6, 21)),
        ("Ana Ruiz — 3 May 2022", dt.date(2022, 5, 3)),
        ("Published : 2024-07-24 23:36:44", dt.date(2024, 7, 24)),
        ("11:42 PM, Thursday, December 05, 2024", dt.date(2024, 12, 5)),
        ("August 21st 2025", dt.date(2025, 8, 21)),
        ("JULY 6, 2022, 9:10 AM ET", dt.date(2022, 7, 6)),
        ("By Claudia Boyd-Barrett | Mon, 24 Aug 2026 13:58:42 +0000", dt.date(2026, 8, 24)),
        ("By David Whitehouse | July 23, 2004 | Page 12", dt.date(2004, 7, 23)),
        ("January 7, 2005 | Pages 1 and 2", dt.date(2005, 1, 7)),
        ("Prices rose · 21 June 2024 · sharply", None),
        ("On March 14, 2024, the minister visited the city.", None),
        ("February 30, 2024", None),
        ("The war began in 2020.", None),
    ],
)
def test_parse_dateline(line, date):
    assert parse_dateline(line) == date


def test_furniture_is_marked():
    text = (
        "A Headline About Dams\n\nBy Jane Doe\n\nMarch 14, 2024\n\n• Home\n• World\n\n"
        "The dam flooded 40 villages in 2019.\n\nScroll to Top\n\n"
        "Jane Doe is a senior fellow at the Institute for Water Policy.\n\nShare this article"
    )
    assert reasons(text) == [
        ("A Headline About Dams", None),
        ("By Jane Doe", "byline"),
        ("March 14, 2024", "dateline"),
        ("• Home", "navigation"),
        ("• World", "navigation"),
        ("The dam flooded 40 villages in 2019.", None),
        ("Scroll to Top", "navigation"),
        ("Jane Doe is a senior fellow at the Institute for Water Policy.", "bio"),
        ("Share this article", "navigation"),
    ]


def test_author_notes_and_credits_are_furniture():
    text = (
        "Chicago Rules\n\nBy Eliot A. Cohen\n\nAbout the author: Eliot A. Cohen is a contributing writer. "
        "From 2007 to 2009, he was the Counselor of the Department of State.\n\n"
        "The war began in 2022.\n\n"
        "Author Bio: Sonali Kolhatkar hosts a weekly show. Her book came out in 2023.\n\n"
        "This article was produced by Economy for All, a project of the Independent Media Institute."
    )
    assert [r for _, r in reasons(text)] == ["bio" if i in (2, 4, 5) else ("byline" if i == 1 else None) for i in range(6)]


def test_repeated_blurb_is_furniture_but_a_body_sentence_is_not(karabakh_text):
    marked = dict(reasons(karabakh_text))
    blurb = next(p for p in marked if p.startswith("Middle East Policy has been"))
    assert marked[blurb] == "repeated"
    assert marked["Scroll to Top"] == "navigation"
    assert marked["M. Hakan Yavuz"] == "byline"
    assert marked[next(p for p in marked if p.startswith("Dr. Yavuz is a professor"))] == "bio"
    assert all(reason is None for p, reason in marked.items() if p.startswith("The Karabakh conflict"))


def test_dateline_sets_publication_date(extract):
    article = extract("Dam Talks Stall\n\nMarch 14, 2024\n\nTalks stalled on July 25 after a long meeting.")
    assert article.article.published == dt.date(2024, 3, 14)
    assert article.article.published_from == "dateline"
    assert article.article.title == "Dam Talks Stall"


def test_a_date_line_that_runs_into_the_first_sentence_ends_before_it(extract):
    text = "Flag Vote Set\n\nThursday, May 7, 2015 On Tuesday the government announced a vote on the flag."
    article = extract(text)
    sentences = [text[s.start : s.end] for s in article.sentences]
    assert "On Tuesday the government announced a vote on the flag." in sentences
    assert article.article.published == dt.date(2015, 5, 7)
    tuesday = next(c for c in article.claims if c.text == "Tuesday")
    assert tuesday.value.value == "2015-05-05"


@pytest.mark.parametrize(
    "paragraph, first_sentence",
    [
        ("WASHINGTON (AP) — The Senate passed the bill on Friday.", "The Senate passed the bill on Friday."),
        ("Evansville, Indiana, United States - This past week marked the opening night.", "This past week marked the opening night."),
    ],
)
def test_a_place_line_that_runs_into_the_first_sentence_ends_before_it(extract, paragraph, first_sentence):
    article = extract("Headline\n\n" + paragraph)
    text = article.article.text
    sentences = [text[s.start : s.end] for s in article.sentences]
    assert first_sentence in sentences


@pytest.mark.parametrize("paragraph", ["Group G — Belgium 3 – 0 Panama", "London — a city of rain", "The deal, signed in May — It failed."])
def test_no_lead_in_without_a_date_or_a_place_line(paragraph):
    from claimkit.components.paragraphs import LEAD_IN

    assert LEAD_IN.match(paragraph) is None


def test_a_headline_that_opens_with_a_date_is_no_date_line(extract):
    article = extract("September 11, 2001 Attacks Still Shape Our Politics\n\nTwenty years later, on Tuesday, the president spoke.")
    assert article.article.published is None
    text = article.article.text
    assert text[article.sentences[0].start : article.sentences[0].end] == "September 11, 2001 Attacks Still Shape Our Politics"


def test_a_date_line_of_its_own_wins_over_one_that_runs_into_a_sentence(extract):
    article = extract("Talks Resume\n\nMarch 14, 2024\n\nJanuary 6, 2021 Was a warning, the senator said on Tuesday.")
    assert article.article.published == dt.date(2024, 3, 14)


def test_a_name_list_later_in_the_article_is_no_place_line(extract):
    bodies = [f"The committee met for the {n} time on Monday." for n in ("first", "second", "third")]
    text = "Resignations\n\n" + "\n\n".join([*bodies, "Mr. Smith, Ms. Jones — They both resigned."])
    article = extract(text)
    sentences = [text[s.start : s.end] for s in article.sentences]
    assert "They both resigned." not in sentences


def test_date_lines_and_picture_credits_inside_paragraphs_give_no_claims(extract):
    text = (
        "Flag Vote Set\n\nThursday, May 7, 2015 On Tuesday the government announced a vote on the flag.\n\n"
        "The flag flew over Wellington in 2014 Image: Reuters 2014."
    )
    article = extract(text)
    assert [c.text for c in article.claims if c.type == "date"] == ["Tuesday", "2014"]
    assert article.claims[-1].start < text.index("Image:")


def test_option_wins_over_dateline(extract):
    article = extract("Dam Talks Stall\n\nMarch 14, 2024\n\nTalks stalled.", published="2024-04-01")
    assert article.article.published == dt.date(2024, 4, 1)
    assert article.article.published_from == "option"


def test_sentences_never_cross_paragraphs(karabakh):
    paragraphs = karabakh.paragraphs
    for sentence in karabakh.sentences:
        paragraph = paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


def test_no_claims_in_furniture(karabakh):
    furniture = [p for p in karabakh.paragraphs if p.boilerplate]
    assert furniture, "the karabakh op-ed has furniture"
    for claim in karabakh.claims:
        assert not any(p.start <= claim.start < p.end for p in furniture), claim.text


def test_footer_furniture_is_marked():
    text = (
        "Rivers Run Dry\n\nThe river fell 3 metres in 2023.\n\n"
        "[Share on Facebook] [Share on X] [Email this story]\n\n"
        "**Subscribe to our newsletter** for weekly analysis of water policy.\n\n"
        "*Ana Ruiz is a hydrologist and former adviser to the water board. Her book, “Dry,” came out in 2021.*\n\n"
        "Related\n- Water board votes to end the 2019 drought plan early (30 June 2023)\n- A town without taps\n\n"
        "Read more: \"Why wells fail\" | \"The 2020 drought\"\n\n"
        "Share: Facebook · X · Email\n\n"
        "- Reservoirs held 40 percent of capacity in May, the board said."
    )
    marked = reasons(text)
    assert [r for _, r in marked] == [
        None, None, "navigation", "navigation", "bio", "navigation", "navigation", "navigation", "navigation",
        "navigation", None,
    ]


def test_a_full_stop_glued_to_a_unit_ends_the_sentence():
    import claimkit

    doc = claimkit.load_pipeline()("Temperatures hit 104F. Then the U.S. Senate met at 3 p.m. Monday. J. Smith spoke.")
    assert [s.text for s in doc.sents] == ["Temperatures hit 104F.", "Then the U.S. Senate met at 3 p.m. Monday.",
                                           "J. Smith spoke."]
