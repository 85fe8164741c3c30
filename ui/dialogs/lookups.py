"""Search functions for :class:`~ui.widgets.lookup.LookupEdit`, over the services."""

from __future__ import annotations

from app.db import Database
from app.services.persons import search_persons
from app.services.units import list_units

from ..widgets.lookup import Search

LIMIT = 20


def unit_names(db: Database) -> dict[int, str]:
    return {u.id: u.name for u in list_units(db)}


def person_search(db: Database, units: dict[int, str] | None = None) -> Search:
    """Persons whose name contains the typed text (tones, đ/d ignored), with their unit."""
    names = units if units is not None else unit_names(db)

    def search(text: str) -> list[tuple[int, str]]:
        found = search_persons(db, text, anywhere=True, limit=LIMIT)
        return [(p.id, f"{p.full_name} — {names.get(p.unit_id, '')}") for p in found]

    return search


def unit_search(db: Database) -> Search:
    def search(text: str) -> list[tuple[int, str]]:
        return [(u.id, u.name) for u in list_units(db, text)[:LIMIT]]

    return search
