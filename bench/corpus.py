"""A benchmark corpus of op-ed-length articles, each one different, built from the project's own articles.

Every article is a fresh draw of paragraphs from data/raw and ../shared/corpus, in a new
order, with every number changed (years stay years), so no two texts are alike and no
cache of any kind can help. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from claimkit.batch import discover
from claimkit.errors import InputError
from claimkit.reader import read_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "data" / "raw", ROOT.parent / "shared" / "corpus")
OPED_WORDS = 2100  # the length of the karabakh op-ed, a typical op-ed
MIN_PARAGRAPH_WORDS = 12  # shorter blocks are bylines, menus and datelines
MARKDOWN_SHARE = 0.2
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
NUMBER = re.compile(r"\d+")
YEAR = re.compile(r"(?:19|20)\d\d")
FIRST_YEAR, LAST_YEAR = 1950, 2030


@dataclass(frozen=True)
class Corpus:
    folder: Path
    articles: int
    words: int


def paragraphs(sources: tuple[Path, ...] = SOURCES) -> list[str]:
    """The body paragraphs of every article the project has, as read by claimkit."""
    found = []
    for folder in sources:
        for path in discover(folder):
            try:
                text = read_article(path).text
            except InputError:
                continue
            found += [p.strip() for p in PARAGRAPH_BREAK.split(text) if len(p.split()) >= MIN_PARAGRAPH_WORDS]
    return found


def _new_number(match: re.Match, rng: random.Random) -> str:
    digits = match.group()
    if YEAR.fullmatch(digits):
        return str(rng.randint(FIRST_YEAR, LAST_YEAR))
    if len(digits) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def article(pool: list[str], rng: random.Random, words: int = OPED_WORDS) -> str:
    """A title and paragraphs drawn from the pool until the article is op-ed length; numbers changed."""
    chosen, count = [], 0
    while count < words:
        paragraph = rng.choice(pool)
        chosen.append(paragraph)
        count += len(paragraph.split())
    title = " ".join(rng.choice(pool).split()[:rng.randint(5, 10)]).rstrip(",.;:")
    text = f"{title}\n\n" + "\n\n".join(chosen) + "\n"
    return NUMBER.sub(lambda m: _new_number(m, rng), text)


def build(folder: Path, count: int, seed: int, words: int = OPED_WORDS) -> Corpus:
    """Write `count` articles under `folder` (in subfolders of 100, some as Markdown)."""
    pool = paragraphs()
    if not pool:
        raise SystemExit("no articles found in data/raw or ../shared/corpus to build the corpus from")
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        text = article(pool, rng, words)
        suffix = ".md" if rng.random() < MARKDOWN_SHARE else ".txt"
        path = folder / f"part-{i // 100:03d}" / f"oped-{i:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.split())
    return Corpus(folder, count, total)
