"""The bloc's documents of its year (issue #15): the covenant (giao ước thi đua) signed by every
member unit's head, the six-month and year reviews (báo cáo sơ kết / tổng kết) drafted from the
data with the narrative the secretariat keeps (app.services.bloc_review), the minutes of the
bloc's meeting (biên bản họp khối) and the bloc head's tờ trình proposing the flag and merit
awards to the provincial council. All in the Decree 30/2020 layout.

The head and deputy are the year's membership roles (app.services.blocs): the documents the head
signs name the head unit. A narrative section left empty is left out, never printed as if filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..errors import DomainError
from ..model import Bloc, BlocRole, ScorePeriodKind
from ..services.bloc_review import BlocReview, get_review
from ..services.blocs import Member
from ..services.score_periods import as_period
from ..services.standings import Standings, bloc_by_code, compute, load_config
from ..storage.db import Database
from ..text import format_document_date
from .bloc_data import LEVELS, BlocYear, bloc_year, criteria_table, half_year_end
from .charts import bar_chart
from .decree30 import (
    PORTRAIT_WIDTH,
    DocMeta,
    Letterhead,
    Signature,
    Styles,
    data_tables,
    esc,
    header_block,
    paragraphs,
    signature_cell,
    styles,
    title_block,
)
from .document import Document, roman
from .reports import PROPOSALS
from .tables import FLOAT, ID, INT, TEXT, Column, TableData

H1, YEAR = ScorePeriodKind.H1, ScorePeriodKind.YEAR
COUNCIL = "Hội đồng Thi đua - Khen thưởng tỉnh"
PROPOSED = {
    "flag": "Cờ thi đua của Ủy ban nhân dân tỉnh",
    "merit": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
}


def review_name(period: ScorePeriodKind, year: int) -> str:
    """«sơ kết 6 tháng đầu năm 2025», «tổng kết năm 2025»."""
    return f"sơ kết 6 tháng đầu năm {year}" if period is H1 else f"tổng kết năm {year}"


def span(period: ScorePeriodKind, year: int) -> str:
    """«6 tháng đầu năm 2025», «năm 2025»."""
    return f"6 tháng đầu năm {year}" if period is H1 else f"năm {year}"


def covers(year: int, until: dt.date) -> str:
    """What the half-year review's figures cover, said in the document."""
    return (
        f"Số liệu 6 tháng đầu năm tính từ ngày 01/01/{year} đến hết ngày {until:%d/%m/%Y}: phong trào phát động "
        f"đến ngày {until:%d/%m/%Y}, đăng ký thi đua ghi đến ngày đó, khen thưởng theo quyết định ký đến ngày đó; "
        "kết quả chấm điểm, xếp hạng theo bảng tiêu chí 6 tháng đầu năm."
    )


def _head(mem: Sequence[Member], role: BlocRole = BlocRole.HEAD) -> Member | None:
    return next((m for m in mem if m.role is role), None)


def _meta(meta: DocMeta, bloc_name: str) -> DocMeta:
    """The bloc's name heads the document unless an issuer was given."""
    if meta.letterhead.issuer:
        return meta
    return replace(meta, letterhead=Letterhead(bloc_name, meta.letterhead.parent, meta.letterhead.place))


def _head_signature(meta: DocMeta, head: Member | None) -> tuple[Signature, str]:
    """The signature the head signs with (the one given, else «TM. KHỐI THI ĐUA / TRƯỞNG KHỐI»)
    and the note naming the head unit."""
    note = f"({head.name} – đơn vị Trưởng khối)" if head is not None else ""
    return meta.signature or Signature("TRƯỞNG KHỐI", "", "TM.", "KHỐI THI ĐUA"), note


