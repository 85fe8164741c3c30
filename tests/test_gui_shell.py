"""The main window shell: navigation, overview of the open database, a screenshot to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.units import UnitInput, create_unit
from ui.main_window import NAV_ENTRIES, MainWindow

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(autouse=True)
def _own_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))


def test_main_window_lists_work_areas_and_shows_the_database(qtbot, db, tmp_path: Path) -> None:
    create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.resize(1000, 640)
    window.show()

    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == list(NAV_ENTRIES)
    assert "Đề nghị khen thưởng" in texts
    assert str(db.path) in window.db_label.text()
    units_label = window.overview.findChild(type(window.overview._location), "count:Đơn vị")
    assert units_label is not None and units_label.text() == "1"

    window.nav.setCurrentRow(4)
    assert window.pages.currentIndex() == 4

    ARTIFACTS.mkdir(exist_ok=True)
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / "main-window-shell.png"))
    # Something was drawn: the navigation list's background differs from the window's.
    assert image.width() >= 900 and image.height() >= 560
    assert len({image.pixel(x, 300) for x in range(0, image.width(), 50)}) > 1


def test_english_translation_replaces_the_vietnamese_source(qtbot, db, tmp_path: Path) -> None:
    from ui.i18n import build, install_translator
    from ui.qt import QApplication

    assert build() == 0  # .qm files are built, never committed
    app = QApplication.instance()
    try:
        assert install_translator(app, "en")
        window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
        qtbot.addWidget(window)
        assert window.nav.item(4).text() == "Nominations"
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Language"]
        assert window.windowTitle() == "Emulation Register"
    finally:
        install_translator(app, "vi")
    window_vi = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window_vi)
    assert window_vi.nav.item(4).text() == "Đề nghị khen thưởng"


def test_every_gui_string_has_an_english_translation() -> None:
    """lupdate finds only literal contexts and texts: a wrapper hides strings from it. Every
    literal translate()/QT_TRANSLATE_NOOP call in ui/ must have a finished entry in the English .ts."""
    import ast
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parent.parent
    done = {
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(root / "resources/translations/thidua_en.ts").getroot().iter("context")
        for m in ctx.iter("message")
        if (m.find("translation").text or "").strip() and m.find("translation").get("type") != "unfinished"
    }
    missing = []
    for path in (root / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                "translate",
                "QT_TRANSLATE_NOOP",
            ):
                ctx, text = (node.args + [None, None])[:2]
                # translate(self.context, text) shows strings marked with QT_TRANSLATE_NOOP elsewhere:
                # those marks are the literal calls checked here.
                literal = isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant)
                if literal and (ctx.value, text.value) not in done:
                    missing.append(f"{path.name}: {ctx.value} / {text.value}")
    assert missing == []


def test_translations_build_without_lrelease_on_path(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A venv used without activation has no pyside6-lrelease on PATH: the one inside PySide6 is used."""
    import shutil as sh

    from ui import i18n

    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH
    source = Path(__file__).resolve().parent.parent / "resources" / "translations" / "thidua_en.ts"
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    sh.copyfile(source, tmp_path / "thidua_en.ts")
    assert i18n.lrelease() is not None
    assert i18n.build() == 0
    assert (tmp_path / "thidua_en.qm").stat().st_size > 1000


def test_qt_own_buttons_and_dialogs_speak_vietnamese() -> None:
    """Qt ships no Vietnamese: its standard buttons and file dialog would stay English in the
    Vietnamese UI. Our qt_vi translation covers the strings the app shows."""
    from ui.i18n import install_translator
    from ui.qt import QApplication, QDialogButtonBox, QFileDialog

    app = QApplication.instance()
    try:
        assert install_translator(app, "vi")
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Yes
            | QDialogButtonBox.StandardButton.No
        )
        assert sorted(b.text() for b in box.buttons()) == sorted(["Lưu", "Hủy", "&Có", "&Không"])
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "Tên &tệp:"
        install_translator(app, "en")
        english = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert [b.text() for b in english.buttons()] == ["Save"]
    finally:
        install_translator(app, "vi")
