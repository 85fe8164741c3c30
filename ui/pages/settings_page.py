"""Cài đặt: the interface language and the list of recent files."""

from __future__ import annotations

from collections.abc import Callable

from ..qt import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget, translate
from ..settings import Settings

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated


class SettingsPage(QWidget):
    def __init__(self, settings: Settings, set_language: Callable[[str], object],
                 clear_recent: Callable[[], object], parent: QWidget | None = None) -> None:
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
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.form = QFormLayout()
        self.language_label = QLabel()
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(QLabel(), self.clear)
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
        self.where.setText(translate("SettingsPage", "Các cài đặt được lưu tại: {0}").format(self.settings.path))
