"""Single records as plain values: what a service hands back from get, create and update.

An ORM object outlives its session only half: its columns stay readable, but a relationship
touched later raises (or, worse, loads on another thread). A frozen dataclass holds the row's
columns and nothing else, safe to pass from the writer thread to the window and to keep.
(Nominations have theirs, :class:`app.services.nominations.NominationRecord`.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Self

from ..model import BlocKind, CampaignKind, Gender, UnitLevel


class _Record:
    @classmethod
    def of(cls, row: Any) -> Self:
        """The record of an ORM row (read while its session is open)."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class UnitRecord(_Record):
    id: int
    code: str
    name: str
    short_name: str
    level: UnitLevel
    parent_id: int | None
    name_fold: str
    sort_key: str
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class DecisionRecord(_Record):
    id: int
    number: int
    symbol: str
    number_text: str
    number_fold: str
    signed_on: dt.date
    year: int
    issuer: str
    issuer_unit_id: int | None
    signer_name: str
    signer_title: str
    signer_authority: str
    summary: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class CampaignRecord(_Record):
    id: int
    name: str
    name_fold: str
    kind: CampaignKind
    year: int
    start_date: dt.date
    end_date: dt.date | None
    launched_by_unit_id: int | None
    launched_by: str
    description: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class BlocRecord(_Record):
    id: int
    code: str
    name: str
    kind: BlocKind
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class PersonRecord(_Record):
    id: int
    family_name: str
    middle_name: str
    given_name: str
    full_name: str
    name_fold: str
    given_fold: str
    sort_key: str
    gender: Gender
    birth_date: dt.date | None
    birth_year: int | None
    cccd: str | None
    position: str
    unit_id: int
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
