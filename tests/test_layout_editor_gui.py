"""The layout editor, driven offscreen: copy a built-in, edit a field, save; bad values refused."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

os.environ.setdefault("THIDUA_BUNDLED_FONTS", "1")

from app.certificates.layouts import builtin_dir, load_layout  # noqa: E402
from ui.certificates.layout_editor import LayoutEditorDialog  # noqa: E402
from ui.certificates.layout_fields import COL_TEXT, COL_W, COL_X  # noqa: E402
from ui.qt import QAbstractItemView, QMessageBox, Qt  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
NAME = "Bà Nguyễn Thị Ngọc Ánh"


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-layouts"
    monkeypatch.setenv("THIDUA_LAYOUTS", str(folder))
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    return folder


@pytest.fixture
def editor(qtbot, monkeypatch: pytest.MonkeyPatch) -> LayoutEditorDialog:  # type: ignore[no-untyped-def]
    def no_modal_box(*_args: object) -> None:
        raise AssertionError("a question box would block the test")

    monkeypatch.setattr(QMessageBox, "question", no_modal_box)
    dialog = LayoutEditorDialog()
    # pytest-qt closes the dialog before fixtures are torn down: answer "discard" then
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_ask", lambda _text: True))
    dialog.show()
    return dialog


def copy_giay_khen(qtbot, editor: LayoutEditorDialog) -> None:  # type: ignore[no-untyped-def]
    assert editor.select("giay_khen", builtin=True)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert editor.entry is not None and not editor.entry.builtin and editor.entry.key == "giay_khen"


def type_into_cell(qtbot, editor: LayoutEditorDialog, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Edit a cell as a user does: select it, open its editor, type, press Enter."""
    table = editor.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    lines = [w for w in table.findChildren(type(editor.name_edit)) if w.isVisible()]  # closed ones linger
    assert len(lines) == 1
    line = lines[0]
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=2000)


