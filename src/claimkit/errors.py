"""The project's exceptions. Each message is one line that says what went wrong and how to fix it."""

from __future__ import annotations


class ClaimkitError(Exception):
    """Base for every error a user can cause; the CLI prints it as one line."""

    exit_code = 1


class InputError(ClaimkitError):
    """An article that cannot be read: missing, a directory, empty, binary, undecodable, too big."""


class ModelError(ClaimkitError):
    """The spaCy model cannot be loaded or lacks a component claimkit needs."""


class RecordError(ClaimkitError):
    """A record file that is not a valid claimkit record."""


class UsageError(ClaimkitError):
    """Options that do not fit together."""

    exit_code = 2


class Interrupted(ClaimkitError):
    """A batch stopped by Ctrl-C or SIGTERM; every record written is whole, and the next run does the rest."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("interrupted; every record written is whole: run the same command again to finish")


class GoldFormatError(ClaimkitError):
    """A gold file that does not follow docs/gold-format.md."""


class DatasetMissingError(ClaimkitError):
    """A benchmark dataset folder is not where the benchmark looks for it."""


class StoreError(ClaimkitError):
    """A review-store problem the user can fix; the message says how."""


class UnknownClaim(StoreError):
    """No claim with that id (in that article)."""


class UnknownArticle(StoreError):
    """No article with that id."""
