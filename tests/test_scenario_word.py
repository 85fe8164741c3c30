"""Issue #16 through the real main window, role by role, on the demo: the clerk of Sở Tài chính
writes her unit's tờ trình as an editable .docx; the council office's approver imports the Word
danh sách the unit sent (the columns guessed, the year asked, confirmed once, the nominations
written as hers) and writes the department's quyết định as .docx, the PDF staying the record."""

from __future__ import annotations

from pathlib import Path

from docx import Document as open_docx
from docx_lists import danh_sach
from sqlalchemy import select
from test_scenario_write_path import _actors, _log_in

from app.model import Nomination, Person, Unit
from ui.main_window import MainWindow
from ui.qt import Qt

YEAR = 2026
RECORD = "Bản chỉnh sửa được; bản PDF in ra là bản lưu hồ sơ."


def _docx(qtbot, settle, window: MainWindow, kind: str, out: Path, fill) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Make ``kind`` as .docx from the reports page: (body text, footer text)."""
    window.nav.setCurrentRow(window.page_list.index(window.reports))
    reports = window.reports
    form = reports.choose(kind)
    fill(form.widgets)
    reports.format.setCurrentIndex(reports.format.findData(".docx"))
    reports.out.setText(str(out))
    job = reports.make_document()
    assert job is not None, reports.banner.text()
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    settle()
    reports.dialog.reject()
    doc = open_docx(out)
    body = (
        " ".join(p.text for p in doc.paragraphs)
        + " "
        + " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    )
    return body, " ".join(p.text for s in doc.sections for p in s.footer.paragraphs)


def test_word_in_and_out_as_each_role(qtbot, settle, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clerk = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")

    def to_trinh(w) -> None:  # type: ignore[no-untyped-def]
        w["year"].setValue(2025)
        for name, text in (("to", "Ủy ban nhân dân tỉnh Tây Ninh"), ("issuer", "Sở Tài chính"),
                           ("parent", "UBND tỉnh Tây Ninh"), ("number", "12/TTr-STC")):  # fmt: skip
            w[name].setText(text)

    body, footer = _docx(qtbot, settle, clerk, "to-trinh", tmp_path / "tt.docx", to_trinh)
    assert "TỜ TRÌNH" in body and "Ủy ban nhân dân tỉnh Tây Ninh" in body and RECORD in footer
    with clerk.db.read() as s:
        stc = s.scalar(select(Unit.id).where(Unit.code == "STC"))
        people = s.execute(select(Person.id, Person.full_name, Person.birth_year)
                           .where(Person.unit_id == stc, Person.birth_year.is_not(None))
                           .order_by(Person.id).limit(2)).all()  # fmt: skip
    clerk.close()
    sent = danh_sach(tmp_path / "ds-stc.docx", [
        ("Lao động tiên tiến", [(p.full_name, p.birth_year, False, "Chuyên viên, Sở Tài chính") for p in people]),
    ])  # fmt: skip

    approver = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    db = approver.db
    approver.nav.setCurrentRow(approver.page_list.index(approver.reports))
    approver.reports.open_import()
    dialog = approver.reports.dialog
    dialog.path.setText(str(sent))  # pasted, not chosen: a Word list is one of nominations
    assert dialog.kind.currentData() == "nominations"
    with qtbot.waitSignal(dialog.check().done, timeout=30_000):
        pass
    assert not dialog.mapping.isHidden() and "năm đề nghị" in dialog.problems.item(0).text()
    dialog.year.setValue(YEAR)
    with qtbot.waitSignal(dialog.check().done, timeout=30_000):
        pass
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert dialog.import_button.isEnabled(), shown
    with qtbot.waitSignal(dialog.commit().done, timeout=30_000):
        pass
    assert "Đã nhập 2" in dialog.summary.text()
    with db.read() as s:
        made = s.execute(select(Nomination.id, Nomination.person_id).where(Nomination.year == YEAR)).all()
    assert sorted(p for _n, p in made) == sorted(p.id for p in people)
    assert all(_actors(demo_path, "nomination", n) <= {"pheduyet"} for n, _p in made)
    dialog.reject()

    def decision(w) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(w["decision"], "217")
        qtbot.keyClick(w["decision"].completer_.popup(), Qt.Key.Key_Return)

    body, footer = _docx(qtbot, settle, approver, "quyet-dinh", tmp_path / "qd.docx", decision)
    assert "QUYẾT ĐỊNH" in body and "GIÁM ĐỐC SỞ TÀI CHÍNH" in body and "217/QĐ-STC" in body
    assert RECORD in footer and "Mã nhật ký" in footer
