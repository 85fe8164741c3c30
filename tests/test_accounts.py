"""Accounts: Argon2id hashes, one refusal message, deactivation, the audit log without secrets,
the migration with data, and ``thidua user`` with the log-in it brings to the other commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import factories as f
import pytest
import sqlalchemy.exc
from argon2 import PasswordHasher
from sqlalchemy import select

from app import migrations
from app.auth import ANONYMOUS, SYSTEM, PermissionDeniedError
from app.cli import main
from app.errors import DomainError
from app.model import AuditEntry, Gender, UserAccount, UserRole
from app.opening import open_database
from app.services import accounts as A
from app.services.persons import PersonInput, create_person
from app.storage.db import create_db_engine

db = f.db
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."


def _admin(db, name: str = "quantri", password: str = "matkhau-quantri"):  # type: ignore[no-untyped-def]
    return A.create_account(db, A.AccountInput(name, UserRole.ADMIN, "Quản trị"), password)


def _stored(db, name: str) -> UserAccount:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(UserAccount).where(UserAccount.username_key == A.username_key(name)))


def test_the_password_is_stored_as_an_argon2id_hash_never_in_clear(db) -> None:
    _admin(db)
    stored = _stored(db, "quantri").password_hash
    assert stored.startswith("$argon2id$") and "matkhau-quantri" not in stored
    assert PasswordHasher().verify(stored, "matkhau-quantri")


def test_wrong_password_unknown_user_and_inactive_account_get_the_same_refusal(db) -> None:
    _admin(db)
    A.create_account(db, A.AccountInput("lan", UserRole.APPROVER), "matkhau-lan")
    with pytest.raises(A.LoginError) as wrong:
        A.login(db, "quantri", "matkhau-sai")
    with pytest.raises(A.LoginError) as unknown:
        A.login(db, "khongco", "matkhau-quantri")
    A.set_active(db, "lan", False)
    with pytest.raises(A.LoginError) as inactive:
        A.login(db, "lan", "matkhau-lan")
    assert wrong.value.message == unknown.value.message == inactive.value.message == LOGIN_FAILED
    assert db.actor is SYSTEM  # nobody was logged in by a failed attempt


def test_login_sets_the_actor_and_the_name_is_matched_without_case(db) -> None:
    _admin(db, "Quản.Trị")
    actor = A.login(db, "QUẢN.TRỊ", "matkhau-quantri")
    assert db.actor == actor and (actor.username, actor.role) == ("Quản.Trị", UserRole.ADMIN)
    assert _stored(db, "quản.trị").last_login_at is not None
    with pytest.raises(DomainError, match="Đã có tài khoản"):
        A.create_account(db, A.AccountInput("quản.trị", UserRole.APPROVER), "matkhau-khac")


def test_the_first_account_must_be_an_admin_and_later_ones_need_an_admin(db, db_url: str) -> None:
    with pytest.raises(DomainError, match="quản trị"):
        A.create_account(db, A.AccountInput("lan", UserRole.APPROVER), "matkhau-lan")
    _admin(db)
    reopened = open_database(db_url, sync_catalogue=False)
    try:
        assert reopened.actor == ANONYMOUS  # accounts exist: nobody until a login
        with pytest.raises(PermissionDeniedError):
            A.create_account(reopened, A.AccountInput("lan", UserRole.APPROVER), "matkhau-lan")
        A.login(reopened, "quantri", "matkhau-quantri")
        A.create_account(reopened, A.AccountInput("lan", UserRole.APPROVER), "matkhau-lan")
    finally:
        reopened.dispose()


def test_policy_clerk_unit_and_last_admin(db) -> None:
    with pytest.raises(DomainError, match="ít nhất 8"):
        _admin(db, password="ngan")
    _admin(db)
    with pytest.raises(DomainError, match="thuộc một đơn vị"):
        A.create_account(db, A.AccountInput("canbo", UserRole.CLERK), "matkhau-canbo")
    with pytest.raises(DomainError, match="quản trị cuối cùng"):
        A.set_active(db, "quantri", False)
    with pytest.raises(sqlalchemy.exc.IntegrityError), db.engine.begin() as conn:  # the schema refuses it too
        conn.exec_driver_sql("INSERT INTO user_account (username, username_key, full_name, role, password_hash,"
                             " active, version) VALUES ('x', 'x', '', 'clerk', 'h', TRUE, 1)")  # fmt: skip


def test_own_password_change_needs_the_old_one_and_rehash_follows_new_parameters(db, monkeypatch) -> None:
    _admin(db)
    A.login(db, "quantri", "matkhau-quantri")
    with pytest.raises(DomainError, match="hiện tại không đúng"):
        A.set_password(db, "quantri", "matkhau-moi-1", old_password="sai")
    A.set_password(db, "quantri", "matkhau-moi-1", old_password="matkhau-quantri")
    # the parameters change: the next login stores a hash made with them
    monkeypatch.setattr(A, "HASHER", PasswordHasher(time_cost=3, memory_cost=8 * 1024, parallelism=1))
    A.login(db, "quantri", "matkhau-moi-1")
    assert "$m=8192,t=3,p=1$" in _stored(db, "quantri").password_hash


def test_audit_entries_carry_the_username_and_never_the_password_hash(db) -> None:
    _admin(db)
    A.login(db, "quantri", "matkhau-quantri")
    unit = f.unit(db, "Sở Tài chính", code="STC")
    create_person(db, PersonInput(unit_id=unit.id, full_name="Lê Thị Lan", gender=Gender.FEMALE))
    A.set_password(db, "quantri", "matkhau-moi-2", old_password="matkhau-quantri")
    hashes = {_stored(db, "quantri").password_hash}
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    person = next(e for e in entries if e.entity == "person")
    assert person.actor == "quantri"
    account_changes = [json.loads(e.changes) for e in entries if e.entity == "user_account"]
    assert {"password_hash": [None, "***"]}.items() <= account_changes[0].items()
    assert {k: v for k, v in account_changes[-1].items() if k == "password_hash"} == {
        "password_hash": ["***", "***"]
    }
    assert not any("$argon2" in e.changes or any(h in e.changes for h in hashes) for e in entries)


def test_migration_0008_from_0007_keeps_the_data_and_adds_the_accounts_table(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'cu.sqlite3'}")
    try:
        migrations.upgrade(engine, "0007")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO unit (id, code, name, short_name, level, name_fold, sort_key, active) "
                "VALUES (1, 'STC', 'Sở Tài chính', '', 'department', 'so tai chinh', 'k', 1)"
            )
        migrations.upgrade(engine)
        with engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT name FROM unit").scalar() == "Sở Tài chính"
            conn.exec_driver_sql(
                "INSERT INTO user_account (username, username_key, full_name, role, unit_id, password_hash, active,"
                " version) VALUES ('canbo', 'canbo', '', 'clerk', 1, 'h', 1, 1)"
            )
            with pytest.raises(Exception, match="UNIQUE"):
                conn.exec_driver_sql(
                    "INSERT INTO user_account (username, username_key, full_name, role, password_hash, active,"
                    " version) VALUES ('CANBO', 'canbo', '', 'admin', 'h', 1, 1)"
                )
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert migrations.current(conn) == migrations.head()
        migrations.downgrade(engine, "0007")
        with engine.connect() as conn:
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'user_account'"
                ).scalar()
                == 0
            )
    finally:
        engine.dispose()


# --- the command line ----------------------------------------------------------------------------------


def _run(monkeypatch, capsys, args: list[str], stdin: str = "", env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    for name in ("THIDUA_USER", "THIDUA_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_first_admin_then_login_required(db_path: Path, monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = ["--db", str(db_path)]
    code, _, err = _run(monkeypatch, capsys, ["user", "add", "lan", "--role", "approver", "--password-stdin", *d],
                        "matkhau-lan\n")  # fmt: skip
    assert code == 2 and "quản trị" in err
    code, out, _ = _run(monkeypatch, capsys, ["user", "add", "quantri", "--role", "admin", "--password-stdin", *d],
                        "matkhau-quantri\n")  # fmt: skip
    assert code == 0 and "quantri" in out
    # later accounts need an administrator's log-in
    code, _, err = _run(monkeypatch, capsys, ["user", "add", "lan", "--role", "approver", "--password-stdin", *d],
                        "matkhau-lan\n")  # fmt: skip
    assert code == 2 and "--user" in err
    code, _, err = _run(monkeypatch, capsys, ["user", "add", "lan", "--role", "approver", "--password-stdin",
                                              "--user", "quantri", *d], "matkhau-lan\n", {"THIDUA_PASSWORD": "sai"})  # fmt: skip
    assert code == 2 and LOGIN_FAILED in err
    code, _, _ = _run(monkeypatch, capsys, ["user", "add", "lan", "--role", "approver", "--password-stdin", *d],
                      "matkhau-lan\n", {"THIDUA_USER": "quantri", "THIDUA_PASSWORD": "matkhau-quantri"})  # fmt: skip
    assert code == 0
    code, out, _ = _run(monkeypatch, capsys, ["user", "list", *d])
    assert code == 0 and "lan" in out and "quantri" in out
    # a writing command needs a log-in; reading ones do not
    sheet = tmp_path / "donvi.csv"
    sheet.write_text("Mã đơn vị,Tên đơn vị\nSNV,Sở Nội vụ\n", encoding="utf-8")
    code, _, err = _run(monkeypatch, capsys, ["import", "units", str(sheet), *d])
    assert code == 2 and "--user" in err
    assert _run(monkeypatch, capsys, ["info", *d])[0] == 0
    # the administrator may import units; a disabled account may not log in any more
    code, _, _ = _run(monkeypatch, capsys, ["import", "units", str(sheet), "--user", "quantri", *d],
                      env={"THIDUA_PASSWORD": "matkhau-quantri"})  # fmt: skip
    assert code == 0
    code, _, err = _run(monkeypatch, capsys, ["user", "disable", "quantri", *d],
                        env={"THIDUA_USER": "lan", "THIDUA_PASSWORD": "matkhau-lan"})  # fmt: skip
    assert code == 2 and "không được phép quản lý tài khoản" in err
    assert _run(monkeypatch, capsys, ["user", "disable", "lan", *d],
                env={"THIDUA_USER": "quantri", "THIDUA_PASSWORD": "matkhau-quantri"})[0] == 0  # fmt: skip
    code, _, err = _run(monkeypatch, capsys, ["import", "units", str(sheet), "--user", "lan", *d],
                        env={"THIDUA_PASSWORD": "matkhau-lan"})  # fmt: skip
    assert code == 2 and LOGIN_FAILED in err


def test_a_password_typed_with_combining_tones_is_the_same_password(db) -> None:
    import unicodedata

    composed = unicodedata.normalize("NFC", "Mật khẩu Đồng Tháp")
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN), composed)
    actor = A.login(db, "quantri", unicodedata.normalize("NFD", composed))
    assert actor.username == "quantri"


# --- throttling and the record of failed log-ins (issue #14, finding 4) ---------------------------------


def _clock(monkeypatch, start: float = 0.0):  # type: ignore[no-untyped-def]
    """The accounts service's clock, moved by hand: ``clock[0]`` seconds after a fixed instant."""
    import datetime as dt

    base = dt.datetime(2026, 12, 6, 8, 0, 0)
    clock = [start]
    monkeypatch.setattr(A, "_now", lambda: base + dt.timedelta(seconds=clock[0]))
    return clock


