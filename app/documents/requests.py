"""A report request as ``thidua report`` and the GUI's Reports page both give it.

``KINDS`` lists every kind of document or report, the options it uses and those it needs;
:func:`problems` checks a request against it (one error per field, before any work),
:func:`build` makes the :class:`~app.documents.document.Document` and :func:`write_report`
writes it (PDF, the same story as .docx, or its tables as .xlsx) atomically, with progress and cancel. The CLI and the
GUI call these same functions; neither holds a kind's logic of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TypedDict

from ..errors import DomainError
from ..services.decisions import parse_decision_number
from ..storage.db import Database
from ..storage.files import check_output_file
from .decree30 import DocMeta, Letterhead, Signature
from .document import Document
from .progress import Cancel, Cancelled, Progress

AUTHORITIES = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")
SUFFIXES = (".pdf", ".docx", ".xlsx")


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    uses: tuple[str, ...]  # the options this kind reads, in the order a form shows them
    needs: tuple[str, ...]  # those that must be given


HEAD = ("date", "issuer", "parent", "place")
SIGNER = ("signer_title", "signer", "authority", "on_behalf")
LIST = ("year", "award", "unit", "campaign")

KINDS: dict[str, ReportKind] = {k.key: k for k in (
    ReportKind("to-trinh", "tờ trình đề nghị khen thưởng kèm danh sách",
               (*LIST, "to", "number", *HEAD, *SIGNER, "recipient"), ("year", "to", "number", "issuer")),
    ReportKind("danh-sach", "danh sách đề nghị khen thưởng theo danh hiệu",
               (*LIST, *HEAD, *SIGNER), ("year", "issuer")),
    ReportKind("bien-ban", "biên bản họp Hội đồng Thi đua - Khen thưởng",
               (*LIST, "council", "members_total", "member", "chair", "secretary", "meeting_place", "number", *HEAD),
               ("year", "council", "members_total", "chair", "secretary", "issuer")),
    ReportKind("quyet-dinh", "quyết định khen thưởng kèm danh sách", ("decision", "year"), ("decision",)),
    ReportKind("thanh-tich-ca-nhan", "báo cáo thành tích cá nhân",
               ("person", "year", *HEAD, *SIGNER), ("person", "year", "issuer")),
    ReportKind("thanh-tich-tap-the", "báo cáo thành tích tập thể",
               ("unit", "year", *HEAD, *SIGNER), ("unit", "year", "issuer")),
    ReportKind("xep-hang", "báo cáo xếp hạng khối thi đua",
               ("bloc", "year", "number", *HEAD, *SIGNER, "recipient"), ("bloc", "year", "issuer")),
    ReportKind("thong-ke", "thống kê khen thưởng theo đơn vị × danh hiệu × năm",
               ("years", "unit", *HEAD, *SIGNER), ("years", "issuer")),
    ReportKind("qua-trinh-ca-nhan", "quá trình khen thưởng của một cá nhân",
               ("person", *HEAD, *SIGNER), ("person", "issuer")),
    ReportKind("qua-trinh-don-vi", "quá trình khen thưởng của một đơn vị",
               ("unit", *HEAD, *SIGNER), ("unit", "issuer")),
    ReportKind("chi-tien-thuong", "danh sách chi tiền thưởng theo quyết định, đơn vị, năm",
               ("decision", "year", "unit", "number", *HEAD, *SIGNER), ("year", "issuer")),
    # The bloc's year (issue #15): without an issuer, the bloc's name heads the document.
    ReportKind("giao-uoc", "giao ước thi đua của khối: tiêu chí và đăng ký của từng đơn vị",
               ("bloc", "year", *HEAD), ("bloc", "year")),
    ReportKind("so-ket-khoi", "báo cáo sơ kết 6 tháng công tác thi đua, khen thưởng của khối",
               ("bloc", "year", "number", *HEAD, *SIGNER, "recipient"), ("bloc", "year")),
    ReportKind("tong-ket-khoi", "báo cáo tổng kết năm công tác thi đua, khen thưởng của khối",
               ("bloc", "year", "number", *HEAD, *SIGNER, "recipient"), ("bloc", "year")),
    ReportKind("bien-ban-khoi", "biên bản họp khối thi đua (thành phần, biểu quyết xếp hạng và đề nghị)",
               ("bloc", "year", "period", "chair", "secretary", "meeting_place", "number", *HEAD), ("bloc", "year")),
    ReportKind("to-trinh-khoi", "tờ trình của Trưởng khối đề nghị tặng Cờ thi đua, Bằng khen",
               ("bloc", "year", "to", "number", *HEAD, *SIGNER, "recipient"), ("bloc", "year")),
    # Exemplars (issue #15 item 7): a bloc's or a unit's, for the conference of advanced exemplars.
    ReportKind("dien-hinh", "danh sách gương điển hình tiên tiến (Hội nghị điển hình tiên tiến)",
               ("year", "bloc", "unit", "number", *HEAD, *SIGNER, "recipient"), ("year", "issuer")),
    ReportKind("trich-ngang", "trích ngang thành tích gương điển hình tiên tiến",
               ("year", "bloc", "unit", "number", *HEAD, *SIGNER, "recipient"), ("year", "issuer")),
)}  # fmt: skip
EXEMPLAR_KINDS = ("dien-hinh", "trich-ngang")
BLOC_KINDS = ("giao-uoc", "so-ket-khoi", "tong-ket-khoi", "bien-ban-khoi", "to-trinh-khoi")
PERIODS = ("year", "h1")  # app.model.ScorePeriodKind's values: the year, the half-year  # fmt: skip

MISSING = {
    "year": "Hãy chọn năm.",
    "years": "Chọn ít nhất một năm để thống kê.",
    "unit": "Hãy chọn đơn vị.",
    "bloc": "Hãy chọn khối thi đua.",
    "person": "Hãy chọn cá nhân.",
    "decision": "Hãy chọn quyết định.",
    "to": "Hãy nhập nơi kính gửi.",
    "number": "Hãy nhập số văn bản, ví dụ 12/TTr-SNV.",
    "issuer": "Hãy nhập cơ quan ban hành.",
    "council": "Hãy nhập tên Hội đồng.",
    "members_total": "Hãy nhập tổng số thành viên Hội đồng.",
    "chair": "Hãy nhập họ tên Chủ tịch Hội đồng.",
    "secretary": "Hãy nhập họ tên thư ký.",
}


@dataclass(frozen=True)
class ReportRequest:
    """Every option of ``thidua report``, named as its ``--flag``; each kind reads only its own."""

    kind: str
    year: int | None = None
    years: tuple[int, ...] = ()
    award: tuple[str, ...] = ()  # award codes; none: every award
    unit: str | None = None  # unit code
    bloc: str | None = None  # bloc code
    person: int | None = None  # person id
    decision: str | None = None  # decision number, "15/QĐ-UBND"
    campaign: int | None = None  # campaign id
    number: str = ""
    date: dt.date | None = None
    to: str = ""
    issuer: str = ""
    parent: str = ""
    place: str = ""
    signer: str = ""
    signer_title: str = ""
    authority: str = ""
    on_behalf: str = ""
    recipient: tuple[str, ...] = ()
    council: str = ""
    members_total: int | None = None
    member: tuple[str, ...] = ()
    chair: str = ""
    secretary: str = ""
    meeting_place: str = ""
    period: str = ""  # "h1" or "year" (the default): the bloc's scoring period

    @classmethod
    def from_options(cls, kind: str, options: dict[str, object]) -> ReportRequest:
        """From a mapping such as the CLI's parsed arguments: unknown keys ignored, lists as tuples,
        ``None`` for an unset text as ""."""
        names = {f.name: f for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in options.items():
            if key not in names or key == "kind" or value is None:
                continue
            values[key] = tuple(value) if isinstance(value, list) else value
        return cls(kind=kind, **values)  # type: ignore[arg-type]  # typed per field by the caller's parser; check() judges


def problems(req: ReportRequest) -> list[DomainError]:
    """Every missing or malformed option of the request's kind, one error per field."""
    kind = KINDS.get(req.kind)
    if kind is None:
        return [DomainError(f"Không có loại báo cáo «{req.kind}».", field="kind")]
    out = [DomainError(MISSING[n], field=n) for n in kind.needs if getattr(req, n) in (None, "", ())]
    bad = {e.field for e in out}
    if "number" in kind.uses and req.number and "number" not in bad:
        try:
            parse_decision_number(req.number)
        except DomainError:
            out.append(
                DomainError(f"Số văn bản «{req.number}» không đúng dạng (ví dụ: 12/TTr-SNV).", field="number")
            )
    if "signer" in kind.uses:
        if req.signer and not req.signer_title:
            out.append(DomainError("Hãy nhập chức vụ người ký.", field="signer_title"))
        if req.authority not in AUTHORITIES:
            out.append(DomainError("Thẩm quyền ký phải là TM., KT., Q., TL. hoặc TUQ.", field="authority"))
        elif req.authority and not req.on_behalf:
            out.append(
                DomainError(f"Hãy ghi «{req.authority}» thay mặt ai, ví dụ GIÁM ĐỐC.", field="on_behalf")
            )
    if "members_total" in kind.uses and req.members_total is not None:
        if req.members_total < 1:
            out.append(DomainError("Hội đồng phải có ít nhất một thành viên.", field="members_total"))
        elif len(req.member) > req.members_total:
            out.append(DomainError(f"Có {len(req.member)} thành viên dự họp, nhiều hơn tổng số "
                                   f"{req.members_total} của Hội đồng.", field="member"))  # fmt: skip
    if "period" in kind.uses and req.period not in ("", *PERIODS):
        out.append(DomainError("Kỳ phải là «h1» (6 tháng đầu năm) hoặc «year» (cả năm).", field="period"))
    if "years" in kind.uses and any(not 1945 <= y <= 2200 for y in req.years):
        out.append(DomainError("Năm thống kê phải từ 1945 đến 2200.", field="years"))
    return out


