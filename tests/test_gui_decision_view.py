"""A decision opens from its list (double-click, Enter, right-click) on what it grants, and its
certificates are printed from there."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.services.decisions import decision_lines
from ui.main_window import MainWindow
from ui.qt import QApplication, QMenu, Qt


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def test_a_decision_opens_on_its_awards_and_prints_them(
    qtbot, settle, world: World, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.certificates.preview import CertificatePreviewDialog

    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(CertificatePreviewDialog, "confirm", lambda _self, _q: True)
    decision = world.decision("2915/QĐ-UBND")
    for name in ("Vương Thị Một", "Vương Văn Hai"):
        world.award(name, decision=decision)
    assert [line.nominee for line in decision_lines(world.db, decision.id)] == [
        "Vương Văn Hai",
        "Vương Thị Một",
    ]  # by given name

    window = MainWindow(world.db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(5)  # Quyết định
    page = window.decisions
    page.view.selectRow(0)
    where = page.view.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=where
    )  # a double-click: press first
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    view = page.dialog
    assert view is not None and "2915/QĐ-UBND" in view.windowTitle()
    rows = view.rows()
    assert [r[1] for r in rows] == ["Vương Văn Hai", "Vương Thị Một"] and all(r[4] == "" for r in rows)
    # Bằng khen tỉnh, individual, a decision of 05/12/2025: 1.5 × 2,340,000 = 3,510,000 đ each
    assert [r[5] for r in rows] == ["3.510.000", "3.510.000"]
    assert view.count.text() == "2 khen thưởng — tổng tiền thưởng 7.020.000 đồng"

    preview = view.print_certificates()
    qtbot.waitUntil(lambda: preview.page_count() == 2, timeout=20_000)
    settle()
    view.show_lines()
    assert all(r[4].endswith(("/ 1", "/ 2")) for r in view.rows())  # numbered once agreed
    view.reject()

    page._row_menu(page.view.visualRect(page.model.index(0, 1)).center())
    menu = page.row_menu
    assert isinstance(menu, QMenu) and [a.text() for a in menu.actions()] == [
        "Xem danh sách khen thưởng",
        "In giấy khen của quyết định…",
    ]
    menu.close()
    QApplication.processEvents()
