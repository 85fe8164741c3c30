"""Rule values corrected against the sources (issue 13; ../shared/legal-verified.md): pure facts,
the real rules file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from test_rules_checks import CATALOGUE, RULES, facts, held, messages, verdict

from app.errors import DomainError
from app.model import AppraisalRating, UnitLevel
from app.rules.checks import BLOCKING, OK
from app.rules.facts import CollectiveFacts
from app.rules.spec import RuleBook, load, parse
from app.rules.verdict import evaluate


def _chain_findings(v) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(str(f) for f in v.findings if f.rule_id.startswith("cstd_tq.chuoi"))


def test_national_fighter_chain_ends_the_year_before_the_nomination() -> None:
    # Decree 152/2025 Art. 35.1.a: the dossier is due by 31/12 of the year after the year of the
    # CSTĐ tỉnh decision, so a 2026 nomination rests on CSTĐ tỉnh 2024 and 2025.
    ok = facts("CSTD_TQ", 2026, history=held("CSTD_TINH", 2024, 2025), submitting_level=UnitLevel.PROVINCE)
    assert _chain_findings(verdict(ok)) == ""
    late = facts("CSTD_TQ", 2026, history=held("CSTD_TINH", 2025, 2026), submitting_level=UnitLevel.PROVINCE)
    text = _chain_findings(verdict(late))
    assert "Thiếu danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh năm 2024" in text
    assert "Điều 35 khoản 1 điểm a" in text


def test_the_old_era_chain_also_ends_the_year_before() -> None:
    # Decree 91/2017 Art. 48.1.a: proposed in the year adjacent to the second CSTĐ tỉnh decision.
    ok = facts("CSTD_TQ", 2020, history=held("CSTD_TINH", 2018, 2019), submitting_level=UnitLevel.PROVINCE)
    assert _chain_findings(verdict(ok)) == ""
    assert "Điều 48 khoản 1 điểm a" in _chain_findings(
        verdict(
            facts("CSTD_TQ", 2020, history=held("CSTD_TINH", 2019, 2020), submitting_level=UnitLevel.PROVINCE)
        )
    )


def test_an_unknown_chain_end_is_refused() -> None:
    raw = b"""schema = 1
