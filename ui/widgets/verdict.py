"""The eligibility verdict panel of the nomination form: ok / warning / blocking, and why.

A new nomination being typed gets the rules engine's verdict through ``Checker.preview``; a saved
one through ``Checker.check``; a saved one with unsaved edits the target check until it is saved.
"""

from __future__ import annotations

from app.rules.verdict import Verdict

from ..qt import QT_TRANSLATE_NOOP, QFrame, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget, translate

SHOWN_LINES = 5  # the reasons shown without scrolling; more scroll, never cut

_STATUS = {
    "none": (
        QT_TRANSLATE_NOOP("Verdict", "Chọn đối tượng và danh hiệu để kiểm tra điều kiện."),
        "#546e7a",
        "#eceff1",
    ),
    "ok": (
        QT_TRANSLATE_NOOP("Verdict", "Đủ điều kiện theo các quy định đang áp dụng."),
        "#1b5e20",
        "#e8f5e9",
    ),
    "warning": (QT_TRANSLATE_NOOP("Verdict", "Cần lưu ý trước khi trình."), "#8d5300", "#fff8e1"),
    "blocking": (QT_TRANSLATE_NOOP("Verdict", "Chưa đủ điều kiện."), "#b71c1c", "#ffebee"),
}
_DRAFT_NOTE = QT_TRANSLATE_NOOP(
    "Verdict", "Hồ sơ chưa lưu: mới kiểm tra đối tượng và hiệu lực của danh hiệu; lưu để kiểm tra đầy đủ."
)


class VerdictPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verdictDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Long reasons scroll inside the panel: the dialog keeps its size and nothing is cut off.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("verdictScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setStyleSheet("background: transparent;")
        self.scroll_area.setWidget(self.details)
        self.scroll_area.setMinimumHeight(self.fontMetrics().lineSpacing() * SHOWN_LINES + 8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.scroll_area, 1)
        self.status = "none"
        self._lines: list[str] = []
        self._draft = False
        self._paint()

    def show_none(self) -> None:
        self._set("none", [], draft=False)

    def show_draft(self, problems: list[str]) -> None:
        """Unsaved nomination: ``problems`` are the messages of the failed pre-checks."""
        self._set("blocking" if problems else "ok", problems, draft=True)

    def show_verdict(self, verdict: Verdict) -> None:
        lines = [
            f"• {f.message} ({f.legal_basis})" if f.legal_basis else f"• {f.message}"
            for f in verdict.findings
        ]
        if verdict.era_note:  # judged by an earlier era's rules (e.g. submitted before a decree took effect)
            lines.append(f"ⓘ {verdict.era_note}")
        self._set(verdict.status, lines, draft=False)

    def _set(self, status: str, lines: list[str], *, draft: bool) -> None:
        self.status, self._lines, self._draft = status, lines, draft
        self._paint()

    def retranslate(self) -> None:
        self._paint()

    def _paint(self) -> None:
        text, fg, bg = _STATUS[self.status]
        self.setStyleSheet(
            f"QFrame#verdict {{ background: {bg}; border: 1px solid {fg}; border-radius: 4px; }}"
        )
        self.headline.setStyleSheet(f"color: {fg}; font-weight: bold;")
        self.headline.setText(translate("Verdict", text))
        lines = list(self._lines)
        if self._draft:
            lines.append(translate("Verdict", _DRAFT_NOTE))
        self.details.setText("\n".join(lines))
        self.scroll_area.setVisible(bool(lines))
