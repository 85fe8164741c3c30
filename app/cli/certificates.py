"""``thidua certificates`` (print, numbers from the register book) and ``thidua verify`` (a code)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DomainError
from .base import EXIT_OK, EXIT_PROBLEMS, Command, progress_line
from .login import opened


def _ids(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in text.replace(" ", "").split(",") if x)
    except ValueError:
        raise argparse.ArgumentTypeError("danh sách mã hồ sơ dạng 1,2,3") from None


def _certificates_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--decision", metavar="SỐ", help='số quyết định, ví dụ "123/QĐ-UBND"')
    p.add_argument(
        "--year", type=int, help="năm (của quyết định nếu có --decision, nếu không: năm khen thưởng)"
    )
    p.add_argument("--campaign", type=int, metavar="MÃ", help="mã phong trào thi đua")
    p.add_argument("--ids", type=_ids, default=(), metavar="1,2,3", help="mã các hồ sơ khen thưởng")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="TỆP.pdf", help="một tệp PDF chung")
    where.add_argument(
        "--split", type=Path, metavar="THƯ_MỤC", help="mỗi giấy một tệp, đặt tên theo người nhận"
    )
    p.add_argument(
        "--mode", choices=("full", "blank"), default="full", help="full: giấy trắng; blank: phôi in sẵn"
    )
    p.add_argument("--printer", metavar="TÊN", help="dùng độ lệch đã lưu của máy in này")
    p.add_argument("--offset-x", type=float, metavar="MM", help="dịch sang phải (mm, âm: sang trái)")
    p.add_argument("--offset-y", type=float, metavar="MM", help="dịch xuống dưới (mm, âm: lên trên)")
    p.add_argument("--save-offsets", action="store_true", help="lưu độ lệch cho máy in --printer")
    p.add_argument("--alignment-page", action="store_true", help="thêm trang căn chỉnh (lưới 10 mm, các ô)")
    p.add_argument("--book", metavar="MÃ", help="sổ vàng để vào số (mặc định: sổ duy nhất, hoặc tạo sổ SV)")
    p.add_argument(
        "--include-cash-only",
        action="store_true",
        help="in cả danh hiệu pháp luật không cấp bằng, giấy (Lao động tiên tiến, Tập thể lao động tiên tiến: "
        "chỉ có tiền thưởng, NĐ 152/2025 Điều 50); mặc định không in",
    )


def _verify_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", help="mã in trên giấy (SV-000123-K7QX2MPA) hoặc nội dung QR (TDV1:…)")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block, then as it was.

    The batch pauses it for itself (``make_certificates``); the imports before it (SQLAlchemy, the
    model, ReportLab: several hundred thousand objects, almost none of them garbage) made the
    collector walk every live object again each time their number grew by a quarter, ~0.07 s of
    the command. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _promote_young_objects()
            gc.enable()


def _promote_young_objects() -> None:
    """Move every object made while the collector was paused to its oldest generation, without
    looking at them: else the first collection after it resumes walks them all as the youngest
    (~0.1 s after the whole command). They are collected with the old ones, by the next full
    collection, as they would have been once promoted. (Skipped if something else keeps objects
    frozen: unfreezing would let those go too.)"""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _cmd_certificates(args: argparse.Namespace) -> int:
    with _collector_paused():
        return _certificates(args)


def _certificates(args: argparse.Namespace) -> int:
    from ..certificates.fonts import look_for_times_new_roman

    look_for_times_new_roman()  # fc-match runs while the rest is imported
    from ..certificates.batch import make_certificates
    from ..certificates.calibration import load_offsets, save_offsets
    from ..certificates.selection import Selection

    x, y = load_offsets(args.printer) if args.printer else (0.0, 0.0)
    x = args.offset_x if args.offset_x is not None else x
    y = args.offset_y if args.offset_y is not None else y
    if args.save_offsets:
        if not args.printer:
            raise DomainError("Cần --printer để lưu độ lệch.", field="printer")
        save_offsets(args.printer, x, y)
    selection = Selection(
        decision=args.decision,
        year=args.year,
        campaign_id=args.campaign,
        ids=args.ids,
        include_cash_only=args.include_cash_only,
    )
    with opened(args, writes=True) as db:
        result = make_certificates(
            db,
            selection,
            out=args.out,
            split_dir=args.split,
            mode=args.mode,
            offset_mm=(x, y),
            alignment_page=args.alignment_page,
            book_code=args.book,
            progress=progress_line("Đang in…"),
        )
    print(file=sys.stderr)
    for note in result.notes:
        print(f"* {note}", file=sys.stderr)
    for problem in result.problems:
        print(f"KHÔNG IN: {problem}", file=sys.stderr)
    # one write for the whole list (line by line, an unbuffered stdout made two system calls a line)
    lines = [
        f"{p.book_code} {p.number:>6}  {p.code}  {p.recipient}{'  (in lại)' if p.reprint else ''}\n"
        for p in result.printed
    ]
    sys.stdout.write("".join(lines) + result.summary() + "\n")
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from ..certificates.verify import verify

    with opened(args, writes=False) as db:
        result = verify(db, args.code)
    print(result)
    return EXIT_OK if result.genuine else EXIT_PROBLEMS


COMMANDS = (
    Command("certificates", "in giấy khen, bằng khen, giấy chứng nhận danh hiệu ra PDF",
            _cmd_certificates, _certificates_arguments, quick_exit=True),
    Command("verify", "kiểm tra mã xác thực (hoặc nội dung mã QR) của giấy chứng nhận", _cmd_verify, _verify_arguments),
)  # fmt: skip
