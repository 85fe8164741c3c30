"""The rules file: what it holds, what it refuses, and the last good set staying in force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.catalogue import load as load_catalogue
from app.errors import DomainError
from app.rules.spec import KINDS, RuleBook, default_path, load, parse

CODES = {a.code for a in load_catalogue().awards}

GOOD = b"""schema = 1
[[rule]]
id = "ldtt.danh_gia"
kind = "appraisal"
awards = ["LDTT"]
min_rating = "good"
legal_basis = "Luat 06/2022/QH15, Dieu 24"
valid_from = 2024-01-01
"""


def test_every_rule_names_its_legal_basis_and_known_awards() -> None:
    rules = load(award_codes=CODES)
    assert len(rules.rules) >= 25
    assert all(r.legal_basis for r in rules.rules)
    kinds = {r.kind for r in rules.rules}
    assert kinds == set(KINDS)  # every kind of rule the engine knows is used by the file


def test_rule_set_is_chosen_by_year() -> None:
    rules = load(award_codes=CODES)
    ids_2023 = {r.id for r in rules.for_award("CSTDCS", 2023)}
    ids_2025 = {r.id for r in rules.for_award("CSTDCS", 2025)}
    assert "cstdcs.ty_le_15" in ids_2023 and "cstdcs.ty_le_15" not in ids_2025
    assert "cstdcs.mot_trong.2024" in ids_2025 and "cstdcs.mot_trong.2024" not in ids_2023
    # Decree 98/2023 governs 2024 (until 30/06/2025), Decree 152/2025 governs year-end 2025.
    assert "chung.loai_tru.2024" in {r.id for r in rules.for_award("LDTT", 2024)}
    assert "chung.loai_tru.2025" in {r.id for r in rules.for_award("LDTT", 2025)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (b'kind = "appraisal"', "loại quy tắc «magic»"),
        (b'legal_basis = "Luat 06/2022/QH15, Dieu 24"', "thiếu căn cứ pháp lý"),
        (b'awards = ["LDTT"]', "không có trong danh mục: KHONGCO"),
        (b'min_rating = "good"', "cần tham số «min_rating»"),
        (b"valid_from = 2024-01-01", "«valid_from» phải là ngày"),
    ],
)
def test_bad_rules_are_refused_with_a_clear_message(change: bytes, message: str) -> None:
    replacement = {
        b'kind = "appraisal"': b'kind = "magic"',
        b'legal_basis = "Luat 06/2022/QH15, Dieu 24"': b'legal_basis = ""',
        b'awards = ["LDTT"]': b'awards = ["KHONGCO"]',
        b'min_rating = "good"': b"",
        b"valid_from = 2024-01-01": b'valid_from = "01/01/2024"',
    }[change]
    with pytest.raises(DomainError, match=message):
        parse(GOOD.replace(change, replacement), CODES)


def test_broken_file_keeps_the_last_good_set_in_force(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_bytes(default_path().read_bytes())
    book = RuleBook(path, CODES)
    before = book.rules
    path.write_bytes(b"schema = 1\n[[rule]]\nid = 'x'\nkind = 'unknown'\n")
    os.utime(path, ns=(1, 1))  # a different mtime, so the book reloads
    assert book.rules is before
    assert book.error is not None and "loại quy tắc «unknown»" in book.error.message
    path.write_bytes(GOOD)
    os.utime(path, ns=(2, 2))
    assert [r.id for r in book.rules.rules] == ["ldtt.danh_gia"]
    assert book.error is None


def test_a_file_that_is_not_toml_is_refused() -> None:
    with pytest.raises(DomainError, match="sai cú pháp"):
        parse(b"\x00\x01 not toml [[[", CODES)
