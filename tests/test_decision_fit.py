"""A nomination goes only into a decision that can grant it: the unit head's Giấy khen never into
the provincial chairman's decision, nothing into a decision signed before the vote; the picker
offers only what fits and chooses nothing for the clerk."""

from __future__ import annotations

import datetime as dt

import factories as f
import pytest

from app.errors import DomainError
from app.services import nominations as N
from app.services.decision_fit import fitting_decisions
from app.services.decisions import DecisionInput, create_decision


def _voted(db, code: str, voted_on: dt.date = dt.date(2025, 12, 1)) -> int:  # type: ignore[no-untyped-def]
    stc = f.unit(db, "Sở Tài chính", code="STC")
    nomination = f.nomination(db, code, person_id=f.person(db, stc.id, "Tô Thị Vừa").id)
    N.submit(db, [nomination.id])
    N.record_vote(db, nomination.id, N.Vote(11, 0, 11, voted_on))
    return nomination.id


def _decision(db, number: str, issuer: str, signed_on: dt.date = dt.date(2025, 12, 20)):  # type: ignore[no-untyped-def]
    return create_decision(db, DecisionInput(number=number, signed_on=signed_on, issuer=issuer,
                                             signer_name="Lê Văn Tám", signer_title="Giám đốc"))  # fmt: skip


def test_a_unit_heads_giay_khen_is_refused_by_the_provincial_chairmans_decision(db) -> None:
    nomination_id = _voted(db, "GK_CN")
    province = _decision(db, "2915/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh")
    own = _decision(db, "15/QĐ-STC", "Sở Tài chính")
    with pytest.raises(DomainError) as refused:
        N.approve(db, [nomination_id], province.id)
    assert "Thủ trưởng" in refused.value.message and "2915/QĐ-UBND" in refused.value.message
    assert N.get_nomination(db, nomination_id).decision_id is None
    fit = fitting_decisions(db, [nomination_id])
    assert fit[own.id] is None and fit[province.id] is not None
    N.approve(db, [nomination_id], own.id)
    assert N.get_nomination(db, nomination_id).decision_id == own.id


def test_a_provincial_award_and_a_decision_before_the_vote_are_refused(db) -> None:
    nomination_id = _voted(db, "BK_TINH_CN", voted_on=dt.date(2025, 12, 10))
    department = _decision(db, "16/QĐ-STC", "Sở Tài chính")
    early = _decision(db, "2900/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", signed_on=dt.date(2025, 12, 5))
    right = _decision(db, "2950/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", signed_on=dt.date(2025, 12, 15))
    fit = fitting_decisions(db, [nomination_id])
    assert "Chủ tịch" in (fit[department.id] or "") or "Sở Tài chính" in (fit[department.id] or "")
    assert "trước ngày Hội đồng bỏ phiếu (10/12/2025)" in (fit[early.id] or "")
    assert fit[right.id] is None


def test_the_picker_offers_only_fitting_decisions_and_chooses_none(qtbot, db) -> None:
    from ui.dialogs.batch import DecisionPickDialog

    nomination_id = _voted(db, "GK_CN")
    _decision(db, "2915/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh")
    own = _decision(db, "15/QĐ-STC", "Sở Tài chính")
    dialog = DecisionPickDialog(db, [nomination_id])
    qtbot.addWidget(dialog)
    assert [dialog.decision.itemData(i) for i in range(dialog.decision.count())] == [own.id]
    assert dialog.decision.currentIndex() == -1
    assert "2915/QĐ-UBND" in dialog.unfit.text()
    with pytest.raises(DomainError, match="Chưa chọn quyết định"):
        dialog.save()
    dialog.decision.setCurrentIndex(0)
    assert dialog.save() == own.id