def test_repeated_failures_make_the_next_attempt_wait_and_a_success_resets(db, monkeypatch) -> None:
    _admin(db)
    clock = _clock(monkeypatch)
    for _ in range(A.THROTTLE_AFTER):
        with pytest.raises(A.LoginError) as refused:
            A.login(db, "quantri", "matkhau-sai")
        assert refused.value.message == LOGIN_FAILED
    # the right password now is refused unchecked, with the wait in the message
    with pytest.raises(A.LoginThrottledError) as throttled:
        A.login(db, "quantri", "matkhau-quantri")
    assert throttled.value.message == "Đăng nhập sai nhiều lần; hãy thử lại sau 1 giây."
    assert db.actor is SYSTEM
    clock[0] += 1.5
    with pytest.raises(A.LoginError):  # another wrong one doubles the wait
        A.login(db, "quantri", "matkhau-sai")
    with pytest.raises(A.LoginThrottledError, match="sau 2 giây"):
        A.login(db, "quantri", "matkhau-quantri")
    clock[0] += 2.5
    assert A.login(db, "quantri", "matkhau-quantri").username == "quantri"
    # a success starts the count again: two failures do not make anyone wait
    for _ in range(A.THROTTLE_AFTER - 1):
        with pytest.raises(A.LoginError) as refused:
            A.login(db, "quantri", "matkhau-sai")
        assert not isinstance(refused.value, A.LoginThrottledError)
    assert A.login(db, "QUANTRI", "matkhau-quantri").username == "quantri"


