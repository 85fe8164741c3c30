"""Issue #17, items 2 and 3, for score sheets: a member unit sends its sheet for a period to the bloc
head in a signed package; the bloc head receives it into its grid through the same service as the
grid and the xlsx (all or nothing, every problem at once), keeping its own column; the same package
twice changes nothing, a newer version lists each criterion it changes, a tampered one is refused.
Two books, each with its own key, through the services and the command line; the refusals on
either backend; the grid's button."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path
from typing import Any

import factories
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from test_gui_score_sheet import TABLE  # the grid's five criteria, its sheets' table too

from app.cli import main
from app.exchange import offices
from app.exchange.inbox import receive
from app.exchange.package import Office, Package, PackageRefused, public_text, write_package
from app.exchange.scores import package_file_name
from app.model import BlocRole, ScorePeriodKind
from app.model.exchange import RECEIVED, SENT, ExchangeItem, ExchangePackage
from app.opening import open_database
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.score_periods import close_period
from app.services.score_sheets import SheetEntry, save_sheet, unit_sheet
from app.services.scoring import set_criteria
from app.storage.db import Database

db = factories.db
H1 = ScorePeriodKind.H1
HEAD = Office("CTK", "Cục Thống kê tỉnh")
UNIT = Office("STC", "Sở Tài chính")
FILLED = [
    SheetEntry("I.1", 45, evidence="Báo cáo số 12/BC-STC"),
    SheetEntry("I.2", 27, evidence="Kế hoạch thi đua năm"),
    SheetEntry("II.1", 17.5),
    SheetEntry("T.1", 2, evidence="Chậm báo cáo quý I"),
]  # 45 + 27 + 17,5 − 2 = 87,5


def bloc_book(book: Database) -> tuple[int, dict[str, int]]:
    """Bloc KTKT in 2025 with the head (CTK), STC as a member and the half-year table; the ids."""
    bloc = create_bloc(book, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    units = {code: factories.unit(book, name, code=code).id for code, name in
             (("CTK", HEAD.name), ("STC", UNIT.name), ("SXD", "Sở Xây dựng"))}  # fmt: skip
    set_membership(book, bloc.id, units["CTK"], 2025, BlocRole.HEAD)
    set_membership(book, bloc.id, units["STC"], 2025)
    set_criteria(book, bloc.id, 2025, TABLE, H1)
    return bloc.id, units


def scores(book: Database, bloc_id: int, unit_id: int) -> list[tuple[str, Any, Any, str, str]]:
    sheet = unit_sheet(book, bloc_id, 2025, H1, unit_id)
    return [(r.criterion.code, r.self_points, r.bloc_points, r.comment, r.evidence) for r in sheet.rows]


def packages(book: Database, direction: str) -> int:
    with book.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(ExchangePackage)
                .where(ExchangePackage.direction == direction)
            )
            or 0
        )


@pytest.mark.sqlite_only
def test_a_unit_sends_its_sheet_and_the_bloc_head_receives_it_once_then_a_newer_version(
    template_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    books = {c: tmp_path / f"{c}.sqlite3" for c in ("STC", "CTK")}
    for path in books.values():
        shutil.copyfile(template_db, path)

    def as_office(code: str) -> Database:  # each office its own machine and key
        monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / f"{code}.pem"))
        return open_database(books[code])

    unit = as_office("STC")
    bloc_id, ids = bloc_book(unit)
    save_sheet(unit, bloc_id, 2025, H1, ids["STC"], FILLED)
    offices.set_own_office(unit, UNIT.code, UNIT.name)
    offices.write_card(unit, tmp_path / "stc.card")
    sent = scores(unit, bloc_id, ids["STC"])
    unit.dispose()
    first = tmp_path / package_file_name("STC", 2025, H1)
    assert first.name == "phieu-cham-STC-2025-6thang.tdkt"
    send = ["--db", str(books["STC"]), "send", "--to", "CTK", "--to-name", HEAD.name, "--out", str(first)]
    assert main(send) != 0  # neither --nominations nor --scores
    assert "--scores" in capsys.readouterr().err
    assert main([*send, "--scores", "--bloc", "KTKT", "--year", "2025", "--period", "h1"]) != 0
    assert "--unit" in capsys.readouterr().err
    assert (
        main([*send, "--scores", "--bloc", "KTKT", "--year", "2025", "--period", "h1", "--unit", "STC"]) == 0
    )
    assert "Đã gửi phiếu chấm của STC" in capsys.readouterr().out
    unit = as_office("STC")
    with unit.read() as s:
        item = s.execute(select(ExchangeItem.ref, ExchangeItem.nomination_id, ExchangePackage.direction).join(
            ExchangePackage)).one()  # fmt: skip
    assert tuple(item) == ("STC:scores:KTKT:2025:h1:STC", None, SENT)
    unit.dispose()

    head = as_office("CTK")
    bloc_id, ids = bloc_book(head)
    # The bloc's own column: its score and comment on I.1 stay whatever the unit sends.
    save_sheet(head, bloc_id, 2025, H1, ids["STC"], [SheetEntry("I.1", None, 44, "Khối chấm theo biên bản")])
    offices.set_own_office(head, HEAD.code, HEAD.name)
    with pytest.raises(PackageRefused, match="chưa được đăng ký"):
        receive(head, first)
    offices.trust(head, offices.read_card(tmp_path / "stc.card"))
    dry = receive(head, first, dry_run=True)
    assert dry.notes[0] == "Phiếu chấm 6 tháng đầu năm 2025 của Sở Tài chính: 5 tiêu chí, tự chấm 87,5 điểm"
    assert (
        scores(head, bloc_id, ids["STC"])[0][1] is None and packages(head, RECEIVED) == 0
    )  # nothing written
    head.dispose()

    assert main(["--db", str(books["CTK"]), "receive", str(first)]) == 0
    assert "tự chấm 87,5 điểm" in capsys.readouterr().out
    assert main(["--db", str(books["CTK"]), "receive", str(first)]) == 0  # twice: nothing changes
    assert "không có gì thay đổi" in capsys.readouterr().out
    head = as_office("CTK")
    got = scores(head, bloc_id, ids["STC"])
    assert [(c, p, e) for c, p, _b, _n, e in got] == [(c, p, e) for c, p, _b, _n, e in sent]  # the same grid
    assert got[0] == ("I.1", 45, 44, "Khối chấm theo biên bản", "Báo cáo số 12/BC-STC")  # the bloc's kept
    assert packages(head, RECEIVED) == 1
    head.dispose()

    # A newer version: I.2 scored again with a new note; the difference is listed, the grid follows.
    unit = as_office("STC")
    save_sheet(unit, bloc_id, 2025, H1, ids["STC"], [SheetEntry("I.2", 28, evidence="Kế hoạch và báo cáo")])
    unit.dispose()
    second = tmp_path / "goi2.tdkt"
    assert main(["--db", str(books["STC"]), "send", "--scores", "--bloc", "KTKT", "--year", "2025",
                 "--period", "h1", "--unit", "STC", "--to", "CTK", "--out", str(second)]) == 0  # fmt: skip
    head = as_office("CTK")
    report = receive(head, second, dry_run=False)
    assert report.changes == [
        "I.2: 27 → 28",
        "I.2: minh chứng «Kế hoạch thi đua năm» → «Kế hoạch và báo cáo»",
    ]
    assert "tự chấm 88,5 điểm" in report.notes[0]
    assert scores(head, bloc_id, ids["STC"])[1][1] == 28
    # A tampered package: refused, nothing changes.
    tampered = tmp_path / "goi3.tdkt"
    with zipfile.ZipFile(second) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace(b"28", b"30") if name == "records.json" else data)
    before = scores(head, bloc_id, ids["STC"])
    with pytest.raises(PackageRefused, match="bị sửa"):
        receive(head, tampered, dry_run=False)
    assert scores(head, bloc_id, ids["STC"]) == before and packages(head, RECEIVED) == 2
    head.dispose()


# ------------------------------------------------------------------ refusals, on either backend
def _record(unit: str = "STC", period: str = "h1", **points: float | None) -> dict[str, Any]:
    rows = {"I.1": 45.0, "I.2": 27.0, "II.1": 17.5, "B.1": None, "T.1": 2.0, **points}
    return {
        "ref": f"STC:scores:KTKT:2025:{period}:{unit}",
        "bloc": {"code": "KTKT", "name": "Khối Kinh tế - Kỹ thuật"},
        "year": 2025,
        "period": period,
        "unit": {"code": unit, "name": UNIT.name if unit == "STC" else unit},
        "criteria": [
            {"code": c.replace("_", "."), "self_points": p, "evidence": f"Minh chứng {c}"}
            for c, p in rows.items()
        ],  # fmt: skip
        "totals": {"self": 0},
    }


def _package(
    path: Path, key: Ed25519PrivateKey, record: dict[str, Any], at: dt.datetime | None = None
) -> Path:
    package = Package("scores", UNIT, HEAD, {"sheets": [record]})
    if at is not None:
        package.created_at = at
    write_package(path, package, key)
    return path


@pytest.fixture
def head(db: Database) -> tuple[Database, int, dict[str, int], Ed25519PrivateKey]:
    bloc_id, ids = bloc_book(db)
    offices.set_own_office(db, HEAD.code, HEAD.name)
    key = Ed25519PrivateKey.generate()
    offices.trust(db, offices.TrustedOffice(public_text(key.public_key()), UNIT.code, UNIT.name, "", ""))
    return db, bloc_id, ids, key


def test_every_problem_of_a_sheet_is_listed_and_nothing_is_imported(head, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, bloc_id, ids, key = head
    bad = _package(
        tmp_path / "bad.tdkt", key, _record(**{"I.2": 35.0, "IX_9": 1.0})
    )  # above 30; unknown code
    with pytest.raises(Exception, match="Không nhận gói") as refused:
        receive(db, bad, dry_run=False)
    assert "«IX.9»" in str(refused.value) and "vượt điểm tối đa" in str(refused.value)
    assert all(r[1] is None for r in scores(db, bloc_id, ids["STC"])) and packages(db, RECEIVED) == 0

    stranger = _package(tmp_path / "sxd.tdkt", key, _record(unit="SXD"))  # not a member of the bloc
    with pytest.raises(Exception, match="không phải thành viên"):
        receive(db, stranger, dry_run=False)
    assert all(r[1] is None for r in scores(db, bloc_id, ids["SXD"]))

    close_period(db, bloc_id, 2025, H1)
    with pytest.raises(Exception, match="đã khóa"):
        receive(db, _package(tmp_path / "ok.tdkt", key, _record()), dry_run=False)
    assert all(r[1] is None for r in scores(db, bloc_id, ids["STC"])) and packages(db, RECEIVED) == 0


def test_an_older_version_after_a_newer_one_is_refused(head, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, bloc_id, ids, key = head
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    old = _package(tmp_path / "old.tdkt", key, _record(), now - dt.timedelta(days=1))
    new = _package(tmp_path / "new.tdkt", key, _record(**{"I.2": 29.0}), now)
    report = receive(db, new, dry_run=False)
    assert report.changes == [] and report.notes[0].endswith(
        "tự chấm 89,5 điểm"
    )  # a first package: nothing overwritten
    assert "Tiêu chí I.1" not in " ".join(report.notes)  # 45 is above the floor of 40
    with pytest.raises(Exception, match="bản cũ"):
        receive(db, old, dry_run=False)
    assert scores(db, bloc_id, ids["STC"])[1][1] == 29


# ------------------------------------------------------------------------------ the grid's button
def test_the_grid_sends_its_sheet_to_a_trusted_office(db, qtbot, settle, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.standings import StandingsPage
    from ui.qt import QFileDialog, Qt
    from ui.scoring.dialogs import OfficeChooser
    from ui.scoring.sheet_model import SELF

    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / "stc.pem"))
    bloc_id, ids = bloc_book(db)
    set_criteria(db, bloc_id, 2025, TABLE)  # the page lists the years with a year's table
    save_sheet(db, bloc_id, 2025, H1, ids["STC"], FILLED)
    offices.set_own_office(db, UNIT.code, UNIT.name)
    head_key = Ed25519PrivateKey.generate()
    offices.trust(db, offices.TrustedOffice(public_text(head_key.public_key()), HEAD.code, HEAD.name, "", ""))
    page = StandingsPage()
    qtbot.addWidget(page)
    page.set_database(db)
    page.select("KTKT", 2025, H1)
    dialog = page.enter_scores(ids["STC"])
    assert dialog is not None and dialog.send_button.text() == "&Gửi phiếu chấm…"

    asked: list[str] = []
    target = tmp_path / "goi"  # the suffix is added

    def save_name(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialog.model.setData(dialog.model.index(1, SELF), "28")  # an edit: saved first, then sent
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.office_chooser is not None and dialog.office_chooser.isVisible(), timeout=20_000
    )
    chooser = dialog.office_chooser
    assert (
        isinstance(chooser, OfficeChooser) and chooser.offices.currentText() == f"{HEAD.name} ({HEAD.code})"
    )
    chooser.accept()
    settle()
    qtbot.waitUntil(lambda: "Đã gửi phiếu chấm" in dialog.status.text(), timeout=20_000)
    settle()
    assert asked == ["phieu-cham-STC-2025-6thang.tdkt"]
    sent = tmp_path / "goi.tdkt"
    assert sent.is_file() and HEAD.name in dialog.status.text()
    assert scores(db, bloc_id, ids["STC"])[1][1] == 28
    with db.read() as s:
        row = s.execute(select(ExchangePackage.direction, ExchangePackage.recipient_code, ExchangePackage.file_name,
                               ExchangeItem.ref).join(ExchangeItem)).one()  # fmt: skip
    assert tuple(row) == (SENT, "CTK", "goi.tdkt", "STC:scores:KTKT:2025:h1:STC")
    dialog.close()