def _closing(meta: DocMeta, sig: Signature, note: str, st: Styles, *, recipients: bool = True) -> Flowable:
    left: list[Flowable] = []
    if recipients and meta.recipients:
        left.append(Paragraph("Nơi nhận:", st.recipients_head))
        left.extend(Paragraph("- " + esc(r), st.recipients) for r in meta.recipients)
    table = Table(
        [[left, signature_cell(sig, st, note)]], colWidths=[PORTRAIT_WIDTH * 0.45, PORTRAIT_WIDTH * 0.55]
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return KeepTogether([Spacer(1, 8), table])


def _h(st: Styles) -> ParagraphStyle:
    """A heading kept with what follows it (never alone at a page's foot)."""
    return ParagraphStyle("bloc_heading", st.heading, keepWithNext=1)


def _standings(db: Database, bloc_id: int, year: int, period: ScorePeriodKind) -> Standings | None:
    try:
        return compute(db, bloc_id, year, period=period)
    except DomainError:  # no criteria table for the period: the documents say so
        return None


class _Period(NamedTuple):
    """What the review and the minutes of one bloc, year and period start from."""

    kind: ScorePeriodKind
    bloc: Bloc
    by: BlocYear  # the half-year's counts only what happened by 30/06
    review: BlocReview
    table: Standings | None


def _members_of(db: Database, bloc: Bloc, year: int, until: dt.date | None = None) -> BlocYear:
    by = bloc_year(db, bloc.id, year, until=until)
    if not by.members:
        raise DomainError(f"Khối «{bloc.name}» chưa có đơn vị thành viên năm {year}.", field="bloc")
    return by


def _period(db: Database, bloc_code: str, year: int, period: object) -> _Period:
    kind = as_period(period)
    bloc = bloc_by_code(db, bloc_code)
    by = _members_of(db, bloc, year, until=half_year_end(year) if kind is H1 else None)
    return _Period(kind, bloc, by, get_review(db, bloc.id, year, kind), _standings(db, bloc.id, year, kind))


# ------------------------------------------------------------------------------- tables
def members_table(mem: Sequence[Member]) -> TableData:
    return TableData("Đơn vị thành viên", (
        Column("STT", INT, 12, "CENTER"), Column("Mã", ID, 20), Column("Đơn vị", TEXT, 95), Column("Vai trò", TEXT, 30),
    ), [(i, m.code, m.name, m.role.label) for i, m in enumerate(mem, start=1)], sheet="Thành viên")  # fmt: skip


def standings_table(table: Standings, *, with_h1: bool) -> TableData:
    # Widths add up to the portrait page (165 mm); "Hạng" must not break inside the word.
    name = 45 if with_h1 else 61
    cols = [Column("Hạng", INT, 16, "CENTER"), Column("Mã", ID, 20), Column("Đơn vị", TEXT, name),
            Column("Tổng điểm", FLOAT, 18, "RIGHT")]  # fmt: skip
    if with_h1:
        cols.append(Column("Hạng 6 tháng", INT, 16, "CENTER"))
    cols += [Column("Xếp loại", TEXT, 20), Column("Đề nghị", TEXT, 30)]
    rows = [
        (r.rank, r.code, r.name, r.total if r.complete else None, *((r.h1_rank,) if with_h1 else ()),
         r.band or "Chưa đủ phiếu chấm", PROPOSALS[r.proposal])
        for r in table.rows
    ]  # fmt: skip
    return TableData("Kết quả chấm điểm, xếp hạng", cols, rows, sheet="Xếp hạng")


def campaigns_table(by: BlocYear) -> TableData:
    return TableData("Phong trào thi đua", (
        Column("STT", INT, 12, "CENTER"), Column("Phong trào", TEXT, 70), Column("Loại", TEXT, 28),
        Column("Đơn vị tham gia", INT, 20, "CENTER"), Column("Lượt đăng ký", INT, 18, "CENTER"),
        Column("Lượt đề nghị", INT, 18, "CENTER"),
    ), [(i, c.name, c.kind, c.units, c.registrations, c.nominations)
        for i, c in enumerate(by.campaigns, start=1)], sheet="Phong trào")  # fmt: skip


def registrations_table(by: BlocYear) -> TableData:
    rows: list[tuple[object, ...]] = [
        (r.code, r.name, r.collective, r.individual, r.total, r.reached) for r in by.registrations
    ]
    rows.append(("", "Cộng", *(sum(getattr(r, a) for r in by.registrations)
                               for a in ("collective", "individual", "total", "reached"))))  # fmt: skip
    return TableData("Đăng ký thi đua và kết quả", (
        Column("Mã", ID, 18), Column("Đơn vị", TEXT, 62), Column("Tập thể đăng ký", INT, 20, "CENTER"),
        Column("Cá nhân đăng ký", INT, 20, "CENTER"), Column("Tổng số", INT, 17, "CENTER"),
        Column("Đã đạt", INT, 17, "CENTER"),
    ), rows, sheet="Đăng ký")  # fmt: skip


def awards_table(by: BlocYear) -> TableData:
    cols = [Column("Mã", ID, 18), Column("Đơn vị", TEXT, 55)]
    cols += [Column(level.label, INT, 20, "CENTER") for level in LEVELS] + [Column("Cộng", INT, 14, "CENTER")]
    rows: list[tuple[object, ...]] = []
    for m in by.members:
        per = by.awards.get(m.code, {})
        rows.append((m.code, m.name, *(per.get(level, 0) for level in LEVELS), sum(per.values())))
    totals = [sum(by.awards.get(m.code, {}).get(level, 0) for m in by.members) for level in LEVELS]
    rows.append(("", "Cộng", *totals, sum(totals)))
    return TableData("Khen thưởng theo cấp và đơn vị", cols, rows, sheet="Khen thưởng")


def exemplars_table(by: BlocYear) -> TableData:
    return TableData("Gương điển hình tiên tiến", (
        Column("STT", INT, 12, "CENTER"), Column("Đơn vị", ID, 18), Column("Cá nhân, tập thể", TEXT, 45),
        Column("Điển hình", TEXT, 60), Column("Nơi tuyên dương", TEXT, 35),
    ), [(i, e.code, e.subject, e.title, e.honoured_at) for i, e in enumerate(by.exemplars, start=1)],
        sheet="Điển hình")  # fmt: skip


# ------------------------------------------------------------------------------- báo cáo sơ kết / tổng kết
def review_report(
    db: Database, meta: DocMeta, *, bloc_code: str, year: int, period: object = YEAR
) -> Document:
    """Báo cáo sơ kết / tổng kết công tác thi đua, khen thưởng của khối: members, campaigns and
    participation, registrations against results, awards by level and unit, exemplars, standings
    (with the half-year rank beside the year's) and its chart, proposals, and the narrative."""
    kind, bloc, by, review, table = _period(db, bloc_code, year, period)
    with_h1 = table is not None and any(r.h1_rank is not None for r in table.rows)
    ranking = standings_table(table, with_h1=with_h1) if table is not None else None
    tables = [members_table(by.members), campaigns_table(by), registrations_table(by), awards_table(by)]
    tables += [exemplars_table(by), *([ranking] if ranking else [])]
    meta = _meta(meta, bloc.name)
    head, deputy = _head(by.members), _head(by.members, BlocRole.DEPUTY)
    sig, note = _head_signature(meta, head)
    what = review_name(kind, year)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]
        s += title_block(
            "Báo cáo", f"{what[0].upper()}{what[1:]} công tác thi đua, khen thưởng của {bloc.name}", st
        )
        parts: list[tuple[str, list[Flowable]]] = []
        roles = [f"{m.role.label.lower()}: {m.name}" for m in (head, deputy) if m is not None]
        intro = f"{bloc.name} năm {year} có {len(by.members)} đơn vị thành viên" + (
            f" ({'; '.join(roles)})" if roles else ""
        )
        said = [intro + "."]
        if by.until is not None:
            said.append(covers(year, by.until))
        parts.append(
            (
                "ĐẶC ĐIỂM, TÌNH HÌNH",
                [*paragraphs(said, st), *data_tables(tables[0], st, PORTRAIT_WIDTH, font_size=11)],
            )
        )
        work: list[Flowable] = [Paragraph("1. Phát động, tổ chức các phong trào thi đua", _h(st))]
        if by.campaigns:
            joined = sum(1 for c in by.campaigns if c.units)
            work += paragraphs([f"Trong kỳ, các đơn vị trong khối hưởng ứng {len(by.campaigns)} phong trào thi đua; "
                                f"{joined} phong trào có đơn vị của khối đăng ký hoặc đề nghị khen thưởng."], st)  # fmt: skip
            work += data_tables(tables[1], st, PORTRAIT_WIDTH, font_size=11)
        else:
            work += paragraphs([f"Chưa ghi nhận phong trào thi đua nào năm {year}."], st)
        reg = tables[2]
        work += [
            Paragraph("2. Đăng ký thi đua và kết quả thực hiện", _h(st)),
            *data_tables(reg, st, PORTRAIT_WIDTH, font_size=11),
        ]
        work += [
            Paragraph("3. Khen thưởng theo cấp và đơn vị", _h(st)),
            *data_tables(tables[3], st, PORTRAIT_WIDTH, font_size=11),
        ]
        work.append(Paragraph("4. Phát hiện, nhân rộng điển hình tiên tiến", _h(st)))
        if by.exemplars:
            work += data_tables(tables[4], st, PORTRAIT_WIDTH, font_size=11)
        else:
            work += paragraphs([f"Chưa ghi nhận gương điển hình tiên tiến nào của khối năm {year}."], st)
        work.append(Paragraph("5. Kết quả chấm điểm, xếp hạng thi đua", _h(st)))
        if table is None or ranking is None:
            work += paragraphs([f"Khối chưa có bảng tiêu chí chấm điểm {span(kind, year)}."], st)
        else:
            work += paragraphs(
                [f"{len(table.ranked)}/{len(table.rows)} đơn vị được xếp hạng. Kết quả như sau:"], st
            )
            work += data_tables(ranking, st, PORTRAIT_WIDTH, font_size=11)
            work += paragraphs(list(table.notes), st)
            if table.ranked:
                work.append(bar_chart([r.code for r in table.ranked], [[r.total for r in table.ranked]],
                                      width=PORTRAIT_WIDTH, title="Tổng điểm thi đua của các đơn vị"))  # fmt: skip
        parts.append(("KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG", work))
        judged: list[Flowable] = []
        n = 0
        for name, label in (("results", "Kết quả nổi bật, ưu điểm"), ("limitations", "Hạn chế, tồn tại")):
            texts = review.section(name)
            if texts:
                n += 1
                judged += [Paragraph(f"{n}. {esc(label)}", _h(st)), *paragraphs(texts, st)]
        if judged:
            parts.append(("ĐÁNH GIÁ CHUNG", judged))
        if kind is YEAR and table is not None:
            proposals = _proposal_lines(table)
            if proposals:
                parts.append(("ĐỀ NGHỊ KHEN THƯỞNG", paragraphs(proposals, st)))
        tasks = review.section("tasks")
        if tasks:
            parts.append(("NHIỆM VỤ TRỌNG TÂM KỲ TỚI", paragraphs(tasks, st)))
        for n, (heading, body) in enumerate(parts, start=1):
            s.append(Paragraph(f"{roman(n)}. {esc(heading)}", _h(st)))
            s += body
        s.append(_closing(meta, sig, note, st))
        return s

    return Document(f"Báo cáo {what} của {bloc.name}", story, tables)


