"""The season's paperwork: tờ trình with its annexed list, lists per award, council minutes,
award decisions with their annex."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from ..errors import DomainError
from ..model import AwardTarget, NominationStatus
from ..services import cash, payout
from ..services.decisions import find_decision, parse_decision_number
from ..storage.db import Database
from ..text import format_document_date
from . import data, wording
from .decree30 import (
    PORTRAIT_WIDTH,
    DocMeta,
    Letterhead,
    Signature,
    closing_block,
    data_tables,
    esc,
    header_block,
    paragraphs,
    styles,
    title_block,
    two_signatures,
)
from .document import Document, roman
from .tables import DATE, ID, INT, PERCENT, TEXT, Column, TableData

S = NominationStatus
LIVE_FOR_LISTS = (S.SUBMITTED, S.VOTED, S.APPROVED, S.DRAFT, S.RETURNED)
PERSON_COLUMNS = (
    Column("STT", INT, 14, "CENTER"), Column("Họ và tên", TEXT, 45), Column("Năm sinh", INT, 17, "CENTER"),
    Column("Giới tính", TEXT, 15, "CENTER"), Column("Chức vụ, đơn vị công tác", TEXT, 71),
)  # fmt: skip
UNIT_COLUMNS = (
    Column("STT", INT, 14, "CENTER"),
    Column("Tên tập thể", TEXT, 78),
    Column("Trực thuộc", TEXT, 72),
)


def number_text(value: str) -> str:
    """ "5/ttr-snv" → "05/TTr-SNV" (the number rules of Decree 30/2020)."""
    return parse_decision_number(value).text if value else ""


def _groups(rows: Sequence[data.AwardRow]) -> list[tuple[str, list[data.AwardRow]]]:
    out = []
    for (_code, name, target), items in groupby(
        rows, key=lambda r: (r.award_code, r.award_name, r.award_target)
    ):
        label = (
            name
            if target is AwardTarget.INDIVIDUAL or name.startswith(("Tập thể", "Cờ", "Đơn vị"))
            else f"{name} (tập thể)"
        )
        out.append((label, list(items)))
    return out


def _count_phrase(items: Sequence[data.AwardRow]) -> str:
    persons = sum(1 for r in items if r.is_person)
    units = len(items) - persons
    parts = [f"{persons} cá nhân" if persons else "", f"{units} tập thể" if units else ""]
    return " và ".join(p for p in parts if p)


def list_tables(rows: Sequence[data.AwardRow], title_prefix: str = "") -> list[TableData]:
    """One table per award (persons and collectives apart), numbered I., II., … as the forms do."""
    tables = []
    for n, (label, items) in enumerate(_groups(rows), start=1):
        persons = [r for r in items if r.is_person]
        units = [r for r in items if not r.is_person]
        head = f"{roman(n)}. {label.upper()}: {_count_phrase(items)}"
        if persons:
            tables.append(TableData(
                f"{title_prefix}{head}", PERSON_COLUMNS,
                [(i, r.nominee, r.birth_year, r.gender, ", ".join(x for x in (r.position, r.unit) if x))
                 for i, r in enumerate(persons, start=1)],
                sheet=f"{roman(n)}. {label}"[:28] + (" CN" if units else ""),
            ))  # fmt: skip
        if units:
            tables.append(TableData(
                f"{title_prefix}{head}" if not persons else f"{roman(n)}. {label.upper()} — tập thể", UNIT_COLUMNS,
                [(i, r.nominee, r.unit) for i, r in enumerate(units, start=1)],
                sheet=f"{roman(n)}. {label}"[:28] + (" TT" if persons else ""),
            ))  # fmt: skip
    return tables


def _annex(tables: Sequence[TableData], heading: str, ref: str) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Paragraph(esc(heading), st.title),
        Paragraph(f"<i>{esc(ref)}</i>", st.center),
        Spacer(1, 8),
    ]
    for t in tables:
        story.append(Paragraph(esc(t.title), st.heading))
        story.extend(data_tables(t, st, PORTRAIT_WIDTH))
        story.append(Spacer(1, 6))
    return story


# ------------------------------------------------------------------------------- tờ trình
def submission(
    db: Database,
    meta: DocMeta,
    *,
    year: int,
    to: str,
    award_codes: Sequence[str] = (),
    submitting_unit: str | None = None,
    statuses: Sequence[NominationStatus] = (S.SUBMITTED, S.VOTED),
    ids: Sequence[int] = (),
    campaign_id: int | None = None,
) -> Document:
    """Tờ trình đề nghị khen thưởng (Decree 152/2025 Mẫu 01) with its annexed list."""
    rows = data.nomination_rows(db, year=year, award_codes=award_codes, statuses=statuses,
                                submitting_unit=submitting_unit, ids=ids, campaign_id=campaign_id)  # fmt: skip
    if not rows:
        raise DomainError(f"Không có hồ sơ đề nghị nào năm {year} phù hợp để lập tờ trình.")
    meta = replace(meta, number=number_text(meta.number))
    tables = list_tables(rows)
    groups = _groups(rows)
    bases = data.legal_bases(db, year)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH)]
        s += title_block("Tờ trình", f"Về việc đề nghị khen thưởng năm {year}", st)
        s.append(Paragraph(f"Kính gửi: {esc(to)}.", st.center))
        s.append(Spacer(1, 8))
        s += paragraphs([
            *[f"Căn cứ {b};" for b in bases],
            f"Căn cứ kết quả bình xét thi đua, khen thưởng năm {year} và đề nghị của các đơn vị trực thuộc,",
            f"{meta.letterhead.issuer} kính trình {to} xem xét, khen thưởng cho các tập thể, cá nhân có thành tích "
            f"xuất sắc trong năm {year}, cụ thể như sau:",
        ], st)  # fmt: skip
        for n, (label, items) in enumerate(groups, start=1):
            s.append(Paragraph(f"{n}. {esc(label)}: {esc(_count_phrase(items))}.", st.body))
        s += paragraphs([
            f"Tổng cộng: {_count_phrase(rows)} (có danh sách kèm theo).",
            f"Kính trình {to} xem xét, quyết định./.",
        ], st)  # fmt: skip
        s.append(
            closing_block(
                replace(meta, recipients=meta.recipients or ("Như trên;", "Lưu: VT.")), st, PORTRAIT_WIDTH
            )
        )
        s.append(PageBreak())
        s += _annex(tables, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                    f"(Kèm theo Tờ trình số {meta.number} {format_document_date(meta.date)} của {meta.letterhead.issuer})")  # fmt: skip
        return s

    return Document(f"Tờ trình số {meta.number}", story, tables)


def nomination_list(
    db: Database,
    meta: DocMeta,
    *,
    year: int,
    award_codes: Sequence[str] = (),
    submitting_unit: str | None = None,
    statuses: Sequence[NominationStatus] = LIVE_FOR_LISTS,
    campaign_id: int | None = None,
) -> Document:
    """Danh sách đề nghị khen thưởng, one section per award."""
    rows = data.nomination_rows(
        db, year=year, award_codes=award_codes, statuses=statuses, submitting_unit=submitting_unit,
        campaign_id=campaign_id,
    )  # fmt: skip
    tables = list_tables(rows)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=False)]
        s += title_block("Danh sách", f"Đề nghị khen thưởng năm {year}", st)
        if not tables:
            s.append(Paragraph("(Không có hồ sơ đề nghị nào.)", st.center))
        for t in tables:
            s.append(Paragraph(esc(t.title), st.heading))
            s.extend(data_tables(t, st, PORTRAIT_WIDTH))
        s.append(Paragraph(f"Tổng cộng: {esc(_count_phrase(rows)) or '0'}.", st.heading))
        s.append(closing_block(meta, st, PORTRAIT_WIDTH, recipients=False))
        return s

    return Document(f"Danh sách đề nghị khen thưởng năm {year}", story, tables)


# ------------------------------------------------------------------------------- biên bản
@dataclass(frozen=True)
class Meeting:
    held_on: dt.datetime
    place: str
    council: str  # "Hội đồng Thi đua - Khen thưởng Sở Nội vụ"
    members_total: int
    members_present: Sequence[str]  # names with their roles
    chair: Signature
    secretary: Signature
    absent_in_writing: int = 0


def minutes_table(rows: Sequence[data.AwardRow]) -> TableData:
    out: list[tuple[object, ...]] = []
    for i, r in enumerate(rows, start=1):
        threshold, _basis = data.vote_threshold(r.award_code, r.year)
        share = (r.votes_for or 0) / r.council_size if r.council_size else None
        if share is None:
            result = "Chưa bỏ phiếu"
        elif threshold is None:
            result = "Không quy định ngưỡng"
        else:
            result = "Đạt" if share + 1e-9 >= threshold else "Không đạt"
        votes = f"{r.votes_for}/{r.council_size}" if r.council_size else ""
        out.append((i, r.nominee, r.award_name, votes, share, threshold, result))
    return TableData("Kết quả bỏ phiếu", (
        Column("STT", INT, 14, "CENTER"), Column("Cá nhân, tập thể", TEXT, 38), Column("Danh hiệu, hình thức", TEXT, 42),
        Column("Đồng ý/ Tổng số", TEXT, 18, "CENTER"), Column("Tỷ lệ", PERCENT, 15, "CENTER"),
        Column("Ngưỡng", PERCENT, 17, "CENTER"), Column("Kết quả", TEXT, 20, "CENTER"),
    ), out, sheet="Kết quả bỏ phiếu")  # fmt: skip


def minutes(
    db: Database, meta: DocMeta, meeting: Meeting, *, year: int, award_codes: Sequence[str] = (),
    submitting_unit: str | None = None, campaign_id: int | None = None,
) -> Document:  # fmt: skip
    """Biên bản họp Hội đồng TĐKT: who attended, each nominee's votes over all members, the result
    against the threshold of the rules in force for the year (app.rules, kind council_vote)."""
    rows = data.nomination_rows(db, year=year, award_codes=award_codes, submitting_unit=submitting_unit,
                                statuses=(S.VOTED, S.APPROVED, S.SUBMITTED), campaign_id=campaign_id)  # fmt: skip
    if not rows:
        raise DomainError(f"Không có hồ sơ nào năm {year} để lập biên bản họp Hội đồng.")
    recorded = sorted({r.council_size for r in rows if r.council_size})
    if recorded and recorded != [meeting.members_total]:
        raise DomainError(
            f"Tổng số thành viên Hội đồng ({meeting.members_total}) khác với số đã ghi khi bỏ phiếu "
            f"({', '.join(map(str, recorded))}): hãy sửa tổng số, hoặc lập biên bản riêng cho từng Hội đồng "
            "(lọc theo đơn vị trình).",
            field="members_total",
        )
    table = minutes_table(rows)
    passed = sum(1 for row in table.rows if row[-1] == "Đạt")
    bases = sorted({b for r in rows for t, b in [data.vote_threshold(r.award_code, r.year)] if t is not None})
    meta = replace(meta, number=number_text(meta.number) if meta.number else "")

    def story() -> list[Flowable]:
        st = styles()
        present = len(meeting.members_present)
        when = meeting.held_on
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]
        s += title_block("Biên bản", f"Họp {meeting.council} xét khen thưởng năm {year}", st)
        # A line whose value was not given is left out, never printed empty as if filled.
        opening = [f"Thời gian: {when:%H} giờ {when:%M} phút, {format_document_date(when.date())}."]
        if meeting.place:
            opening.append(f"Địa điểm: {meeting.place}.")
        if present:
            opening.append(
                f"Thành phần: {present}/{meeting.members_total} thành viên Hội đồng có mặt"
                + (f"; {meeting.absent_in_writing} thành viên vắng mặt có ý kiến bằng văn bản" if meeting.absent_in_writing else "")
                + ", gồm:")  # fmt: skip
        s += paragraphs(opening, st)
        s += [Paragraph(f"- {esc(m)}", st.plain) for m in meeting.members_present]
        s += paragraphs([
            f"Chủ trì: {meeting.chair.name}, {meeting.chair.title.lower()}. Thư ký: {meeting.secretary.name}.",
            f"Hội đồng đã xem xét hồ sơ và bỏ phiếu kín. Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng "
            f"({meeting.members_total} người)" + (f"; ngưỡng theo {'; '.join(bases)}." if bases else "."),
            "Kết quả như sau:",
        ], st)  # fmt: skip
        s.extend(data_tables(table, st, PORTRAIT_WIDTH))
        s += paragraphs([
            f"Tổng số hồ sơ: {len(rows)}; đạt: {passed}; không đạt hoặc chưa bỏ phiếu: {len(rows) - passed}.",
            f"Cuộc họp kết thúc lúc {when:%H} giờ {when:%M} phút cùng ngày; biên bản đã được thông qua./.",
        ], st)  # fmt: skip
        s.append(two_signatures(meeting.secretary, meeting.chair, st, PORTRAIT_WIDTH))
        return s

    return Document(f"Biên bản họp Hội đồng năm {year}", story, [table])


# ------------------------------------------------------------------------------- quyết định
def decision_document(
    db: Database,
    number: str,
    *,
    year: int | None = None,
    letterhead: Letterhead | None = None,
    authority_body: str = "",
    proposer: str = "",
    grant_verb: str = "Tặng",
    recipients: Sequence[str] = ("Như Điều 3;", "Lưu: VT."),
) -> Document:
    """Quyết định khen thưởng (from a recorded decision) with its annexed list. The body line and
    the signer's "KT." name the issuer's head (app.documents.wording); the proposer is the
    office's, else the one the issuer's kind implies; Điều 1 grants titles as titles."""
    d = find_decision(db, number, year)
    rows = data.nomination_rows(db, decision_id=d.id, statuses=(S.APPROVED, S.REVOKED))
    if not rows:
        raise DomainError(f"Quyết định {d.number_text} chưa có khen thưởng nào.")
    lh = letterhead or Letterhead(issuer=d.issuer, parent="")
    signer = Signature(d.signer_title, d.signer_name, d.signer_authority,
                       wording.head_title(d.issuer) if d.signer_authority == "KT." else authority_body or "")  # fmt: skip
    meta = DocMeta(lh, d.number_text, d.signed_on, signer, tuple(recipients))
    pay = payout.payout_lines(db, decision_id=d.id)
    money = payout_table(pay, with_decision=False)
    tables = [*list_tables(rows), money]
    groups = _groups(rows)
    bases = data.legal_bases(db, rows[0].year)
    body = (authority_body or wording.head_of(d.issuer)).upper()
    paid = payout.total(pay)
    proposer = proposer or wording.proposer_of(d.issuer)
    kinds = wording.categories(db, [r.award_code for r in rows])

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH)]
        s += title_block("Quyết định", d.summary or f"Về việc khen thưởng năm {rows[0].year}", st)
        s.append(Paragraph(esc(body), st.center_bold))
        s.append(Spacer(1, 8))
        s += paragraphs([
            *[f"Căn cứ {b};" for b in bases],
            f"Theo đề nghị của {proposer}.",
        ], st)  # fmt: skip
        s.append(Paragraph("QUYẾT ĐỊNH:", st.center_bold))
        s.append(Spacer(1, 6))
        clauses = [wording.grant_clause(label, kinds.get(items[0].award_code), _count_phrase(items), verb=grant_verb)
                   for label, items in groups]  # fmt: skip
        awarded = "; ".join(c if i == 0 else c[0].lower() + c[1:] for i, c in enumerate(clauses))
        s += [
            Paragraph(f"<b>Điều 1.</b> {esc(awarded)} đã có thành tích xuất sắc "
                      f"(có danh sách kèm theo).", st.body),
            Paragraph(f"<b>Điều 2.</b> Tiền thưởng kèm theo: tổng cộng {payout.dong(paid)} đồng (chi tiết tại danh "
                      "sách kèm theo), theo quy định hiện hành về thi đua, khen thưởng.", st.body),
            Paragraph("<b>Điều 3.</b> Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, "
                      "tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", st.body),
        ]  # fmt: skip
        s.append(closing_block(meta, st, PORTRAIT_WIDTH))
        s.append(PageBreak())
        s += _annex(tables[:-1], "DANH SÁCH KHEN THƯỞNG",
                    f"(Kèm theo Quyết định số {d.number_text} {format_document_date(d.signed_on)} của {d.issuer})")  # fmt: skip
        s.append(PageBreak())
        s += _annex([money], "DANH SÁCH CHI TIỀN THƯỞNG",
                    f"(Kèm theo Quyết định số {d.number_text} {format_document_date(d.signed_on)} của {d.issuer})")  # fmt: skip
        return s

    return Document(f"Quyết định số {d.number_text}", story, tables)


def payout_table(lines: Sequence[payout.PayLine], *, with_decision: bool = True) -> TableData:
    """Danh sách chi tiền thưởng: one row an award, the amount and why nothing is paid; a total.
    Widths add up to the portrait page (165 mm); a decision's own annex leaves its number out."""
    # Without the decision's 24 mm (one decision's list names it in its title) the names get room.
    name, award, unit, note = (32, 32, 24, 20) if with_decision else (42, 38, 30, 22)
    columns = [Column("STT", INT, 13, "CENTER"), Column("Cá nhân, tập thể", TEXT, name),
               Column("Danh hiệu, hình thức", TEXT, award), Column("Đơn vị", TEXT, unit)]  # fmt: skip
    if with_decision:
        columns.append(Column("Quyết định", TEXT, 24))  # text: "289/QĐ-STC" wraps rather than overflow
    columns += [Column("Số tiền (đồng)", INT, 20, "RIGHT"), Column("Ghi chú", TEXT, note)]
    rows: list[tuple[object, ...]] = [
        (i, p.nominee, p.award, p.unit, *((p.decision,) if with_decision else ()), p.amount, p.note)
        for i, p in enumerate(lines, start=1)
    ]
    rows.append(("", "Tổng cộng", "", "", *(("",) if with_decision else ()), payout.total(list(lines)), ""))
    return TableData("Tiền thưởng", columns, rows, sheet="Tiền thưởng")


