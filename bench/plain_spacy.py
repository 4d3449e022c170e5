"""Setting (a) of `make bench`: plain spaCy `nlp.pipe` over the same files, with the same model.

The texts are read exactly as claimkit reads them, streamed, and nothing is kept.
Run: python bench/plain_spacy.py FOLDER [--model NAME] [--batch-size N]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterator

import spacy

from claimkit.batch import discover
from claimkit.pipeline import DEFAULT_MODEL
from claimkit.reader import read_article

REFERENCE_BATCH_SIZE = 16  # DESIGN.md's reference setting for plain spaCy


def texts(folder: Path) -> Iterator[str]:
    for path in discover(folder):
        yield read_article(path).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=REFERENCE_BATCH_SIZE)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    docs = sum(1 for _ in nlp.pipe(texts(args.folder), batch_size=args.batch_size))
    print(docs)


if __name__ == "__main__":
    main()
