"""claimkit: every checkable claim of an opinion article, as validated JSON records.

`extract`, `extract_many` and `load_pipeline` import spaCy on first use, so that commands that
do not need the model (review, schema) start fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

from claimkit.schema import (  # noqa: E402
    SCHEMA_VERSION,
    Article,
    ArticleInfo,
    DateClaim,
    NumberClaim,
    Review,
    SpeechClaim,
)

_LAZY = {
    "extract": "claimkit.extractor",
    "extract_many": "claimkit.extractor",
    "ArticleInput": "claimkit.extractor",
    "load_pipeline": "claimkit.pipeline",
    "DEFAULT_MODEL": "claimkit.pipeline",
}

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "Article",
    "ArticleInfo",
    "DateClaim",
    "NumberClaim",
    "Review",
    "SpeechClaim",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimkit' has no attribute {name!r}")