def check(req: ReportRequest) -> None:
    found = problems(req)
    if found:
        raise found[0]


class _Lists(TypedDict):
    """The selection a list-making paper takes (award codes, submitting unit, campaign)."""

    award_codes: tuple[str, ...]
    submitting_unit: str | None
    campaign_id: int | None


def meta(req: ReportRequest) -> DocMeta:
    """The letterhead, number, date, signature and recipients the request gives."""
    signature = Signature(req.signer_title, req.signer, req.authority, req.on_behalf) if req.signer else None
    recipients = req.recipient or ("Như trên;", "Lưu: VT.")
    return DocMeta(Letterhead(req.issuer, req.parent, req.place), req.number, req.date or dt.date.today(),
                   signature, tuple(recipients))  # fmt: skip


def build(db: Database, req: ReportRequest) -> Document:
    """The document the request asks for (checked first; DomainError names the field at fault),
    with the book's code (app.audit.code) for its footer."""
    from ..audit.code import head_code

    doc = _build(db, req)
    doc.head_code = head_code(db)
    return doc


def _build(db: Database, req: ReportRequest) -> Document:
    # The papers' and reports' modules (queries, charts) only when a document is built: the CLI's
    # parser imports this module for KINDS.
    from . import papers, reports

    check(req)
    if req.kind in BLOC_KINDS:
        return _bloc(db, req)
    if req.kind in EXEMPLAR_KINDS:
        from . import exemplar_papers as ep

        make = ep.exemplar_list if req.kind == "dien-hinh" else ep.citations
        return make(
            db, meta(req), year=req.year or 0, bloc_code=req.bloc, unit_code=None if req.bloc else req.unit
        )
    m, k = meta(req), req.kind
    lists: _Lists = {"award_codes": req.award, "submitting_unit": req.unit, "campaign_id": req.campaign}
    year = req.year or 0
    if k == "to-trinh":
        return papers.submission(db, m, year=year, to=req.to, **lists)
    if k == "danh-sach":
        return papers.nomination_list(db, m, year=year, **lists)
    if k == "bien-ban":
        meeting = papers.Meeting(
            held_on=dt.datetime.combine(m.date, dt.time(8, 0)), place=req.meeting_place, council=req.council,
            members_total=req.members_total or 0, members_present=list(req.member),
            chair=Signature("CHỦ TỊCH HỘI ĐỒNG", req.chair), secretary=Signature("THƯ KÝ", req.secretary),
        )  # fmt: skip
        return papers.minutes(db, m, meeting, year=year, **lists)
    if k == "quyet-dinh":
        return papers.decision_document(db, req.decision or "", year=req.year)
    if k == "thanh-tich-ca-nhan":
        return reports.person_achievement(db, m, person_id=req.person or 0, year=year)
    if k == "thanh-tich-tap-the":
        return reports.unit_achievement(db, m, unit_code=req.unit or "", year=year)
    if k == "xep-hang":
        return reports.standings_report(db, m, bloc_code=req.bloc or "", year=year)
    if k == "thong-ke":
        return reports.award_statistics(db, m, years=list(req.years), unit_code=req.unit)
    if k == "qua-trinh-ca-nhan":
        return reports.person_history(db, m, person_id=req.person)
    if k == "chi-tien-thuong":
        return papers.payout_list(db, m, year=year, decision=req.decision, unit_code=req.unit)
    return reports.unit_history(db, m, unit_code=req.unit or "")


