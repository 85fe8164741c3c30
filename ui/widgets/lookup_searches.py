"""Search functions over the services for :class:`~ui.widgets.lookup.LookupEdit` (a look-up field
fills its completer from one of these): persons, units, blocs, awards, campaigns, decisions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from app.services.blocs import list_blocs
from app.services.campaigns import list_campaigns
from app.services.catalogue import list_awards
from app.services.decisions import list_decisions
from app.services.persons import search_persons
from app.services.scope import clerk_units
from app.services.units import list_units
from app.storage.db import Database
from app.text import fold, format_date

from .lookup import Search

LIMIT = 20


def unit_names(db: Database) -> dict[int, str]:
    """Each unit's name as a picker shows it: a division with its parent ("Phòng Tổng hợp, Sở Y tế")."""
    units = list_units(db)
    plain = {u.id: u.name for u in units}
    return {u.id: f"{u.name}, {plain[u.parent_id]}" if u.parent_id in plain else u.name for u in units}


def person_search(db: Database, units: dict[int, str] | None = None) -> Search:
    """Persons whose name contains the typed text (tones, đ/d ignored), with birth year and unit;
    a clerk sees the persons of their own unit and the units under it. Namesakes among the
    suggestions are told apart by the last digits of their CCCD, and none is preselected."""
    names = units if units is not None else unit_names(db)
    scope = clerk_units(db)

    def search(text: str) -> list[tuple[int, str, str]]:
        found = search_persons(db, text, anywhere=True, unit_ids=scope, limit=LIMIT)
        same = Counter((p.full_name, p.unit_id) for p in found)
        rows = []
        for p in found:
            year = p.birth_date.year if p.birth_date else p.birth_year
            label = f"{p.full_name} ({year})" if year else p.full_name
            label += f" — {names.get(p.unit_id, '')}"
            if same[(p.full_name, p.unit_id)] > 1 and p.cccd:
                label += f" — CCCD …{p.cccd[-4:]}"
            rows.append((p.id, label, p.full_name))  # the key: namesakes share it
        return rows

    return search


def unit_search(db: Database) -> Search:
    """Units by name or code; a clerk is offered their own unit and the units under it."""
    scope = clerk_units(db)

    def search(text: str) -> list[tuple[int, str]]:
        return [(u.id, u.name) for u in list_units(db, text) if scope is None or u.id in scope][:LIMIT]

    return search


class KeyedSearch:
    """A search that also keeps, for each id it offered, the key a report asks for (a code, a
    decision number and its year), so the form reads the key of the pick without another query."""

    def __init__(self, rows: Callable[[str], list[tuple[int, str, object]]]) -> None:
        self._rows = rows
        self.keys: dict[int, object] = {}

    def __call__(self, text: str) -> list[tuple[int, str]]:
        found = self._rows(text)[:LIMIT]
        self.keys.update((id_, key) for id_, _label, key in found)
        return [(id_, label) for id_, label, _key in found]


def _matches(text: str, *values: str) -> bool:
    q = fold(text)
    return any(q in fold(v) for v in values)


def unit_code_search(db: Database) -> KeyedSearch:
    """Units by name or code; the key is the unit's code."""
    return KeyedSearch(
        lambda text: [(u.id, f"{u.name} ({u.code})", u.code) for u in list_units(db, text)[:LIMIT]]
    )


def bloc_search(db: Database) -> KeyedSearch:
    return KeyedSearch(
        lambda text: [
            (b.id, f"{b.name} ({b.code})", b.code) for b in list_blocs(db) if _matches(text, b.name, b.code)
        ]
    )


def award_search(db: Database) -> KeyedSearch:
    """Awards of the catalogue, most senior first; the key is the award's code."""
    return KeyedSearch(
        lambda text: [
            (a.id, a.name, a.code) for a in reversed(list_awards(db)) if _matches(text, a.name, a.code)
        ]
    )


def campaign_search(db: Database) -> KeyedSearch:
    return KeyedSearch(
        lambda text: [
            (c.id, f"{c.name} ({c.year})", c.id) for c in list_campaigns(db) if _matches(text, c.name)
        ]
    )


def decision_search(db: Database) -> KeyedSearch:
    """Decisions by number, issuer or summary, newest first; the key is (number, year)."""
    return KeyedSearch(
        lambda text: [
            (d.id, f"{d.number_text} — {format_date(d.signed_on)} — {d.issuer}", (d.number_text, d.year))
            for d in list_decisions(db)
            if _matches(text, d.number_text, d.issuer, d.summary or "")
        ]
    )
