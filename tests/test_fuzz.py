"""Fuzzing (hypothesis): the rules loader and the importer never crash on garbage.

Whatever bytes they are given, they either work or raise a DomainError with a message; the
database is left as it was.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import DomainError
from app.excel.importer import run_import
from app.rules.spec import default_path, parse
from app.services.stats import overview

RULES = default_path().read_bytes()
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=400))
def test_rules_loader_on_random_bytes_raises_only_domain_errors(data: bytes) -> None:
    try:
        parse(data)
    except DomainError as exc:
        assert exc.message


@FUZZ
@given(st.integers(min_value=0, max_value=len(RULES) - 1), st.binary(min_size=1, max_size=8))
def test_rules_loader_on_a_damaged_rules_file(at: int, noise: bytes) -> None:
    damaged = RULES[:at] + noise + RULES[at + len(noise) :]
    try:
        parse(damaged)
    except DomainError as exc:
        assert exc.message


@FUZZ
@given(
    st.binary(max_size=2000),
    st.sampled_from(["units", "persons", "nominations"]),
    st.sampled_from([".csv", ".xlsx"]),
)
def test_importer_on_random_files_never_crashes_and_writes_nothing(
    db,
    tmp_path_factory,
    data: bytes,
    kind: str,
    suffix: str,  # type: ignore[no-untyped-def]
) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"tep{suffix}"
    path.write_bytes(data)
    before = overview(db).counts
    try:
        run_import(db, kind, path, dry_run=False, on_duplicate="skip")
    except DomainError as exc:
        assert exc.message
        assert overview(db).counts == before  # refused: nothing written


@FUZZ
@given(st.lists(st.lists(st.text(max_size=30), max_size=8), max_size=20))
def test_importer_on_random_csv_rows(db, tmp_path_factory, rows: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    path = Path(tmp_path_factory.mktemp("fuzz")) / "ca-nhan.csv"
    header = "Họ và tên,Giới tính,Ngày sinh,Số CCCD,Chức vụ,Mã đơn vị\n"
    body = "\n".join(",".join(c.replace(",", " ").replace("\n", " ") for c in r) for r in rows)
    path.write_text(header + body, encoding="utf-8")
    try:
        run_import(db, "persons", path, dry_run=True)
    except DomainError as exc:
        assert exc.message


@FUZZ
@given(st.binary(max_size=600))
def test_importer_on_a_zip_with_a_garbage_sheet(db, tmp_path_factory, sheet: bytes) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='a' r:id='rId1'/></sheets></workbook>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    path = Path(tmp_path_factory.mktemp("fuzz")) / "tep.xlsx"
    path.write_bytes(buf.getvalue())
    try:
        run_import(db, "persons", path, dry_run=True)
    except DomainError as exc:
        assert exc.message
