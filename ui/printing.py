"""Printing a PDF shown in a QtPdf preview: each page rendered at the printer's resolution."""

from __future__ import annotations

from .qt import QDialog, QPainter, QPdfDocument, QPrintDialog, QPrinter, QWidget


def print_pdf(parent: QWidget, document: QPdfDocument) -> QPrinter | None:
    """Ask for a printer and print every page; the printer used, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            rect = painter.viewport()
            painter.drawImage(rect, document.render(page, rect.size()))
    finally:
        painter.end()
    return printer
