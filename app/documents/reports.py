"""Reports from the records: achievement reports, bloc standings, statistics and histories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..errors import DomainError
from ..model import NominationStatus
from ..services.appraisals import appraisals_of
from ..services.initiatives import initiatives_of
from ..services.scoring import criteria as criteria_of
from ..services.standings import bloc_by_code, compute
from ..storage.db import Database
from ..text import format_date
from . import data
from .charts import bar_chart
from .decree30 import (
    LANDSCAPE_WIDTH,
    PORTRAIT_WIDTH,
    DocMeta,
    Signature,
    Styles,
    closing_block,
    data_tables,
    esc,
    header_block,
    paragraphs,
    styles,
    title_block,
    to_landscape,
    two_signatures,
)
from .document import Document
from .tables import DATE, FLOAT, ID, INT, TEXT, Column, TableData, number_vi

S = NominationStatus


def history_table(rows: Sequence[data.AwardRow], title: str = "Quá trình khen thưởng") -> TableData:
    return TableData(title, (
        Column("Năm", INT, 14, "CENTER"), Column("Danh hiệu, hình thức khen thưởng", TEXT, 48),
        Column("Số quyết định", ID, 37), Column("Ngày ký", DATE, 30, "CENTER"), Column("Cơ quan ban hành", TEXT, 40),
        Column("Ghi chú", TEXT, 18),
    ), [(r.year, r.award_name, r.decision_number, r.decision_date, r.issuer,
         "Đã thu hồi" if r.status is S.REVOKED else "") for r in rows])  # fmt: skip


def _kv_table(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    st = styles()
    t = Table(
        [[Paragraph(esc(k), st.plain), Paragraph(esc(v), st.plain)] for k, v in pairs],
        colWidths=[width * 0.35, width * 0.65],
    )
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


# ------------------------------------------------------------------------- báo cáo thành tích
def _achievement_sections(
    current: Sequence[data.AwardRow], tables: Sequence[TableData], hist: TableData, st: Styles
) -> list[Flowable]:
    """Parts II and III of an achievement report (the Decree's annex forms): the achievement text
    of the nomination, the supporting tables, and the awards already received."""
    s: list[Flowable] = [Paragraph("II. THÀNH TÍCH ĐẠT ĐƯỢC", st.heading)]
    achievement = next((r.achievement for r in current if r.achievement), "")
    s += paragraphs(
        achievement.split("\n") if achievement else ["(Chưa có tóm tắt thành tích trong hồ sơ đề nghị.)"], st
    )
    for t in tables:
        s.append(Paragraph(esc(t.title), st.heading))
        s.extend(data_tables(t, st, PORTRAIT_WIDTH))
    s.append(Paragraph("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", st.heading))
    s.extend(data_tables(hist, st, PORTRAIT_WIDTH, font_size=11))
    return s


def person_achievement(
    db: Database, meta: DocMeta, *, person_id: int, year: int, head_signature: Signature | None = None
) -> Document:
    """Báo cáo thành tích cá nhân (after Decree 152/2025's annex form for individuals)."""
    p = data.find_person(db, person_id=person_id)
    history = [
        r
        for r in data.nomination_rows(db, person_id=p.id, statuses=(S.APPROVED, S.REVOKED))
        if r.year <= year
    ]
    current = [
        r
        for r in data.nomination_rows(db, person_id=p.id, year=year)
        if r.status not in (S.REJECTED, S.REVOKED)
    ]
    ratings = appraisals_of(db, person_id=p.id)
    inits = [i for i in initiatives_of(db, p.id) if i.year <= year]
    appraisal = TableData("Kết quả đánh giá, xếp loại", (Column("Năm", INT, 15, "CENTER"), Column("Xếp loại", TEXT, 80)),
                          [(y, r.label) for y, r in sorted(ratings.items()) if y <= year])  # fmt: skip
    initiative = TableData("Sáng kiến, đề tài", (
        Column("Năm", INT, 12, "CENTER"), Column("Tên sáng kiến, đề tài", TEXT, 80), Column("Cấp công nhận", TEXT, 30),
        Column("Số văn bản công nhận", ID, 30),
    ), [(i.year, i.title, i.level.label, i.recognition_ref) for i in inits])  # fmt: skip
    hist = history_table(history, "Các hình thức khen thưởng đã được ghi nhận")
    tables = [appraisal, initiative, hist]
    title_award = current[0].award_name if current else "khen thưởng"

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Báo cáo thành tích", f"Đề nghị tặng {title_award} năm {year}", st)
        s.append(Paragraph("I. SƠ LƯỢC LÝ LỊCH", st.heading))
        born = format_date(p.birth_date) if p.birth_date else (str(p.birth_year) if p.birth_year else "")
        s.append(_kv_table([
            ("- Họ và tên:", p.full_name), ("- Ngày, tháng, năm sinh:", born), ("- Giới tính:", p.gender.label),
            ("- Chức vụ:", p.position), ("- Đơn vị công tác:", p.unit.name),
        ], PORTRAIT_WIDTH))  # fmt: skip
        s += _achievement_sections(current, (appraisal, initiative), hist, st)
        me = Signature("NGƯỜI BÁO CÁO THÀNH TÍCH", p.full_name)
        head = head_signature or meta.signature or Signature("THỦ TRƯỞNG ĐƠN VỊ", "")
        s.append(two_signatures(Signature(f"XÁC NHẬN CỦA {head.title}", head.name), me, st, PORTRAIT_WIDTH,
                                ("(Ký, đóng dấu)", "(Ký, ghi rõ họ và tên)")))  # fmt: skip
        return s

    return Document(f"Báo cáo thành tích — {p.full_name}", story, tables)


def unit_achievement(db: Database, meta: DocMeta, *, unit_code: str, year: int) -> Document:
    """Báo cáo thành tích tập thể: the unit, its ratings, its awards and its members' awards."""
    u = data.find_unit(db, unit_code)
    history = [
        r for r in data.nomination_rows(db, unit_id=u.id, statuses=(S.APPROVED, S.REVOKED)) if r.year <= year
    ]
    current = [
        r
        for r in data.nomination_rows(db, unit_id=u.id, year=year)
        if r.status not in (S.REJECTED, S.REVOKED)
    ]
    ratings = appraisals_of(db, unit_id=u.id)
    members = data.unit_member_awards(db, u.id)
    appraisal = TableData("Kết quả đánh giá, xếp loại tập thể", (Column("Năm", INT, 15, "CENTER"), Column("Xếp loại", TEXT, 80)),
                          [(y, r.label) for y, r in sorted(ratings.items()) if y <= year])  # fmt: skip
    member_t = TableData("Khen thưởng của cá nhân trong đơn vị", (
        Column("Năm", INT, 15, "CENTER"), Column("Danh hiệu, hình thức", TEXT, 80), Column("Số người", INT, 20, "CENTER"),
    ), [m for m in members if m[0] <= year])  # fmt: skip
    hist = history_table(history, "Các hình thức khen thưởng tập thể đã được ghi nhận")
    tables = [appraisal, member_t, hist]
    title_award = current[0].award_name if current else "khen thưởng"

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Báo cáo thành tích", f"Đề nghị tặng {title_award} năm {year}", st)
        s.append(Paragraph("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", st.heading))
        s.append(_kv_table([("- Tên tập thể:", u.name), ("- Mã đơn vị:", u.code),
                            ("- Trực thuộc:", u.parent.name if u.parent else "")], PORTRAIT_WIDTH))  # fmt: skip
        s += _achievement_sections(current, (appraisal, member_t), hist, st)
        s.append(closing_block(meta, st, PORTRAIT_WIDTH, recipients=False))
        return s

    return Document(f"Báo cáo thành tích — {u.name}", story, tables)


# ------------------------------------------------------------------------- xếp hạng khối
PROPOSALS = {"flag": "Đề nghị Cờ thi đua", "merit": "Đề nghị Bằng khen", "": ""}


def standings_report(db: Database, meta: DocMeta, *, bloc_code: str, year: int) -> Document:
    """Kết quả chấm điểm, xếp hạng thi đua của khối: ranks, proposal, chart, scores per criterion."""
    bloc = bloc_by_code(db, bloc_code)
    table = compute(db, bloc.id, year)
    crits = criteria_of(db, bloc.id, year)
    points = data.bloc_scores(db, bloc.id, year)
    ranking = TableData("Xếp hạng", (
        Column("Hạng", INT, 16, "CENTER"), Column("Mã", ID, 21), Column("Đơn vị", TEXT, 57), Column("Tổng điểm", FLOAT, 19, "RIGHT"),
        Column("Xếp loại", TEXT, 25), Column("Đề nghị", TEXT, 36),
    ), [(r.rank, r.code, r.name, r.total if r.complete else None, r.band or "Chưa đủ phiếu chấm", PROPOSALS[r.proposal])
        for r in table.rows], sheet="Xếp hạng")  # fmt: skip
    detail_cols = [Column("Hạng", INT, 14, "CENTER"), Column("Đơn vị", TEXT, 50)]
    detail_cols += [Column(f"{c.code} ({number_vi(c.max_points)})", FLOAT, 14, "RIGHT") for c in crits]
    detail_cols += [Column("Tổng", FLOAT, 16, "RIGHT")]
    detail = TableData("Điểm theo tiêu chí", detail_cols, [
        (r.rank, r.name, *[points.get(r.unit_id, {}).get(c.id) for c in crits], r.total if r.complete else None)
        for r in table.rows
    ], sheet="Điểm theo tiêu chí")  # fmt: skip
    legend = TableData("Tiêu chí", (Column("Mã", ID, 15), Column("Nội dung", TEXT, 120), Column("Loại", TEXT, 25),
                                    Column("Điểm tối đa", FLOAT, 20, "RIGHT")),
                       [(c.code, c.name, c.kind.label, c.max_points) for c in crits], sheet="Tiêu chí")  # fmt: skip

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH)]
        s += title_block("Báo cáo", f"Kết quả chấm điểm, xếp hạng thi đua {table.bloc_name} năm {year}", st)
        ranked = table.ranked
        s += paragraphs([
            f"Căn cứ bảng tiêu chí chấm điểm thi đua năm {year} của {table.bloc_name} ({len(crits)} tiêu chí); "
            f"căn cứ kết quả tự chấm của các đơn vị và kết quả chấm chéo của khối,",
            f"Khối có {len(table.rows)} đơn vị thành viên, {len(ranked)} đơn vị được xếp hạng. Kết quả như sau:",
        ], st)  # fmt: skip
        s.extend(data_tables(ranking, st, PORTRAIT_WIDTH))
        flag = [r.name for r in ranked if r.proposal == "flag"]
        merit = [r.name for r in ranked if r.proposal == "merit"]
        s.append(Spacer(1, 6))
        if flag:
            s += paragraphs([f"Khối thống nhất đề nghị tặng Cờ thi đua cho: {', '.join(flag)}."], st)
        if merit:
            s += paragraphs([f"Đề nghị tặng Bằng khen cho: {', '.join(merit)}."], st)
        s += paragraphs(list(table.notes), st)
        if ranked:
            s.append(bar_chart([r.code for r in ranked], [[r.total for r in ranked]], width=PORTRAIT_WIDTH,
                               title="Tổng điểm thi đua của các đơn vị"))  # fmt: skip
        s.append(closing_block(meta, st, PORTRAIT_WIDTH))
        s += to_landscape()
        s.append(Paragraph("BẢNG ĐIỂM CHI TIẾT THEO TIÊU CHÍ", st.title))
        s.append(Spacer(1, 6))
        s.extend(data_tables(detail, st, LANDSCAPE_WIDTH, font_size=10 if len(crits) > 8 else 12))
        s.append(Spacer(1, 8))
        s.extend(data_tables(legend, st, LANDSCAPE_WIDTH, font_size=11))
        return s

    return Document(
        f"Xếp hạng {table.bloc_name} năm {year}", story, [ranking, detail, legend], landscape=True
    )


