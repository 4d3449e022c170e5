"""Records to text: JSON (default), JSONL, CSV (one row per claim), and a standalone HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Callable, Iterable

from claimkit.schema import Article

FORMATS = ("json", "jsonl", "csv", "html")
TYPE_COLOURS = {
    "date": "#cfe8ff",
    "casualty_figure": "#ffc9c9",
    "troop_number": "#ffe0b3",
    "quantity": "#d3f5d3",
    "quote": "#eadcff",
    "reported_speech": "#fff3a8",
}
CSV_COLUMNS = (
    "article_id", "source", "claim_id", "type", "text", "start", "end", "sentence", "value", "low", "high",
    "qualifier", "unit", "subject", "outcome", "tally", "kind", "mod", "speaker", "cue", "tagger", "pattern",
    "review_status", "reviewer", "note", "evidence",
)


def to_json(article: Article) -> str:
    return article.model_dump_json(indent=2) + "\n"


def to_jsonl(articles: Iterable[Article]) -> str:
    return "".join(article.model_dump_json() + "\n" for article in articles)


def csv_rows(article: Article) -> Iterable[dict]:
    for claim in article.claims:
        value = claim.value.model_dump()
        yield {
            "article_id": article.article.id,
            "source": article.article.source or "",
            "claim_id": claim.id,
            "type": claim.type,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "sentence": claim.sentence,
            **{key: "" if value.get(key) is None else value[key] for key in (
                "value", "low", "high", "qualifier", "unit", "subject", "outcome", "kind", "mod", "speaker", "cue")},
            "tally": "-".join(str(n) for n in value["tally"]) if value.get("tally") else "",
            "cue": claim.cue or value.get("cue") or "",
            "tagger": claim.tagger,
            "pattern": claim.pattern,
            "review_status": claim.review.status,
            "reviewer": claim.review.reviewer or "",
            "note": claim.review.note or "",
            "evidence": " ".join(claim.review.evidence),
        }


def to_csv(articles: Iterable[Article]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for article in articles:
        writer.writerows(csv_rows(article))
    return buffer.getvalue()


def describe_value(claim) -> str:
    """A one-line reading of a claim's value for people: "2019-08-05 (date)", "3000 nearly killed"."""
    value = claim.value.model_dump(exclude_none=True)
    return ", ".join(f"{key}: {item}" for key, item in value.items())


def _segments(text: str, claims: list, extra_cuts: Iterable[int] = ()) -> Iterable[tuple[int, int, list]]:
    """Cut the text at every claim boundary; each piece knows the claims that cover it."""
    cuts = sorted({0, len(text), *(c.start for c in claims), *(c.end for c in claims), *extra_cuts})
    for start, end in zip(cuts, cuts[1:]):
        covering = [c for c in claims if c.start <= start and end <= c.end]
        covering.sort(key=lambda c: c.start - c.end)  # longest outermost
        yield start, end, covering


def to_html(article: Article) -> str:
    """One standalone page: the article with each claim highlighted in its type's colour, the
    value on hover, and a table of every claim. Needs no network to view."""
    text = article.article.text
    furniture = [p for p in article.paragraphs if p.boilerplate]
    parts: list[str] = []
    cuts = [edge for p in furniture for edge in (p.start, p.end)]
    for start, end, covering in _segments(text, list(article.claims), cuts):
        piece = html.escape(text[start:end])
        reason = next((p.boilerplate for p in furniture if p.start <= start and end <= p.end), None)
        if reason:  # page furniture: shown muted, never a claim
            piece = f'<span class="furniture" title="page furniture: {html.escape(reason, quote=True)}">{piece}</span>'
        for claim in reversed(covering):
            tip = html.escape(f"{claim.type}: {describe_value(claim)}", quote=True)
            piece = (
                f'<mark class="claim t-{claim.type}" data-claim="{html.escape(claim.id, quote=True)}" '
                f'title="{tip}">{piece}</mark>'
            )
        parts.append(piece)
    rows = "\n".join(
        f'<tr id="c-{html.escape(c.id)}"><td><span class="swatch t-{c.type}"></span>{c.type}</td>'
        f"<td>{html.escape(c.text)}</td><td>{html.escape(describe_value(c))}</td>"
        f"<td>{html.escape(c.cue or '')}</td><td>{html.escape(c.tagger)}: {html.escape(c.pattern)}</td></tr>"
        for c in article.claims
    )
    counts = {t: sum(c.type == t for c in article.claims) for t in TYPE_COLOURS}
    legend = " ".join(
        f'<span class="legend t-{t}">{t.replace("_", " ")} ({n})</span>' for t, n in counts.items()
    )
    styles = "\n".join(f".t-{t} {{ background: {colour}; }}" for t, colour in TYPE_COLOURS.items())
    title = html.escape(article.article.title or article.article.source or "claimkit report")
    published = html.escape(str(article.article.published or "unknown"))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — claimkit</title>
<style>
body {{ font: 16px/1.6 Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
.article {{ white-space: pre-wrap; }}
mark.claim {{ padding: 0 1px; border-radius: 3px; color: inherit; cursor: help; }}
mark.claim mark.claim {{ border-bottom: 2px solid #555; }}
.furniture {{ color: #999; }}
.legend, .swatch {{ display: inline-block; padding: 0 .4rem; border-radius: 3px; margin-right: .3rem; }}
.swatch {{ width: .8rem; height: .8rem; padding: 0; }}
table {{ border-collapse: collapse; width: 100%; font: 14px/1.4 system-ui, sans-serif; margin-top: 2rem; }}
td, th {{ border-top: 1px solid #ddd; padding: .3rem; text-align: left; vertical-align: top; }}
{styles}
</style>
</head>
<body>
<h1>{title}</h1>
<p>Published: {published} · {len(article.claims)} claims · {legend}</p>
<div class="article">{''.join(parts)}</div>
<table><thead><tr><th>type</th><th>text</th><th>value</th><th>cue</th><th>found by</th></tr></thead>
<tbody>
{rows}
</tbody></table>
</body>
</html>
"""


def render(articles: list[Article], fmt: str) -> str:
    """The text of `articles` in one of FORMATS; HTML and JSON take a single article."""
    renderers: dict[str, Callable[[list[Article]], str]] = {
        "json": lambda items: to_json(items[0]) if len(items) == 1 else json.dumps(
            [json.loads(a.model_dump_json()) for a in items], indent=2, ensure_ascii=False) + "\n",
        "jsonl": to_jsonl,
        "csv": to_csv,
        "html": lambda items: to_html(items[0]),
    }
    return renderers[fmt](articles)
