"""A record's attachments (scanned signed documents): a small list with Thêm…, Mở and Xóa.

Adding and removing run as operations on the writer thread (:func:`ui.operations.run_write`);
opening writes a temporary copy and hands it to the system's viewer. The list reloads when the
operation comes back.
"""

from __future__ import annotations

from pathlib import Path

from app.services.attachments import (
    AttachmentRecord,
    Owner,
    add_files,
    list_attachments,
    remove_attachment,
    viewing_copy,
)
from app.storage.db import Database

from ..error_catalogue import error_text
from ..messages import ask, show_error
from ..operations import run_write
from ..qt import (
    QT_TRANSLATE_NOOP,
    QDesktopServices,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    translate,
)

CONTEXT = "Attachments"
KINDS = {
    "application/pdf": QT_TRANSLATE_NOOP("Attachments", "PDF"),
    "image/jpeg": QT_TRANSLATE_NOOP("Attachments", "ảnh JPEG"),
    "image/png": QT_TRANSLATE_NOOP("Attachments", "ảnh PNG"),
}


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


class AttachmentsBox(QGroupBox):
    """The attachments of one owner (a nomination, a decision, a score sheet)."""

    def __init__(self, db: Database, owner: Owner, parent: QWidget | None = None) -> None:
        super().__init__(translate(CONTEXT, "Tệp đính kèm (bản quét có chữ ký)"), parent)
        self.setObjectName("attachments")
        self.db, self.owner = db, owner
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setMaximumHeight(90)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.add_button = QPushButton(translate(CONTEXT, "Thêm…"))
        self.add_button.setObjectName("addAttachment")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(translate(CONTEXT, "Mở"))
        self.open_button.setObjectName("openAttachment")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(translate(CONTEXT, "Xóa"))
        self.remove_button.setObjectName("removeAttachment")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.records: list[AttachmentRecord] = []
        self.reload()

    def reload(self) -> None:
        self.records = list_attachments(self.db, self.owner)
        self.list.clear()
        for a in self.records:
            item = QListWidgetItem(
                translate(CONTEXT, "{0} — {1}, {2}").format(
                    a.file_name,
                    translate(CONTEXT, KINDS[a.media_type]) if a.media_type in KINDS else a.kind,
                    _size(a.size),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(translate(CONTEXT, "SHA-256: {0}\nThêm bởi {1}").format(a.sha256, a.added_by))
            self.list.addItem(item)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    # -- actions ---------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            translate(CONTEXT, "Chọn tệp đính kèm"),
            "",
            translate(CONTEXT, "Bản quét PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)"),
        )
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        """Attach the files at ``paths`` (an operation: all or none)."""
        db, owner = self.db, self.owner
        run_write(self, translate(CONTEXT, "Đính kèm tệp"), db, lambda: add_files(db, owner, paths),
                  on_done=lambda _made: self.reload(), on_error=self._failed)  # fmt: skip

    def open_selected(self) -> Path | None:
        """Open the chosen attachment in the system's viewer (a temporary copy)."""
        chosen = self.selected()
        if chosen is None:
            return None
        try:
            copy = viewing_copy(self.db, chosen)
        except Exception as exc:  # noqa: BLE001 - a refusal or a disk error: said, not raised
            self._failed(exc)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
        return copy

    def remove_selected(self, *, confirm: bool = True) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name = next((a.file_name for a in self.records if a.id == chosen), "")
        if confirm and not ask(
            self, translate(CONTEXT, "Xóa tệp đính kèm"), translate(CONTEXT, "Xóa tệp «{0}»?").format(name)
        ):
            return
        db = self.db
        run_write(self, translate(CONTEXT, "Xóa tệp đính kèm"), db, lambda: remove_attachment(db, chosen),
                  on_done=lambda _none: self.reload(), on_error=self._failed)  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        show_error(self, error_text(exc))  # a refusal, or a disk error said plainly