# ------------------------------------------------------------------------- thống kê
def award_statistics(
    db: Database, meta: DocMeta, *, years: Sequence[int], unit_code: str | None = None
) -> Document:
    """Số khen thưởng theo đơn vị × danh hiệu × năm, with totals per year in a chart."""
    years = sorted(set(years))
    if not years:
        raise DomainError("Chọn ít nhất một năm để thống kê.")
    counts = data.award_counts(db, years, unit_code)
    grid: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for c in counts:
        grid[(c.unit, c.award)][c.year] = c.count
    cols = [Column("Đơn vị", TEXT, 50), Column("Danh hiệu, hình thức", TEXT, 55)]
    cols += [Column(str(y), INT, 14, "CENTER") for y in years] + [Column("Cộng", INT, 14, "CENTER")]
    rows = [(u, a, *[per.get(y, 0) for y in years], sum(per.values())) for (u, a), per in grid.items()]
    totals = [sum(per.get(y, 0) for per in grid.values()) for y in years]
    rows.append(("Tổng cộng", "", *totals, sum(totals)))
    table = TableData("Thống kê khen thưởng", cols, rows, sheet="Thống kê")
    span = f"năm {years[0]}" if len(years) == 1 else f"giai đoạn {years[0]}–{years[-1]}"

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Báo cáo thống kê", f"Kết quả khen thưởng {span}", st)
        s.extend(data_tables(table, st, PORTRAIT_WIDTH, font_size=11))
        s.append(Spacer(1, 8))
        s.append(
            bar_chart(
                [str(y) for y in years], [totals], width=PORTRAIT_WIDTH, title="Số khen thưởng theo năm"
            )
        )
        s.append(closing_block(meta, st, PORTRAIT_WIDTH, recipients=False))
        return s

    return Document(f"Thống kê khen thưởng {span}", story, [table])