def _proposal_lines(table: Standings) -> list[str]:
    out = []
    for key in ("flag", "merit"):
        names = [
            f"{r.name} ({_points(r.total)} điểm, hạng {r.rank})" for r in table.ranked if r.proposal == key
        ]
        if names:
            out.append(f"Đề nghị tặng {PROPOSED[key]} cho: {'; '.join(names)}.")
    return out


def _points(value: float) -> str:
    from .tables import number_vi

    return number_vi(value)


# ------------------------------------------------------------------------------- biên bản họp khối
def bloc_minutes(db: Database, meta: DocMeta, *, bloc_code: str, year: int, period: object = YEAR,
                 chair: str = "", secretary: str = "", meeting_place: str = "") -> Document:  # fmt: skip
    """Biên bản họp khối: each member's attendance, the standings put to the vote and the
    proposals, the votes as the secretariat kept them (app.services.bloc_review)."""
    kind, bloc, by, review, table = _period(db, bloc_code, year, period)
    head = _head(by.members)
    meta = _meta(meta, bloc.name)
    attendance = attendance_table(by.members, review)
    tables = [attendance]
    ranking = standings_table(table, with_h1=False) if table is not None else None
    if ranking is not None:
        tables.append(ranking)
    what = review_name(kind, year)
    present = sum(1 for a in review.attendance.values() if a.present)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]
        s += title_block("Biên bản", f"Họp {bloc.name} {what}", st)
        opening = [f"Thời gian: {format_document_date(meta.date)}."]
        if meeting_place:
            opening.append(f"Địa điểm: {meeting_place}.")
        if head is not None:
            opening.append(f"Đơn vị Trưởng khối: {head.name}.")
        if chair:
            opening.append(f"Chủ trì: {chair}." + (f" Thư ký: {secretary}." if secretary else ""))
        elif secretary:
            opening.append(f"Thư ký: {secretary}.")
        s += paragraphs(opening, st)
        s.append(Paragraph("I. THÀNH PHẦN", _h(st)))
        if review.attendance:
            s += paragraphs([f"Có mặt {present}/{len(by.members)} đơn vị thành viên:"], st)
        else:
            s += paragraphs(["Thành phần dự họp chưa được ghi."], st)
        s += data_tables(attendance, st, PORTRAIT_WIDTH, font_size=11)
        s.append(Paragraph("II. NỘI DUNG", _h(st)))
        s += paragraphs([f"Khối đã nghe dự thảo báo cáo {what} công tác thi đua, khen thưởng và kết quả chấm "
                         "điểm, xếp hạng thi đua của các đơn vị thành viên."], st)  # fmt: skip
        if ranking is not None and table is not None:
            s += data_tables(ranking, st, PORTRAIT_WIDTH, font_size=11)
        else:
            s += paragraphs([f"Khối chưa có bảng tiêu chí chấm điểm {span(kind, year)}."], st)
        s.append(Paragraph("III. KẾT QUẢ BIỂU QUYẾT", _h(st)))
        s += paragraphs([_vote("Kết quả chấm điểm, xếp hạng", review.votes_standings, present)], st)
        proposals = _proposal_lines(table) if table is not None and kind is YEAR else []
        if proposals:
            s += paragraphs(proposals, st)
            s += paragraphs([_vote("Đề nghị khen thưởng nêu trên", review.votes_proposals, present)], st)
        s += paragraphs(review.section("vote_note"), st)
        s += paragraphs(
            ["Biên bản đã được đọc lại trước cuộc họp và được các đơn vị thống nhất thông qua./."], st
        )
        chair_sig = Signature("CHỦ TRÌ", chair)
        secretary_sig = Signature("THƯ KÝ", secretary)
        cells = Table([[signature_cell(secretary_sig, st), signature_cell(chair_sig, st, f"({head.name})" if head else "")]],
                      colWidths=[PORTRAIT_WIDTH / 2] * 2)  # fmt: skip
        cells.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        s.append(KeepTogether([Spacer(1, 10), cells]))
        return s

    return Document(f"Biên bản họp {bloc.name} {what}", story, tables)


