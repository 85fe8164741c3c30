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


def _report(args: argparse.Namespace) -> int:
    from .documents.requests import KINDS, ReportRequest, problems, with_defaults, write_report

    req = with_defaults(ReportRequest.from_options(args.kind, vars(args)))
    missing = problems(req)
    if missing:
        # Only options not given at all are "needed"; a given but malformed one gets its own message.
        flags = [n for n in KINDS[req.kind].needs if getattr(req, n) in (None, "", ())] if req.kind in KINDS else []
        if flags:
            raise DomainError(
                f"Loại báo cáo «{args.kind}» cần: "
                + ", ".join("--" + n.replace("_", "-") for n in flags)
                + "."
            )
        raise missing[0]
    db = open_database(args.db)
    try:
        out = write_report(db, req, Path(args.out)).out
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

    from .documents.requests import AUTHORITIES, KINDS

    p = add("report", "lập văn bản, báo cáo (PDF theo Nghị định 30/2020) hoặc bảng .xlsx")
    p.add_argument(
        "kind",
        choices=tuple(KINDS),
        metavar="LOẠI",
        help="; ".join(f"{k}: {v.title}" for k, v in KINDS.items()),
    )
    p.add_argument("--out", required=True, metavar="TỆP.pdf|TỆP.xlsx")
    p.add_argument("--year", type=int)
    p.add_argument("--years", type=int, nargs="+", metavar="NĂM")
    p.add_argument("--award", action="append", metavar="MÃ", help="mã danh hiệu (lặp lại được)")
    p.add_argument("--unit", metavar="MÃ")
    p.add_argument("--bloc", metavar="MÃ")
    p.add_argument("--person", type=int, metavar="MÃ_CÁ_NHÂN")
    p.add_argument(
        "--campaign", type=int, metavar="MÃ_PHONG_TRÀO", help="chỉ hồ sơ của một phong trào thi đua"
    )
    p.add_argument("--decision", metavar="SỐ", help="số quyết định, ví dụ 123/QĐ-UBND")
    p.add_argument("--number", metavar="SỐ", help="số văn bản, ví dụ 12/TTr-SNV")
    p.add_argument("--date", type=_date, metavar="dd/mm/yyyy")
    p.add_argument("--to", metavar="NƠI_NHẬN", help="kính gửi (tờ trình)")
    p.add_argument("--issuer", default="", metavar="CƠ_QUAN", help="cơ quan ban hành, ví dụ «Sở Nội vụ»")
    p.add_argument("--parent", default="", metavar="CƠ_QUAN_CHỦ_QUẢN", help="ví dụ «UBND tỉnh Tây Ninh»")
    p.add_argument("--place", default="", metavar="ĐỊA_DANH")
    p.add_argument("--signer", default="", metavar="HỌ_TÊN")
    p.add_argument("--signer-title", default="", metavar="CHỨC_VỤ")
    p.add_argument("--authority", default="", choices=AUTHORITIES)
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
