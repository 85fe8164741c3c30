"""The eligibility rules file (``resources/rules/rules.toml``): parse, check, choose by year.

Each rule names the awards it applies to, its kind (one of :data:`KINDS`), its parameters, its
severity, its legal basis and the period it is in force. The set in force for a nomination of
year Y is every rule whose period contains its *judgement day*: 31 December of Y, unless an era of
the file says otherwise (Decree 152/2025 Art. 60.3: a dossier submitted before the decree took
effect is decided under the decree before it). A day outside every era of the file has no rules:
the verdict says so instead of judging silently.

Rules marked ``provincial = true`` rest on the province's own regulation (Decree 152/2025 Art. 6.2
leaves, for instance, the council's procedure for CSTĐCS, CSTĐ tỉnh and Cờ thi đua tỉnh to each
province): the file ships today's values as defaults, and the administrator overrides them in a
``province.toml`` (:func:`province_path`) citing the province's act, without touching code.

A broken file never leaves the app without rules: :class:`RuleBook` keeps the last set that
loaded and the error that stopped the new one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DomainError
from ..storage.paths import data_dir
from ..storage.resources import resource
from ..text import clean

SCHEMA = 1
ENV_PROVINCE = "THIDUA_PROVINCE_RULES"
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
    provincial: bool = False  # the value is the province's to set (see province_path)
    overridden: bool = False  # the province's file set it

    def in_force(self, year: int) -> bool:
        return self.in_force_on(dt.date(year, 12, 31))

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def applies_to(self, award_code: str) -> bool:
        return "*" in self.awards or award_code in self.awards


@dataclass(frozen=True)
class Era:
    """A period of legal texts (law + guiding decree). ``keeps_earlier_dossiers``: a dossier
    submitted before this era began is decided under the era before it (``transition_basis``)."""

    id: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    legal_basis: str
    keeps_earlier_dossiers: bool = False
    transition_basis: str = ""

    def contains(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Judgement:
    """The day a nomination is judged on, its era (None: no era of the file covers the day) and,
    when the submission date moved it to an earlier era, why."""

    day: dt.date
    era: Era | None
    note: str = ""


@dataclass(frozen=True)
class RuleSet:
    digest: str
    rules: tuple[Rule, ...]
    eras: tuple[Era, ...] = ()

    def judgement(self, year: int, submitted: dt.date | None = None) -> Judgement:
        day = dt.date(year, 12, 31)
        era = next((e for e in self.eras if e.contains(day)), None)
        if (
            era is not None
            and era.keeps_earlier_dossiers
            and submitted is not None
            and submitted < era.valid_from
        ):
            earlier_day = era.valid_from - dt.timedelta(days=1)
            earlier = next((e for e in self.eras if e.contains(earlier_day)), None)
            if earlier is not None:
                note = (
                    f"Hồ sơ gửi ngày {submitted:%d/%m/%Y}, trước {era.valid_from:%d/%m/%Y}: xét theo "
                    f"{earlier.name} ({era.transition_basis})"
                )
                return Judgement(earlier_day, earlier, note)
        return Judgement(day, era)

    def covers(self, judgement: Judgement) -> bool:
        """False when the file declares eras and none covers the day (rules out of date)."""
        return not self.eras or judgement.era is not None

    def for_award(self, award_code: str, year: int, submitted: dt.date | None = None) -> list[Rule]:
        day = self.judgement(year, submitted).day
        return [r for r in self.rules if r.in_force_on(day) and r.applies_to(award_code)]

    def last_era(self) -> Era | None:
        return max(self.eras, key=lambda e: e.valid_from) if self.eras else None


def default_path() -> Path:
    return resource("rules", "rules.toml")


def province_path() -> Path:
    """The province's overrides: ``$THIDUA_PROVINCE_RULES``, else ``province.toml`` in the user data
    folder (kept across updates of the app; see resources/rules/province.example.toml)."""
    env = os.environ.get(ENV_PROVINCE)
    return Path(env) if env else data_dir() / "province.toml"


def _fail(where: str, what: str) -> DomainError:
    return DomainError(f"Tệp quy tắc: {where}: {what}.")


def _date(value: object, key: str, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise _fail(where, f"«{key}» phải là ngày dạng YYYY-MM-DD")


def _rule(item: dict[str, Any], award_codes: set[str] | None, overridden: bool = False) -> Rule:
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
    provincial = item.get("provincial", False)
    if not isinstance(provincial, bool):
        raise _fail(where, "«provincial» phải là true hoặc false")
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
        provincial=provincial,
        overridden=overridden,
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


_COMMON = {
    "id",
    "name",
    "kind",
    "awards",
    "severity",
    "legal_basis",
    "valid_from",
    "valid_to",
    "note",
    "provincial",
}
# What a province may set in an override besides the rule's own parameters.
_OVERRIDABLE = {"legal_basis", "severity", "note"}


def _toml(raw: bytes, what: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError(f"{what} sai cú pháp: {exc}") from exc
    if data.get("schema") != SCHEMA:
        raise DomainError(f"{what}: phiên bản định dạng không hỗ trợ ({data.get('schema')!r}).")
    return data


def _era(item: dict[str, Any]) -> Era:
    eid = clean(str(item.get("id", "")))
    where = f"thời kỳ «{eid or '?'}»"
    if not eid:
        raise _fail("một mục [[era]]", "thiếu «id»")
    basis = clean(str(item.get("legal_basis", "")))
    if not basis:
        raise _fail(where, "thiếu căn cứ pháp lý «legal_basis»")
    valid_from = _date(item.get("valid_from"), "valid_from", where)
    valid_to = _date(item["valid_to"], "valid_to", where) if "valid_to" in item else None
    if valid_to is not None and valid_to < valid_from:
        raise _fail(where, "«valid_to» trước «valid_from»")
    keeps = bool(item.get("keeps_earlier_dossiers", False))
    transition = clean(str(item.get("transition_basis", "")))
    if keeps and not transition:
        raise _fail(where, "«keeps_earlier_dossiers» cần căn cứ «transition_basis»")
    return Era(eid, clean(str(item.get("name", eid))), valid_from, valid_to, basis, keeps, transition)


def _eras(items: object) -> tuple[Era, ...]:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _fail("[[era]]", "phải là danh sách thời kỳ")
    eras = tuple(sorted((_era(i) for i in items), key=lambda e: e.valid_from))
    for a, b in zip(eras, eras[1:], strict=False):
        if a.valid_to is None or a.valid_to >= b.valid_from:
            raise _fail(f"thời kỳ «{a.id}» và «{b.id}»", "chồng thời gian")
    return eras


def _apply_overrides(items: list[dict[str, Any]], raw: bytes) -> dict[str, dict[str, Any]]:
    """The rule items with the province's overrides merged in: only rules marked ``provincial``,
    only parameters the rule has, and always with the province's act as the legal basis."""
    what = "Tệp quy định của tỉnh"
    data = _toml(raw, what)
    by_id = {str(i.get("id", "")): i for i in items}
    merged: dict[str, dict[str, Any]] = {}
    overrides = data.get("override", [])
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        raise DomainError(f"{what}: «override» phải là danh sách mục [[override]].")
    for o in overrides:
        rid = str(o.get("rule", ""))
        where = f"{what}: mục ghi đè «{rid or '?'}»"
        item = by_id.get(rid)
        if item is None:
            raise DomainError(f"{where}: không có quy tắc mã này trong tệp quy tắc.")
        if not item.get("provincial", False):
            raise DomainError(f"{where}: quy tắc này theo văn bản trung ương, tỉnh không ghi đè được.")
        if not clean(str(o.get("legal_basis", ""))):
            raise DomainError(f"{where}: thiếu «legal_basis» (văn bản của tỉnh quy định mức này).")
        unknown = [k for k in o if k != "rule" and k not in _OVERRIDABLE and k not in item]
        if unknown:
            raise DomainError(
                f"{where}: không ghi đè được «{', '.join(unknown)}» (quy tắc không có tham số này)."
            )
        if rid in merged:
            raise DomainError(f"{where}: ghi đè hai lần.")
        merged[rid] = {**item, **{k: v for k, v in o.items() if k != "rule"}}
    return merged


