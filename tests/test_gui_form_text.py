"""Text in forms is never cut and never stale: a long error or verdict shows whole, and a field's
error goes away as soon as the field is corrected."""

from __future__ import annotations

from app.errors import DomainError
from app.rules.verdict import Finding, Verdict
from ui.dialogs.login import LoginDialog
from ui.dialogs.person import PersonDialog
from ui.qt import QDialogButtonBox, Qt
from ui.widgets.verdict import VerdictPanel

SAVE = QDialogButtonBox.StandardButton.Save
LONG = (
    "Tài khoản hoặc mật khẩu không đúng. Hãy kiểm tra lại bộ gõ tiếng Việt, phím Caps Lock, và hỏi "
    "quản trị viên của đơn vị nếu đã quên mật khẩu; sau năm lần sai liên tiếp tài khoản tạm khóa."
)


def _whole(label) -> bool:  # type: ignore[no-untyped-def]
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_a_long_error_under_a_field_is_shown_whole(qtbot, db) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_error(DomainError(LONG, field="password"))
    qtbot.wait(50)
    error = dialog._fields["password"][1]
    assert error.text() == LONG and _whole(error)
    dialog.show_error(DomainError(LONG * 2))
    qtbot.wait(50)
    assert _whole(dialog.banner)


def test_a_corrected_field_loses_its_error_at_once(qtbot, db) -> None:
    dialog = PersonDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)  # no unit, no name
    assert dialog.error_text("unit") != ""
    dialog.show_error(DomainError("Họ và tên không được để trống.", field="full_name"))
    assert dialog.error_text("full_name") != ""
    qtbot.keyClicks(dialog.full_name, "A")
    assert dialog.error_text("full_name") == ""
    assert dialog.error_text("unit") != ""  # only the corrected field's error goes


def test_many_reasons_in_the_verdict_scroll_and_none_is_cut(qtbot) -> None:
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.resize(560, 200)
    panel.show()
    findings = tuple(
        Finding(f"r{i}", "Quy tắc", "blocking", f"Lý do thứ {i}: " + LONG, "Luật Thi đua, khen thưởng")
        for i in range(8)
    )
    panel.show_verdict(Verdict(1, "Nguyễn Văn A", "Chiến sĩ thi đua cơ sở", 2025, findings))
    qtbot.wait(50)
    assert panel.status == "blocking"
    assert panel.details.height() >= panel.details.heightForWidth(panel.details.width())  # all of it laid out
    bar = panel.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the rest is reached by scrolling, the panel keeps its size
    assert panel.height() <= 260


def test_no_column_title_is_cut_in_english(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.set_language("en")
        for page in window.list_pages():
            header = page.view.horizontalHeader()
            for column in range(header.count()):
                assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), (
                    page.list_name,
                    page.model.headerData(column, Qt.Orientation.Horizontal),
                )
    finally:
        window.set_language("vi")


def test_the_verdict_says_which_era_judged_it(qtbot) -> None:
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    note = "Hồ sơ gửi ngày 20/06/2025, trước 01/07/2025: xét theo Nghị định 98/2023/NĐ-CP"
    panel.show_verdict(Verdict(1, "Nguyễn Văn A", "Chiến sĩ thi đua cơ sở", 2025, (), era_note=note))
    assert panel.status == "ok" and panel.details.text().endswith(note)
