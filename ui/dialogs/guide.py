"""The user guide (F1): a clerk's year step by step, with screenshots the test suite makes from the
app itself (tests/test_user_guide.py), shipped in resources/guide/."""

from __future__ import annotations

from pathlib import Path

from app.storage.resources import resource

from ..qt import QDialog, QTextBrowser, QUrl, QVBoxLayout, QWidget, translate

GUIDE = ("guide", "huong-dan.md")


def guide_path() -> Path:
    return resource(*GUIDE)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Guide", "Hướng dẫn sử dụng Sổ Thi đua"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        if path.is_file():
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(translate("Guide", "Không tìm thấy tệp hướng dẫn: {0}").format(path))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(980, 760)
