"""Where the public benchmark datasets live, and the document shape every loader returns."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from claimkit.errors import DatasetMissingError
from claimkit.eval.gold import GoldClaim

DATASETS_ENV = "CLAIMKIT_DATASETS"
REPO_ROOT = Path(__file__).resolve().parents[3]
DEV, TEST = "dev", "test"


def datasets_root(override: Path | str | None = None) -> Path:
    """The datasets folder: the argument, else $CLAIMKIT_DATASETS, else ../shared/datasets beside the repo."""
    if override is not None:
        return Path(override)
    if os.environ.get(DATASETS_ENV):
        return Path(os.environ[DATASETS_ENV])
    base = REPO_ROOT if (REPO_ROOT / "pyproject.toml").exists() else Path.cwd()
    return base.parent / "shared" / "datasets"


def require_folder(path: Path, what: str) -> Path:
    """The folder itself, or DatasetMissingError naming it and the way to point elsewhere."""
    if not path.is_dir():
        raise DatasetMissingError(f"{what} not found at {path} (point ${DATASETS_ENV} or --datasets at the folder that holds it)")
    return path


@dataclass
class BenchDocument:
    """One corpus document rebuilt as text, with its gold claims per task and the part it belongs to.

    `scored` is the character range that the corpus annotated; predictions outside it are
    not scored. `sentence_starts` and `paragraph_starts` are gold layout offsets (GUM only).
    """

    corpus: str
    name: str
    part: str
    text: str
    published: dt.date | None
    gold: dict[str, list[GoldClaim]]
    scored: tuple[int, int]
    sentence_starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
