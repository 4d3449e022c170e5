"""claimkit_numbers (being written)."""

from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import add_claims


def find_numbers(doc: Doc) -> list:
    return []


@Language.factory("claimkit_numbers", assigns=["doc.spans"])
def make_numbers(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_numbers(doc), name)

    return component
