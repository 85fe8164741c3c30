"""A document ready to save: its story (built on demand; PDF or .docx) and its tables (for .xlsx)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus import Flowable

from ..errors import DomainError
from .decree30 import write_pdf
from .tables import TableData


@dataclass
class Document:
    title: str
    story: Callable[[], list[Flowable]]
    tables: list[TableData] = field(default_factory=list)
    landscape: bool = False
    head_code: str = ""  # the audit head's short code (app.audit.code), printed at each page's foot

    @property
    def footer(self) -> str:
        return f"Mã nhật ký: {self.head_code}" if self.head_code else ""

    def save(
        self,
        out: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        """Write ``out`` atomically: a PDF, the same story as an editable .docx, or the document's
        tables as .xlsx (by the file's suffix).
        A cancel while the PDF is laid out raises :class:`~.progress.Cancelled` and leaves no file."""
        out = Path(out)
        suffix = out.suffix.lower()
        if suffix == ".xlsx":
            # openpyxl only when a table is saved: `thidua --help` imports this module.
            from ..excel.writer import write_tables

            write_tables(out, self.tables, head_code=self.head_code)
        elif suffix == ".docx":
            from .docx_writer import write_docx  # python-docx only when a .docx is asked for

            write_docx(out, self.title, self.story(), footer=self.footer)
        elif suffix == ".pdf":
            write_pdf(out, self.title, self.story(), landscape_pages=self.landscape, progress=progress,
                      cancelled=cancelled, footer=self.footer)  # fmt: skip
        else:
            raise DomainError("Tệp kết quả phải có đuôi .pdf, .docx hoặc .xlsx.", field="out")
        return out

    def pdf_bytes(self) -> bytes:
        buf = io.BytesIO()
        write_pdf(
            None, self.title, self.story(), landscape_pages=self.landscape, fileobj=buf, footer=self.footer
        )
        return buf.getvalue()


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)
