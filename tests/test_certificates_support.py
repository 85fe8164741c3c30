"""Helpers shared by the certificate tests (no tests here): awards built through the services."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

os.environ.setdefault("THIDUA_BUNDLED_FONTS", "1")  # the same font on every machine

from app.model import Gender, UnitLevel  # noqa: E402
from app.services import nominations as N  # noqa: E402
from app.services.catalogue import list_awards  # noqa: E402
from app.services.decisions import DecisionInput, create_decision  # noqa: E402
from app.services.persons import PersonInput, create_person  # noqa: E402
from app.services.units import UnitInput, create_unit  # noqa: E402

_numbers = itertools.count(100)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Key, user layouts and printer settings in the test's own folder."""
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / "keys" / "signing.pem"))
    monkeypatch.setenv("THIDUA_LAYOUTS", str(tmp_path / "user-layouts"))
    monkeypatch.setenv("THIDUA_PRINTERS", str(tmp_path / "printers.json"))
    return tmp_path


class World:
    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        self.db = db
        self.dept = create_unit(db, UnitInput(code="STC", name="Sở Tài chính", level=UnitLevel.DEPARTMENT))
        self.division = create_unit(
            db,
            UnitInput(code="STC-KH", name="Phòng Kế hoạch", level=UnitLevel.DIVISION, parent_id=self.dept.id),
        )
        self.awards = {a.code: a.id for a in list_awards(db)}

    def decision(
        self,
        number: str | None = None,
        *,
        year: int = 2025,
        authority: str = "KT.",  # type: ignore[no-untyped-def]
        issuer: str = "UBND tỉnh Tây Ninh",
    ):
        return create_decision(
            self.db,
            DecisionInput(
                number=number or f"{next(_numbers)}/QĐ-UBND",
                signed_on=dt.date(year, 12, 5),
                issuer=issuer,
                signer_name="Nguyễn Văn Bình",
                signer_title="Phó Chủ tịch",
                signer_authority=authority,
            ),
        )

    def person(self, name: str, gender: Gender = Gender.FEMALE, position: str = "Chuyên viên"):  # type: ignore[no-untyped-def]
        return create_person(
            self.db, PersonInput(unit_id=self.division.id, gender=gender, full_name=name, position=position)
        )

    def award(self, name: str, code: str = "BK_TINH_CN", *, decision=None, achievement: str = "", year: int = 2025,  # type: ignore[no-untyped-def]
              gender: Gender = Gender.FEMALE, approve: bool = True) -> int:  # fmt: skip
        person = self.person(name, gender)
        nom = N.create_nomination(
            self.db,
            N.NominationInput(
                year=year, award_id=self.awards[code], person_id=person.id, achievement=achievement
            ),
        )
        N.submit(self.db, [nom.id])
        N.record_vote(self.db, nom.id, N.Vote(11, 0, 11, dt.date(year, 12, 1)))
        if approve:
            N.approve(self.db, [nom.id], (decision or self.decision()).id)
        return nom.id


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def words(text: str) -> str:
    return " ".join(text.split())


def positions(path: Path, page: int = 0) -> dict[str, tuple[float, float]]:
    """Each text run drawn on a page with where its text matrix put it (x, y in points)."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            found.setdefault(text.strip(), (tm[4], tm[5]))

    PdfReader(str(path)).pages[page].extract_text(visitor_text=visit)
    return found


def content_origins(path: Path, page: int = 0) -> list[tuple[float, float]]:
    """Every ``1 0 0 1 x y Tm`` of the page's content stream, in order."""
    data = PdfReader(str(path)).pages[page].get_contents().get_data().decode("latin-1")
    found = [(float(x), float(y)) for x, y in re.findall(r"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm", data)]
    return [xy for xy in found if xy != (0.0, 0.0)]  # BT starts at the origin
