"""Fill a fresh Sổ Thi đua database with a large, realistic and deterministic data set.

Used by ``benchmarks/bench_db.py``; importable on its own::

    db = open_database(path)
    stats = fill(db, persons=100_000, nominations=1_000_000, units=200, seed=2025)

Rows go in with bulk SQLAlchemy Core inserts (``conn.execute(insert(table), [dict, ...])``,
chunks of ``CHUNK`` rows) in one transaction, with the app's indexes, CHECK constraints and
foreign keys live, so every row is checked as the app's own writes would be. Derived columns
(``name_fold``, ``given_fold``, ``sort_key``, ``nominee_*``, ``number_fold``) are computed with
:mod:`app.text` exactly as the services do.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, insert, select

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.model import Award, AwardTarget, AwardVersion, Decision, Nomination, Person, Posting, Unit  # noqa: E402
from app.storage.db import Database  # noqa: E402
from app.text import fold, join_name, name_sort_key, sort_key  # noqa: E402

CHUNK = 20_000
Say = Callable[[str], None]
T = TypeVar("T")
YEARS = tuple(range(2019, 2026))
# Page cache of the filling connection only (the timed queries reopen with the app's settings).
FILL_CACHE_KIB = 512 * 1024
PROVINCE = "Tây Ninh"
PROVINCE_CODE = "072"  # first three digits of a CCCD issued there
STAMP = dt.datetime(2025, 12, 1, 8, 0, 0)

# --- names ------------------------------------------------------------------------------------
# Weights roughly follow published shares of Vietnamese family names.
FAMILY = {
    "Nguyễn": 380, "Trần": 110, "Lê": 95, "Phạm": 70, "Hoàng": 30, "Huỳnh": 21, "Phan": 45,
    "Vũ": 20, "Võ": 19, "Đặng": 21, "Bùi": 20, "Đỗ": 14, "Hồ": 13, "Ngô": 13, "Dương": 10,
    "Lý": 5, "Đinh": 6, "Đào": 5, "Trương": 5, "Lâm": 4, "Mai": 4, "Tô": 3, "Hà": 4, "Lương": 3,
    "Châu": 3, "Tạ": 2, "Thái": 2, "Cao": 3, "Kiều": 1, "Quách": 1, "Tôn Thất": 1, "Âu Dương": 0.5,
}  # fmt: skip
MIDDLE_MALE = {
    "Văn": 45, "Đức": 8, "Minh": 8, "Quốc": 6, "Hữu": 6, "Thanh": 6, "Công": 5, "Ngọc": 4,
    "Hoàng": 4, "Xuân": 4, "Trọng": 3, "Tấn": 3, "Anh": 3, "Đình": 3, "Văn Minh": 1, "Bá": 2, "": 1,
}  # fmt: skip
MIDDLE_FEMALE = {
    "Thị": 55, "Ngọc": 7, "Thanh": 5, "Thu": 4, "Kim": 4, "Minh": 3, "Hồng": 3, "Phương": 3,
    "Bích": 2, "Thị Thu": 3, "Thị Ngọc": 3, "Thùy": 3, "Mỹ": 2, "Diệu": 1, "": 1,
}  # fmt: skip
GIVEN_MALE = {
    "Hùng": 30, "Dũng": 28, "Tuấn": 30, "Minh": 25, "Nam": 22, "Hải": 22, "Long": 20, "Đức": 20,
    "Thắng": 18, "Hoàng": 15, "Quang": 15, "Trung": 18, "Sơn": 18, "Phong": 12, "Khánh": 12,
    "Bình": 15, "Cường": 15, "Huy": 18, "Thành": 20, "Việt": 10, "Anh": 20, "Tùng": 14, "Hiếu": 12,
    "Đạt": 14, "Phúc": 12, "Lâm": 8, "Tâm": 10, "Toàn": 10, "Vinh": 12, "Hưng": 14, "Kiên": 8,
    "Duy": 10, "Tiến": 12, "Hòa": 8, "Lộc": 8, "Nghĩa": 10, "Thịnh": 8, "Quân": 10, "Khoa": 8,
    "Bảo": 8, "Phát": 6, "Tài": 8, "Lợi": 6, "Tú": 6, "Hậu": 6, "Đông": 6, "Thuận": 5, "Vũ": 6,
    "Hiển": 4, "Chiến": 6, "Đăng": 4, "Định": 4, "Dương": 6, "Quý": 5, "Thái": 5, "Tín": 5,
}  # fmt: skip
GIVEN_FEMALE = {
    "Hoa": 25, "Lan": 22, "Hương": 25, "Mai": 20, "Linh": 28, "Trang": 28, "Thảo": 25, "Hà": 20,
    "Ngọc": 15, "Nga": 15, "Hạnh": 15, "Phương": 18, "Thủy": 18, "Yến": 14, "Huyền": 18,
    "Nhung": 12, "Vân": 12, "Dung": 12, "Hằng": 15, "Oanh": 8, "Loan": 10, "Thu": 10, "Quỳnh": 12,
    "Anh": 15, "Giang": 12, "Hiền": 14, "Trinh": 8, "Châu": 6, "Tuyết": 8, "Nhi": 10, "Uyên": 8,
    "Vy": 8, "Thúy": 12, "Hòa": 5, "Hoài": 6, "Ly": 8, "My": 6, "Diễm": 5, "Nhàn": 5, "Tâm": 6,
    "Xuân": 5, "Liên": 6, "Duyên": 6, "Đào": 4, "Hậu": 4, "Khánh": 4, "Bích": 4, "Trâm": 6,
}  # fmt: skip
POSITIONS = {
    "Chuyên viên": 50, "Chuyên viên chính": 12, "Nhân viên": 15, "Kế toán viên": 5, "Thanh tra viên": 3,
    "Phó Trưởng phòng": 6, "Trưởng phòng": 4, "Phó Giám đốc": 1, "Giám đốc": 0.5, "Giáo viên": 8,
    "Bác sĩ": 4, "Điều dưỡng": 4, "Kỹ sư": 5,
}  # fmt: skip

# --- units ------------------------------------------------------------------------------------
TOP_UNITS = [
    ("department", "Văn phòng Ủy ban nhân dân tỉnh"), ("department", "Sở Nội vụ"),
    ("department", "Sở Tài chính"), ("department", "Sở Tư pháp"), ("department", "Sở Công Thương"),
    ("department", "Sở Xây dựng"), ("department", "Sở Giáo dục và Đào tạo"), ("department", "Sở Y tế"),
    ("department", "Sở Nông nghiệp và Môi trường"), ("department", "Sở Khoa học và Công nghệ"),
    ("department", "Sở Văn hóa, Thể thao và Du lịch"), ("department", "Thanh tra tỉnh"),
    ("department", "Sở Dân tộc và Tôn giáo"), ("department", "Ban Quản lý các khu kinh tế"),
    ("commune", "Ủy ban nhân dân phường Tân Ninh"), ("commune", "Ủy ban nhân dân xã Tân Biên"),
    ("commune", "Ủy ban nhân dân xã Châu Thành"), ("commune", "Ủy ban nhân dân phường Hòa Thành"),
    ("enterprise", "Công ty TNHH MTV Cấp thoát nước"), ("enterprise", "Đài Phát thanh và Truyền hình"),
]  # fmt: skip
DIVISIONS = [
    "Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Thanh tra", "Phòng Pháp chế",
    "Phòng Quản lý chuyên ngành", "Phòng Nghiệp vụ", "Trung tâm Dịch vụ công", "Đội Kiểm tra",
    "Phòng Hành chính - Tổng hợp", "Trung tâm Thông tin", "Phòng Kinh tế",
]  # fmt: skip

# --- nominations ------------------------------------------------------------------------------
# Relative frequency of the individual awards; anything not listed gets OTHER_AWARD_WEIGHT.
AWARD_WEIGHTS = {
    "LDTT": 400, "CSTDCS": 110, "GK_CN": 150, "BK_TINH_CN": 60, "CSTD_TINH": 25, "KNC": 40,
    "GK_XA_CN": 30, "CSTT": 20, "BK_TTG_CN": 6, "CSTD_TQ": 2, "HC_LAO_DONG_3_CN": 2,
    "HC_LAO_DONG_2_CN": 1, "NGUT": 1, "TTUT": 1,
}  # fmt: skip
OTHER_AWARD_WEIGHT = 0.1
# Status mix by how old the nomination year is (0 = the current year).
STATUS_MIX = {
    0: {"draft": 27, "submitted": 33, "returned": 10, "voted": 15, "approved": 12, "rejected": 3, "revoked": 0.1},
    1: {"draft": 7, "submitted": 20, "returned": 6, "voted": 12, "approved": 45, "rejected": 9, "revoked": 1},
    2: {"draft": 3, "submitted": 6, "returned": 3, "voted": 4, "approved": 70, "rejected": 12, "revoked": 2},
}  # fmt: skip
YEAR_WEIGHT = {y: 1.0 + 0.06 * (y - YEARS[0]) for y in YEARS}
RETURN_REASONS = [
    "Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị.",
    "Đề nghị bổ sung minh chứng sáng kiến được công nhận.",
    "Sai thông tin năm sinh, đề nghị kiểm tra lại.",
    "Chưa có biên bản họp xét của Hội đồng cơ sở.",
]
REJECT_REASONS = [
    "Không đủ tỷ lệ phiếu đồng ý của Hội đồng.",
    "Chưa đủ thời gian giữ danh hiệu theo quy định.",
    "Không đạt tiêu chuẩn về sáng kiến.",
]
REVOKE_REASONS = ["Khai man thành tích, thu hồi theo Điều 93 Luật Thi đua, khen thưởng."]
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ năm {y}; chủ trì {n} sáng kiến được công nhận cấp cơ sở.",
    "Hoàn thành tốt nhiệm vụ được giao năm {y}, gương mẫu chấp hành chủ trương, chính sách.",
    "Tham gia tích cực phong trào thi đua năm {y}; đạt {n} giải thưởng chuyên môn.",
    "Có thành tích xuất sắc trong công tác cải cách hành chính, chuyển đổi số năm {y}.",
    "Hoàn thành {n} đề tài, đề án được nghiệm thu, áp dụng hiệu quả tại đơn vị năm {y}.",
]
ISSUERS = [
    ("Ủy ban nhân dân tỉnh " + PROVINCE, "QĐ-UBND", "PHÓ CHỦ TỊCH", "KT."),
    ("Giám đốc Sở Nội vụ tỉnh " + PROVINCE, "QĐ-SNV", "GIÁM ĐỐC", ""),
    ("Chủ tịch Ủy ban nhân dân tỉnh " + PROVINCE, "QĐ-CT", "CHỦ TỊCH", ""),
]
SIGNERS = ["Nguyễn Văn Minh", "Trần Thị Thu Hà", "Lê Quốc Dũng", "Phạm Hồng Sơn"]


class Weighted:
    """Weighted choice from a dict ``{value: weight}`` with a shared :class:`random.Random`."""

    def __init__(self, rng: random.Random, weights: dict) -> None:
        self.rng = rng
        self.values = list(weights)
        self.cum = list(itertools.accumulate(weights.values()))
        self.total = self.cum[-1]

    def __call__(self) -> Any:
        return self.values[bisect.bisect_right(self.cum, self.rng.random() * self.total)]


@dataclass
class TableStat:
    table: str
    rows: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class FillStats:
    tables: list[TableStat] = field(default_factory=list)
    commit_s: float = 0.0
    index_s: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    total_s: float = 0.0


def _drop_indexes(conn: Connection, tables: Sequence[str]) -> list[str]:
    """Drop the explicit indexes of ``tables``; return their CREATE statements."""
    marks = ", ".join("?" * len(tables))
    found = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
        " ORDER BY tbl_name, name",
        tuple(tables),
    ).all()
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _chunks(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def _load(conn: Connection, stats: FillStats, table: Table, rows: Iterator[dict], say: Say) -> None:
    """Insert ``rows`` (generated lazily) into ``table`` in chunks; time generation + insert."""
    t0 = time.perf_counter()
    n = 0
    stmt = insert(table)
    for chunk in _chunks(rows, CHUNK):
        conn.execute(stmt, chunk)
        n += len(chunk)
    stat = TableStat(table.name, n, time.perf_counter() - t0)
    stats.tables.append(stat)
    say(f"  {stat.table:<12} {stat.rows:>10,} rows  {stat.seconds:7.2f} s  {stat.rate:>10,.0f} rows/s")


def _int(rng: random.Random, low: int, high: int) -> int:
    """``rng.randint(low, high)`` at a fraction of its cost (one ``random()`` call)."""
    return low + int(rng.random() * (high - low + 1))


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def _random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=_int(rng, 0, (end - start).days))


def fill(
    db: Database,
    *,
    persons: int = 100_000,
    nominations: int = 1_000_000,
    units: int = 200,
    seed: int = 2025,
    defer_indexes: bool = True,
    say: Say = print,
) -> FillStats:
    """Fill an empty database (catalogue loaded) with units, persons, postings, decisions and
    nominations. Everything comes from one ``random.Random(seed)``: same arguments, same data.

    With ``defer_indexes`` the secondary indexes of the three big tables are dropped inside the
    transaction and re-created after the load from their own ``CREATE INDEX`` text in
    ``sqlite_master`` (a sorted build is several times faster than row-by-row maintenance; the
    unique ones still check every row). CHECK constraints and foreign keys stay on throughout."""
    if persons < 1 or units < 1 or nominations < 0:
        raise ValueError("persons and units must be positive, nominations not negative")
    rng = random.Random(seed)
    stats = FillStats()
    t_all = time.perf_counter()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection  # autocommit sqlite3 connection: pragmas outside BEGIN
        raw.execute(f"PRAGMA cache_size=-{FILL_CACHE_KIB}")
        with conn.begin():
            if conn.scalar(select(Person.id).limit(1)) is not None or conn.scalar(select(Unit.id).limit(1)):
                raise RuntimeError("the database is not empty")
            deferred = _drop_indexes(conn, ("person", "posting", "nomination")) if defer_indexes else []
            unit_ids = _fill_units(conn, stats, units, say)
            person_cols = _fill_persons(conn, stats, rng, persons, unit_ids, say)
            decisions = _fill_decisions(conn, stats, rng, say)
            awards = _award_choices(conn)
            _load(conn, stats, Nomination.__table__,
                  _nomination_rows(rng, nominations, person_cols, awards, decisions), say)  # fmt: skip
            if deferred:
                t_ix = time.perf_counter()
                for ddl in deferred:
                    conn.exec_driver_sql(ddl)
                stats.index_s = time.perf_counter() - t_ix
                say(f"  {len(deferred)} indexes re-created in {stats.index_s:.2f} s")
            t_commit = time.perf_counter()
        stats.commit_s = time.perf_counter() - t_commit
        t_ck = time.perf_counter()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stats.commit_s += time.perf_counter() - t_ck
        raw.execute("PRAGMA cache_size=-2000")  # back to SQLite's default before pooling
    stats.total_s = time.perf_counter() - t_all
    return stats


def _fill_units(conn: Connection, stats: FillStats, count: int, say: Say) -> list[int]:
    """About a tenth of the units at the top (departments, communes, enterprises), the rest
    divisions spread over them."""
    top = max(1, min(count, round(count / 10)))
    rows: list[dict] = []
    for i in range(top):
        level, name = TOP_UNITS[i % len(TOP_UNITS)]
        if i >= len(TOP_UNITS):
            name = f"{name} {i // len(TOP_UNITS) + 1}"
        rows.append(_unit_row(i + 1, f"DV{i + 1:03d}", name, level, None))
    for j in range(count - top):
        parent = rows[j % top]
        name = DIVISIONS[(j // top) % len(DIVISIONS)]
        if j // top >= len(DIVISIONS):
            name = f"{name} {j // top // len(DIVISIONS) + 1}"
        code = f"{parent['code']}.{j // top + 1:02d}"
        rows.append(_unit_row(top + j + 1, code, name, "division", parent["id"]))
    _load(conn, stats, Unit.__table__, iter(rows), say)
    return [r["id"] for r in rows]


def _unit_row(uid: int, code: str, name: str, level: str, parent: int | None) -> dict:
    return {
        "id": uid, "code": code, "name": name, "short_name": "", "level": level, "parent_id": parent,
        "name_fold": fold(name), "sort_key": sort_key(name), "active": True,
        "created_at": STAMP, "updated_at": STAMP,
    }  # fmt: skip


@dataclass
class _PersonCols:
    """What nominations copy from their person, by person id (index 0 unused)."""

    name: list[str] = field(default_factory=lambda: [""])
    fold: list[str] = field(default_factory=lambda: [""])
    sort: list[str] = field(default_factory=lambda: [""])
    unit: list[int] = field(default_factory=lambda: [0])


def _fill_persons(
    conn: Connection, stats: FillStats, rng: random.Random, count: int, unit_ids: Sequence[int], say: Say
) -> _PersonCols:
    cols = _PersonCols()
    # Unit sizes vary: a weight per unit, drawn once.
    pick_unit = Weighted(rng, {u: rng.choice((1, 1, 2, 3, 5)) for u in unit_ids})
    family, position = Weighted(rng, FAMILY), Weighted(rng, POSITIONS)
    middle = {"male": Weighted(rng, MIDDLE_MALE), "female": Weighted(rng, MIDDLE_FEMALE)}
    given = {"male": Weighted(rng, GIVEN_MALE), "female": Weighted(rng, GIVEN_FEMALE)}
    derived: dict[tuple[str, str, str], tuple[str, str, str, str]] = {}  # memo of the app.text results
    seen_cccd: set[str] = set()
    seen_person: set[tuple[int, str, dt.date]] = set()
    postings: list[dict] = []

    def rows() -> Iterator[dict]:
        for pid in range(1, count + 1):
            gender = "female" if rng.random() < 0.48 else "male"
            unit = pick_unit()
            while True:
                parts = (family(), middle[gender](), given[gender]())
                birth = _random_date(rng, dt.date(1962, 1, 1), dt.date(2002, 12, 31))
                if parts not in derived:
                    full = join_name(*parts)
                    derived[parts] = (full, fold(full), fold(parts[2]), name_sort_key(*parts))
                full, name_fold, given_fold, key = derived[parts]
                if (unit, name_fold, birth) not in seen_person:  # uq_person_unit_name_birth
                    seen_person.add((unit, name_fold, birth))
                    break
            century = 0 if birth.year < 2000 else 2
            head = f"{PROVINCE_CODE}{century + (gender == 'female')}{birth.year % 100:02d}"
            while (cccd := f"{head}{_int(rng, 0, 999_999):06d}") in seen_cccd:
                pass
            seen_cccd.add(cccd)
            pos = position()
            start = _random_date(rng, dt.date(max(2000, birth.year + 20), 1, 1), dt.date(2024, 6, 30))
            cols.name.append(full)
            cols.fold.append(name_fold)
            cols.sort.append(key)
            cols.unit.append(unit)
            postings.append({"id": pid, "person_id": pid, "unit_id": unit, "position": pos,
                             "start_date": start, "end_date": None})  # fmt: skip
            yield {
                "id": pid, "family_name": parts[0], "middle_name": parts[1], "given_name": parts[2],
                "full_name": full, "name_fold": name_fold, "given_fold": given_fold, "sort_key": key,
                "gender": gender, "birth_date": birth, "birth_year": birth.year, "cccd": cccd,
                "position": pos, "unit_id": unit, "version": 1, "created_at": STAMP, "updated_at": STAMP,
            }  # fmt: skip

    _load(conn, stats, Person.__table__, rows(), say)
    _load(conn, stats, Posting.__table__, iter(postings), say)
    return cols


def _fill_decisions(conn: Connection, stats: FillStats, rng: random.Random, say: Say) -> dict[int, list[int]]:
    """About 50 decisions a year; returns decision ids by year."""
    by_year: dict[int, list[int]] = {}
    rows: list[dict] = []
    for year in YEARS:
        numbers = sorted(rng.sample(range(1, 3000), 50))
        for number in numbers:
            issuer, symbol, title, authority = ISSUERS[0] if rng.random() < 0.7 else rng.choice(ISSUERS[1:])
            number_text = f"{number:02d}/{symbol}"
            did = len(rows) + 1
            rows.append({
                "id": did, "number": number, "symbol": symbol, "number_text": number_text,
                "number_fold": fold(number_text),
                "signed_on": _random_date(rng, dt.date(year, 1, 10), dt.date(year, 12, 28)),
                "year": year, "issuer": issuer, "issuer_unit_id": None, "signer_name": rng.choice(SIGNERS),
                "signer_title": title, "signer_authority": authority,
                "summary": f"Về việc tặng danh hiệu thi đua và hình thức khen thưởng năm {year}",
                "created_at": STAMP, "updated_at": STAMP,
            })  # fmt: skip
            by_year.setdefault(year, []).append(did)
    _load(conn, stats, Decision.__table__, iter(rows), say)
    return by_year


def _award_choices(conn: Connection) -> dict[int, tuple[list[int], list[float]]]:
    """Per year: individual awards with a version in force on 31 December, and their weights."""
    awards = conn.execute(select(Award.id, Award.code).where(Award.target == AwardTarget.INDIVIDUAL)).all()
    versions = conn.execute(
        select(AwardVersion.award_id, AwardVersion.valid_from, AwardVersion.valid_to)
    ).all()
    out: dict[int, tuple[list[int], list[float]]] = {}
    for year in YEARS:
        day = dt.date(year, 12, 31)
        valid = {a for a, start, end in versions if start <= day and (end is None or day <= end)}
        ids = [a for a, _ in awards if a in valid]
        weights = [AWARD_WEIGHTS.get(code, OTHER_AWARD_WEIGHT) for a, code in awards if a in valid]
        if not ids:
            raise RuntimeError(f"no individual award in force in {year}: is the catalogue loaded?")
        out[year] = (ids, list(itertools.accumulate(weights)))
    return out


def _nomination_rows(
    rng: random.Random,
    count: int,
    persons: _PersonCols,
    awards: dict[int, tuple[list[int], list[float]]],
    decisions: dict[int, list[int]],
) -> Iterator[dict]:
    n_persons = len(persons.name) - 1
    last = YEARS[-1]
    # Ids grow with time, as in a real register: all of a year's nominations (entered from
    # September of the year to early January) come before the next year's.
    total_weight = sum(YEAR_WEIGHT.values())
    per_year = [int(count * YEAR_WEIGHT[y] / total_weight) for y in YEARS]
    per_year[-1] += count - sum(per_year)
    years = [y for y, n in zip(YEARS, per_year, strict=True) for _ in range(n)]
    first_id = {y: 1 + sum(per_year[:i]) for i, y in enumerate(YEARS)}
    step_s = {y: 121 * 86400 / max(1, n) for y, n in zip(YEARS, per_year, strict=True)}
    status_by_age = {age: Weighted(rng, mix) for age, mix in STATUS_MIX.items()}
    live_keys: set[int] = set()  # (person, award, year) of live nominations, packed in an int
    live = {"draft", "submitted", "returned", "voted", "approved"}
    for nid, year in enumerate(years, start=1):
        status = status_by_age[min(2, last - year)]()
        ids, cum = awards[year]
        for _ in range(50):
            pid = _int(rng, 1, n_persons)
            award = ids[bisect.bisect_right(cum, rng.random() * cum[-1])]
            key = (pid * 256 + award) * 16 + (year - YEARS[0])
            if status not in live or key not in live_keys:
                break
        else:
            status = "rejected"  # no free (person, award, year) left: a dead one is always allowed
        if status in live:
            live_keys.add(key)
        council = votes_for = votes_against = voted_on = decision = None
        reason = ""
        if status in ("voted", "approved", "revoked") or (status == "rejected" and rng.random() < 0.5):
            council = 5 + 2 * _int(rng, 0, 5)
            low = council // 2 + 1 if status == "rejected" else -(-council * 7 // 10)
            votes_for = _int(rng, 0, low - 1) if status == "rejected" else _int(rng, low, council)
            votes_against = _int(rng, 0, council - votes_for)
            voted_on = (
                _random_date(rng, dt.date(min(year + 1, last), 1, 5), dt.date(min(year + 1, last), 3, 31))
                if year < last
                else _random_date(rng, dt.date(year, 10, 1), dt.date(year, 11, 30))
            )
        if status in ("approved", "revoked"):
            years = [y for y in (year + 1, year) if y in decisions]
            decision = _pick(rng, decisions[years[0]])
        if status == "returned":
            reason = _pick(rng, RETURN_REASONS)
        elif status == "rejected":
            reason = _pick(rng, REJECT_REASONS)
        elif status == "revoked":
            reason = _pick(rng, REVOKE_REASONS)
        created = dt.datetime(year, 9, 1, 7) + dt.timedelta(
            seconds=int((nid - first_id[year]) * step_s[year])
        )
        yield {
            "id": nid, "year": year, "award_id": award, "person_id": pid, "unit_id": None, "campaign_id": None,
            "submitting_unit_id": persons.unit[pid], "nominee_name": persons.name[pid],
            "nominee_fold": persons.fold[pid], "nominee_sort": persons.sort[pid],
            "achievement": _pick(rng, ACHIEVEMENTS).format(y=year, n=_int(rng, 1, 3)),
            "status": status, "status_reason": reason, "votes_for": votes_for, "votes_against": votes_against,
            "council_size": council, "voted_on": voted_on, "decision_id": decision, "version": 1,
            "created_at": created, "updated_at": created,
        }  # fmt: skip
