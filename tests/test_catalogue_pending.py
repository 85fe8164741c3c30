"""A changed catalogue file is not applied as "system" on a database with accounts: it waits,
shown by ``thidua info``, until an administrator applies it (issue #14, finding 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.model import AuditEntry, Award, UserRole
from app.opening import open_database
from app.services.accounts import AccountInput, create_account, login
from app.services.catalogue import pending_catalogue

ORIGINAL = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
EDITED = "Bằng khen của Chủ tịch UBND tỉnh (sửa)"


@pytest.fixture
def edited_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ whose catalogue renames one award (someone edited the folder)."""
    source = Path(__file__).resolve().parent.parent / "resources"
    copy = tmp_path / "resources"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("fonts", "guide", "translations"))
    awards = copy / "catalogue" / "awards.toml"
    awards.write_text(awards.read_text(encoding="utf-8").replace(f'name = "{ORIGINAL}"', f'name = "{EDITED}"'),
                      encoding="utf-8")  # fmt: skip
    return copy


def _name(db) -> str:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return str(session.scalar(select(Award.name).where(Award.code == "BK_TINH_CN")))


def _accounts(db) -> None:  # type: ignore[no-untyped-def]
    create_account(db, AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    login(db, "quantri", "matkhau-quantri")
    create_account(db, AccountInput("pheduyet", UserRole.APPROVER), "matkhau-pheduyet")


def test_changes_wait_for_an_administrator_on_a_database_with_accounts(
    db, db_url: str, edited_resources: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    _accounts(db)
    with db.read() as session:
        loaded = session.scalar(select(func.max(AuditEntry.id)))  # the first load, before accounts
    monkeypatch.setenv("THIDUA_RESOURCES", str(edited_resources))
    monkeypatch.delenv("THIDUA_USER", raising=False)

    reopened = open_database(db_url)
    try:
        assert _name(reopened) == ORIGINAL  # not applied by opening
        assert f"sửa «{EDITED}» (BK_TINH_CN)" in (pending_catalogue(reopened) or [])
    finally:
        reopened.dispose()
    assert main(["info", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "CHƯA ÁP DỤNG" in out and EDITED in out

    assert main(["catalogue", "apply", "--db", db_url]) != 0  # nobody logged in
    monkeypatch.setenv("THIDUA_USER", "pheduyet")
    monkeypatch.setenv("THIDUA_PASSWORD", "matkhau-pheduyet")
    assert main(["catalogue", "apply", "--db", db_url]) != 0
    assert "không được phép thay đổi danh mục" in capsys.readouterr().err
    monkeypatch.setenv("THIDUA_USER", "quantri")
    monkeypatch.setenv("THIDUA_PASSWORD", "matkhau-quantri")
    assert main(["catalogue", "apply", "--db", db_url]) == 0

    after = open_database(db_url)
    try:
        assert _name(after) == EDITED and pending_catalogue(after) is None
        with after.read() as session:
            actors = set(
                session.scalars(
                    select(AuditEntry.actor).where(AuditEntry.entity == "award", AuditEntry.id > loaded)
                )
            )
        assert actors == {"quantri"}  # never "system"
    finally:
        after.dispose()
    capsys.readouterr()
    assert main(["info", "--db", db_url]) == 0
    assert "CHƯA ÁP DỤNG" not in capsys.readouterr().out


def test_a_database_without_accounts_takes_the_file_as_before(
    db, db_url: str, edited_resources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_RESOURCES", str(edited_resources))
    reopened = open_database(db_url)
    try:
        assert _name(reopened) == EDITED and pending_catalogue(reopened) is None
    finally:
        reopened.dispose()