[[rule]]
id = "x"
kind = "consecutive"
awards = ["CSTD_TQ"]
award = "CSTD_TINH"
years = 2
through = "next_year"
legal_basis = "Luat"
valid_from = 2024-01-01
"""
    with pytest.raises(DomainError, match="«through» phải là một trong: same_year, previous_year"):
        parse(raw, set(CATALOGUE))


def _collective(award: str, year: int, c: CollectiveFacts):  # type: ignore[no-untyped-def]
    level = UnitLevel.DIVISION if award == "TTLDTT" else UnitLevel.DEPARTMENT
    return facts(award, year, nominee_name="Phòng Kế hoạch", nominee_is_person=False, submitting_level=level,
                 collective=c, appraisals={year: AppraisalRating.EXCELLENT})  # fmt: skip


def test_excellent_collective_from_2024_ignores_discipline_the_old_law_counted() -> None:
    # Law 06/2022 Art. 27 a–đ: no discipline clause. One member reprimanded; the rest holds.
    assert verdict(_collective("TTLDXS", 2025, CollectiveFacts(10, 8, 1, 1, 10, 5))).status == OK
    rule = next(r for r in RULES.rules if r.id == "ttldxs.ty_le.2024")
    assert "no_discipline_warning_plus" not in rule.params


def test_advanced_collective_old_law_wants_more_than_half_and_blocks() -> None:
    # Law 2003 Art. 28: "trên 50%" — exactly half fails, and it blocks in that era.
    v = verdict(_collective("TTLDTT", 2023, CollectiveFacts(10, 5, 0, 0, 10, 5)))
    assert v.status == BLOCKING
    assert "5/10 = 50%, chưa trên 50%" in messages(v)
    assert verdict(_collective("TTLDTT", 2023, CollectiveFacts(10, 6, 0, 0, 10, 5))).status == OK


def test_advanced_collective_from_2024_is_a_warning_with_an_unverified_basis() -> None:
    rule = next(r for r in RULES.rules if r.id == "ttldtt.ty_le.2024")
    assert rule.severity == "warning" and rule.params["min_ldtt_share"] == 0.5
    assert "chưa đối chiếu" in rule.legal_basis


# --- council votes from 01/07/2025: national thresholds and the province's own (item 1) -------------

PROVINCE_70 = """schema = 1
[[override]]
rule = "cstdcs.bo_phieu.2025"
threshold = 0.70
legal_basis = "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 9"
"""


def _cstdcs_vote(votes: int, size: int, **kw):  # type: ignore[no-untyped-def]
    return facts("CSTDCS", 2025, history=held("LDTT", 2025), appraisals={2025: AppraisalRating.EXCELLENT},
                 votes_for=votes, council_size=size, **kw)  # fmt: skip


def _vote_findings(rules, f) -> list:  # type: ignore[no-untyped-def]
    return [x for x in evaluate(rules, f) if x.rule_id.startswith("cstdcs.bo_phieu")]


def test_a_2025_h2_grassroots_vote_of_7_of_10_follows_the_provinces_rule(tmp_path: Path) -> None:
    # Default (the province has not said): 80 %, marked as the software's default, not a decree.
    found = _vote_findings(RULES, _cstdcs_vote(7, 10))
    assert [x.severity for x in found] == [BLOCKING]
    assert "7/10 = 70% tổng số thành viên Hội đồng, dưới 80%" in found[0].message
    assert "mặc định" in found[0].legal_basis and "Điều 6 khoản 2" in found[0].legal_basis
    # The province sets 70 %: the same vote passes, and the verdict cites the province's act.
    province = tmp_path / "province.toml"
    province.write_text(PROVINCE_70, encoding="utf-8")
    rules = load(award_codes=set(CATALOGUE), province=province)
    assert _vote_findings(rules, _cstdcs_vote(7, 10)) == []
    low = _vote_findings(rules, _cstdcs_vote(6, 10))
    assert (
        "dưới 70%" in low[0].message
        and low[0].legal_basis == "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 9"
    )
    rule = next(r for r in rules.rules if r.id == "cstdcs.bo_phieu.2025")
    assert rule.provincial and rule.overridden


def test_the_admin_edits_the_province_file_and_the_rule_book_follows(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    province = tmp_path / "province.toml"
    monkeypatch.setenv("THIDUA_PROVINCE_RULES", str(province))
    book = RuleBook(award_codes=set(CATALOGUE))
    assert _vote_findings(book.rules, _cstdcs_vote(7, 10))  # no file yet: the default 80 %
    province.write_text(PROVINCE_70, encoding="utf-8")
    assert _vote_findings(book.rules, _cstdcs_vote(7, 10)) == []
    province.write_text(PROVINCE_70.replace("0.70", "1.5"), encoding="utf-8")
    os.utime(province, ns=(5, 5))
    assert _vote_findings(book.rules, _cstdcs_vote(7, 10)) == []  # a faulty file keeps the last good set
    assert book.error is not None and "«threshold» phải là tỷ lệ" in book.error.message


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (
            'rule = "tq_anh_hung.bo_phieu.2025"\nthreshold = 0.5\nlegal_basis = "QĐ tỉnh"',
            "theo văn bản trung ương",
        ),
        ('rule = "cstdcs.bo_phieu.2025"\nthreshold = 0.7', "thiếu «legal_basis»"),
        (
            'rule = "cstdcs.bo_phieu.2025"\nquorum = 0.7\nlegal_basis = "QĐ tỉnh"',
            "không ghi đè được «quorum»",
        ),
        ('rule = "khong.co"\nthreshold = 0.7\nlegal_basis = "QĐ tỉnh"', "không có quy tắc mã này"),
    ],
)
def test_a_province_cannot_override_a_national_rule_or_without_its_act(
    tmp_path: Path, override: str, message: str
) -> None:
    province = tmp_path / "province.toml"
    province.write_text(f"schema = 1\n[[override]]\n{override}\n", encoding="utf-8")
    with pytest.raises(DomainError, match=message):
        load(award_codes=set(CATALOGUE), province=province)


@pytest.mark.parametrize(("award", "threshold"), [("CSTD_TQ", "90%"), ("AH_LD_CN", "90%"), ("CO_CP", "80%")])
def test_national_thresholds_cite_decree_152_article_33(award: str, threshold: str) -> None:
    votes = [r for r in RULES.for_award(award, 2026) if r.kind == "council_vote"]
    assert len(votes) == 1 and not votes[0].provincial
    assert votes[0].legal_basis == "Nghị định 152/2025/NĐ-CP, Điều 33 khoản 5"
    assert f"{int(votes[0].params['threshold'] * 100)}%" == threshold


def test_provincial_thresholds_are_the_three_the_decree_leaves_to_the_province() -> None:
    provincial = {a for r in RULES.rules if r.provincial for a in r.awards}
    assert provincial == {"CSTDCS", "CSTD_TINH", "CO_TINH"}


# --- Decree 152's own period (item 2) -----------------------------------------------------------------


def test_a_nomination_past_the_last_era_gets_a_clear_verdict_not_a_silent_one() -> None:
    # Decree 152/2025 expires on 01/03/2027 (Art. 60.1): a 2027 nomination has no rules in the file.
    v = verdict(facts("LDTT", 2027, appraisals={2027: AppraisalRating.GOOD}))
    assert v.status == BLOCKING and len(v.findings) == 1
    assert v.findings[0].message.startswith(
        "Không có quy định nào có hiệu lực cho ngày này (31/12/2027) — hãy cập nhật tệp quy tắc."
    )
    assert "28/02/2027" in v.findings[0].message and "Điều 60 khoản 1" in v.findings[0].legal_basis
    assert verdict(facts("LDTT", 2026, appraisals={2026: AppraisalRating.GOOD})).status == OK


def test_a_dossier_submitted_before_july_2025_is_decided_under_decree_98(tmp_path: Path) -> None:
    # Decree 152/2025 Art. 60.3. With the province at 70 %, a 7/10 vote passes under Decree 152 but
    # the same 2025 dossier submitted on 20/06/2025 meets Decree 98/2023's 80 %.
    province = tmp_path / "province.toml"
    province.write_text(PROVINCE_70, encoding="utf-8")
    rules = load(award_codes=set(CATALOGUE), province=province)
    assert _vote_findings(rules, _cstdcs_vote(7, 10, submitted_on=dt.date(2025, 7, 2))) == []
    early = _vote_findings(rules, _cstdcs_vote(7, 10, submitted_on=dt.date(2025, 6, 20)))
    assert [x.rule_id for x in early] == ["cstdcs.bo_phieu.2024"]
    judgement = rules.judgement(2025, dt.date(2025, 6, 20))
    assert judgement.day == dt.date(2025, 6, 30) and judgement.era is not None and judgement.era.id == "ND98"
    assert "Điều 60 khoản 3" in judgement.note


def test_the_era_of_a_year_before_2025_is_not_moved_by_its_submission_date() -> None:
    assert RULES.judgement(2024, dt.date(2024, 11, 1)).era.id == "ND98"  # type: ignore[union-attr]
    assert RULES.judgement(2023, dt.date(2023, 12, 1)).era.id == "L15"  # type: ignore[union-attr]


def test_a_faulty_province_file_at_start_leaves_the_defaults_in_force_and_says_why(tmp_path: Path) -> None:
    province = tmp_path / "province.toml"
    province.write_text(
        'schema = 1\n[[override]]\nrule = "cstdcs.bo_phieu.2025"\nthreshold = 0.7\n', encoding="utf-8"
    )
    book = RuleBook(award_codes=set(CATALOGUE), province=province)
    assert book.error is not None and "thiếu «legal_basis»" in book.error.message
    assert "dưới 80%" in _vote_findings(book.rules, _cstdcs_vote(7, 10))[0].message
