"""An import's report in the UI's language: the summary line, each problem and duplicate, the
preview's column titles. ``ImportReport`` says them in Vietnamese for the command line; here each
is put together from the report's numbers and translated parts (messages through the catalogue)."""

from __future__ import annotations

import re

from app.excel.handler import Duplicate
from app.excel.importer import ImportReport, Problem

from ..error_catalogue import translate_message
from ..qt import QT_TRANSLATE_NOOP, translate

KINDS = {
    "units": QT_TRANSLATE_NOOP("ImportDialog", "đơn vị"),
    "persons": QT_TRANSLATE_NOOP("ImportDialog", "cá nhân"),
    "nominations": QT_TRANSLATE_NOOP("ImportDialog", "đề nghị khen thưởng"),
}
# The handlers' column and preview titles (app.excel.import_*), marked for translation.
TITLES = (
    QT_TRANSLATE_NOOP("ImportColumns", "CCCD"),
    QT_TRANSLATE_NOOP("ImportColumns", "Chức vụ"),
    QT_TRANSLATE_NOOP("ImportColumns", "Cấp"),
    QT_TRANSLATE_NOOP("ImportColumns", "Cấp trên"),
    QT_TRANSLATE_NOOP("ImportColumns", "Cấp đơn vị"),
    QT_TRANSLATE_NOOP("ImportColumns", "Danh hiệu"),
    QT_TRANSLATE_NOOP("ImportColumns", "Dòng"),
    QT_TRANSLATE_NOOP("ImportColumns", "Giới tính"),
    QT_TRANSLATE_NOOP("ImportColumns", "Họ"),
    QT_TRANSLATE_NOOP("ImportColumns", "Họ và tên"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã danh hiệu"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã tập thể"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã đơn vị"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã đơn vị cấp trên"),
    QT_TRANSLATE_NOOP("ImportColumns", "Mã đơn vị đề nghị"),
    QT_TRANSLATE_NOOP("ImportColumns", "Ngày bắt đầu công tác"),
    QT_TRANSLATE_NOOP("ImportColumns", "Ngày sinh"),
    QT_TRANSLATE_NOOP("ImportColumns", "Năm"),
    QT_TRANSLATE_NOOP("ImportColumns", "Năm sinh"),
    QT_TRANSLATE_NOOP("ImportColumns", "Số CCCD"),
    QT_TRANSLATE_NOOP("ImportColumns", "Tên"),
    QT_TRANSLATE_NOOP("ImportColumns", "Tên viết tắt"),
    QT_TRANSLATE_NOOP("ImportColumns", "Tên đơn vị"),
    QT_TRANSLATE_NOOP("ImportColumns", "Tên đệm"),
    QT_TRANSLATE_NOOP("ImportColumns", "Tóm tắt thành tích"),
    QT_TRANSLATE_NOOP("ImportColumns", "Đơn vị"),
    QT_TRANSLATE_NOOP("ImportColumns", "Đối tượng"),
)
_COLUMN = re.compile(r"^(?P<field>.*) \(cột (?P<letter>[A-Z]+)\)$")


def title_text(title: str) -> str:
    """A column's or field's title: one of :data:`TITLES`, else a label of the message catalogue."""
    translated = translate("ImportColumns", title)
    return translated if translated != title else translate_message(title)


def summary_text(r: ImportReport) -> str:
    """:meth:`ImportReport.summary` in the UI's language: «tep.xlsx: 120 dòng dữ liệu, 118 cá nhân hợp
    lệ, 2 lỗi ở 2 dòng. Chạy thử: chưa ghi gì.»"""
    valid, bad_rows = r.rows_judged()
    kind = translate("ImportDialog", KINDS.get(r.kind, r.kind))
    text = translate("ImportDialog", "{0}: {1} dòng dữ liệu, {2} {3} hợp lệ").format(
        r.file, r.rows_read, valid, kind
    )
    if r.problems and bad_rows:
        text += translate("ImportDialog", ", {0} lỗi ở {1} dòng").format(len(r.problems), bad_rows)
    elif r.problems:
        text += translate("ImportDialog", ", {0} lỗi").format(len(r.problems))
    if r.duplicates:
        text += translate("ImportDialog", ", {0} trùng với dữ liệu đã có").format(len(r.duplicates))
    text += "."
    if r.committed:
        text += " " + translate("ImportDialog", "Đã nhập {0}, gộp {1}, bỏ qua {2}.").format(
            r.inserted, r.merged, r.skipped
        )
    elif r.dry_run:
        text += " " + translate("ImportDialog", "Chạy thử: chưa ghi gì.")
    else:
        text += " " + translate("ImportDialog", "Không nhập gì.")
    return "\n".join([text, *(translate_message(n) for n in r.notes)])


def column_text(column: str) -> str:
    """«Ngày sinh (cột D)»: the field's name translated, the column's letter kept."""
    m = _COLUMN.match(column)
    if m is None:
        return title_text(column)
    return translate("ImportDialog", "{0} (cột {1})").format(title_text(m["field"]), m["letter"])


def problem_text(p: Problem) -> str:
    where = translate("ImportDialog", "Dòng {0}").format(p.row) if p.row else translate("ImportDialog", "Tệp")
    if p.column:
        where += ", " + column_text(p.column)
    return f"{where}: {translate_message(p.message)}"


def duplicate_text(d: Duplicate) -> str:
    return translate("ImportDialog", "Trùng — {text}").format(
        text=f"{translate('ImportDialog', 'Dòng {0}').format(d.row)}: {translate_message(d.description)}"
    )


def header_texts(headers: tuple[str, ...] | list[str]) -> list[str]:
    return [title_text(h) for h in headers]