def payout_list(db: Database, meta: DocMeta, *, year: int, decision: str | None = None,
                unit_code: str | None = None) -> Document:  # fmt: skip
    """Danh sách chi tiền thưởng of a year (of one decision, of one submitting unit), as the finance
    office pays it: each award's cash (multiplier × base salary on the decision date, rounded up)."""
    decision_id = find_decision(db, decision, year).id if decision else None
    lines = payout.payout_lines(
        db, decision_id=decision_id, unit_code=unit_code, year=None if decision else year
    )
    if not lines:
        raise DomainError("Không có khen thưởng nào đã có quyết định để lập danh sách chi tiền thưởng.")
    table = payout_table(lines, with_decision=decision is None)  # one decision: named in the title
    about = f"quyết định số {lines[0].decision}" if decision else f"năm {year}"
    # A year's list may span decrees (a decision of June 2025 and one of July): cite each in force.
    bases = "; ".join(dict.fromkeys(cash.principle_on(line.signed_on).principle for line in lines))

    def story() -> list:  # type: ignore[type-arg]
        st = styles()
        s: list = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]  # type: ignore[type-arg]
        s += title_block("Danh sách", f"Chi tiền thưởng {about}", st)
        s += paragraphs([f"Tổng số: {len(lines)} khen thưởng; tổng số tiền: {payout.dong(payout.total(lines))} đồng. "
                         "Mức tiền = hệ số × mức lương cơ sở tại ngày ký quyết định, làm tròn lên hàng chục nghìn đồng "
                         f"({bases})."], st)  # fmt: skip
        s.extend(data_tables(table, st, PORTRAIT_WIDTH))
        s.append(closing_block(meta, st, PORTRAIT_WIDTH))
        return s

    return Document(f"Danh sách chi tiền thưởng {about}", story, [table])


def decision_table(rows: Sequence[data.AwardRow]) -> TableData:
    return TableData("Khen thưởng", (
        Column("Mã hồ sơ", ID, 14), Column("Năm", INT, 10), Column("Đối tượng", TEXT, 40), Column("Danh hiệu", TEXT, 40),
        Column("Số quyết định", ID, 20), Column("Ngày ký", DATE, 16),
    ), [(r.id, r.year, r.nominee, r.award_name, r.decision_number, r.decision_date) for r in rows])  # fmt: skip
