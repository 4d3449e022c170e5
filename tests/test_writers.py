"""writers: the HTML report parsed back, CSV and JSONL shapes, escaping of article text."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from claimkit.writers import render, to_html


class MarkCollector(HTMLParser):
    """Collects every claim mark of a page with its type, title and text."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.open: list[dict] = []
        self.scripts = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in {"link", "img", "script"} and (attrs.get("href") or attrs.get("src")):
            self.external.append(attrs)
        if tag == "mark":
            mark = {"class": attrs.get("class", ""), "claim": attrs.get("data-claim"), "title": attrs.get("title"), "text": ""}
            self.open.append(mark)
            self.marks.append(mark)

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for mark in self.open:
            mark["text"] += data


def test_html_report_highlights_every_claim(karabakh):
    page = to_html(karabakh)
    parser = MarkCollector()
    parser.feed(page)
    assert parser.scripts == 0 and parser.external == []
    joined: dict[str, str] = {}
    for mark in parser.marks:
        joined[mark["claim"]] = joined.get(mark["claim"], "") + mark["text"]
    assert joined == {c.id: c.text for c in karabakh.claims}
    kinds = Counter(m["class"].split()[1] for m in parser.marks if m["claim"] in {c.id for c in karabakh.claims})
    assert set(kinds) == {f"t-{c.type}" for c in karabakh.claims}
    first = karabakh.claims[0]
    assert any(m["claim"] == first.id and first.type in m["title"] for m in parser.marks)


def test_html_mutes_page_furniture(karabakh):
    page = to_html(karabakh)
    assert page.count('class="furniture" title="page furniture: repeated"') == 4
    assert 'title="page furniture: navigation">Scroll to Top</span>' in page


def test_html_escapes_article_text(extract):
    article = extract('<script>alert(1)</script> The envoy said "onmouseover=alert(2) is not a road" on Monday.')
    page = to_html(article)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_jsonl_and_csv_shapes(karabakh):
    assert render([karabakh, karabakh], "jsonl").count("\n") == 2
    csv_text = render([karabakh], "csv")
    assert csv_text.splitlines()[0].startswith("article_id,source,claim_id,type,text")
    assert len(csv_text.splitlines()) >= len(karabakh.claims) + 1


def test_a_vote_tally_keeps_both_numbers_in_csv_and_on_the_review_page(extract):
    import csv
    import io

    from claimkit.review.values import describe_value

    article = extract("The Senate passed the bill 52-35 on Tuesday.")
    (row,) = [r for r in csv.DictReader(io.StringIO(render([article], "csv"))) if r["type"] == "quantity"]
    assert (row["text"], row["value"], row["tally"]) == ("52-35", "", "52-35")
    (claim,) = [c for c in article.claims if c.type == "quantity"]
    assert describe_value(claim.type, claim.value.model_dump()) == "52–35"
