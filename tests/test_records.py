"""records: offsets, stable ids across runs and edits, validation, chunking of long articles."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import claimkit
from claimkit.extractor import chunk_bounds
from claimkit.schema import Article


def test_every_claim_text_is_its_slice(karabakh, karabakh_text):
    assert karabakh.article.text == karabakh_text
    for claim in karabakh.claims:
        assert karabakh_text[claim.start : claim.end] == claim.text
        sentence = karabakh.sentences[claim.sentence]
        assert sentence.start <= claim.start < sentence.end


def test_ids_are_stable_across_runs(extract, karabakh, karabakh_text):
    again = claimkit.extract(karabakh_text, source="karabakh-oped.txt")
    assert [c.id for c in again.claims] == [c.id for c in karabakh.claims]
    assert len({c.id for c in karabakh.claims}) == len(karabakh.claims)


def test_ids_survive_an_edit_of_another_paragraph(nlp, karabakh, karabakh_text):
    start = karabakh_text.index("Regrettably, this offer")
    edited = karabakh_text[:start] + "An inserted paragraph that says nothing checkable.\n\n" + karabakh_text[start:]
    after = claimkit.extract(edited, nlp=nlp, source="karabakh-oped.txt")
    before_ids = {c.id: c.text for c in karabakh.claims}
    after_ids = {c.id: c.text for c in after.claims}
    assert before_ids == after_ids
    assert after.article.id == karabakh.article.id


def test_identical_sentences_get_distinct_ids(extract):
    article = extract(
        "The envoy said that the road was open. Trucks waited.\n\nNobody moved. The envoy said that the road was open."
    )
    ids = [c.id for c in article.claims]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_record_validation_rejects_wrong_offsets(karabakh):
    data = karabakh.model_dump(mode="json")
    data["claims"][0]["start"] += 1
    data["claims"][0]["end"] += 1
    with pytest.raises(ValidationError, match="article.text"):
        Article.model_validate(data)


def test_record_validation_rejects_unknown_fields(karabakh):
    data = karabakh.model_dump(mode="json")
    data["claims"][0]["value"]["colour"] = "red"
    with pytest.raises(ValidationError):
        Article.model_validate(data)


def test_chunk_bounds_cut_at_paragraph_ends():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 50 for i in range(100))
    bounds = chunk_bounds(text, 2000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b[1] == c[0] for b, c in zip(bounds, bounds[1:]))
    assert all(e - s <= 2000 for s, e in bounds)
    assert all(text[e - 1] != " " or text[e:e + 2] == "\n\n" for s, e in bounds[:-1])


def test_article_longer_than_the_model_limit_is_processed_in_chunks(nlp):
    text = "\n\n".join(f"On August {i % 28 + 1}, 2019, Nikol Pashinyan said that {i + 2} trucks had arrived." for i in range(40))
    saved = nlp.max_length
    nlp.max_length = 1000
    try:
        article = claimkit.extract(text, nlp=nlp)
    finally:
        nlp.max_length = saved
    speech = [c for c in article.claims if c.type == "reported_speech"]
    assert len(speech) == 40
    assert all(text[c.start : c.end] == c.text for c in article.claims)


def sentence_texts(article):
    return [article.article.text[s.start : s.end] for s in article.sentences]


def test_a_picture_credit_after_a_caption_is_a_sentence_of_its_own(extract):
    text = (
        "Talks resumed on Monday.\n\n"
        "The first robotics contest was held this week in Washington D.C. Image: United States Navy.\n\n"
        "Students tweeted to Ahmed Mohamed Image: Twitter / Barack Obama."
    )
    sentences = sentence_texts(extract(text))
    assert "Image: United States Navy." in sentences
    assert "Image: Twitter / Barack Obama." in sentences
    assert "Students tweeted to Ahmed Mohamed" in sentences


def test_a_cut_that_opens_lower_case_or_with_a_bracket_after_words_is_mended(extract):
    text = (
        "Climate projections are quite consistent [...] the future of ozone pollution is very difficult to predict. "
        "It was a cold night."
    )
    sentences = sentence_texts(extract(text))
    assert sentences[0].endswith("difficult to predict.")
    assert sentences[1] == "It was a cold night."


def test_a_date_the_model_starts_on_a_line_break_is_trimmed_and_a_dateline_gives_no_claim(extract):
    text = "Boeing wins a tanker contract\n\nMarch 01, 2008\n\nThe Air Force chose Boeing on Friday."
    article = extract(text)
    assert article.article.published.isoformat() == "2008-03-01"
    assert all(c.text == c.text.strip() for c in article.claims)
    assert [c.text for c in article.claims if c.type == "date"] == ["Friday"]


def test_a_part_cut_off_after_an_abbreviation_that_opens_lower_case_is_mended(extract):
    text = "The plane left four hours after its scheduled 9:45 a.m. local time departure. It landed safely."
    sentences = sentence_texts(extract(text))
    assert sentences == ["The plane left four hours after its scheduled 9:45 a.m. local time departure.", "It landed safely."]


def test_a_sentence_may_open_with_a_name_written_lower_case(extract):
    text = "Apple sold more phones than ever. iPhone sales rose by 20 percent in the quarter."
    assert sentence_texts(extract(text))[1] == "iPhone sales rose by 20 percent in the quarter."


def test_a_full_stop_glued_to_a_unit_stays_out_of_the_claim():
    import claimkit

    text = "The limit on the new road is 100 km/h. Drivers rarely keep to it, police said at 3 p.m."
    article = claimkit.extract(text)
    spans = {(c.type, c.text) for c in article.claims}
    assert ("quantity", "100 km/h") in spans
    assert all(text[c.start : c.end] == c.text for c in article.claims)
    assert any(c.text.endswith("p.m.") for c in article.claims if c.type == "date")
