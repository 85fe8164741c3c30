"""The one error type services raise for anything the user can fix."""

from __future__ import annotations


class DomainError(Exception):
    """A refused operation, with a message for the user (Vietnamese) and, where known, the field.

    Raised before anything is written, or inside the operation's transaction so that it is rolled
    back: a failed operation leaves the database as it was.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Somebody else saved the record first (optimistic version check)."""


class DatabaseError(DomainError):
    """The database file cannot be used: locked, damaged, not a database, newer than the app."""
