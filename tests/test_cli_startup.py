"""The command line's shape: ``--help``/``--version`` start light, and every command opens the
database through the one opener (``app.cli.login.opened``), log-in included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.model import UserRole
from app.opening import open_database
from app.services import accounts as A

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (
    "sqlalchemy",
    "reportlab",
    "alembic",
    "numpy",
    "app.model",
    "app.services",
    "app.storage.db",
    "app.opening",
    "PySide6",
)
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_no_database_documents_or_gui_code(flag: str) -> None:
    code = (
        "import contextlib, io, sys\nfrom app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main([{flag!r}])\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_a_sub_command_s_arguments_are_there_when_it_is_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--help"])
    assert stopped.value.code == 0
    assert "quyet-dinh" in capsys.readouterr().out  # the kinds, from app.documents.requests


@pytest.fixture
def with_accounts(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A database with an administrator; no log-in in the environment."""
    db = open_database(db_path)
    try:
        A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN, "Quản trị"), "matkhau-quantri")
    finally:
        db.dispose()
    for name in ("THIDUA_USER", "THIDUA_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return ["--db", str(db_path)]


@pytest.mark.parametrize(
    "argv",
    [["audit", "list"], ["export", "units", "--out", "{tmp}/donvi.xlsx"], ["verify", "SV-000001-AAAAAAAA"],
     ["report", "quyet-dinh", "--decision", "1/QĐ-UBND", "--out", "{tmp}/qd.pdf"]],
)  # fmt: skip
def test_reading_commands_open_without_a_log_in_and_log_in_when_a_name_is_given(
    argv: list[str], with_accounts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    main([*argv, *with_accounts])
    assert LOGIN_FAILED not in capsys.readouterr().err  # opened as before: no log-in asked
    monkeypatch.setenv("THIDUA_PASSWORD", "sai")
    assert main([*argv, *with_accounts, "--user", "quantri"]) == 2
    assert LOGIN_FAILED in capsys.readouterr().err


def test_a_writing_command_needs_the_log_in(with_accounts: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    assert main(["certificates", "--ids", "1", "--out", str(tmp_path / "g.pdf"), *with_accounts]) == 2
    assert "--user" in capsys.readouterr().err
    assert not (tmp_path / "g.pdf").exists()
