"""The paperwork says what the issuer and the data say: a Sở's decision is headed by its Giám đốc
and proposed by its own council, a title is granted as a title, the minutes print no empty field
and refuse a council size the recorded votes contradict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import pytest
import test_documents
from test_documents import META, text_of

from app.documents import papers, wording
from app.documents.decree30 import Signature
from app.errors import DomainError
from app.model import AwardCategory
from app.services import nominations as N

world = test_documents.world  # the same fixture: a unit, three CSTĐCS nominations voted out of 11


@pytest.mark.parametrize(("issuer", "head", "signs_for"), [
    ("Sở Tài chính", "Giám đốc Sở Tài chính", "GIÁM ĐỐC"),
    ("Ủy ban nhân dân tỉnh Tây Ninh", "Chủ tịch Ủy ban nhân dân tỉnh Tây Ninh", "CHỦ TỊCH"),
    ("Ban Dân tộc tỉnh", "Trưởng Ban Dân tộc tỉnh", "TRƯỞNG BAN"),
    ("Tổng công ty Điện lực", "Tổng Giám đốc Tổng công ty Điện lực", "TỔNG GIÁM ĐỐC"),
    ("Công ty TNHH MTV Xổ số kiến thiết Tây Ninh", "Giám đốc Công ty TNHH MTV Xổ số kiến thiết Tây Ninh", "GIÁM ĐỐC"),
    ("Hợp tác xã Thành Công", "Thủ trưởng Hợp tác xã Thành Công", "THỦ TRƯỞNG"),
])  # fmt: skip
def test_the_head_of_each_kind_of_issuer(issuer: str, head: str, signs_for: str) -> None:
    assert (wording.head_of(issuer), wording.head_title(issuer)) == (head, signs_for)


def test_a_title_is_granted_as_a_title_and_a_form_by_its_name() -> None:
    assert (
        wording.grant_clause("Chiến sĩ thi đua cơ sở", AwardCategory.TITLE, "2 cá nhân")
        == "Tặng danh hiệu «Chiến sĩ thi đua cơ sở» cho 2 cá nhân"
    )
    assert (
        wording.grant_clause("Chiến sĩ thi đua cơ sở", AwardCategory.TITLE, "2 cá nhân", verb="Công nhận")
        == "Công nhận danh hiệu «Chiến sĩ thi đua cơ sở» cho 2 cá nhân"
    )
    assert (
        wording.grant_clause("Giấy khen", AwardCategory.FORM, "3 cá nhân") == "Tặng Giấy khen cho 3 cá nhân"
    )


def test_a_departments_own_decision_is_headed_and_proposed_as_a_department(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    decision = factories.decision(db, 2025, number="217/QĐ-STC", issuer="Sở Tài chính")
    N.approve(db, world["ids"][:1], decision.id)
    text = " ".join(text_of(papers.decision_document(db, "217/QĐ-STC").save(tmp_path / "qd.pdf")).split())
    assert "GIÁM ĐỐC SỞ TÀI CHÍNH" in text and "CHỦ TỊCH SỞ" not in text
    assert "Theo đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng Sở Tài chính" in text
    assert "Sở Nội vụ" not in text
    assert "Điều 1. Tặng danh hiệu «Chiến sĩ thi đua cơ sở» cho 1 cá nhân" in text
    assert "KT. GIÁM ĐỐC" in text or decision.signer_authority != "KT."


def test_minutes_leave_out_what_was_not_given_and_refuse_a_contradicting_council(
    world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def meeting(total: int, members: list[str], place: str = "") -> papers.Meeting:
        return papers.Meeting(dt.datetime(2025, 12, 1, 8, 0), place, "Hội đồng Thi đua - Khen thưởng Sở Tài chính",
                              total, members, Signature("Chủ tịch Hội đồng", "A"), Signature("Thư ký", "B"))  # fmt: skip

    with pytest.raises(DomainError) as contradiction:
        papers.minutes(world["db"], META, meeting(9, []), year=2025, award_codes=["CSTDCS"])
    assert contradiction.value.field == "members_total" and "(11)" in contradiction.value.message
    text = " ".join(text_of(papers.minutes(world["db"], META, meeting(11, []), year=2025, award_codes=["CSTDCS"])
                            .save(tmp_path / "bb.pdf")).split())  # fmt: skip
    assert "Địa điểm" not in text and "Thành phần" not in text and "0/11" not in text
    assert "(11 người)" in text
