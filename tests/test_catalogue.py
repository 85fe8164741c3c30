"""The award catalogue file: the real one loads; faults are named; sync is idempotent; eras by year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories as f
import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import catalogue
from app.errors import DomainError
from app.model import Award, AwardTarget, Meta
from app.services.catalogue import award_in_force, list_awards

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

INSTRUMENTS = """schema = 1

[[instrument]]
code = "OLD"
title = "Luật cũ"
valid_from = 2004-07-01
valid_to = 2023-12-31

[[instrument]]
code = "NEW"
title = "Luật mới"
valid_from = 2024-01-01
"""

AWARD = """
[[award]]
code = "{code}"
name = "{name}"
category = "title"
target = "{target}"
level = "grassroots"
kinds = ["merit"]
authority = "unit_head"
rank = 10
{extra}

[[award.version]]
instrument = "{old_instrument}"
legal_basis = "Luật cũ, Điều 24"
valid_from = 2004-07-01
valid_to = {old_to}
cash_multiplier = {old_cash}

[[award.version]]
instrument = "NEW"
legal_basis = "Luật mới, Điều 24"
valid_from = 2024-01-01
cash_multiplier = 0.5
"""


def award_toml(code: str = "THU_NGHIEM", **kw) -> str:  # type: ignore[no-untyped-def]
    values = dict(
        code=code,
        name="Danh hiệu thử nghiệm",
        target="individual",
        extra="",
        old_instrument="OLD",
        old_to="2023-12-31",
        old_cash="0.3",
    )
    values.update(kw)
    return AWARD.format(**values)


def write(tmp_path: Path, text: str, name: str = "awards.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _award(db, code: str) -> Award:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalar(select(Award).where(Award.code == code).options(selectinload(Award.versions)))


# --- the real file -------------------------------------------------------------------------------------


def test_the_real_catalogue_loads_with_a_version_for_every_award_and_unique_codes() -> None:
    spec = catalogue.load()
    codes = [a.code for a in spec.awards]
    assert len(codes) == len(set(codes)) > 0
    assert all(a.versions for a in spec.awards)
    instruments = {i.code for i in spec.instruments}
    assert all(v.instrument in instruments for a in spec.awards for v in a.versions)
    assert all(a.lower in codes for a in spec.awards if a.lower)
    assert {"LDTT", "CSTDCS", "TTLDTT", "GDVH", "GK_CN", "XA_TIEU_BIEU"} <= set(codes)


def test_the_opened_database_holds_every_award_of_the_file(db) -> None:
    spec = catalogue.load()
    with db.read() as session:
        stored = set(session.scalars(select(Award.code)))
        digest = session.get(Meta, catalogue.DIGEST_KEY).value
    assert stored == {a.code for a in spec.awards}
    assert digest == spec.digest
    assert _award(db, "CSTDCS").lower_id == _award(db, "LDTT").id


def test_sync_of_an_unchanged_file_is_a_no_op(db) -> None:
    before = f.dump(db)
    assert catalogue.sync(db) is False
    assert f.dump(db) == before


def test_real_award_judged_by_the_era_of_its_year(db) -> None:
    ldtt = _award(db, "LDTT")
    v2023, v2024, v2025 = (ldtt.version_for_year(y) for y in (2023, 2024, 2025))
    with db.read() as session:
        session.add(ldtt)
        codes = [v.instrument.code for v in (v2023, v2024, v2025)]
    assert codes == ["L15-2003", "L06-2022", "L06-2022"]
    assert [v.valid_from for v in (v2023, v2024, v2025)] == [
        dt.date(2004, 7, 1),
        dt.date(2024, 1, 1),
        dt.date(2025, 7, 1),
    ]
    assert ldtt.version_for_year(2003) is None


def test_award_introduced_in_2024_is_not_in_force_in_2023(db) -> None:
    with pytest.raises(DomainError, match="có hiệu lực năm 2023"):
        award_in_force(db, "XA_TIEU_BIEU", 2023)
    assert award_in_force(db, "XA_TIEU_BIEU", 2024).version.valid_from == dt.date(2024, 1, 1)
    collective_2023 = {a.code for a in list_awards(db, target=AwardTarget.COLLECTIVE, year=2023)}
    assert "TTLDTT" in collective_2023 and "XA_TIEU_BIEU" not in collective_2023


# --- sync of a small file --------------------------------------------------------------------------------


def test_sync_writes_a_new_file_once_then_does_nothing(db, tmp_path) -> None:
    path = write(tmp_path, INSTRUMENTS + award_toml())
    assert catalogue.sync(db, path) is True
    after_first = f.dump(db)
    assert catalogue.sync(db, path) is False
    assert f.dump(db) == after_first
    award = _award(db, "THU_NGHIEM")
    assert award.name == "Danh hiệu thử nghiệm" and len(award.versions) == 2
    # awards dropped from the file are kept: nominations may point at them
    assert _award(db, "LDTT") is not None


def test_version_for_year_picks_the_right_era(db, tmp_path) -> None:
    catalogue.sync(db, write(tmp_path, INSTRUMENTS + award_toml()))
    award = _award(db, "THU_NGHIEM")
    assert (award.version_for_year(2023).legal_basis, award.version_for_year(2023).cash_multiplier) == (
        "Luật cũ, Điều 24",
        0.3,
    )
    assert (award.version_for_year(2025).legal_basis, award.version_for_year(2025).cash_multiplier) == (
        "Luật mới, Điều 24",
        0.5,
    )
    assert award.version_for_year(2024).valid_from == dt.date(2024, 1, 1)
    assert award.version_for_year(2003) is None


def test_changed_file_updates_versions_in_place(db, tmp_path) -> None:
    catalogue.sync(db, write(tmp_path, INSTRUMENTS + award_toml()))
    # same eras (same award, valid_from keys), a corrected cash multiplier
    assert catalogue.sync(db, write(tmp_path, INSTRUMENTS + award_toml(old_cash="0.4"))) is True
    award = _award(db, "THU_NGHIEM")
    assert [v.cash_multiplier for v in award.versions] == [0.4, 0.5]


def test_changed_file_may_rename_an_award_and_link_its_lower_title(db, tmp_path) -> None:
    text = INSTRUMENTS + award_toml("THAP") + award_toml("CAO", name="Danh hiệu cao", extra='lower = "THAP"')
    catalogue.sync(db, write(tmp_path, text))
    assert _award(db, "CAO").lower_id == _award(db, "THAP").id
    catalogue.sync(db, write(tmp_path, text.replace("Danh hiệu cao", "Danh hiệu cao hơn")))
    assert _award(db, "CAO").name_fold == "danh hieu cao hon"


# --- faults, each named --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("schema = 1\n[[award]\ncode = 'X'\n", "sai cú pháp"),
        (INSTRUMENTS + award_toml(target="family"), "«target» = 'family' không hợp lệ"),
        (
            INSTRUMENTS + award_toml().replace('kinds = ["merit"]', 'kinds = ["merit", "bravery"]'),
            "«kinds» = 'bravery' không hợp lệ",
        ),
        (INSTRUMENTS + award_toml(old_instrument="ND999"), "dẫn chiếu văn bản «ND999» không có"),
        (INSTRUMENTS + award_toml(old_to="2024-06-30"), "mục THU_NGHIEM có hai phiên bản chồng thời gian"),
        (
            INSTRUMENTS + award_toml().replace("valid_to = 2023-12-31\ncash", "cash"),
            "mục THU_NGHIEM có hai phiên bản chồng thời gian",
        ),
        (INSTRUMENTS.replace("schema = 1", "schema = 2") + award_toml(), "phiên bản định dạng không hỗ trợ"),
        (INSTRUMENTS + award_toml() + award_toml(), "mục «THU_NGHIEM» khai báo hai lần"),
        (INSTRUMENTS + award_toml(extra='lower = "KHONG_CO"'), "dẫn chiếu «KHONG_CO» không có"),
        (INSTRUMENTS + award_toml(name=""), "mục THU_NGHIEM thiếu trường «name»"),
        (INSTRUMENTS + award_toml(old_to='"31/12/2023"'), "«valid_to» phải là ngày"),
        (INSTRUMENTS + award_toml(old_cash="-1"), "hệ số tiền thưởng không hợp lệ"),
        (INSTRUMENTS, "Danh mục khen thưởng trống"),
        (INSTRUMENTS + award_toml().split("[[award.version]]")[0], "không có phiên bản nào"),
    ],
    ids=[
        "broken-toml",
        "unknown-target",
        "unknown-kind",
        "unknown-instrument",
        "overlapping-versions",
        "open-ended-then-another",
        "schema",
        "duplicate-code",
        "unknown-lower",
        "missing-name",
        "text-date",
        "negative-cash",
        "empty",
        "no-version",
    ],
)
def test_faulty_catalogue_is_refused_naming_the_fault(db, tmp_path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DomainError) as caught:
        catalogue.load(path)
    assert words in caught.value.message
    # and a sync with it writes nothing
    before = f.dump(db)
    with pytest.raises(DomainError):
        catalogue.sync(db, path)
    assert f.dump(db) == before


def test_broken_toml_message_names_the_file(tmp_path) -> None:
    with pytest.raises(DomainError, match="hong.toml sai cú pháp"):
        catalogue.load(write(tmp_path, "schema = = 1", name="hong.toml"))


def test_missing_file_is_refused_in_vietnamese(tmp_path) -> None:
    with pytest.raises(DomainError, match="Không đọc được danh mục khen thưởng"):
        catalogue.load(tmp_path / "khong-co.toml")


def test_file_not_in_utf8_is_refused(tmp_path) -> None:
    path = tmp_path / "awards.toml"
    path.write_bytes((INSTRUMENTS + award_toml()).encode("utf-16"))
    with pytest.raises(DomainError, match="sai cú pháp"):
        catalogue.load(path)


# --- issue 13: values corrected against the sources (legal-verified.md §2, §8) ---------------------


def _version(code: str, day: str):  # type: ignore[no-untyped-def]
    spec = next(a for a in catalogue.load().awards if a.code == code)
    when = dt.date.fromisoformat(day)
    return next(
        v for v in spec.versions if v.valid_from <= when and (v.valid_to is None or when <= v.valid_to)
    )


@pytest.mark.parametrize(
    ("code", "day", "multiplier", "basis", "verified"),
    [
        # Decree 91/2017 Art. 73.1.d, 73.2.b: the commune chair's Giấy khen was 0.15 / 0.30, not 0.3 / 0.6.
        ("GK_XA_CN", "2020-05-01", 0.15, "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 điểm d", True),
        ("GK_XA_TT", "2020-05-01", 0.30, "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 2 điểm b", True),
        # Decree 152/2025 Art. 54: provincial Bằng khen 1.5 / 3.0; the PM's 3.5 / 7.0; households 1.5× (54.3).
        ("BK_TINH_CN", "2026-08-01", 1.5, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b", True),
        ("BK_TINH_TT", "2026-08-01", 3.0, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 2 điểm a", True),
        ("BK_TTG_TT", "2026-08-01", 7.0, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 2 điểm a", True),
        ("GK_XA_HGD", "2026-08-01", 0.45, "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 3", False),
        # Articles of Decree 152/2025: 50 titles, 51 orders, 52 honours, 53 prizes, 55 medals.
        ("CSTDCS", "2026-08-01", 1.0, "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 1 điểm c", True),
        ("CO_TINH", "2026-08-01", 8.0, "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 2 điểm e", True),
        ("HC_LAO_DONG_3_TT", "2026-08-01", 9.0, "Nghị định 152/2025/NĐ-CP, Điều 51 khoản 2", True),
        ("AH_LD_TT", "2026-08-01", 31.0, "Nghị định 152/2025/NĐ-CP, Điều 52 khoản 2", True),
        ("GT_NN", "2026-08-01", 170.0, "Nghị định 152/2025/NĐ-CP, Điều 53 khoản 2", True),
        ("HCH_CSVV_1", "2026-08-01", 1.5, "Nghị định 152/2025/NĐ-CP, Điều 55", True),
    ],
)
def test_cash_multipliers_cite_the_article_that_sets_them(code, day, multiplier, basis, verified) -> None:  # type: ignore[no-untyped-def]
    version = _version(code, day)
    assert version.cash_multiplier == pytest.approx(multiplier)
    assert version.cash_basis.startswith(basis)
    assert version.verified is verified


def test_no_decree_152_basis_is_left_as_a_guess() -> None:
    guesses = [
        (a.code, v.cash_basis)
        for a in catalogue.load().awards
        for v in a.versions
        if "152/2025" in v.cash_basis and ("có lẽ" in v.cash_basis or "chưa xác minh" in v.cash_basis)
    ]
    assert guesses == []


def test_each_award_says_which_document_it_hands_over() -> None:
    specs = {a.code: a for a in catalogue.load().awards}
    assert all(a.document is not None and a.document_basis for a in specs.values())
    # Decree 152/2025 Art. 50: LĐTT and TTLĐTT carry cash only; the titles above them a "Bằng chứng nhận".
    assert {c for c, a in specs.items() if a.prints_nothing} == {"LDTT", "CSTT", "TTLDTT", "DVTT"}
    assert specs["CSTDCS"].document == specs["TTLDXS"].document == "bang_chung_nhan"
    assert specs["GK_CN"].document == "giay_khen" and specs["BK_TINH_CN"].document == "bang_khen"


def test_an_unknown_document_kind_is_refused(tmp_path: Path) -> None:
    text = catalogue.default_path().read_text(encoding="utf-8")
    path = tmp_path / "awards.toml"
    path.write_text(text.replace('document = "none"', 'document = "bang_vang"', 1), encoding="utf-8")
    with pytest.raises(DomainError, match="«document» = 'bang_vang' không hợp lệ"):
        catalogue.load(path)
