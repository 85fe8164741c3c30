"""Several offices' books for the exchange tests (no tests here): each its own SQLite copy of the
template and its own signing key (THIDUA_SIGNING_KEY), its office named, cards exchanged; the
council's decision on received dossiers; a tamperer's rewrite of a package."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import factories
import pytest
from sqlalchemy import select

from app.exchange import offices
from app.exchange.package import Office
from app.model import Nomination, RegisterBook
from app.opening import open_database
from app.services import nominations as N
from app.services import registers
from app.services.decisions import DecisionInput, create_decision
from app.storage.db import Database

NAMES = {
    "STC": "Sở Tài chính",
    "KHOI": "Khối Kinh tế - Kỹ thuật",
    "BTDKT": "Ban Thi đua - Khen thưởng tỉnh",
    "XYZ": "Cơ quan lạ",
}
PEOPLE = ("Nguyễn Thị Ánh", "Lê Văn Bình", "Trần Văn Cường")


class Books:
    """The offices' books in ``tmp_path``: ``open(code)`` is that office's machine."""

    def __init__(self, template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codes: tuple[str, ...],
                 at: dict[str, str] | None = None) -> None:  # fmt: skip
        """``at``: the books that are elsewhere already (a test's database, of either backend)."""
        self.tmp, self.monkeypatch = tmp_path, monkeypatch
        self.paths = {c: (at or {}).get(c) or str(tmp_path / f"{c}.sqlite3") for c in codes}
        for code, path in self.paths.items():
            if code not in (at or {}):
                shutil.copyfile(template, path)
            db = self.open(code)
            factories.unit(db, NAMES["STC"], code="STC")
            factories.unit(db, "Sở Xây dựng", code="SXD")
            offices.set_own_office(db, code, NAMES[code])
            offices.write_card(db, self.card(code))
            db.dispose()

    def card(self, code: str) -> Path:
        return self.tmp / f"{code}.card"

    def office(self, code: str) -> Office:
        return Office(code, NAMES[code])

    def open(self, code: str) -> Database:
        self.monkeypatch.setenv("THIDUA_SIGNING_KEY", str(self.tmp / f"{code}.pem"))
        return open_database(self.paths[code], sync_catalogue=False)

    def trust(self, code: str, *others: str) -> None:
        db = self.open(code)
        for other in others:
            offices.trust(db, offices.read_card(self.card(other)))
        db.dispose()

    def cli(self, code: str, *args: str) -> list[str]:
        self.monkeypatch.setenv("THIDUA_SIGNING_KEY", str(self.tmp / f"{code}.pem"))
        return ["--db", self.paths[code], *args]


def unit_dossiers(db: Database, unit: str = "STC", people: tuple[str, ...] = PEOPLE) -> list[int]:
    """Nominations of ``people`` of a unit (Bằng khen of the province), as drafts."""
    with db.read() as s:
        from app.model import Unit

        stc = int(s.scalar(select(Unit.id).where(Unit.code == unit)))
    ids = []
    for i, name in enumerate(people):
        cccd = f"0791{zlib.crc32(name.encode()) % 10**8:08d}"  # one per name, in every book
        p = factories.person(db, stc, name, birth_year=1980 + i, cccd=cccd)
        ids.append(factories.nomination(db, "BK_TINH_CN", person_id=p.id, achievement=f"Thành tích {i}").id)
    return ids


def by_name(db: Database) -> dict[str, Nomination]:
    with db.read() as s:
        return {n.nominee_name: n for n in s.scalars(select(Nomination))}


def council_decides(db: Database) -> tuple[int, list[int]]:
    """The council returns the first received dossier and awards the other two in decision 301,
    numbered in its register book SV2025; returns (returned id, awarded ids)."""
    got = by_name(db)
    back, awarded = got[PEOPLE[0]].id, [got[PEOPLE[1]].id, got[PEOPLE[2]].id]
    decide(db, back, awarded, "Thiếu bản sao quyết định công nhận sáng kiến")
    return back, awarded


def decide(db: Database, back: int, awarded: list[int], reason: str) -> int:
    """``back`` returned with ``reason``; ``awarded`` voted 10/1 of 11 and approved in decision
    301/QĐ-UBND, numbered in the register book SV2025; returns the decision's id."""
    N.return_for_revision(db, [back], reason)
    N.record_votes(db, {i: N.Vote(10, 1, 11, dt.date(2025, 12, 1)) for i in awarded})
    decision = create_decision(db, DecisionInput(
        number="301/QĐ-UBND", signed_on=dt.date(2025, 12, 5), issuer="Ủy ban nhân dân tỉnh Tây Ninh",
        signer_name="Nguyễn Văn Bình", signer_title="Phó Chủ tịch", signer_authority="KT.",
    ))  # fmt: skip
    N.approve(db, awarded, decision.id)
    book = registers.create_book(db, "SV2025", "Sổ vàng khen thưởng năm 2025", "UBND tỉnh Tây Ninh")
    registers.assign_numbers(db, book.id, awarded)
    return decision.id


def rewrite_zip(path: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """Rewrite the package at ``path`` with ``change(members)`` applied (a tamperer's tool)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def register_of(db: Database, nomination_id: int) -> str:
    from app.model import RegisterEntry

    with db.read() as s:
        row = s.execute(
            select(RegisterBook.code, RegisterEntry.number)
            .join(RegisterEntry, RegisterEntry.book_id == RegisterBook.id)
            .where(RegisterEntry.nomination_id == nomination_id)
        ).first()
    return f"{row[0]} / {row[1]}" if row else ""
