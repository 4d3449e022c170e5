"""claimkit: every checkable claim of an opinion article, as validated JSON records."""

from __future__ import annotations

__version__ = "0.1.0"

from claimkit.extractor import ArticleInput, extract, extract_many  # noqa: E402
from claimkit.pipeline import DEFAULT_MODEL, load_pipeline  # noqa: E402
from claimkit.schema import (  # noqa: E402
    SCHEMA_VERSION,
    Article,
    ArticleInfo,
    DateClaim,
    NumberClaim,
    Review,
    SpeechClaim,
)

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "DEFAULT_MODEL",
    "Article",
    "ArticleInfo",
    "ArticleInput",
    "DateClaim",
    "NumberClaim",
    "Review",
    "SpeechClaim",
    "extract",
    "extract_many",
    "load_pipeline",
]