def _bloc(db: Database, req: ReportRequest) -> Document:
    from . import bloc_papers as bp

    m, code, year = meta(req), req.bloc or "", req.year or 0
    if req.kind == "giao-uoc":
        return bp.covenant(db, m, bloc_code=code, year=year)
    if req.kind in ("so-ket-khoi", "tong-ket-khoi"):
        if not req.recipient:  # a review goes to the council and the members, not «Như trên»
            m = replace(m, recipients=(f"{bp.COUNCIL};", "Các đơn vị thành viên khối;", "Lưu: VT."))
        period = "h1" if req.kind == "so-ket-khoi" else "year"
        return bp.review_report(db, m, bloc_code=code, year=year, period=period)
    if req.kind == "bien-ban-khoi":
        return bp.bloc_minutes(db, m, bloc_code=code, year=year, period=req.period or "year", chair=req.chair,
                               secretary=req.secretary, meeting_place=req.meeting_place)  # fmt: skip
    return bp.bloc_submission(db, m, bloc_code=code, year=year, to=req.to)


@dataclass(frozen=True)
class Written:
    out: Path  # the file asked for
    pdf: Path | None  # a PDF of the same document to preview (``out`` itself for a PDF)
    title: str
    document: Document | None = None  # what was written: the preview writes its .docx from it


def write_report(
    db: Database,
    req: ReportRequest,
    out: Path,
    *,
    preview: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancel | None = None,
) -> Written:
    """Make the document and write ``out`` (.pdf, the same as an editable .docx, or .xlsx of its
    tables) atomically; with ``preview``, a .docx or .xlsx request also gets a PDF there to look at. A cancel leaves ``out`` as it was."""
    out = Path(out)
    if out.suffix.lower() not in SUFFIXES:
        raise DomainError("Tệp kết quả phải có đuôi .pdf, .docx hoặc .xlsx.", field="out")
    out = check_output_file(out)
    if progress:
        progress(0, 0)
    doc = build(db, req)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if out.suffix.lower() == ".pdf":
        doc.save(out, progress=progress, cancelled=cancelled)
        return Written(out, out, doc.title, doc)
    if preview is not None:
        doc.save(preview, progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled()
    doc.save(out)
    return Written(out, preview, doc.title, doc)


def with_defaults(req: ReportRequest) -> ReportRequest:
    """The CLI's shorthand: ``--year`` alone stands for ``--years`` in statistics."""
    if req.kind == "thong-ke" and not req.years and req.year:
        return replace(req, years=(req.year,))
    return req
