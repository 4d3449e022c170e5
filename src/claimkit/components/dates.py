"""claimkit_dates (being written)."""

from spacy.language import Language
from spacy.tokens import Doc

from claimkit.components.base import add_claims


def find_dates(doc: Doc) -> list:
    return []


@Language.factory("claimkit_dates", assigns=["doc.spans"])
def make_dates(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return add_claims(doc, find_dates(doc), name)

    return component
