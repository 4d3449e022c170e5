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
