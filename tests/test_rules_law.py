"""Rule values corrected against the sources (issue 13; ../shared/legal-verified.md): pure facts,
the real rules file."""

from __future__ import annotations

import pytest
from test_rules_checks import CATALOGUE, RULES, facts, held, messages, verdict

from app.errors import DomainError
from app.model import AppraisalRating, UnitLevel
from app.rules.checks import BLOCKING, OK
from app.rules.facts import CollectiveFacts
from app.rules.spec import parse


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
        verdict(facts("CSTD_TQ", 2020, history=held("CSTD_TINH", 2019, 2020), submitting_level=UnitLevel.PROVINCE))
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