def test_the_wait_grows_to_a_cap_and_holds_across_processes(db, db_url: str, monkeypatch) -> None:
    assert [A.throttle_delay(n) for n in range(7)] == [0, 0, 0, 1, 2, 4, 8]
    assert A.throttle_delay(50) == A.THROTTLE_MAX == 300
    _admin(db)
    clock = _clock(monkeypatch)
    for _ in range(A.THROTTLE_AFTER + 2):
        with pytest.raises(A.LoginError):
            A.login(db, "quantri", "matkhau-sai")
        clock[0] += 0.001 if _ == A.THROTTLE_AFTER + 1 else 100  # each wait over, but the last
    # another process (a fresh engine on the same database) sees the same wait
    other = open_database(db_url, sync_catalogue=False)
    try:
        with pytest.raises(A.LoginThrottledError, match="sau 4 giây"):
            A.login(other, "quantri", "matkhau-quantri")
    finally:
        other.dispose()


def test_unknown_names_are_throttled_alike_so_the_wait_tells_nothing(db, monkeypatch) -> None:
    _admin(db)
    _clock(monkeypatch)
    messages = {}
    for name in ("quantri", "khongco"):
        for _ in range(A.THROTTLE_AFTER):
            with pytest.raises(A.LoginError):
                A.login(db, name, "matkhau-sai")
        with pytest.raises(A.LoginThrottledError) as throttled:
            A.login(db, name, "matkhau-sai")
        messages[name] = throttled.value.message
    assert messages["quantri"] == messages["khongco"]


