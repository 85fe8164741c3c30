"""Every Qt import of the GUI goes through here, so the binding is named once."""

from PySide6.QtCore import (  # noqa: F401
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QRunnable,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QKeySequence  # noqa: F401
from PySide6.QtWidgets import (  # noqa: F401
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


def tr(context: str, text: str) -> str:
    """Translate a user-visible string (source language: Vietnamese)."""
    return QCoreApplication.translate(context, text)
