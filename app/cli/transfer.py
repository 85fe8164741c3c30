"""``thidua import|export|template``: Excel and CSV in and out (see :mod:`app.excel`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base import EXIT_OK, EXIT_USER_ERROR, Command
from .login import opened

KINDS = ("units", "persons", "nominations")  # app.excel.handlers.HANDLERS, not imported here


def _cmd_import(args: argparse.Namespace) -> int:
    from ..excel.importer import ImportOptions, run_import
    from ..excel.mapping import FIELDS, parse_override

    options = ImportOptions(year=args.year, unit_code=args.unit, confirm=args.mapping == "confirm")
    with opened(args, writes=not args.dry_run) as db:
        if args.map:
            from ..excel.importer import headers_of

            headers = headers_of(Path(args.file))
            for text in args.map:
                try:
                    col, field = parse_override(text, headers)
                except ValueError as exc:
                    print(f"--map {exc}", file=sys.stderr)
                    return EXIT_USER_ERROR
                options.overrides[col] = field
        report = run_import(
            db,
            args.kind,
            Path(args.file),
            dry_run=args.dry_run,
            on_duplicate=args.on_duplicate,
            options=options,
        )
    if report.mapping is not None:
        how = {"guessed": "đoán từ tiêu đề", "remembered": "đã nhớ", "confirmed": "đã xác nhận"}
        print(f"Cách hiểu các cột ({how[report.mapping.source]}):")
        for col, header, field in report.mapping.columns():
            print(f"  Cột {col + 1} «{header}» → {field or '-'} ({FIELDS[field]})")
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
        return EXIT_USER_ERROR
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from ..excel.exports import export

    with opened(args, writes=False) as db:
        out = export(db, args.kind, Path(args.out), year=args.year, unit_code=args.unit)
    print(f"Đã xuất {out}")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from ..excel.exports import write_template

    print(f"Đã tạo mẫu {write_template(args.kind, Path(args.out))}")
    return EXIT_OK


def _kind(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, metavar="LOẠI", help=" | ".join(KINDS))


def _import_arguments(p: argparse.ArgumentParser) -> None:
    _kind(p)
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, liệt kê mọi lỗi; không ghi gì")
    p.add_argument(
        "--on-duplicate", choices=("skip", "merge"), help="bản ghi trùng với dữ liệu đã có: bỏ qua hoặc gộp"
    )
    p.add_argument("--year", type=int, metavar="NĂM", help="danh sách không có cột năm: năm đề nghị")
    p.add_argument("--unit", metavar="MÃ", help="đơn vị gửi danh sách: tìm cá nhân trong đơn vị này")
    p.add_argument(
        "--mapping",
        choices=("auto", "confirm"),
        default="auto",
        help="danh sách theo mẫu khác: auto = dùng cách hiểu cột đã nhớ; confirm = xác nhận và nhớ cách hiểu in ra",
    )
    p.add_argument(
        "--map",
        action="append",
        metavar="CỘT=TRƯỜNG",
        help="sửa cách hiểu một cột, ví dụ «3=award» (lặp lại được)",
    )


def _export_arguments(p: argparse.ArgumentParser) -> None:
    _kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")
    p.add_argument("--year", type=int)
    p.add_argument("--unit", metavar="MÃ")


def _template_arguments(p: argparse.ArgumentParser) -> None:
    _kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")


COMMANDS = (
    Command("import", "nhập đơn vị, cá nhân hoặc đề nghị khen thưởng từ tệp .xlsx/.csv/.docx (tất cả hoặc không)",
            _cmd_import, _import_arguments),
    Command("export", "xuất danh sách ra tệp .xlsx", _cmd_export, _export_arguments),
    Command("template", "tạo tệp .xlsx mẫu để nhập dữ liệu", _cmd_template, _template_arguments),
)  # fmt: skip