def parse(raw: bytes, award_codes: set[str] | None = None, province: bytes | None = None) -> RuleSet:
    """Parse rules from the file's bytes (and the province's overrides, if any); raise
    :class:`DomainError` naming the first fault."""
    data = _toml(raw, "Tệp quy tắc")
    items = data.get("rule", [])
    if not isinstance(items, list) or not items:
        raise DomainError("Tệp quy tắc không có quy tắc nào.")
    merged = _apply_overrides(items, province) if province is not None else {}
    rules = tuple(
        _rule(merged[str(item.get("id", ""))], award_codes, overridden=True)
        if str(item.get("id", "")) in merged
        else _rule(item, award_codes)
        for item in items
    )
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise _fail(f"quy tắc «{r.id}»", "khai báo hai lần")
        seen.add(r.id)
    digest = hashlib.sha256(raw + b"\0" + (province or b"")).hexdigest()
    return RuleSet(digest, rules, _eras(data.get("era", [])))


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DomainError(f"Không đọc được {what} {path}: {exc.strerror}") from exc


def load(
    path: Path | None = None, award_codes: set[str] | None = None, province: Path | None = None
) -> RuleSet:
    """The rules file with the province's overrides (``province``; by default :func:`province_path`
    when that file exists)."""
    raw = _read(path or default_path(), "tệp quy tắc")
    if province is None:
        candidate = province_path()
        province = candidate if candidate.is_file() else None
    return parse(raw, award_codes, _read(province, "tệp quy định của tỉnh") if province is not None else None)


class RuleBook:
    """The rules in force for the running app: reloads when the file changes, and keeps the
    last good set (with the error) when a new version does not load."""

    def __init__(
        self, path: Path | None = None, award_codes: set[str] | None = None, province: Path | None = None
    ) -> None:
        self.path = path or default_path()
        self.province = province or province_path()
        self.award_codes = award_codes
        self.error: DomainError | None = None
        self._lock = threading.Lock()
        self._mtime: tuple[float | None, float | None] | None = None
        try:
            self._rules: RuleSet = self._load()
        except DomainError as exc:
            if not self.province.is_file():
                raise  # the shipped rules themselves must load
            # A faulty province file never stops the app: the national rules and the shipped
            # defaults judge until the administrator fixes it (the error says what is wrong).
            self._rules = parse(_read(self.path, "tệp quy tắc"), self.award_codes)
            self.error = exc
        self._mtime = self._stat()

    def _load(self) -> RuleSet:
        province = self.province if self.province.is_file() else None
        return parse(
            _read(self.path, "tệp quy tắc"),
            self.award_codes,
            _read(province, "tệp quy định của tỉnh") if province is not None else None,
        )

    def _stat(self) -> tuple[float | None, float | None]:
        def mtime(p: Path) -> float | None:
            try:
                return p.stat().st_mtime_ns
            except OSError:
                return None

        return mtime(self.path), mtime(self.province)

    @property
    def rules(self) -> RuleSet:
        with self._lock:
            mtime = self._stat()
            if mtime != self._mtime:
                self._mtime = mtime
                try:
                    self._rules = self._load()
                    self.error = None
                except DomainError as exc:
                    self.error = exc  # the last good set stays in force
            return self._rules
