"""Cash rewards: the base salary on a day, one award's amount, and what a nominee is paid.

The law fixes cash as a multiple of the base salary (mức lương cơ sở) in force on the day the award
decision is signed, rounded **up** to tens of thousands of đồng (Decree 152/2025 Art. 49.1–2; the
same in Decree 98/2023 and Decree 91/2017 Art. 68.2). The multipliers are the catalogue's
(``resources/catalogue/awards.toml``), the base salary series ``resources/rules/base_salary.toml``:
both are data, so a new decree is a new line in a file, not a code change.

Who is paid what when several awards meet (Art. 49.5–7) is :func:`payable`. Nothing here reads or
writes the database: the decision page and the payout list give it award codes and dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

from .. import catalogue
from ..catalogue import AwardSpec, VersionSpec
from ..errors import DomainError
from ..model import AwardCategory, AwardTarget
from ..storage.resources import resource

SCHEMA = 1
# Cash under Decrees 121/2005 and 42/2010 (decisions before Decree 91/2017 took effect) is not coded.
FIRST_CODED_DECISION = dt.date(2017, 10, 1)
HOUSEHOLD_FACTOR = Decimal("1.5")
HOUSEHOLD_FROM = dt.date(2025, 7, 1)
HOUSEHOLD_BASIS = "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 3"


@dataclass(frozen=True)
class SalaryPeriod:
    valid_from: dt.date
    amount: int
    decree: str
    verified: bool
    note: str


@dataclass(frozen=True)
class Principle:
    """The legal basis of the cash rules for decisions signed from ``valid_from`` on."""

    valid_from: dt.date
    decree: str
    principle: str  # base salary on the signing day, rounding up
    same_period: str  # only the highest title paid for one period
    verified: bool


@dataclass(frozen=True)
class SalaryTable:
    digest: str
    rounding: int
    rounding_basis: str
    periods: tuple[SalaryPeriod, ...]  # ascending by valid_from
    principles: tuple[Principle, ...] = ()  # ascending by valid_from

    def principle_on(self, day: dt.date) -> Principle:
        """The basis in force for a decision signed on ``day`` (the earliest one before all)."""
        found = self.principles[0]
        for item in self.principles:
            if item.valid_from <= day:
                found = item
        return found

    def on(self, day: dt.date) -> SalaryPeriod:
        found = None
        for period in self.periods:
            if period.valid_from <= day:
                found = period
        if found is None:
            first = self.periods[0].valid_from
            raise DomainError(
                f"Không có mức lương cơ sở cho ngày {day:%d/%m/%Y} (tệp mức lương cơ sở bắt đầu từ {first:%d/%m/%Y})."
            )
        return found


def default_path() -> Path:
    return resource("rules", "base_salary.toml")


def _fail(what: str) -> DomainError:
    return DomainError(f"Tệp mức lương cơ sở: {what}.")


def parse(raw: bytes) -> SalaryTable:
    """Parse and check the base salary file; raise :class:`DomainError` naming the first fault."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError(f"Tệp mức lương cơ sở sai cú pháp: {exc}") from exc
    if data.get("schema") != SCHEMA:
        raise _fail(f"phiên bản định dạng không hỗ trợ ({data.get('schema')!r})")
    rounding = data.get("rounding")
    if not isinstance(rounding, int) or rounding <= 0:
        raise _fail("«rounding» phải là số nguyên dương (đồng)")
    items = data.get("period", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _fail("«period» phải là danh sách mục [[period]]")
    periods = []
    for item in items:
        start = item.get("valid_from")
        where = f"mục từ {start}"
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            raise _fail(f"{where}: «valid_from» phải là ngày dạng YYYY-MM-DD")
        amount = item.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise _fail(f"{where}: «amount» phải là số đồng nguyên dương")
        decree = str(item.get("decree", "")).strip()
        if not decree:
            raise _fail(f"{where}: thiếu nghị định quy định mức lương «decree»")
        periods.append(
            SalaryPeriod(start, amount, decree, bool(item.get("verified", False)), str(item.get("note", "")))
        )
    if not periods:
        raise _fail("không có mức lương nào")
    principles = _principles(data.get("principles", []))
    for a, b in zip(periods, periods[1:], strict=False):
        if b.valid_from <= a.valid_from:
            raise _fail(f"các mục phải theo thứ tự ngày tăng dần ({b.valid_from} sau {a.valid_from})")
    return SalaryTable(
        hashlib.sha256(raw).hexdigest(),
        rounding,
        str(data.get("rounding_basis", "")),
        tuple(periods),
        principles,
    )


def _principles(items: object) -> tuple[Principle, ...]:
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise _fail("«principles» phải là danh sách mục [[principles]] (ít nhất một mục)")
    out = []
    for item in items:
        start = item.get("valid_from")
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            raise _fail(f"căn cứ từ {start}: «valid_from» phải là ngày dạng YYYY-MM-DD")
        decree, principle, same_period = (
            str(item.get(k, "")).strip() for k in ("decree", "principle", "same_period")
        )
        if not (decree and principle and same_period):
            raise _fail(f"căn cứ từ {start}: cần đủ «decree», «principle», «same_period»")
        out.append(Principle(start, decree, principle, same_period, bool(item.get("verified", False))))
    for a, b in zip(out, out[1:], strict=False):
        if b.valid_from <= a.valid_from:
            raise _fail(f"các căn cứ phải theo thứ tự ngày tăng dần ({b.valid_from} sau {a.valid_from})")
    return tuple(out)


def principle_on(day: dt.date, path: Path | None = None) -> Principle:
    """The legal basis of the cash rules for a decision signed on ``day``."""
    return load(path).principle_on(day)


_TABLES: dict[Path, tuple[int, SalaryTable]] = {}


def load(path: Path | None = None) -> SalaryTable:
    """The table in the file (parsed again only when the file changed)."""
    path = path or default_path()
    try:
        mtime = path.stat().st_mtime_ns
        cached = _TABLES.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        table = parse(path.read_bytes())
    except OSError as exc:
        raise DomainError(f"Không đọc được tệp mức lương cơ sở {path}: {exc.strerror}") from exc
    _TABLES[path] = (mtime, table)
    return table


def base_salary_on(day: dt.date, path: Path | None = None) -> tuple[int, str]:
    """(amount in đồng, the decree that set it) of the base salary in force on ``day``."""
    period = load(path).on(day)
    return period.amount, period.decree


# --- one award ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """The cash of one award on one decision date, with what it rests on."""

    award: str
    decision_date: dt.date
    multiplier: Decimal | None  # None: the law sets no cash for this award
    base_salary: int
    salary_decree: str
    amount: int  # đồng, rounded up
    cash_basis: str
    verified: bool  # the multiplier was seen in a source (the catalogue's flag)


def _spec(award: str | AwardSpec) -> AwardSpec:
    return award if isinstance(award, AwardSpec) else catalogue.award_spec(award)


def _version_on(spec: AwardSpec, day: dt.date) -> VersionSpec:
    for v in spec.versions:
        if v.valid_from <= day and (v.valid_to is None or day <= v.valid_to):
            return v
    raise DomainError(f"«{spec.name}» ({spec.code}) không có căn cứ pháp lý vào ngày {day:%d/%m/%Y}.")


def round_up(value: Decimal, step: int) -> int:
    return int((value / step).to_integral_value(rounding=ROUND_CEILING)) * step


def quote(
    award: str | AwardSpec,
    decision_date: dt.date,
    *,
    household: bool = False,
    salary_path: Path | None = None,
) -> Quote:
    """The cash of ``award`` granted by a decision signed on ``decision_date``.

    ``household``: a form (Bằng khen, Giấy khen…) of the individual catalogue entry given to a
    household, paid 1.5 × the individual amount (Decree 152/2025 Art. 54.3). Household entries of the
    catalogue (GK_XA_HGD) already carry that multiplier: pass them as they are.
    """
    spec = _spec(award)
    if decision_date < FIRST_CODED_DECISION:
        raise DomainError(
            f"Tiền thưởng của quyết định ký trước 01/10/2017 (theo NĐ 121/2005/NĐ-CP, NĐ 42/2010/NĐ-CP) "
            f"chưa được mã hóa; ngày ký: {decision_date:%d/%m/%Y}."
        )
    version = _version_on(spec, decision_date)
    table = load(salary_path)
    period = table.on(decision_date)
    basis = version.cash_basis
    if version.cash_multiplier is None:
        return Quote(spec.code, decision_date, None, period.amount, period.decree, 0, basis, version.verified)
    multiplier = Decimal(str(version.cash_multiplier))
    if household:
        if spec.category is not AwardCategory.FORM or spec.target is not AwardTarget.INDIVIDUAL:
            raise DomainError(
                f"Mức 1,5 lần cho hộ gia đình chỉ áp dụng cho hình thức khen thưởng của cá nhân "
                f"({HOUSEHOLD_BASIS}); «{spec.name}» ({spec.code}) không phải."
            )
        if decision_date < HOUSEHOLD_FROM:
            raise DomainError(
                f"Chưa có căn cứ đã đối chiếu cho tiền thưởng hộ gia đình trước 01/07/2025 ({HOUSEHOLD_BASIS} "
                "chỉ áp dụng từ ngày đó)."
            )
        multiplier *= HOUSEHOLD_FACTOR
        basis = f"{basis}; {HOUSEHOLD_BASIS}"
    amount = round_up(multiplier * period.amount, table.rounding)
    return Quote(
        spec.code, decision_date, multiplier, period.amount, period.decree, amount, basis, version.verified
    )


def award_cash(
    award: str | AwardSpec,
    decision_date: dt.date,
    *,
    household: bool = False,
    salary_path: Path | None = None,
) -> int:
    """Đồng paid for ``award`` by a decision of ``decision_date`` (0 when the law sets no cash)."""
    return quote(award, decision_date, household=household, salary_path=salary_path).amount


# --- several awards of one nominee ----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One award of one nominee in a decision (or the decisions of one year).

    ``period`` is the time the achievement counts for: the year for an annual title, "2021-2025"
    for a five-year one. Two titles with the same period are "the same time counted" of Art. 49.5.
    """

    award: str
    period: Hashable
    decision_date: dt.date
    household: bool = False
    ref: Hashable = None  # the caller's key (a nomination id)


def payable(lines: Sequence[Line], *, salary_path: Path | None = None) -> list[tuple[Line, int, str]]:
    """What each of one nominee's awards pays, in the order given: ``(line, đồng, note)``.

    - several titles (danh hiệu thi đua) for the same period: only the highest is paid (Art. 49.5,
      second paragraph);
    - titles for different periods: each is paid (Art. 49.5, first paragraph);
    - forms (hình thức khen thưởng): each is paid (Art. 49.6), and a title with a form both are
      (Art. 49.7).
    The note says why a line is not paid, or that the law sets no cash for it; "" otherwise.
    """
    specs = [_spec(line.award) for line in lines]
    quotes = [quote(s, line.decision_date, household=line.household, salary_path=salary_path)
              for s, line in zip(specs, lines, strict=True)]  # fmt: skip
    best: dict[Hashable, int] = {}  # period -> index of its highest title
    for i, spec in enumerate(specs):
        if spec.category is not AwardCategory.TITLE:
            continue
        j = best.get(lines[i].period)
        if j is None or (spec.rank, quotes[i].amount) > (specs[j].rank, quotes[j].amount):
            best[lines[i].period] = i
    out = []
    for i, (line, spec, q) in enumerate(zip(lines, specs, quotes, strict=True)):
        if spec.category is AwardCategory.TITLE and best[line.period] != i:
            higher = specs[best[line.period]].name
            basis = principle_on(line.decision_date, salary_path).same_period
            note = (
                f"Không chi: cùng thời gian tính thành tích với danh hiệu cao hơn «{higher}», chỉ nhận tiền "
                f"thưởng danh hiệu cao nhất ({basis})"
            )
            out.append((line, 0, note))
        elif q.multiplier is None:
            out.append((line, 0, f"Không có mức tiền thưởng cho «{spec.name}» ({q.cash_basis})"))
        else:
            out.append((line, q.amount, ""))
    return out