def origin(pdf: bytes, text: str, page: int = 0) -> tuple[float, float]:
    found = {}

    def visit(t, cm, tm, font, size):  # type: ignore[no-untyped-def]
        found.setdefault(t.strip(), (tm[4], tm[5]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found[text]


def test_builtin_layouts_are_listed_and_shown_read_only(qtbot, editor: LayoutEditorDialog) -> None:  # type: ignore[no-untyped-def]
    texts = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert "Giấy khen (có sẵn)" in texts and "Bằng khen (có sẵn)" in texts

    assert editor.select("giay_khen", builtin=True)
    assert editor.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not editor.name_edit.isEnabled()
    assert not editor.delete_button.isEnabled() and not editor.save_button.isEnabled()
    assert "Mẫu có sẵn: chỉ xem" in editor.banner.text()
    assert editor.preview.page_count() == 3
    assert editor.preview.page_choice.count() == 3


def test_copy_edit_x_and_save_writes_the_new_value(qtbot, editor: LayoutEditorDialog, user_dir: Path) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    texts = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert "Giấy khen (của bạn)" in texts and "Giấy khen (có sẵn — đang dùng bản của bạn)" in texts
    row = editor.field_row("recipient")
    old_x = load_layout(builtin_dir() / "giay_khen.toml").field("recipient").box[0]
    before = origin(editor.preview.preview.pdf, NAME)

    type_into_cell(qtbot, editor, row, COL_X, "36")

    assert editor.save_button.isEnabled() and editor.error_label.text() == ""
    qtbot.waitUntil(lambda: origin(editor.preview.preview.pdf, NAME) != before, timeout=3000)
    after = origin(editor.preview.preview.pdf, NAME)
    assert after[0] - before[0] == pytest.approx((36 - old_x) * mm, abs=0.01)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert load_layout(user_dir / "giay_khen.toml").field("recipient").box[0] == 36
    assert "36" in (user_dir / "giay_khen.toml").read_text(encoding="utf-8")
    assert not editor.save_button.isEnabled()
    assert editor.status.text() == "Đã lưu mẫu «Giấy khen»."


def test_an_invalid_entry_shows_an_error_and_nothing_is_saved(
    qtbot, editor: LayoutEditorDialog, user_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    on_disk = (user_dir / "giay_khen.toml").read_bytes()
    row = editor.field_row("recipient")

    type_into_cell(qtbot, editor, row, COL_X, "abc")
    assert "Hãy nhập một số (mm)" in editor.error_label.text()
    type_into_cell(qtbot, editor, row, COL_X, "200")

    assert (
        "trường «recipient»: ô [200, 101, 245, 13] vượt ra ngoài trang 297×210 mm"
        in editor.error_label.text()
    )
    assert editor.table.item(row, COL_X).toolTip() == editor.invalid[("field", row, COL_X)][0]
    assert not editor.table.item(row, COL_X).icon().isNull()
    assert not editor.save_button.isEnabled()
    assert editor.save() is False
    assert "Chưa lưu" in editor.error_label.text()
    assert (user_dir / "giay_khen.toml").read_bytes() == on_disk
    # the preview keeps showing the last valid layout
    assert editor.layout_checked is not None and editor.layout_checked.field("recipient").box[0] == 26


def test_a_value_refused_for_another_s_sake_passes_once_that_is_fixed(
    qtbot, editor: LayoutEditorDialog, user_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    row = editor.field_row("recipient")

    type_into_cell(qtbot, editor, row, COL_X, "200")  # too wide for the page with width 245
    assert editor.invalid
    type_into_cell(qtbot, editor, row, COL_W, "90")

    assert editor.invalid == {}
    assert editor.error_label.text() == ""
    assert editor.save()
    assert load_layout(user_dir / "giay_khen.toml").field("recipient").box[::2] == (200, 90)


def test_a_page_turned_to_portrait_is_refused_while_boxes_stick_out(
    qtbot, editor: LayoutEditorDialog
) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)

    editor.orientation_combo.setCurrentIndex(editor.orientation_combo.findData("portrait"))

    assert "vượt ra ngoài trang 210×297 mm" in editor.error_label.text()
    assert editor.orientation_combo.toolTip() == editor.error_label.text()
    assert editor.doc is not None and editor.doc["page"]["orientation"] == "landscape"
    assert not editor.save_button.isEnabled()


def test_a_template_with_an_unknown_variable_is_refused(qtbot, editor: LayoutEditorDialog) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)

    type_into_cell(qtbot, editor, editor.field_row("recipient"), COL_TEXT, "{ho_ten}")

    assert "biến «{ho_ten}» không có" in editor.error_label.text()
    assert not editor.save_button.isEnabled()


def test_revert_and_delete(qtbot, editor: LayoutEditorDialog, user_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "GK phong")  # QTest types ASCII only
    assert editor.doc is not None and editor.doc["name"] == "GK phong"
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)  # Enter presses no button
    assert editor.isVisible() and [p.name for p in user_dir.iterdir()] == ["giay_khen.toml"]

    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert editor.name_edit.text() == "Giấy khen" and not editor.dirty()

    monkeypatch.setattr(editor, "_ask", lambda _text: True)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert not (user_dir / "giay_khen.toml").exists()
    assert editor.entry is not None and editor.entry.builtin and editor.entry.key == "giay_khen"
    assert (builtin_dir() / "giay_khen.toml").is_file()


def test_leaving_unsaved_changes_asks_first(qtbot, editor: LayoutEditorDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    type_into_cell(qtbot, editor, editor.field_row("recipient"), COL_X, "30")
    asked = []
    monkeypatch.setattr(editor, "_ask", lambda text: asked.append(text) or False)

    assert editor.select("bang_khen", builtin=True) is False

    assert asked and "chưa lưu" in asked[0]
    assert editor.entry is not None and editor.entry.key == "giay_khen" and not editor.entry.builtin


def test_the_editor_opens_from_the_tools_menu_and_the_settings_page(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.layouts_action.trigger()
    assert isinstance(window.layout_editor, LayoutEditorDialog) and window.layout_editor.isVisible()
    window.layout_editor.close()

    qtbot.mouseClick(window.settings_page.layouts, Qt.MouseButton.LeftButton)
    assert window.layout_editor.isVisible()
    window.layout_editor.close()


def test_screenshot_of_the_editor(qtbot, editor: LayoutEditorDialog) -> None:  # type: ignore[no-untyped-def]
    copy_giay_khen(qtbot, editor)
    type_into_cell(qtbot, editor, editor.field_row("recipient"), COL_X, "300")
    editor.render_preview()
    qtbot.wait(600)  # QPdfView draws its pages in a thread

    ARTIFACTS.mkdir(exist_ok=True)
    image = editor.grab().toImage()
    assert image.save(str(ARTIFACTS / "layout-editor.png"))
    assert image.width() >= 1200


def test_a_broken_user_file_is_shown_with_its_error_and_can_be_deleted(
    qtbot, user_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    user_dir.mkdir(parents=True)
    (user_dir / "hong.toml").write_text('name = "Hỏng"\n[page]\nsize = "B5"\n', encoding="utf-8")
    dialog = LayoutEditorDialog()
    qtbot.addWidget(dialog)

    assert dialog.select("hong")
    assert dialog.list.currentItem().text() == "hong (của bạn — lỗi)"
    assert "khổ giấy «B5» không hỗ trợ" in dialog.banner.text()
    assert dialog.table.rowCount() == 0 and not dialog.save_button.isEnabled()
    assert dialog.delete_button.isEnabled() and not dialog.copy_button.isEnabled()

    monkeypatch.setattr(dialog, "_ask", lambda _text: True)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert not (user_dir / "hong.toml").exists()
