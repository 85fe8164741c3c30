"""``thidua import|export|template``: Excel and CSV in and out (see :mod:`app.excel`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base import EXIT_OK, EXIT_USER_ERROR, Command
from .login import opened

KINDS = ("units", "persons", "nominations")  # app.excel.handlers.HANDLERS, not imported here


def _cmd_import(args: argparse.Namespace) -> int:
    from ..excel.importer import run_import

    with opened(args, writes=not args.dry_run) as db:
        report = run_import(
            db, args.kind, Path(args.file), dry_run=args.dry_run, on_duplicate=args.on_duplicate
        )
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


def _export_arguments(p: argparse.ArgumentParser) -> None:
    _kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")
    p.add_argument("--year", type=int)
    p.add_argument("--unit", metavar="MÃ")


def _template_arguments(p: argparse.ArgumentParser) -> None:
    _kind(p)
    p.add_argument("--out", required=True, metavar="TỆP.xlsx")


COMMANDS = (
    Command("import", "nhập đơn vị, cá nhân hoặc đề nghị khen thưởng từ tệp .xlsx/.csv (tất cả hoặc không)",
            _cmd_import, _import_arguments),
    Command("export", "xuất danh sách ra tệp .xlsx", _cmd_export, _export_arguments),
    Command("template", "tạo tệp .xlsx mẫu để nhập dữ liệu", _cmd_template, _template_arguments),
)  # fmt: skip
