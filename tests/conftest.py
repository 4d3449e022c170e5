"""Shared fixtures: the real pipeline, loaded once per test process."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimkit
from claimkit.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KARABAKH = SHARED / "corpus" / "karabakh-oped.txt"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def karabakh_text() -> str:
    return KARABAKH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def karabakh(nlp, karabakh_text):
    return claimkit.extract(karabakh_text, nlp=nlp, source="karabakh-oped.txt")


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=None) with the session's pipeline."""

    def run(text: str, published=None):
        return claimkit.extract(text, published=published, nlp=nlp)

    return run
