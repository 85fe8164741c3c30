"""Starting the GUI the way `thidua` does: splash first, then the main window on the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.gui import gui_only as _gui_only


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "x.sqlite3"], (True, "x.sqlite3")),
        (["gui", "--db=y.sqlite3"], (True, "y.sqlite3")),
        (["info"], (False, None)),
        (["--db", "x.sqlite3", "check", "--year", "2025"], (False, None)),
        (["--help"], (False, None)),
    ],
)
def test_only_a_bare_launch_skips_loading_the_sub_commands(argv: list[str], expected: tuple) -> None:  # type: ignore[type-arg]
    assert _gui_only(argv) == expected


def test_run_paints_a_splash_then_opens_the_main_window(
    qtbot, db_path: Path, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui import app as gui
    from ui.main_window import MainWindow
    from ui.qt import QApplication

    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    seen: dict[str, object] = {}

    def fake_exec() -> int:
        widgets = QApplication.topLevelWidgets()
        seen["windows"] = [w for w in widgets if isinstance(w, MainWindow) and w.isVisible()]
        seen["splash_visible"] = [w.isVisible() for w in widgets if w.objectName() == "splash"]
        for w in seen["windows"]:  # type: ignore[union-attr]
            qtbot.addWidget(w)
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    assert gui.run(str(db_path)) == 0
    [window] = seen["windows"]  # type: ignore[misc]
    assert window.db is not None and window.db.path == db_path
    assert seen["splash_visible"] in ([], [False])  # closed once the window is up


def test_missing_xcb_libraries_are_named_in_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import system_libs

    monkeypatch.setattr(system_libs.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    absent = {"xcb-icccm", "xcb-keysyms"}
    missing = system_libs.missing_packages(lambda name: None if name in absent else f"lib{name}.so")
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    line = system_libs.message(missing)
    assert "\n" not in line and "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in line
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert system_libs.missing_packages(lambda name: None) == []
