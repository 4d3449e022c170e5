"""claimkit_paragraphs (being written)."""

from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import add_claims


def find_paragraphs(doc: Doc) -> list:
    return []


@Language.factory("claimkit_paragraphs", assigns=["doc.spans"])
def make_paragraphs(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_paragraphs(doc), name)

    return component
