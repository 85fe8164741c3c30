"""Sub-commands ``import``, ``export``, ``template`` and ``report`` (documents and Excel)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from .accounts_cli import open_as_user
from .db import open_database
from .errors import DomainError

REPORT_KINDS = {
    "to-trinh": "tờ trình đề nghị khen thưởng kèm danh sách",
    "danh-sach": "danh sách đề nghị khen thưởng theo danh hiệu",
    "bien-ban": "biên bản họp Hội đồng Thi đua - Khen thưởng",
    "quyet-dinh": "quyết định khen thưởng kèm danh sách",
    "thanh-tich-ca-nhan": "báo cáo thành tích cá nhân",
    "thanh-tich-tap-the": "báo cáo thành tích tập thể",
    "xep-hang": "báo cáo xếp hạng khối thi đua",
    "thong-ke": "thống kê khen thưởng theo đơn vị × danh hiệu × năm",
    "qua-trinh-ca-nhan": "quá trình khen thưởng của một cá nhân",
    "qua-trinh-don-vi": "quá trình khen thưởng của một đơn vị",
}


def _date(text: str) -> dt.date:
    from .text import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _import(args: argparse.Namespace) -> int:
    from .excel.importer import run_import

    db = open_as_user(args, writes=not args.dry_run)
    try:
        report = run_import(
            db, args.kind, Path(args.file), dry_run=args.dry_run, on_duplicate=args.on_duplicate
        )
    finally:
        db.dispose()
    for p in report.problems[:500]:
        print(f"- {p}", file=sys.stderr)
    if len(report.problems) > 500:
        print(f"… và {len(report.problems) - 500} lỗi khác.", file=sys.stderr)
    for d in report.duplicates[:200]:
        print(f"* Trùng — {d}")
    for note in report.notes:
        print(note)
    print(report.summary())
    if report.problems or (not args.dry_run and not report.committed):
        return 2
    return 0


def _export(args: argparse.Namespace) -> int:
    from .excel.exports import export

    db = open_database(args.db)
    try:
        out = export(db, args.kind, Path(args.out), year=args.year, unit_code=args.unit)
    finally:
        db.dispose()
    print(f"Đã xuất {out}")
    return 0


def _template(args: argparse.Namespace) -> int:
    from .excel.exports import write_template

    print(f"Đã tạo mẫu {write_template(args.kind, Path(args.out))}")
    return 0


def _meta(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .documents.layout import DocMeta, Letterhead, Signature

    signature = (
        Signature(args.signer_title, args.signer, args.authority, args.on_behalf) if args.signer else None
    )
    recipients = tuple(args.recipient) if args.recipient else ("Như trên;", "Lưu: VT.")
    return DocMeta(Letterhead(args.issuer, args.parent, args.place), args.number or "", args.date or dt.date.today(),
                   signature, recipients)  # fmt: skip


def _need(args: argparse.Namespace, *names: str) -> None:
    missing = [n for n in names if getattr(args, n) in (None, "", [])]
    if missing:
        raise DomainError(
            f"Loại báo cáo «{args.kind}» cần: " + ", ".join("--" + n.replace("_", "-") for n in missing) + "."
        )


def _report(args: argparse.Namespace) -> int:
    from .documents import papers, reports

    db = open_database(args.db)
    try:
        meta = _meta(args)
        k = args.kind
        codes = args.award or ()
        if k == "to-trinh":
            _need(args, "year", "to", "number")
            doc = papers.submission(
                db, meta, year=args.year, to=args.to, award_codes=codes, submitting_unit=args.unit
            )
        elif k == "danh-sach":
            _need(args, "year")
            doc = papers.nomination_list(
                db, meta, year=args.year, award_codes=codes, submitting_unit=args.unit
            )
        elif k == "bien-ban":
            _need(args, "year", "council", "members_total", "chair", "secretary")
            from .documents.layout import Signature

            meeting = papers.Meeting(
                held_on=dt.datetime.combine(args.date or dt.date.today(), dt.time(8, 0)), place=args.meeting_place or "",
                council=args.council, members_total=args.members_total, members_present=args.member or [],
                chair=Signature("CHỦ TỊCH HỘI ĐỒNG", args.chair), secretary=Signature("THƯ KÝ", args.secretary),
            )  # fmt: skip
            doc = papers.minutes(
                db, meta, meeting, year=args.year, award_codes=codes, submitting_unit=args.unit
            )
        elif k == "quyet-dinh":
            _need(args, "decision")
            doc = papers.decision_document(db, args.decision, year=args.year)
        elif k == "thanh-tich-ca-nhan":
            _need(args, "person", "year")
            doc = reports.person_achievement(db, meta, person_id=args.person, year=args.year)
        elif k == "thanh-tich-tap-the":
            _need(args, "unit", "year")
            doc = reports.unit_achievement(db, meta, unit_code=args.unit, year=args.year)
        elif k == "xep-hang":
            _need(args, "bloc", "year")
            doc = reports.standings_report(db, meta, bloc_code=args.bloc, year=args.year)
        elif k == "thong-ke":
            years = args.years or ([args.year] if args.year else [])
            doc = reports.award_statistics(db, meta, years=years, unit_code=args.unit)
        elif k == "qua-trinh-ca-nhan":
            _need(args, "person")
            doc = reports.person_history(db, meta, person_id=args.person)
        else:
            _need(args, "unit")
            doc = reports.unit_history(db, meta, unit_code=args.unit)
        out = doc.save(Path(args.out))
    finally:
        db.dispose()
    print(f"Đã tạo {out}")
    return 0


def _data_kind(parser: argparse.ArgumentParser) -> None:
    kinds = ("units", "persons", "nominations")  # app.excel.handlers.HANDLERS, not imported here
    parser.add_argument("kind", choices=kinds, metavar="LOẠI", help=" | ".join(kinds))


def register(
    add: Callable[[str, str], argparse.ArgumentParser],
) -> dict[str, Callable[[argparse.Namespace], int]]:
    p = add("import", "nhập đơn vị, cá nhân hoặc đề nghị khen thưởng từ tệp .xlsx/.csv (tất cả hoặc không)")
    _data_kind(p)
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, liệt kê mọi lỗi; không ghi gì")
    p.add_argument(
        "--on-duplicate", choices=("skip", "merge"), help="bản ghi trùng với dữ liệu đã có: bỏ qua hoặc gộp"
    )

    p = add("export", "xuất danh sách ra tệp .xlsx")
    _data_kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")
    p.add_argument("--year", type=int)
    p.add_argument("--unit", metavar="MÃ")

    p = add("template", "tạo tệp .xlsx mẫu để nhập dữ liệu")
    _data_kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")

    p = add("report", "lập văn bản, báo cáo (PDF theo Nghị định 30/2020) hoặc bảng .xlsx")
    p.add_argument(
        "kind",
        choices=tuple(REPORT_KINDS),
        metavar="LOẠI",
        help="; ".join(f"{k}: {v}" for k, v in REPORT_KINDS.items()),
    )
    p.add_argument("--out", required=True, metavar="TỆP.pdf|TỆP.xlsx")
    p.add_argument("--year", type=int)
    p.add_argument("--years", type=int, nargs="+", metavar="NĂM")
    p.add_argument("--award", action="append", metavar="MÃ", help="mã danh hiệu (lặp lại được)")
    p.add_argument("--unit", metavar="MÃ")
    p.add_argument("--bloc", metavar="MÃ")
    p.add_argument("--person", type=int, metavar="MÃ_CÁ_NHÂN")
    p.add_argument("--decision", metavar="SỐ", help="số quyết định, ví dụ 123/QĐ-UBND")
    p.add_argument("--number", metavar="SỐ", help="số văn bản, ví dụ 12/TTr-SNV")
    p.add_argument("--date", type=_date, metavar="dd/mm/yyyy")
    p.add_argument("--to", metavar="NƠI_NHẬN", help="kính gửi (tờ trình)")
    p.add_argument("--issuer", default="", metavar="CƠ_QUAN", help="cơ quan ban hành, ví dụ «Sở Nội vụ»")
    p.add_argument("--parent", default="", metavar="CƠ_QUAN_CHỦ_QUẢN", help="ví dụ «UBND tỉnh Tây Ninh»")
    p.add_argument("--place", default="", metavar="ĐỊA_DANH")
    p.add_argument("--signer", default="", metavar="HỌ_TÊN")
    p.add_argument("--signer-title", default="", metavar="CHỨC_VỤ")
    p.add_argument("--authority", default="", choices=("", "TM.", "KT.", "Q.", "TL.", "TUQ."))
    p.add_argument(
        "--on-behalf", default="", metavar="CHỨC_VỤ/TẬP_THỂ", help="sau TM./KT./Q., ví dụ «GIÁM ĐỐC»"
    )
    p.add_argument("--recipient", action="append", metavar="NƠI_NHẬN")
    p.add_argument("--council", metavar="TÊN_HỘI_ĐỒNG")
    p.add_argument("--members-total", type=int, metavar="N")
    p.add_argument("--member", action="append", metavar="THÀNH_VIÊN", help="thành viên có mặt (lặp lại được)")
    p.add_argument("--chair", metavar="HỌ_TÊN")
    p.add_argument("--secretary", metavar="HỌ_TÊN")
    p.add_argument("--meeting-place", metavar="ĐỊA_ĐIỂM")
    return {"import": _import, "export": _export, "template": _template, "report": _report}
