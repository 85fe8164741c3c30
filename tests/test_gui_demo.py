"""The workbench on the demo bloc: the standings page, the language switch, a screenshot to look at.

The demo is built once per run (through the services, ~30 s) and copied for each test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.opening import open_database
from ui.main_window import MainWindow
from ui.qt import QApplication, QPushButton, Qt

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def demo_template(demo_build: tuple[Path, object]) -> Path:
    return demo_build[0]


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    yield db
    db.dispose()


def _window(qtbot, db, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, demo_path=tmp_path / "unused-demo.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_the_standings_page_shows_the_blocs_ranks_chart_and_proposal(qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(qtbot, demo_db, tmp_path)
    window.nav.setCurrentRow(7)
    page = window.standings

    page.select("KTKT", 2025)

    ranks = page.ranks_shown()
    assert ranks[:3] == [
        ("Sở Tài chính", "1"),
        ("Sở Thông tin và Truyền thông", "2"),
        ("Sở Nông nghiệp và Môi trường", "3"),
    ]
    assert ("Sở Công Thương", "9") in ranks and ("Sở Kế hoạch và Đầu tư", "9") in ranks  # a tie
    assert ranks[-1] == ("Công ty TNHH MTV Xổ số kiến thiết Tây Ninh", "—")  # score sheet incomplete
    assert page.table.item(0, 11).text() == "Cờ thi đua"
    assert "Đề nghị Cờ thi đua: Sở Tài chính" in page.proposal.text()
    assert (
        "Đề nghị Bằng khen: Sở Thông tin và Truyền thông, Sở Nông nghiệp và Môi trường"
        in page.proposal.text()
    )
    assert [b.label for b in page.chart.bars][:1] == ["Sở Tài chính"] and page.chart.bars[0].kind == "flag"
    headers = [page.history.horizontalHeaderItem(c).text() for c in range(page.history.columnCount())]
    assert headers == ["Đơn vị", "2024", "2025"]

    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "standings-demo.png"))


def test_switching_to_english_retranslates_the_running_window(qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(qtbot, demo_db, tmp_path)
    new_button = window.nominations.findChild(QPushButton, "new")
    assert new_button.text() == "Nhập đề nghị"
    try:
        assert window.set_language("en")
        assert window.nav.item(4).text() == "Nominations"
        assert new_button.text() == "New nomination"
        assert window.nominations.model.headerData(1, Qt.Orientation.Horizontal) == "Nominee"
        assert window.settings.language == "en"
        assert window.language_actions["en"].isChecked()
    finally:
        window.set_language("vi")
    assert window.nav.item(4).text() == "Đề nghị khen thưởng"
    assert new_button.text() == "Nhập đề nghị"


def test_screenshot_of_the_main_window_on_the_demo(qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(qtbot, demo_db, tmp_path)
    window.nav.setCurrentRow(4)
    page = window.nominations
    assert page.model.rowCount() > 800
    first = page.model.index(0, page.model.column_of("nominee")).data()
    assert first and any(ch in first for ch in "ăâđêôơưáàảãạ") or first
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / "main-window-demo.png"))
    assert image.width() >= 1200


def test_reports_page_makes_the_standings_report_and_explains_what_is_missing(
    qtbot, demo_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(8)
    page = window.reports
    form = page.choose("xep-hang")
    form.widgets["year"].setValue(2025)
    page.out.setText(str(tmp_path / "xep-hang.pdf"))
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)  # no bloc chosen yet
    assert form.error_text("bloc") == "Hãy chọn khối thi đua." and page.job is None
    qtbot.keyClicks(form.widgets["bloc"], "KTKT")
    qtbot.keyClick(form.widgets["bloc"].completer_.popup(), Qt.Key.Key_Return)
    form.widgets["issuer"].setText("Sở Tài chính")
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.page_count() >= 1, timeout=30000)
    assert (tmp_path / "xep-hang.pdf").is_file()
    page.dialog.reject()


def test_in_english_the_standings_bands_and_notes_are_english(qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(qtbot, demo_db, tmp_path)
    window.nav.setCurrentRow(7)
    page = window.standings
    try:
        assert window.set_language("en")
        page.select("KTKT", 2025)
        bands = {page.table.item(r, 9).text() for r in range(page.table.rowCount())}
        assert bands & {"Excellent", "Good"} and not bands & {"Xuất sắc", "Tốt"}
        assert (
            "score sheet incomplete" in page.proposal.text()
            and "phiếu chấm chưa đủ" not in page.proposal.text()
        )
    finally:
        window.set_language("vi")
    page.select("KTKT", 2025)
    assert "phiếu chấm chưa đủ" in page.proposal.text()
