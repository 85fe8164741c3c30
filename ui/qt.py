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

# Every user-visible string goes through Qt's translation system; the source language is
# Vietnamese. `translate(context, text)` is the call pyside6-lupdate extracts.
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string for extraction where it is defined; translate it where it is shown."""
    return text
