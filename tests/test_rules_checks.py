"""Each rule kind on realistic histories, with the real rules file: pure facts, no database."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.catalogue import load as load_catalogue
from app.model import (
    AppraisalRating,
    Authority,
    AwardTarget,
    DisciplineKind,
    InitiativeKind,
    InitiativeLevel,
    NominationStatus,
    UnitLevel,
)
from app.rules.checks import BLOCKING, OK, WARNING
from app.rules.facts import (
    AwardRecord,
    CollectiveFacts,
    DisciplineFact,
    InitiativeFact,
    NominationFacts,
    QuotaPeer,
)
from app.rules.spec import load
from app.rules.verdict import Verdict, evaluate

A = NominationStatus.APPROVED
CATALOGUE = {a.code: a for a in load_catalogue().awards}
RULES = load(award_codes=set(CATALOGUE))
NAMES = {code: a.name for code, a in CATALOGUE.items()}
EXCELLENT, GOOD = AppraisalRating.EXCELLENT, AppraisalRating.GOOD


def facts(award: str, year: int, **kw) -> NominationFacts:
    spec = CATALOGUE[award]
    base = dict(
        id=1,
        year=year,
        award=award,
        award_name=spec.name,
        award_target=spec.target,
        award_authority=spec.authority,
        award_kinds=frozenset(k.value for k in spec.kinds),
        nominee_name="Nguyễn Thị Lan",
        nominee_is_person=spec.target is not AwardTarget.COLLECTIVE,
        woman=True,
        submitting_level=UnitLevel.DEPARTMENT,
        thematic_campaign=False,
        in_campaign=False,
        status=NominationStatus.SUBMITTED,
        award_names=NAMES,
        today=dt.date(year + 1, 1, 15),
    )
    base.update(kw)
    return NominationFacts(**base)


def verdict(f: NominationFacts) -> Verdict:
    return Verdict(f.id, f.nominee_name, f.award_name, f.year, evaluate(RULES, f))


def held(award: str, *years: int, status: NominationStatus = A) -> tuple[AwardRecord, ...]:
    return tuple(AwardRecord(100 + y, y, award, status) for y in years)


def messages(v: Verdict) -> str:
    return " | ".join(str(f) for f in v.findings)


# --- prerequisite title in the same year -----------------------------------------------------------


def test_cstdcs_without_ldtt_that_year_is_blocked() -> None:
    v = verdict(facts("CSTDCS", 2025, appraisals={2025: EXCELLENT}))
    assert v.status == BLOCKING
    assert messages(v).startswith("Thiếu danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến năm 2025")
    assert "Điều 23" in messages(v)


def test_cstdcs_with_ldtt_approved_and_excellent_rating_passes() -> None:
    f = facts(
        "CSTDCS",
        2025,
        history=held("LDTT", 2025),
        appraisals={2025: EXCELLENT},
        votes_for=10,
        council_size=11,
    )
    assert verdict(f).status == OK


def test_ldtt_pending_in_the_same_batch_is_only_a_warning() -> None:
    f = facts(
        "CSTDCS",
        2025,
        history=held("LDTT", 2025, status=NominationStatus.SUBMITTED),
        appraisals={2025: EXCELLENT},
        votes_for=10,
        council_size=11,
    )
    v = verdict(f)
    assert v.status == WARNING
    assert "đang đề nghị cùng đợt" in messages(v)


# --- one of several conditions, and the 2023 / 2025 rule sets ---------------------------------------


def test_cstdcs_2025_needs_one_of_excellent_initiative_or_research() -> None:
    f = facts(
        "CSTDCS", 2025, history=held("LDTT", 2025), appraisals={2025: GOOD}, votes_for=10, council_size=11
    )
    v = verdict(f)
    assert v.status == BLOCKING
    assert "Không đạt điều kiện nào" in messages(v)
    research = InitiativeFact(
        7, "Đề tài số hóa hồ sơ", 2025, InitiativeLevel.GRASSROOTS, InitiativeKind.RESEARCH
    )
    assert verdict(dataclasses.replace(f, initiatives=(research,))).status == OK


def test_same_person_2023_needs_an_initiative_and_2025_does_not() -> None:
    """The law changed on 01/01/2024: an initiative was mandatory for CSTĐCS, now it is one option."""
    history = held("LDTT", 2023, 2025)
    f2023 = facts(
        "CSTDCS", 2023, history=history, appraisals={2023: EXCELLENT}, batch_counts={"CSTDCS": 1, "LDTT": 10}
    )
    f2025 = facts(
        "CSTDCS", 2025, history=history, appraisals={2025: EXCELLENT}, votes_for=10, council_size=11
    )
    v2023, v2025 = verdict(f2023), verdict(f2025)
    assert v2023.status == BLOCKING
    assert "sáng kiến" in messages(v2023)
    assert "Nghị định 91/2017" in messages(v2023)
    assert v2025.status == OK


def test_fifteen_percent_cap_applies_in_2023_and_not_in_2025() -> None:
    initiative = InitiativeFact(
        5, "Cải tiến quy trình một cửa", 2023, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE
    )
    common = dict(
        appraisals={2023: EXCELLENT, 2025: EXCELLENT}, initiatives=(initiative,), cited=frozenset({5})
    )
    batch = {"CSTDCS": 3, "LDTT": 12}  # 3 / 12 = 25 % > 15 % (at most 1)
    f2023 = facts("CSTDCS", 2023, history=held("LDTT", 2023), batch_counts=batch, **common)
    v2023 = verdict(f2023)
    assert v2023.status == BLOCKING
    assert "Vượt tỷ lệ: 3 Chiến sĩ thi đua cơ sở trên 12" in messages(v2023)
    assert "tối đa 15% = 1" in messages(v2023)
    f2025 = facts(
        "CSTDCS",
        2025,
        history=held("LDTT", 2025),
        batch_counts=batch,
        votes_for=10,
        council_size=11,
        **common,
    )
    assert all(f.rule_id != "cstdcs.ty_le_15" for f in verdict(f2025).findings)
    assert verdict(f2025).status == OK


# --- consecutive years ------------------------------------------------------------------------------


def _cstd_tinh(history, **kw) -> NominationFacts:
    prov = InitiativeFact(
        9, "Giải pháp quản lý đầu tư công", 2024, InitiativeLevel.PROVINCIAL, InitiativeKind.INITIATIVE
    )
    return facts(
        "CSTD_TINH",
        2025,
        history=history,
        initiatives=(prov,),
        cited=frozenset({9}),
        votes_for=12,
        council_size=13,
        submitting_level=UnitLevel.DEPARTMENT,
        **kw,
    )


def test_provincial_fighter_needs_three_consecutive_grassroots_titles() -> None:
    assert verdict(_cstd_tinh(held("CSTDCS", 2023, 2024, 2025))).status == OK
    v = verdict(_cstd_tinh(held("CSTDCS", 2022, 2024, 2025)))
    assert v.status == BLOCKING
    assert "Thiếu danh hiệu Chiến sĩ thi đua cơ sở năm 2023 (chuỗi 3 năm liên tục)" in messages(v)
    assert "Điều 22" in messages(v)


def test_a_revoked_title_breaks_the_chain() -> None:
    history = held("CSTDCS", 2023, 2025) + held("CSTDCS", 2024, status=NominationStatus.REVOKED)
    v = verdict(_cstd_tinh(history))
    assert v.status == BLOCKING
    assert "năm 2024" in messages(v)


def test_a_year_under_discipline_does_not_count_in_the_chain() -> None:
    discipline = (DisciplineFact(DisciplineKind.REPRIMAND, dt.date(2023, 3, 1), dt.date(2023, 9, 1)),)
    v = verdict(_cstd_tinh(held("CSTDCS", 2023, 2024, 2025), disciplines=discipline))
    assert v.status == BLOCKING
    assert "năm bị kỷ luật không được tính" in messages(v)


def test_provincial_merit_certificate_accepts_two_consecutive_grassroots_titles() -> None:
    ok = facts("BK_TINH_CN", 2025, history=held("CSTDCS", 2024, 2025), submitting_level=UnitLevel.DEPARTMENT)
    assert verdict(ok).status == OK
    weak = facts(
        "BK_TINH_CN", 2025, history=held("CSTDCS", 2023, 2025), submitting_level=UnitLevel.DEPARTMENT
    )
    v = verdict(weak)
    assert v.status == WARNING  # other grounds (provincial reach) are the council's judgment
    assert "2 lần liên tục Chiến sĩ thi đua cơ sở" in messages(v)


# --- initiatives: level, years, one initiative one use ------------------------------------------------


def test_initiative_already_used_for_another_award_blocks() -> None:
    used = InitiativeFact(
        9,
        "Giải pháp quản lý đầu tư công",
        2024,
        InitiativeLevel.PROVINCIAL,
        InitiativeKind.INITIATIVE,
        used_by=((55, "Bằng khen của Chủ tịch UBND tỉnh", 2024),),
    )
    f = dataclasses.replace(_cstd_tinh(held("CSTDCS", 2023, 2024, 2025)), initiatives=(used,))
    v = verdict(f)
    assert v.status == BLOCKING
    assert "đã là căn cứ của hồ sơ Bằng khen của Chủ tịch UBND tỉnh năm 2024 (mã 55)" in messages(v)


def test_grassroots_initiative_is_not_enough_for_a_provincial_fighter() -> None:
    low = InitiativeFact(
        3, "Sắp xếp kho lưu trữ", 2025, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE
    )
    f = dataclasses.replace(
        _cstd_tinh(held("CSTDCS", 2023, 2024, 2025)), initiatives=(low,), cited=frozenset({3})
    )
    v = verdict(f)
    assert v.status == BLOCKING
    assert "cấp tỉnh, bộ trở lên" in messages(v)


def test_an_eligible_initiative_not_attached_is_a_warning() -> None:
    f = dataclasses.replace(_cstd_tinh(held("CSTDCS", 2023, 2024, 2025)), cited=frozenset())
    v = verdict(f)
    assert v.status == WARNING
    assert "chưa được gắn vào hồ sơ" in messages(v)


# --- shares inside a collective -----------------------------------------------------------------------


def _collective(award: str, c: CollectiveFacts, rating=EXCELLENT) -> NominationFacts:
    # TTLĐTT is the department head's to give (a division proposes); TTLĐXS the province chair's.
    level = UnitLevel.DIVISION if award == "TTLDTT" else UnitLevel.DEPARTMENT
    return facts(
        award,
        2025,
        nominee_name="Phòng Kế hoạch - Tài chính",
        nominee_is_person=False,
        submitting_level=level,
        collective=c,
        appraisals={2025: rating},
    )


def test_advanced_collective_needs_more_than_half_ldtt_and_says_it_is_unverified() -> None:
    # Issue 13: no source supports 70 % (the TTLĐXS figure); the old law says "trên 50%", and the
    # 2022 text is unseen, so from 2024 the rule warns instead of blocking.
    assert verdict(_collective("TTLDTT", CollectiveFacts(10, 6, 0, 0, 10, 5))).status == OK
    v = verdict(_collective("TTLDTT", CollectiveFacts(10, 5, 0, 0, 10, 5)))
    assert v.status == WARNING
    assert "Tỷ lệ Lao động tiên tiến 5/10 = 50%, chưa trên 50%" in messages(v)


def test_excellent_collective_needs_a_grassroots_fighter_and_no_longer_checks_discipline() -> None:
    # Issue 13: Law 06/2022 Art. 27 (points a–đ) has no "nobody disciplined at warning or above"
    # clause; the test pinned the old law's clause for 2025 and is corrected.
    v = verdict(_collective("TTLDXS", CollectiveFacts(10, 8, 0, 1, 10, 5)))
    text = messages(v)
    assert v.status == BLOCKING
    assert "Cần ít nhất 1 cá nhân đạt Chiến sĩ thi đua cơ sở" in text
    assert "bị kỷ luật từ cảnh cáo trở lên" not in text
    assert verdict(_collective("TTLDXS", CollectiveFacts(10, 8, 1, 1, 10, 5))).status == OK


# --- council votes and over-quota selection -------------------------------------------------------------


@pytest.mark.parametrize(("votes", "size", "expected"), [(9, 11, OK), (8, 11, BLOCKING), (8, 10, OK)])
def test_council_vote_is_a_share_of_all_members(votes: int, size: int, expected: str) -> None:
    f = facts(
        "CSTDCS",
        2025,
        history=held("LDTT", 2025),
        appraisals={2025: EXCELLENT},
        votes_for=votes,
        council_size=size,
    )
    v = verdict(f)
    assert v.status == expected
    if expected == BLOCKING:
        assert "8/11 = 72,7% tổng số thành viên Hội đồng, dưới 80%" in messages(v)


def test_provincial_fighter_needs_ninety_percent() -> None:
    v = verdict(
        dataclasses.replace(_cstd_tinh(held("CSTDCS", 2023, 2024, 2025)), votes_for=11, council_size=13)
    )
    assert v.status == BLOCKING
    assert "dưới 90%" in messages(v)


def test_missing_vote_is_a_warning() -> None:
    f = facts("CSTDCS", 2025, history=held("LDTT", 2025), appraisals={2025: EXCELLENT})
    assert verdict(f).status == WARNING


def _over_quota(me: int, peers: list[QuotaPeer]) -> NominationFacts:
    initiative = InitiativeFact(5, "Cải tiến", 2023, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE)
    return facts(
        "CSTDCS",
        2023,
        id=me,
        history=held("LDTT", 2023),
        appraisals={2023: EXCELLENT},
        initiatives=(initiative,),
        cited=frozenset({5}),
        batch_counts={"CSTDCS": len(peers), "LDTT": 14},
        quota_peers=tuple(peers),
    )


def test_over_quota_selects_from_the_highest_share_down() -> None:
    # 14 LĐTT × 15 % = 2 places; shares 11/11, 10/11, 9/11.
    peers = [QuotaPeer(1, 11, 11, False), QuotaPeer(2, 10, 11, False), QuotaPeer(3, 9, 11, False)]
    assert verdict(_over_quota(1, peers)).status == OK
    assert verdict(_over_quota(2, peers)).status == OK
    v3 = verdict(_over_quota(3, peers))
    assert v3.status == BLOCKING
    assert "ngoài số được chọn" in messages(v3)


def test_tie_at_the_cut_goes_to_the_chair_unless_a_woman_breaks_it() -> None:
    men = [QuotaPeer(1, 11, 11, False), QuotaPeer(2, 10, 11, False), QuotaPeer(3, 10, 11, False)]
    for me in (2, 3):
        v = verdict(_over_quota(me, men))
        assert v.status == WARNING
        assert "Chủ tịch Hội đồng quyết định" in messages(v)
    mixed = [QuotaPeer(1, 11, 11, False), QuotaPeer(2, 10, 11, True), QuotaPeer(3, 10, 11, False)]
    assert verdict(_over_quota(2, mixed)).status == OK
    assert verdict(_over_quota(3, mixed)).status == BLOCKING


# --- exclusions, target, authority, merit grounds --------------------------------------------------------


def test_open_disciplinary_review_blocks_any_award() -> None:
    review = (DisciplineFact(DisciplineKind.UNDER_REVIEW, dt.date(2025, 11, 1), None),)
    f = facts("LDTT", 2025, appraisals={2025: GOOD}, disciplines=review)
    v = verdict(f)
    assert v.status == BLOCKING
    assert "Đang xem xét kỷ luật" in messages(v)
    assert "Nghị định 152/2025/NĐ-CP, Điều 4" in messages(v)


def test_discipline_in_the_year_blocks_and_an_old_one_does_not() -> None:
    warn = (DisciplineFact(DisciplineKind.WARNING, dt.date(2025, 2, 1), dt.date(2026, 1, 31)),)
    assert verdict(facts("LDTT", 2025, appraisals={2025: GOOD}, disciplines=warn)).status == BLOCKING
    old = (DisciplineFact(DisciplineKind.WARNING, dt.date(2022, 2, 1), dt.date(2023, 1, 31)),)
    assert verdict(facts("LDTT", 2025, appraisals={2025: GOOD}, disciplines=old)).status == OK


def test_collective_title_for_a_person_is_blocked() -> None:
    f = facts("TTLDTT", 2025, nominee_is_person=True, appraisals={2025: GOOD})
    v = verdict(f)
    assert v.status == BLOCKING
    assert "là khen thưởng cho tập thể" in messages(v)


def test_a_division_cannot_submit_straight_to_the_province_chair() -> None:
    f = facts("BK_TINH_CN", 2025, history=held("CSTDCS", 2024, 2025), submitting_level=UnitLevel.DIVISION)
    v = verdict(f)
    assert v.status == WARNING
    assert "Chủ tịch UBND tỉnh" in messages(v)
    assert f.award_authority is Authority.PROVINCE_CHAIR


def test_thematic_results_cannot_ground_a_merit_title() -> None:
    f = facts("LDTT", 2025, appraisals={2025: GOOD}, thematic_campaign=True, in_campaign=True)
    v = verdict(f)
    assert v.status == BLOCKING
    assert "theo đợt, chuyên đề không làm căn cứ khen thưởng công trạng" in messages(v)


def test_ldtt_rating_below_good_is_blocked_and_missing_rating_named() -> None:
    v = verdict(facts("LDTT", 2025, appraisals={2025: AppraisalRating.COMPLETED}))
    assert v.status == BLOCKING
    assert "«Hoàn thành nhiệm vụ»" in messages(v)
    v2 = verdict(facts("LDTT", 2025))
    assert "chưa có kết quả đánh giá" in messages(v2)


def test_a_review_opened_after_an_award_was_given_does_not_void_it() -> None:
    review = (DisciplineFact(DisciplineKind.UNDER_REVIEW, dt.date(2025, 11, 20), None),)
    given = facts(
        "LDTT",
        2024,
        appraisals={2024: GOOD},
        disciplines=review,
        status=NominationStatus.APPROVED,
        today=dt.date(2026, 1, 5),
    )
    assert verdict(given).status == OK
    pending = dataclasses.replace(given, status=NominationStatus.SUBMITTED)
    assert verdict(pending).status == BLOCKING
