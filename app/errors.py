"""The one error type services raise for anything the user can fix."""

from __future__ import annotations


class DomainError(Exception):
    """A refused operation, with a message for the user (Vietnamese) and, where known, the field.

    Raised before anything is written, or inside the operation's transaction so that it is rolled
    back: a failed operation leaves the database as it was.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Somebody else saved the record first (optimistic version check)."""


class DatabaseError(DomainError):
    """The database file cannot be used: locked, damaged, not a database, newer than the app."""


# What an operating-system error means to the user, by its errno (issue #14: a full disk, a
# read-only medium or folder, a folder without the right to write were raw tracebacks).
_OS_REASONS = {
    "ENOSPC": "ổ đĩa đã đầy; hãy giải phóng dung lượng hoặc chọn ổ khác rồi thử lại",
    "EDQUOT": "đã hết hạn mức dung lượng của người dùng trên ổ đĩa",
    "EFBIG": "tệp vượt quá kích thước ổ đĩa cho phép",
    "EROFS": "ổ đĩa hoặc thư mục chỉ cho phép đọc (không ghi được); hãy chọn nơi khác có quyền ghi",
    "EACCES": "không có quyền truy cập; hãy chọn thư mục khác hoặc xin quyền ghi",
    "EPERM": "không có quyền truy cập; hãy chọn thư mục khác hoặc xin quyền ghi",
    "ENOENT": "không tồn tại",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "EISDIR": "là một thư mục, không phải tệp",
    "EIO": "lỗi đọc ghi của ổ đĩa (ổ hỏng hoặc đã bị rút ra?)",
}


def os_error_message(exc: OSError, path: object | None = None) -> str:
    """One Vietnamese sentence for ``exc``, naming the file (``path``, else the error's own)."""
    import errno

    where = path if path is not None else exc.filename
    name = errno.errorcode.get(exc.errno or 0, "")
    reason = _OS_REASONS.get(name) or exc.strerror or str(exc)
    writing = name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS")
    verb = "Không ghi được" if writing else "Không truy cập được"
    return f"{verb} «{where}»: {reason}." if where else f"{verb} tệp: {reason}."


def user_message(exc: BaseException) -> str:
    """What to tell the user about ``exc``: a DomainError's message, an OSError explained, else its text."""
    if isinstance(exc, DomainError):
        return exc.message
    if isinstance(exc, OSError):
        return os_error_message(exc)
    return str(exc)
