"""The `thidua` command: help, info, search, errors in Vietnamese with a non-zero exit."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from app import migrations
from app.cli import EXIT_USER_ERROR, main
from app.model import Gender
from app.services.persons import PersonInput, create_person
from app.services.units import UnitInput, create_unit


def test_help_lists_the_sub_commands() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("demo", "info", "persons", "migrate", "gui"):
        assert command in out


def test_info_prints_counts(db, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    create_person(db, PersonInput(unit_id=unit.id, gender=Gender.FEMALE, full_name="Lê Thị Hồng"))
    db.dispose()
    assert main(["info", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị: 1" in out
    assert "Cá nhân: 1" in out
    assert f"Phiên bản lược đồ: {migrations.head()}" in out


def test_persons_search_ignores_tones(db, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    create_person(
        db,
        PersonInput(
            unit_id=unit.id, gender=Gender.MALE, full_name="Trần Minh Đức", birth_date=dt.date(1985, 4, 1)
        ),
    )
    db.dispose()
    assert main(["--db", db_url, "persons", "duc"]) == 0
    assert "Trần Minh Đức" in capsys.readouterr().out


def test_unknown_unit_is_a_clear_error(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["persons", "an", "--unit", "KHONGCO", "--db", db_url]) == EXIT_USER_ERROR
    assert "Không có đơn vị mã «KHONGCO»" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bang-luong.xlsx"
    content = b"PK\x03\x04 this is not sqlite" * 100
    bogus.write_bytes(content)
    assert main(["info", "--db", str(bogus)]) == EXIT_USER_ERROR
    assert "không phải cơ sở dữ liệu" in capsys.readouterr().err
    assert bogus.read_bytes() == content


def test_demo_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite3"
    target.write_bytes(b"")
    assert main(["demo", "--db", str(target)]) == EXIT_USER_ERROR
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == b""
