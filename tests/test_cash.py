"""Cash rewards (issue 13, items 3 and 7): the base salary series, rounding up, and what a nominee
is paid when several awards meet. Pure: no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import DomainError
from app.services import cash
from app.services.cash import Line, award_cash, base_salary_on, payable

D = dt.date


@pytest.mark.parametrize(
    ("day", "amount", "decree"),
    [
        (D(2017, 7, 1), 1_300_000, "47/2017"),
        (D(2019, 7, 1), 1_490_000, "38/2019"),
        (D(2022, 12, 31), 1_490_000, "38/2019"),  # the 1,600,000 planned for 2020 never applied
        (D(2023, 7, 1), 1_800_000, "24/2023"),
        (D(2026, 6, 30), 2_340_000, "73/2024"),
        (D(2026, 7, 1), 2_530_000, "161/2026"),  # Decree 161/2026, missing before issue 13
    ],
)
def test_base_salary_on_a_day_names_its_decree(day: dt.date, amount: int, decree: str) -> None:
    got, name = base_salary_on(day)
    assert got == amount and decree in name


def test_no_base_salary_before_the_series_starts() -> None:
    with pytest.raises(DomainError, match="Không có mức lương cơ sở cho ngày 30/06/2017"):
        base_salary_on(D(2017, 6, 30))


def test_provincial_merit_certificate_of_august_2026_pays_3_800_000() -> None:
    # 1.5 × 2,530,000 = 3,795,000, rounded up to tens of thousands (Decree 152/2025 Art. 49.2, 54.1.b)
    assert award_cash("BK_TINH_CN", D(2026, 8, 15)) == 3_800_000
    q = cash.quote("BK_TINH_CN", D(2026, 8, 15))
    assert (
        q.base_salary == 2_530_000
        and "161/2026" in q.salary_decree
        and "Điều 54 khoản 1 điểm b" in q.cash_basis
    )


@pytest.mark.parametrize(
    ("award", "day", "amount"),
    [
        ("LDTT", D(2025, 3, 10), 710_000),  # 0.3 × 2,340,000 = 702,000 → up, never down
        ("CSTDCS", D(2026, 9, 1), 2_530_000),  # exact stays exact
        ("GK_XA_CN", D(2020, 1, 10), 230_000),  # Decree 91/2017 Art. 73.1.d: 0.15 × 1,490,000 = 223,500
        ("GK_XA_TT", D(2020, 1, 10), 450_000),  # 0.30 × 1,490,000 = 447,000
        ("BK_TINH_TT", D(2026, 8, 15), 7_590_000),  # 3.0 × 2,530,000 (Art. 54.2.a)
        ("GK_XA_HGD", D(2026, 8, 15), 1_140_000),  # household entry: 0.45 × 2,530,000 = 1,138,500
        ("GDVH", D(2026, 8, 15), 0),  # Decree 152/2025 Art. 50 sets no cash for Gia đình văn hóa
    ],
)
def test_award_cash_is_the_multiplier_times_the_base_salary_rounded_up(
    award: str, day: dt.date, amount: int
) -> None:
    assert award_cash(award, day) == amount


def test_a_household_gets_one_and_a_half_times_an_individual_form() -> None:
    # Decree 152/2025 Art. 54.3: 1.5 × 1.5 × 2,530,000 = 5,692,500 → 5,700,000
    assert award_cash("BK_TINH_CN", D(2026, 8, 15), household=True) == 5_700_000
    with pytest.raises(DomainError, match="chỉ áp dụng cho hình thức khen thưởng của cá nhân"):
        award_cash("CSTDCS", D(2026, 8, 15), household=True)
    with pytest.raises(DomainError, match="trước 01/07/2025"):
        award_cash("BK_TINH_CN", D(2025, 3, 1), household=True)


def test_decisions_before_decree_91_took_effect_are_refused_not_guessed() -> None:
    with pytest.raises(DomainError, match="trước 01/10/2017"):
        award_cash("LDTT", D(2017, 9, 30))


def test_only_the_highest_title_of_one_period_is_paid_and_a_form_is_paid_besides() -> None:
    day = D(2026, 8, 15)
    lines = [
        Line("LDTT", 2025, day, ref=1),
        Line("CSTDCS", 2025, day, ref=2),
        Line("BK_TINH_CN", 2025, day, ref=3),  # a form with the titles: both paid (Art. 49.7)
        Line("CSTD_TINH", "2023-2025", day, ref=4),  # another period: paid as well (Art. 49.5)
    ]
    paid = {line.ref: (amount, note) for line, amount, note in payable(lines)}
    assert paid[1][0] == 0 and "«Chiến sĩ thi đua cơ sở»" in paid[1][1] and "Điều 49 khoản 5" in paid[1][1]
    assert paid[2] == (2_530_000, "")
    assert paid[3] == (3_800_000, "")
    assert paid[4] == (7_590_000, "")
    assert [line.ref for line, _a, _n in payable(lines)] == [1, 2, 3, 4]  # the caller's order


def test_the_note_cites_the_decree_in_force_on_the_decision_day() -> None:
    """A 2024 decision was paid under Decree 98/2023 Art. 53, not under 152/2025, which came later."""
    for day, basis in (
        (D(2024, 12, 20), "Nghị định 98/2023/NĐ-CP, Điều 53 khoản 5"),
        (D(2025, 6, 30), "Nghị định 98/2023/NĐ-CP, Điều 53 khoản 5"),
        (D(2025, 7, 1), "Nghị định 152/2025/NĐ-CP, Điều 49 khoản 5"),
    ):
        paid = payable([Line("LDTT", 2024, day), Line("CSTDCS", 2024, day)])
        note = paid[0][2]
        assert basis in note, (day, note)
        assert ("152/2025" in note) == (day >= D(2025, 7, 1))
    assert cash.principle_on(D(2019, 3, 1)).principle == "Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2"


def test_a_salary_file_without_principles_is_refused() -> None:
    raw = (
        b'schema = 1\nrounding = 10000\n[[period]]\nvalid_from = 2024-07-01\namount = 2340000\ndecree = "X"\n'
    )
    with pytest.raises(DomainError, match="principles"):
        cash.parse(raw)


def test_two_forms_are_each_paid() -> None:
    day = D(2026, 8, 15)
    paid = payable([Line("GK_CN", 2025, day), Line("BK_TINH_CN", 2025, day)])
    assert [amount for _l, amount, _n in paid] == [760_000, 3_800_000]


def test_a_faulty_salary_file_is_refused_naming_the_fault(tmp_path: Path) -> None:
    good = cash.default_path().read_text(encoding="utf-8")
    cases = {
        good.replace("amount = 2530000", "amount = -5"): "«amount» phải là số đồng nguyên dương",
        good.replace('decree = "Nghị định 161/2026/NĐ-CP"', 'decree = ""'): "thiếu nghị định",
        good.replace("valid_from = 2026-07-01", "valid_from = 2016-07-01"): "thứ tự ngày tăng dần",
        good.replace("rounding = 10000", "rounding = 0"): "«rounding»",
    }
    for i, (text, message) in enumerate(cases.items()):
        path = tmp_path / f"s{i}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DomainError, match=message):
            cash.load(path)