def attendance_table(mem: Sequence[Member], review: BlocReview) -> TableData:
    rows: list[tuple[object, ...]] = []
    for i, m in enumerate(mem, start=1):
        a = review.attendance.get(m.code)
        state = "Chưa ghi" if a is None else ("Có mặt" if a.present else "Vắng mặt")
        rows.append((i, m.name, m.role.label, state, a.by if a is not None else ""))
    return TableData("Thành phần dự họp", (
        Column("STT", INT, 12, "CENTER"), Column("Đơn vị", TEXT, 62), Column("Vai trò", TEXT, 25),
        Column("Dự họp", TEXT, 22, "CENTER"), Column("Người dự", TEXT, 45),
    ), rows, sheet="Thành phần")  # fmt: skip


def _vote(what: str, agree: int | None, present: int) -> str:
    if agree is None:
        return f"{what}: chưa ghi kết quả biểu quyết."
    share = f" ({agree * 100 / present:.0f}%)".replace(".", ",") if present else ""
    return f"{what}: {agree}/{present} đơn vị có mặt biểu quyết đồng ý{share}."


# ------------------------------------------------------------------------------- tờ trình của trưởng khối
def bloc_submission(db: Database, meta: DocMeta, *, bloc_code: str, year: int, to: str = "") -> Document:
    """The bloc head's tờ trình proposing Cờ thi đua and Bằng khen to the provincial council,
    from the year's standings (their proposals) and the vote the minutes record."""
    bloc = bloc_by_code(db, bloc_code)
    table = compute(db, bloc.id, year)
    picked = [r for r in table.ranked if r.proposal]
    if not picked:
        raise DomainError(
            f"Khối «{bloc.name}» chưa có đơn vị nào được đề nghị khen thưởng năm {year}.", field="bloc"
        )
    by = bloc_year(db, bloc.id, year)
    head = _head(by.members)
    review = get_review(db, bloc.id, year, YEAR)
    to = to or COUNCIL
    meta = _meta(meta, bloc.name)
    sig, note = _head_signature(meta, head)
    listing = TableData("Danh sách đề nghị", (
        Column("STT", INT, 15, "CENTER"), Column("Đơn vị", TEXT, 58), Column("Tổng điểm", FLOAT, 20, "RIGHT"),
        Column("Hạng", INT, 17, "CENTER"), Column("Xếp loại", TEXT, 24), Column("Hình thức đề nghị", TEXT, 45),
    ), [(i, r.name, r.total, r.rank, r.band, PROPOSED[r.proposal]) for i, r in enumerate(picked, start=1)],
        sheet="Đề nghị")  # fmt: skip
    basis = load_config().legal_basis
    present = sum(1 for a in review.attendance.values() if a.present)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH)]
        s += title_block(
            "Tờ trình",
            f"Về việc đề nghị tặng Cờ thi đua, Bằng khen năm {year} cho đơn vị thuộc {bloc.name}",
            st,
        )
        s.append(Paragraph(f"Kính gửi: {esc(to)}.", st.center))
        s.append(Spacer(1, 8))
        lines = [f"Căn cứ {basis};"] if basis else []
        lines.append(f"Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {year} của {bloc.name}"
                     + (f" và kết quả biểu quyết tại cuộc họp khối ({review.votes_proposals}/{present} đơn vị "
                        "có mặt đồng ý)," if review.votes_proposals is not None and present else ","))  # fmt: skip
        who = f"{head.name}, đơn vị Trưởng khối," if head is not None else "Trưởng khối"
        lines.append(f"{who} kính trình {to} xem xét, đề nghị khen thưởng cho các đơn vị sau:")
        s += paragraphs(lines, st)
        for n, line in enumerate(_proposal_lines(table), start=1):
            s.append(Paragraph(f"{n}. {esc(line)}", st.body))
        s += data_tables(listing, st, PORTRAIT_WIDTH, font_size=11)
        s.append(Spacer(1, 6))
        s += paragraphs([f"Kính trình {to} xem xét, quyết định./."], st)
        s.append(_closing(meta, sig, note, st))
        return s

    return Document(f"Tờ trình đề nghị khen thưởng của {bloc.name} năm {year}", story, [listing])


