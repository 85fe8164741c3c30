"""The money of a decision: each award's cash on the decision page, in the decision's annex and
Điều 2, and in the payout list (PDF and xlsx) — multiplier × base salary on the decision date,
rounded up to tens of thousands, only the highest title of one nominee for one year paid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories as f
import openpyxl
import test_documents
from test_documents import text_of

from app.cli import main
from app.documents import papers
from app.services import nominations as N
from app.services.decisions import DecisionInput, create_decision
from app.services.payout import payout_lines, total

world = test_documents.world


def _decision(db, number: str, issuer: str, on: dt.date):  # type: ignore[no-untyped-def]
    return create_decision(db, DecisionInput(number=number, signed_on=on, issuer=issuer, signer_name="Lê Văn Tám",
                                             signer_title="Phó Chủ tịch", signer_authority="KT."))  # fmt: skip


def test_a_bang_khen_of_august_2026_pays_3_800_000_and_the_lower_title_of_the_year_nothing(db) -> None:
    stc = f.unit(db, "Sở Tài chính", code="STC")
    person = f.person(db, stc.id, "Quách Thị Tiền")
    province = _decision(db, "30/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", dt.date(2026, 8, 10))
    own = _decision(db, "31/QĐ-STC", "Sở Tài chính", dt.date(2026, 12, 20))
    bk = f.nomination(db, "BK_TINH_CN", 2026, person_id=person.id).id
    N.submit(db, [bk])
    N.record_vote(db, bk, N.Vote(11, 0, 11, dt.date(2026, 8, 1)))
    N.approve(db, [bk], province.id)
    cstdcs = f.approved(db, "CSTDCS", 2026, person_id=person.id, decision_id=own.id)
    ldtt = f.approved(db, "LDTT", 2026, person_id=person.id, decision_id=own.id)
    paid = {p.nomination_id: p for p in payout_lines(db, year=2026)}
    assert paid[bk].amount == 3_800_000  # 1.5 × 2,530,000 = 3,795,000, rounded up
    assert paid[cstdcs].amount == 2_530_000  # 1.0 × 2,530,000
    assert paid[ldtt].amount == 0 and "cao hơn" in paid[ldtt].note  # one year, the highest title only
    assert total(list(paid.values())) == 6_330_000


def test_the_decision_states_its_total_and_annexes_the_payout(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    decision = _decision(db, "40/QĐ-STC", "Sở Tài chính", dt.date(2025, 12, 20))
    N.approve(db, world["ids"][:2], decision.id)
    text = " ".join(text_of(papers.decision_document(db, "40/QĐ-STC").save(tmp_path / "qd.pdf")).split())
    # CSTĐCS, 1.0 × 2,340,000 (base salary from 01/07/2024) each
    assert "Điều 2. Tiền thưởng kèm theo: tổng cộng 4.680.000 đồng" in text
    assert "DANH SÁCH CHI TIỀN THƯỞNG" in text and "2.340.000" in text


def test_the_payout_list_is_written_as_pdf_and_xlsx_from_the_command_line(
    world, db_url, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    decision = _decision(db, "41/QĐ-STC", "Sở Tài chính", dt.date(2025, 12, 20))
    N.approve(db, world["ids"], decision.id)
    for suffix in (".pdf", ".xlsx"):
        out = tmp_path / f"chi{suffix}"
        assert main(["--db", db_url, "report", "chi-tien-thuong", "--decision", "41/QĐ-STC", "--year", "2025",
                     "--issuer", "Sở Tài chính", "--out", str(out)]) == 0  # fmt: skip
        assert out.is_file()
    text = " ".join(text_of(tmp_path / "chi.pdf").split())
    assert "Chi tiền thưởng quyết định số 41/QĐ-STC" in text and "7.020.000" in text
    assert "Nghị định 152/2025/NĐ-CP, Điều 49 khoản 1, 2" in text  # signed 20/12/2025: the 152 era
    rows = list(openpyxl.load_workbook(tmp_path / "chi.xlsx").active.iter_rows(values_only=True))
    assert (
        rows[-1][1] == "Tổng cộng" and rows[-1][4] == 7_020_000
    )  # one decision: named in the title, no column
