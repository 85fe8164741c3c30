"""Why was it returned? A nomination's form says why at the top, and its history lists every step:
when, who, what changed, the reason, the vote and the decision."""

from __future__ import annotations

import factories as f

from app.model import NominationStatus
from app.services import accounts as A
from app.services import nominations as N
from app.services.nomination_history import returned, steps
from ui.dialogs.nomination import NominationForm


def _returned(db) -> int:  # type: ignore[no-untyped-def]
    stc = f.unit(db, "Sở Tài chính", code="STC")
    person = f.person(db, stc.id, "Trần Văn Lộc")
    nomination = f.nomination(db, "CSTDCS", person_id=person.id)
    N.submit(db, [nomination.id])
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    A.create_account(db, A.AccountInput("thuongtruc", A.UserRole.APPROVER, "Lê Thị Thường"), "matkhau-tt")
    A.login(db, "thuongtruc", "matkhau-tt")
    N.return_for_revision(db, [nomination.id], "Thiếu báo cáo thành tích có xác nhận của thủ trưởng.")
    return nomination.id


def test_the_last_return_and_every_step_are_read_back(db) -> None:
    nomination_id = _returned(db)
    back = returned(db, nomination_id)
    assert back is not None and back.by == "Lê Thị Thường" and back.reason.startswith("Thiếu báo cáo")
    assert [(s.from_status, s.to_status) for s in steps(db, nomination_id)] == [
        (None, NominationStatus.DRAFT),
        (NominationStatus.DRAFT, NominationStatus.SUBMITTED),
        (NominationStatus.SUBMITTED, NominationStatus.RETURNED),
    ]


def test_a_returned_nomination_says_why_at_the_top_and_lists_its_steps(qtbot, db) -> None:
    form = NominationForm(db, _returned(db))
    qtbot.addWidget(form)
    form.show()
    assert form.notice.isVisible()
    assert "Lê Thị Thường" in form.notice.text()
    assert "Thiếu báo cáo thành tích có xác nhận của thủ trưởng." in form.notice.text()
    rows = form.history.rows()
    assert [r[2] for r in rows] == ["Nháp", "Nháp → Đã trình", "Đã trình → Trả lại để bổ sung"]
    assert rows[2][1] == "Lê Thị Thường (thuongtruc)" and "Thiếu báo cáo" in rows[2][3]


def test_the_history_shows_the_vote_and_the_decision_on_their_steps(qtbot, db) -> None:
    stc = f.unit(db, "Sở Tài chính", code="STC")
    person = f.person(db, stc.id, "Đặng Thị Hạnh")
    nomination_id = f.approved(db, "CSTDCS", person_id=person.id)

    form = NominationForm(db, nomination_id)
    qtbot.addWidget(form)
    assert not form.notice.isVisible() and form.notice.text() == ""  # not returned: no notice
    rows = form.history.rows()
    assert rows[-1][2] == "Đã bỏ phiếu → Đã khen thưởng" and "/QĐ-" in rows[-1][3]
    voted = next(r for r in rows if r[2].endswith("→ Đã bỏ phiếu"))
    assert "11/11 đồng ý" in voted[3]
