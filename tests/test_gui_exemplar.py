"""Issue #15 item 7 in the window: the exemplar's form shows its period and its nhân rộng rows;
rows are added and removed in a small table and saved with the exemplar."""

from __future__ import annotations

import datetime as dt

import factories as f

from app.services.exemplars import (
    ExemplarInput,
    ReplicationInput,
    add_replication,
    create_exemplar,
    exemplar_form,
    list_replications,
)
from ui.dialogs.exemplar import ExemplarDialog
from ui.qt import QDialogButtonBox, Qt

db = f.db
SAVE = QDialogButtonBox.StandardButton.Save


def test_the_form_shows_edits_and_saves_the_period_and_the_replications(qtbot, db, settle) -> None:  # type: ignore[no-untyped-def]
    stc = f.unit(db, "Sở Tài chính", code="STC")
    sxd = f.unit(db, "Sở Xây dựng", code="SXD")
    lan = f.person(db, stc.id, "Trần Thị Lan")
    ex = create_exemplar(
        db, ExemplarInput(2025, "Người số hóa hồ sơ", person_id=lan.id, story="Số hóa 12.000 hồ sơ.")
    )
    add_replication(db, ex.id, ReplicationInput("Tập huấn số hóa", place="Huyện Gò Dầu"))

    dialog = ExemplarDialog(db, ex.id)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.replications
    assert dialog.subject.text() == "Trần Thị Lan" and dialog.title_edit.text() == "Người số hóa hồ sơ"
    assert editor.rows_shown() == [("Huyện Gò Dầu", "", "Tập huấn số hóa", "")]

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # nothing typed: refused at the table
    assert "Chọn đơn vị hoặc ghi nơi nhân rộng" in dialog.error_text("replications")
    editor.unit.set_value(sxd.id, "Sở Xây dựng")
    qtbot.keyClicks(editor.on, "03/09/2025")
    editor.action.setText("Áp dụng cách số hóa")  # keyClicks types ASCII only
    editor.result.setText("Xong 80%")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.rows_shown() == [("Sở Xây dựng", "03/09/2025", "Áp dụng cách số hóa", "Xong 80%")]
    qtbot.keyClicks(dialog.period_from, "01/01/2025")
    qtbot.keyClicks(dialog.period_to, "30/06/2025")

    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()

    rows = list_replications(db, ex.id)
    assert [(r.where, r.replicated_on, r.action, r.result) for r in rows] == [
        ("Sở Xây dựng", dt.date(2025, 9, 3), "Áp dụng cách số hóa", "Xong 80%")
    ]
    form = exemplar_form(db, ex.id)
    assert (form.data.period_from, form.data.period_to) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
