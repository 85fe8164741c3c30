"""The messages services raise, as templates the English UI can translate.

Services raise :class:`app.errors.DomainError` with a Vietnamese message, often formatted
(``f"Không có đơn vị mã «{code}»."``). ``app`` never imports Qt, so the message reaches the UI as
finished text. This module keeps, in ``resources/translations/domain_errors.json``, each message's
template (``"Không có đơn vị mã «{0}»."``) read from the source of ``app/``; :func:`error_text`
matches a message against them, translates the template (context "DomainError" of the .ts) and
puts the values back, each translated too when it is a known label (a field's name, a status).
A message no template matches is shown as it is: Vietnamese, never lost.

``python -m ui.error_catalogue`` writes the file again after messages change; a test checks that
it is current and that every template has an English translation.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import sys
from pathlib import Path

from app.errors import DomainError, user_message
from app.storage.resources import resource

from .qt import translate

CONTEXT = "DomainError"
# Calls whose string arguments are messages for the user, and helpers given a field's label.
RAISERS = frozenset({
    "DomainError", "NotFound", "ConflictError", "DatabaseError", "PermissionDeniedError", "LoginError",
    "FileRefused", "LayoutError", "ReadOnlyError", "InstanceBusy", "Cancelled", "require", "_fail", "refuse", "_refuse",
    "SheetProblem", "Problem", "CellProblem",
})  # fmt: skip
MESSAGE_FUNCTIONS = frozenset({"misfit"})  # functions that return a reason for the user
LABEL_ARGUMENT = {"required_text": 1, "optional_text": 1, "as_enum": 2, "get": 3}
LABEL_CONSTANTS = frozenset(
    {"WHAT", "NOT_LOGGED_IN", "LOGIN_FAILED", "STOPS"}
)  # module constants: messages, parts
# Where messages are for files and commands only (the command line is Vietnamese).
NOT_SHOWN = ("cli/", "migrations/", "demo/", "rules/spec.py", "catalogue.py")
# Where every Vietnamese text is for the user: the reports of what a package changed, whose lines
# (``report.changes.append(f"{where}: …")``) are built apart from any raise.
ALL_SAID = tuple(
    f"exchange/{name}.py"
    for name in ("attached", "dossiers", "evidence", "forward", "inbox", "ledger", "replies", "scores")
)
_PLACEHOLDER = re.compile(r"\{(\d+)\}")
MIN_LITERAL = 5  # a template of fewer fixed characters ("{0}: {1}") would match anything ("Hồ sơ {0}": 5)


def catalogue_path() -> Path:
    return resource("translations", "domain_errors.json")


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts, index = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                parts.append(f"{{{index}}}")
                index += 1
        return "".join(parts)
    return None


def _is_message(text: str) -> bool:
    fixed = _PLACEHOLDER.sub("", text)
    # Plain ASCII is a programmer's English (a ValueError inside a parser), not a message to translate.
    return len(fixed.strip()) >= MIN_LITERAL and not fixed.isidentifier() and not fixed.isascii()


def extract(root: Path) -> dict[str, list[str]]:
    """The templates and labels of the messages raised under ``root`` (the ``app`` folder)."""
    templates: set[str] = set()
    labels: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        if str(path.relative_to(root)).replace("\\", "/").startswith(NOT_SHOWN):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if str(path.relative_to(root)).replace("\\", "/").startswith(ALL_SAID):
            templates |= _all_said(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in MESSAGE_FUNCTIONS:
                templates |= {
                    t
                    for r in ast.walk(node)
                    if isinstance(r, ast.Return) and r.value is not None and (t := _template(r.value))
                    if _is_message(t)
                }
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if (
                    name == "append"
                    and _is_errors(func)
                    and node.args
                    and isinstance(node.args[0], ast.Tuple)
                ):
                    pair = node.args[0].elts  # a row's (field, message) in an import handler
                    if len(pair) == 2 and (t := _template(pair[1])) and _is_message(t):
                        templates.add(t)
                if name in RAISERS or (name or "").endswith(("Error", "Refused")):
                    templates |= {t for a in node.args if (t := _template(a)) and _is_message(t)}
                at = LABEL_ARGUMENT.get(name or "")
                if at is not None and len(node.args) > at and (t := _template(node.args[at])):
                    labels.add(t)
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id in LABEL_CONSTANTS for t in targets):
                    values = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
                    labels |= {t for v in values if v is not None and (t := _template(v))}
    return {"templates": sorted(templates), "labels": sorted(labels - templates)}


def _is_errors(func: ast.expr) -> bool:
    """``errors.append`` (a handler's list of a row's problems)."""
    value = getattr(func, "value", None)
    return isinstance(value, ast.Name) and value.id == "errors"


def _all_said(tree: ast.Module) -> set[str]:
    """Every message-like text of a module: its f-strings and plain strings, not the parts of an
    f-string, nor docstrings."""
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        t
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr | ast.Constant) and id(node) not in parts | docs
        if (t := _template(node)) and _is_message(t)
    }


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each template as a pattern, the most specific (most fixed text) first."""
    try:
        data = json.loads(catalogue_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    out = []
    for template in data.get("templates", []):
        pieces = _PLACEHOLDER.split(template)  # fixed, index, fixed, index, …
        regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<p{p}>.+?)" for i, p in enumerate(pieces))
        out.append((re.compile(regex, re.DOTALL), template))
    out.sort(key=lambda item: -len(_PLACEHOLDER.sub("", item[1])))
    return tuple(out)


def translate_message(message: str, depth: int = 0) -> str:
    """``message`` in the UI's language: its template translated, its values put back."""
    whole = translate(CONTEXT, message)
    if whole != message or depth > 2:
        return whole
    for pattern, template in _patterns():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        text = translate(CONTEXT, template)
        if text == template:
            return message  # no translation loaded (the Vietnamese UI) or none written
        return _fill(text, {key[1:]: _value(value, depth) for key, value in found.groupdict().items()})
    return message


def _fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _value(text: str, depth: int) -> str:
    for context in (CONTEXT, "Labels"):
        translated = translate(context, text)
        if translated != text:
            return translated
    return translate_message(text, depth + 1)


def error_text(exc: object) -> str:
    """What to show for an error raised by a service (or anything else) in the UI's language."""
    if isinstance(exc, DomainError):
        return translate_message(exc.message)
    if isinstance(exc, BaseException):  # a full disk, a read-only folder… explained (app.errors)
        return translate_message(user_message(exc))
    return str(exc)


def main() -> int:
    root = Path(__file__).resolve().parent.parent / "app"
    catalogue_path().write_text(
        json.dumps(extract(root), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