# ------------------------------------------------------------------------------- giao ước thi đua
def covenant(db: Database, meta: DocMeta, *, bloc_code: str, year: int) -> Document:
    """Giao ước thi đua of the bloc for the year: the criteria table, each member's registered
    targets, and a signature block for every member unit's head."""
    bloc = bloc_by_code(db, bloc_code)
    by = _members_of(db, bloc, year)
    crits = criteria_table(db, bloc.id, year, YEAR)
    if not crits:
        raise DomainError(f"Khối «{bloc.name}» chưa có bảng tiêu chí chấm điểm năm {year}.", field="year")
    meta = _meta(meta, bloc.name)
    criteria = TableData("Nội dung, tiêu chí thi đua", (
        Column("Mã", ID, 16), Column("Nội dung", TEXT, 100), Column("Loại", TEXT, 25), Column("Điểm tối đa", FLOAT, 22, "RIGHT"),
    ), list(crits), sheet="Tiêu chí")  # fmt: skip
    targets: list[tuple[object, ...]] = []
    per_unit: dict[str, list[tuple[object, ...]]] = {m.code: [] for m in by.members}
    counts: dict[tuple[str, str], int] = {}
    for t in by.targets:
        if t.is_person:
            counts[(t.code, t.award)] = counts.get((t.code, t.award), 0) + 1
        else:
            per_unit[t.code].append((t.registrant, t.award, 1))
    for (code, award), n in counts.items():
        per_unit[code].append(("Cá nhân", award, n))
    for m in by.members:
        targets += [(m.code, m.name, *row) for row in per_unit[m.code]]
    registered = TableData("Đăng ký danh hiệu, chỉ tiêu thi đua", (
        Column("Mã", ID, 16), Column("Đơn vị", TEXT, 40), Column("Tập thể, cá nhân đăng ký", TEXT, 45),
        Column("Danh hiệu đăng ký", TEXT, 45), Column("Số lượng", INT, 17, "CENTER"),
    ), targets, sheet="Đăng ký")  # fmt: skip

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Giao ước thi đua", f"{bloc.name} năm {year}", st)
        s += paragraphs([
            f"Thực hiện phong trào thi đua yêu nước năm {year}, các đơn vị thành viên {bloc.name} cùng thống nhất "
            f"ký kết giao ước thi đua năm {year} với các nội dung sau:",
        ], st)  # fmt: skip
        s.append(Paragraph("I. NỘI DUNG, TIÊU CHÍ THI ĐUA", _h(st)))
        s += paragraphs([f"Các đơn vị thi đua thực hiện tốt {len(crits)} nội dung, tiêu chí của bảng chấm điểm "
                         f"thi đua năm {year} của khối:"], st)  # fmt: skip
        s += data_tables(criteria, st, PORTRAIT_WIDTH, font_size=11)
        s.append(Paragraph("II. ĐĂNG KÝ DANH HIỆU, CHỈ TIÊU THI ĐUA CỦA CÁC ĐƠN VỊ", _h(st)))
        for n, m in enumerate(by.members, start=1):
            rows = per_unit[m.code]
            s.append(
                Paragraph(
                    f"{n}. {esc(m.name)}"
                    + (f" ({esc(m.role.label)})" if m.role is not BlocRole.MEMBER else ""),
                    st.plain,
                )
            )
            if rows:
                unit_t = TableData("", (Column("Tập thể, cá nhân", TEXT, 60), Column("Danh hiệu đăng ký", TEXT, 70),
                                        Column("Số lượng", INT, 20, "CENTER")), rows)  # fmt: skip
                s += data_tables(unit_t, st, PORTRAIT_WIDTH, font_size=11)
            else:
                s += paragraphs(["Chưa đăng ký danh hiệu, chỉ tiêu thi đua."], st)
        s.append(Paragraph("III. TỔ CHỨC THỰC HIỆN", _h(st)))
        s += paragraphs([
            "Thủ trưởng các đơn vị thành viên có trách nhiệm quán triệt, tổ chức thực hiện các nội dung giao ước; "
            "đơn vị Trưởng khối theo dõi, tổng hợp, sơ kết 6 tháng và tổng kết năm, chấm điểm, xếp hạng theo bảng "
            "tiêu chí của khối.",
            "Giao ước này được lập thành các bản có giá trị như nhau, mỗi đơn vị giữ một bản./.",
        ], st)  # fmt: skip
        s.append(Spacer(1, 6))
        s.append(Paragraph("ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN KÝ GIAO ƯỚC", st.center_bold))
        s.append(Spacer(1, 6))
        s += signature_grid(by.members, st)
        return s

    return Document(f"Giao ước thi đua {bloc.name} năm {year}", story, [criteria, registered])


