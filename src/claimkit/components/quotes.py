"""claimkit_quotes (being written)."""

from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import add_claims


def find_quotes(doc: Doc) -> list:
    return []


@Language.factory("claimkit_quotes", assigns=["doc.spans"])
def make_quotes(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_quotes(doc), name)

    return component
