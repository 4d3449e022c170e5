"""A rich table of an article's claims, for people reading in a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from claimkit.schema import CLAIM_TYPES, Article
from claimkit.writers import describe_value

MAX_TEXT = 70


def summary_table(article: Article) -> Table:
    counts = {t: sum(c.type == t for c in article.claims) for t in CLAIM_TYPES}
    caption = " · ".join(f"{t} {n}" for t, n in counts.items())
    info = article.article
    title = f"{info.title or info.source or 'article'} — {len(article.claims)} claims"
    if info.published:
        title += f" (published {info.published}, from {info.published_from})"
    table = Table(title=title, caption=caption, show_lines=False, expand=False)
    table.add_column("type", style="bold", no_wrap=True)
    table.add_column("text", overflow="fold")
    table.add_column("value", overflow="fold")
    for claim in article.claims:
        text = claim.text if len(claim.text) <= MAX_TEXT else claim.text[: MAX_TEXT - 1] + "…"
        table.add_row(claim.type, text.replace("\n", " "), describe_value(claim))
    return table


def print_summary(article: Article, console: Console | None = None) -> None:
    (console or Console()).print(summary_table(article))
