"""Export of the book's lists (units, persons, nominations) and the import templates."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..documents.tables import DATE, ID, INT, TEXT, Column, TableData
from ..errors import DomainError
from ..model import Award, Decision, Nomination, Person, Unit
from ..storage.db import Database
from . import fields as F
from .writer import write_tables

EXPORT_KINDS = ("units", "persons", "nominations")


def units_table(db: Database) -> TableData:
    parent = aliased(Unit)
    stmt = (
        select(Unit.id, Unit.code, Unit.name, Unit.short_name, Unit.level, parent.code)
        .outerjoin(parent, parent.id == Unit.parent_id)
        .order_by(Unit.sort_key, Unit.id)
    )
    with db.read() as session:
        rows: list[tuple[object, ...]] = [
            (i, c, n, s, lv.label, p) for i, c, n, s, lv, p in session.execute(stmt)
        ]
    return TableData("Đơn vị", (
        Column("Mã hệ thống", INT, 14), Column("Mã đơn vị", ID, 16), Column("Tên đơn vị", TEXT, 60),
        Column("Tên viết tắt", TEXT, 24), Column("Cấp đơn vị", TEXT, 30), Column("Mã đơn vị cấp trên", ID, 20),
    ), rows)  # fmt: skip


def persons_table(db: Database, unit_code: str | None = None) -> TableData:
    stmt = (
        select(Person.id, Unit.code, Unit.name, Person.full_name, Person.family_name, Person.middle_name, Person.given_name,
               Person.gender, Person.birth_date, Person.birth_year, Person.cccd, Person.position)
        .join(Unit, Unit.id == Person.unit_id)
        .order_by(Unit.sort_key, Person.sort_key, Person.id)
    )  # fmt: skip
    if unit_code:
        stmt = stmt.where(Unit.code == unit_code.strip().upper())
    with db.read() as session:
        rows: list[tuple[object, ...]] = [(*r[:7], r[7].label, *r[8:]) for r in session.execute(stmt)]
    return TableData("Cá nhân", (
        Column("Mã hệ thống", INT, 14), Column("Mã đơn vị", ID, 14), Column("Đơn vị", TEXT, 40), Column("Họ và tên", TEXT, 36),
        Column("Họ", TEXT, 14), Column("Tên đệm", TEXT, 16), Column("Tên", TEXT, 12), Column("Giới tính", TEXT, 12),
        Column("Ngày sinh", DATE, 16), Column("Năm sinh", INT, 12), Column("Số CCCD", ID, 20), Column("Chức vụ", TEXT, 30),
    ), rows)  # fmt: skip


def nominations_table(db: Database, year: int | None = None) -> TableData:
    sub = aliased(Unit)
    stmt = (
        select(Nomination.id, Nomination.year, Award.code, Award.name, Nomination.nominee_name, Person.cccd, sub.code,
               Nomination.status, Nomination.votes_for, Nomination.council_size, Decision.number_text, Decision.signed_on,
               Nomination.achievement)
        .join(Award, Award.id == Nomination.award_id)
        .join(sub, sub.id == Nomination.submitting_unit_id)
        .outerjoin(Person, Person.id == Nomination.person_id)
        .outerjoin(Decision, Decision.id == Nomination.decision_id)
        .order_by(Nomination.year, Award.rank.desc(), Nomination.nominee_sort, Nomination.id)
    )  # fmt: skip
    if year is not None:
        stmt = stmt.where(Nomination.year == year)
    with db.read() as session:
        rows: list[tuple[object, ...]] = [(*r[:7], r[7].label, *r[8:]) for r in session.execute(stmt)]
    return TableData("Đề nghị khen thưởng", (
        Column("Mã hồ sơ", INT, 12), Column("Năm", INT, 10), Column("Mã danh hiệu", ID, 16), Column("Danh hiệu, hình thức", TEXT, 44),
        Column("Đối tượng", TEXT, 36), Column("Số CCCD", ID, 20), Column("Mã đơn vị đề nghị", ID, 18), Column("Trạng thái", TEXT, 18),
        Column("Phiếu đồng ý", INT, 12), Column("Tổng số thành viên HĐ", INT, 14), Column("Số quyết định", ID, 20),
        Column("Ngày ký", DATE, 14), Column("Tóm tắt thành tích", TEXT, 60),
    ), rows)  # fmt: skip


def export(
    db: Database, kind: str, out: Path, *, year: int | None = None, unit_code: str | None = None
) -> Path:
    if kind == "units":
        table = units_table(db)
    elif kind == "persons":
        table = persons_table(db, unit_code)
    elif kind == "nominations":
        table = nominations_table(db, year)
    else:
        raise DomainError(f"Không có danh sách «{kind}» (chọn: {', '.join(EXPORT_KINDS)}).")
    from ..audit.code import head_code

    return write_tables(out, [table], head_code=head_code(db))


# One filled-in row per kind, on a sheet of its own ("Ví dụ"): the import reads the first sheet,
# so the example is never imported by mistake.
EXAMPLES: dict[str, dict[str, object]] = {
    "units": {"code": "STC-KH", "name": "Phòng Kế hoạch - Tài chính", "short_name": "Phòng KHTC",
              "level": "Phòng, đơn vị trực thuộc", "parent_code": "STC"},
    "persons": {"unit_code": "STC", "full_name": "Nguyễn Thị Minh Khai", "gender": "Nữ", "birth_date": "05/03/1985",
                "cccd": "079185001234", "position": "Chuyên viên", "start_date": "01/09/2010"},
    "nominations": {"year": 2025, "award": "CSTDCS", "cccd": "079185001234", "full_name": "Nguyễn Thị Minh Khai",
                    "birth_date": "05/03/1985", "unit_code": "STC", "submitting_code": "STC",
                    "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến được công nhận cấp cơ sở."},
}  # fmt: skip


def write_template(kind: str, out: Path) -> Path:
    """An empty import sheet with the kind's headers, a sheet with an example row, and a sheet of
    guidance."""
    if kind not in F.KINDS:
        raise DomainError(f"Không có mẫu «{kind}» (chọn: {', '.join(F.KINDS)}).")
    fields = F.KINDS[kind]
    sheet = TableData(F.KIND_LABELS[kind], [Column(f.header, ID if f.kind in (F.CODE, F.DIGITS) else TEXT, f.width * 1.8)
                                            for f in fields], [])  # fmt: skip
    notes: list[tuple[object, ...]] = [(f.header, "Có" if f.required else "", f.note) for f in fields]
    guide = TableData("Hướng dẫn", (Column("Cột", TEXT, 40), Column("Bắt buộc", TEXT, 16), Column("Ghi chú", TEXT, 90)), notes + [("", "", "Dòng tiêu đề giữ nguyên tên cột; có thể đổi thứ tự cột. Mã và số CCCD nhập dạng Văn bản để giữ số 0 ở đầu."),
         ("", "", "Ngày ghi dd/mm/yyyy (05/03/2025 là ngày 5 tháng 3) hoặc dùng ô kiểu Ngày của Excel.")])  # fmt: skip
    example = TableData("Ví dụ", sheet.columns, [tuple(EXAMPLES[kind].get(f.key, "") for f in fields)])
    return write_tables(out, [sheet, guide, example])