def person_history(
    db: Database, meta: DocMeta, *, person_id: int | None = None, cccd: str | None = None
) -> Document:
    """Quá trình khen thưởng của một cá nhân (revoked awards shown and marked)."""
    p = data.find_person(db, person_id=person_id, cccd=cccd)
    rows = data.nomination_rows(db, person_id=p.id, statuses=(S.APPROVED, S.REVOKED))
    table = history_table(rows)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Quá trình khen thưởng", p.full_name, st)
        s.append(
            _kv_table(
                [("- Đơn vị:", p.unit.name), ("- Chức vụ:", p.position), ("- Số CCCD:", p.cccd or "")],
                PORTRAIT_WIDTH,
            )
        )
        s.append(Spacer(1, 6))
        s.extend(data_tables(table, st, PORTRAIT_WIDTH, font_size=11))
        s += paragraphs(
            [f"Tổng cộng: {sum(1 for r in rows if r.status is S.APPROVED)} lần được khen thưởng."], st
        )
        s.append(closing_block(meta, st, PORTRAIT_WIDTH, recipients=False))
        return s

    return Document(f"Quá trình khen thưởng — {p.full_name}", story, [table])


def unit_history(db: Database, meta: DocMeta, *, unit_code: str) -> Document:
    """Quá trình khen thưởng của một đơn vị: its own awards and its members', with a chart by year."""
    u = data.find_unit(db, unit_code)
    rows = data.nomination_rows(db, unit_id=u.id, statuses=(S.APPROVED, S.REVOKED))
    own = history_table(rows, "Khen thưởng tập thể")
    members = data.unit_member_awards(db, u.id)
    member_t = TableData("Khen thưởng cá nhân trong đơn vị", (
        Column("Năm", INT, 15, "CENTER"), Column("Danh hiệu, hình thức", TEXT, 80), Column("Số người", INT, 20, "CENTER"),
    ), list(members))  # fmt: skip
    per_year: dict[int, int] = defaultdict(int)
    for y, _a, n in members:
        per_year[y] += n

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Quá trình khen thưởng", u.name, st)
        for t in (own, member_t):
            s.append(Paragraph(esc(t.title), st.heading))
            s.extend(data_tables(t, st, PORTRAIT_WIDTH))
        if per_year:
            ys = sorted(per_year)
            s.append(bar_chart([str(y) for y in ys], [[per_year[y] for y in ys]], width=PORTRAIT_WIDTH,
                               title="Số cá nhân được khen thưởng theo năm"))  # fmt: skip
        s.append(closing_block(meta, st, PORTRAIT_WIDTH, recipients=False))
        return s

    return Document(f"Quá trình khen thưởng — {u.name}", story, [own, member_t])
