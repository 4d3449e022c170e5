"""claimkit_speech (being written)."""

from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import add_claims


def find_speech(doc: Doc) -> list:
    return []


@Language.factory("claimkit_speech", assigns=["doc.spans"])
def make_speech(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_speech(doc), name)

    return component