SIGN_NOTE = "(Ký, ghi rõ họ tên, đóng dấu)"


def signature_grid(mem: Sequence[Member], st: Styles, columns: int = 3) -> list[Flowable]:
    """One signature block per member unit's head, ``columns`` to a row, each row kept whole."""
    head = ParagraphStyle("sign_s", st.sign, fontSize=11.5, leading=14)
    role = ParagraphStyle("sign_r", st.sign_note, fontName=st.bold, fontSize=11.5, leading=14)
    note = ParagraphStyle("sign_n", st.sign_note, fontSize=10.5, leading=13)
    width = PORTRAIT_WIDTH / columns
    out: list[Flowable] = []
    for start in range(0, len(mem), columns):
        cells: list[list[Flowable]] = []
        for m in mem[start : start + columns]:
            cell: list[Flowable] = []
            if m.role is not BlocRole.MEMBER:
                cell.append(Paragraph(esc(m.role.label.upper()), role))
            cell += [
                Paragraph(f"THỦ TRƯỞNG {esc(m.name.upper())}", head),
                Paragraph(SIGN_NOTE, note),
                Spacer(1, 22 * 2.83),
            ]
            cells.append(cell)
        cells += [[] for _ in range(columns - len(cells))]
        t = Table([cells], colWidths=[width] * columns)
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
        out.append(KeepTogether([t, Spacer(1, 6)]))
    return out
