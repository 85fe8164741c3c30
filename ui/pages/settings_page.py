"""Cài đặt: the interface language, the list of recent files, the certificate layouts."""

from __future__ import annotations

from collections.abc import Callable

from ..qt import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget, translate
from ..settings import Settings

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated


class SettingsPage(QWidget):
    def __init__(
        self,
        settings: Settings,
        set_language: Callable[[str], object],
        clear_recent: Callable[[], object],
        edit_layouts: Callable[[], object] | None = None,
        edit_office: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.currentIndexChanged.connect(lambda _i: set_language(self.language.currentData()))
        self.clear = QPushButton()
        self.clear.clicked.connect(lambda _c=False: clear_recent())
        self.layouts = QPushButton()
        self.layouts.setObjectName("layouts")
        self.layouts.clicked.connect(lambda _c=False: edit_layouts() if edit_layouts else None)
        self.layouts.setVisible(edit_layouts is not None)
        self.office = QPushButton()
        self.office.setObjectName("office")
        self.office.clicked.connect(lambda _c=False: edit_office() if edit_office else None)
        self.office.setVisible(edit_office is not None)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.form = QFormLayout()
        self.language_label = QLabel()
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(QLabel(), self.clear)
        self.layouts_label = QLabel()
        self.form.addRow(self.layouts_label, self.layouts)
        self.office_label = QLabel()
        self.form.addRow(self.office_label, self.office)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.where)
        layout.addStretch(1)
        self.retranslate()

    def show_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(code))
        self.language.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText("<b>" + translate("SettingsPage", "Cài đặt") + "</b>")
        self.language_label.setText(translate("SettingsPage", "Ngôn ngữ giao diện:"))
        self.clear.setText(translate("SettingsPage", "Xóa danh sách tệp gần đây"))
        self.layouts_label.setText(translate("SettingsPage", "Giấy chứng nhận:"))
        self.layouts.setText(translate("SettingsPage", "Mẫu giấy chứng nhận…"))
        self.office_label.setText(translate("SettingsPage", "Văn bản:"))
        self.office.setText(translate("SettingsPage", "Thông tin cơ quan (đầu văn bản, người ký)…"))
        self.where.setText(
            translate("SettingsPage", "Các cài đặt được lưu tại: {0}").format(self.settings.path)
        )