def test_every_failed_login_is_in_the_audit_log_without_the_password_and_admins_see_them(db) -> None:
    _admin(db)
    A.create_account(db, A.AccountInput("lan", UserRole.APPROVER), "matkhau-lan")
    with pytest.raises(A.LoginError):
        A.login(db, "quantri", "mat-khau-bi-mat-1")
    with pytest.raises(A.LoginError):
        A.login(db, "khongco", "mat-khau-bi-mat-2")
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == A.FAILED_ACTION)
                                 .order_by(AuditEntry.id)))  # fmt: skip
    assert [e.actor for e in entries] == ["quantri", A.UNKNOWN_USER]
    assert not any("mat-khau-bi-mat" in e.changes for e in entries)
    # committed although the log-in failed, and the chain still verifies
    from app.audit.log import verify

    assert verify(db).ok
    # an administrator reads them; others may not
    A.login(db, "lan", "matkhau-lan")
    with pytest.raises(PermissionDeniedError):
        A.failed_logins(db)
    A.login(db, "quantri", "matkhau-quantri")
    seen = A.failed_logins(db)
    assert [(r.username, r.account, r.reason) for r in seen] == [
        ("khongco", A.UNKNOWN_USER, "không có tài khoản này"),
        ("quantri", "quantri", "sai mật khẩu"),
    ]


def test_cli_shows_the_wait_and_lists_failed_logins_to_an_admin(db_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    d = ["--db", str(db_path)]
    clock = _clock(monkeypatch)
    assert _run(monkeypatch, capsys, ["user", "add", "quantri", "--role", "admin", "--password-stdin", *d],
                "matkhau-quantri\n")[0] == 0  # fmt: skip
    for _ in range(A.THROTTLE_AFTER):
        code, _, err = _run(
            monkeypatch, capsys, ["user", "list", "--user", "quantri", *d], env={"THIDUA_PASSWORD": "sai"}
        )
        assert code == 2 and LOGIN_FAILED in err
    code, out, err = _run(monkeypatch, capsys, ["user", "failures", "--user", "quantri", *d],
                          env={"THIDUA_PASSWORD": "matkhau-quantri"})  # fmt: skip
    assert code == 2 and "Đăng nhập sai nhiều lần; hãy thử lại sau" in err and "Traceback" not in err
    clock[0] += 1.5  # the wait is over
    code, out, err = _run(monkeypatch, capsys, ["user", "failures", "--user", "quantri", *d],
                          env={"THIDUA_PASSWORD": "matkhau-quantri"})  # fmt: skip
    assert code == 0, err
    assert out.count("quantri") >= 3 and "sai mật khẩu" in out
