"""The eligibility rules file (``resources/rules/rules.toml``): parse, check, choose by year.

Each rule names the awards it applies to, its kind (one of :data:`KINDS`), its parameters, its
severity, its legal basis and the period it is in force. The set in force for a nomination of
year Y is every rule whose period contains 31 December of Y. A broken file never leaves the app
without rules: :class:`RuleBook` keeps the last set that loaded and the error that stopped the new
one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DomainError
from ..storage.resources import resource
from ..text import clean

SCHEMA = 1
SEVERITIES = ("blocking", "warning")
# kind -> parameters it requires (others are optional and checked by the check itself)
KINDS: dict[str, tuple[str, ...]] = {
    "target": (),
    "authority": ("allowed_levels",),
    "appraisal": ("min_rating",),
    "prerequisite": ("award",),
    "one_of": ("conditions",),
    "consecutive": ("award", "years"),
    "initiative": ("min_level",),
    "initiative_once": (),
    "collective_shares": (),
    "quota": ("of_award", "max_share"),
    "council_vote": ("threshold",),
    "exclusion": (),
    "merit_grounds": (),
}
# Where a chain of consecutive titles ends: the nomination's year, or the year before it (CSTĐ toàn
# quốc: proposed in the year after the second CSTĐ tỉnh, Decree 152/2025 Art. 35.1.a).
THROUGH = ("same_year", "previous_year")
CONDITION_KINDS = ("appraisal", "initiative", "research", "consecutive", "prerequisite", "campaign", "all")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    awards: tuple[str, ...]  # award codes; ("*",) for every award
    severity: str
    legal_basis: str
    valid_from: dt.date
    valid_to: dt.date | None
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def in_force(self, year: int) -> bool:
        day = dt.date(year, 12, 31)
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def applies_to(self, award_code: str) -> bool:
        return "*" in self.awards or award_code in self.awards


@dataclass(frozen=True)
class RuleSet:
    digest: str
    rules: tuple[Rule, ...]

    def for_award(self, award_code: str, year: int) -> list[Rule]:
        return [r for r in self.rules if r.in_force(year) and r.applies_to(award_code)]


def default_path() -> Path:
    return resource("rules", "rules.toml")


def _fail(where: str, what: str) -> DomainError:
    return DomainError(f"Tệp quy tắc: {where}: {what}.")


def _date(value: object, key: str, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise _fail(where, f"«{key}» phải là ngày dạng YYYY-MM-DD")


def _rule(item: dict[str, Any], award_codes: set[str] | None) -> Rule:
    rid = clean(str(item.get("id", "")))
    where = f"quy tắc «{rid or '?'}»"
    if not rid:
        raise _fail("một mục [[rule]]", "thiếu «id»")
    kind = item.get("kind")
    if kind not in KINDS:
        raise _fail(where, f"loại quy tắc «{kind}» không được hỗ trợ (cho phép: {', '.join(KINDS)})")
    basis = clean(str(item.get("legal_basis", "")))
    if not basis:
        raise _fail(where, "thiếu căn cứ pháp lý «legal_basis»")
    severity = item.get("severity", "blocking")
    if severity not in SEVERITIES:
        raise _fail(where, f"mức độ «{severity}» không hợp lệ (blocking hoặc warning)")
    awards = item.get("awards")
    if not isinstance(awards, list) or not awards or not all(isinstance(a, str) for a in awards):
        raise _fail(where, "«awards» phải là danh sách mã danh hiệu")
    if award_codes is not None:
        unknown = [a for a in awards if a != "*" and a not in award_codes]
        if unknown:
            raise _fail(where, f"mã danh hiệu không có trong danh mục: {', '.join(unknown)}")
    params = {k: v for k, v in item.items() if k not in _COMMON}
    for key in KINDS[kind]:
        if key not in params:
            raise _fail(where, f"loại «{kind}» cần tham số «{key}»")
    if kind == "one_of":
        _check_conditions(params["conditions"], where)
    _check_through(params, where)
    for key in ("threshold", "max_share", "min_ldtt_share", "min_completed_share"):
        if key in params and not (isinstance(params[key], int | float) and 0 <= params[key] <= 1):
            raise _fail(where, f"«{key}» phải là tỷ lệ từ 0 đến 1")
    valid_from = _date(item.get("valid_from"), "valid_from", where)
    valid_to = _date(item["valid_to"], "valid_to", where) if "valid_to" in item else None
    if valid_to is not None and valid_to < valid_from:
        raise _fail(where, "«valid_to» trước «valid_from»")
    return Rule(
        id=rid,
        name=clean(str(item.get("name", rid))),
        kind=kind,
        awards=tuple(awards),
        severity=severity,
        legal_basis=basis,
        valid_from=valid_from,
        valid_to=valid_to,
        params=params,
    )


def _check_conditions(conditions: object, where: str) -> None:
    if not isinstance(conditions, list) or not conditions:
        raise _fail(where, "«conditions» phải là danh sách điều kiện")
    for cond in conditions:
        if not isinstance(cond, dict) or cond.get("kind") not in CONDITION_KINDS:
            raise _fail(where, f"điều kiện phải có «kind» thuộc: {', '.join(CONDITION_KINDS)}")
        for key in KINDS.get(cond["kind"], ()):
            if key not in cond:
                raise _fail(where, f"điều kiện «{cond['kind']}» cần tham số «{key}»")
        _check_through(cond, where)
        if cond["kind"] == "all":
            _check_conditions(cond.get("conditions"), where)


def _check_through(params: dict[str, Any], where: str) -> None:
    if params.get("through", "same_year") not in THROUGH:
        raise _fail(where, f"«through» phải là một trong: {', '.join(THROUGH)}")


_COMMON = {"id", "name", "kind", "awards", "severity", "legal_basis", "valid_from", "valid_to", "note"}


def parse(raw: bytes, award_codes: set[str] | None = None) -> RuleSet:
    """Parse rules from the file's bytes; raise :class:`DomainError` naming the first fault."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError(f"Tệp quy tắc sai cú pháp: {exc}") from exc
    if data.get("schema") != SCHEMA:
        raise DomainError(f"Tệp quy tắc: phiên bản định dạng không hỗ trợ ({data.get('schema')!r}).")
    items = data.get("rule", [])
    if not isinstance(items, list) or not items:
        raise DomainError("Tệp quy tắc không có quy tắc nào.")
    rules = tuple(_rule(item, award_codes) for item in items)
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise _fail(f"quy tắc «{r.id}»", "khai báo hai lần")
        seen.add(r.id)
    return RuleSet(hashlib.sha256(raw).hexdigest(), rules)


def load(path: Path | None = None, award_codes: set[str] | None = None) -> RuleSet:
    path = path or default_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"Không đọc được tệp quy tắc {path}: {exc.strerror}") from exc
    return parse(raw, award_codes)


class RuleBook:
    """The rules in force for the running app: reloads when the file changes, and keeps the
    last good set (with the error) when a new version does not load."""

    def __init__(self, path: Path | None = None, award_codes: set[str] | None = None) -> None:
        self.path = path or default_path()
        self.award_codes = award_codes
        self.error: DomainError | None = None
        self._lock = threading.Lock()
        self._mtime: float | None = None
        self._rules: RuleSet = load(self.path, award_codes)  # the first load must succeed
        self._mtime = self._stat()

    def _stat(self) -> float | None:
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return None

    @property
    def rules(self) -> RuleSet:
        with self._lock:
            mtime = self._stat()
            if mtime != self._mtime:
                self._mtime = mtime
                try:
                    self._rules = load(self.path, self.award_codes)
                    self.error = None
                except DomainError as exc:
                    self.error = exc  # the last good set stays in force
            return self._rules
