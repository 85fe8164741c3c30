"""``thidua attach add|list|extract``: scanned signed documents on nominations, decisions and
score sheets (see :mod:`app.services.attachments`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DomainError
from .base import EXIT_OK, Action, action_command
from .login import opened


def _owner_arguments(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--nomination", type=int, metavar="MÃ", help="hồ sơ đề nghị")
    which.add_argument("--decision", type=int, metavar="MÃ", help="quyết định khen thưởng")
    which.add_argument("--sheet", metavar="KHỐI:NĂM:KỲ:ĐƠN_VỊ",
                       help="phiếu chấm điểm: mã khối, năm, kỳ (h1|year), mã đơn vị, ví dụ KTKT:2025:year:STC")  # fmt: skip


def _owner(db, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from ..model import Bloc
    from ..services.attachments import Owner
    from ..services.common import unit_by_code

    if args.nomination is not None:
        return Owner.nomination(args.nomination)
    if args.decision is not None:
        return Owner.decision(args.decision)
    try:
        bloc_code, year, period, unit_code = args.sheet.split(":")
        with db.read() as session:
            bloc = session.scalar(select(Bloc).where(Bloc.code == bloc_code.strip().upper()))
            if bloc is None:
                raise DomainError(f"Không có khối thi đua mã «{bloc_code}».")
            return Owner.sheet(bloc.id, int(year), period, unit_by_code(session, unit_code).id)
    except ValueError:
        raise DomainError("--sheet có dạng KHỐI:NĂM:KỲ:ĐƠN_VỊ, ví dụ KTKT:2025:year:STC.") from None


def _add_arguments(p: argparse.ArgumentParser) -> None:
    _owner_arguments(p)
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp PDF, JPEG hoặc PNG")


def _add(args: argparse.Namespace) -> int:
    from ..services.attachments import add_files

    with opened(args, writes=True) as db:
        made = add_files(db, _owner(db, args), [Path(f) for f in args.files])
    for a in made:
        print(f"{a.id}\t{a.file_name}\t{a.kind}\t{a.size} byte\t{a.sha256}")
    print(f"Đã đính kèm {len(made)} tệp.")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ..services.attachments import list_attachments

    with opened(args, writes=False) as db:
        rows = list_attachments(db, _owner(db, args))
    for a in rows:
        print(
            f"{a.id}\t{a.file_name}\t{a.kind}\t{a.size} byte\t{a.added_at:%d/%m/%Y %H:%M}\t{a.added_by}\t{a.sha256}"
        )
    if not rows:
        print("Chưa có tệp đính kèm.")
    return EXIT_OK


def _extract_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("attachment", type=int, metavar="MÃ_TỆP", help="mã tệp đính kèm (xem: thidua attach list)")
    p.add_argument("--out", required=True, metavar="TỆP")


def _extract(args: argparse.Namespace) -> int:
    from ..services.attachments import extract

    with opened(args, writes=False) as db:
        out = extract(db, args.attachment, Path(args.out))
    print(f"Đã ghi {out}.")
    return EXIT_OK


def _remove_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("attachment", type=int, metavar="MÃ_TỆP")


def _remove(args: argparse.Namespace) -> int:
    from ..services.attachments import remove_attachment

    with opened(args, writes=True) as db:
        remove_attachment(db, args.attachment)
    print("Đã xóa tệp đính kèm.")
    return EXIT_OK


ACTIONS: dict[str, Action] = {
    "add": Action(
        "đính kèm tệp PDF, JPEG, PNG (bản quét có chữ ký) vào hồ sơ, quyết định, phiếu chấm điểm",
        _add_arguments,
        _add,
    ),  # fmt: skip
    "list": Action("các tệp đính kèm của hồ sơ, quyết định, phiếu chấm điểm", _owner_arguments, _list),
    "extract": Action("ghi một tệp đính kèm ra đĩa", _extract_arguments, _extract),
    "remove": Action("xóa một tệp đính kèm", _remove_arguments, _remove),
}


COMMANDS = (
    action_command("attach", "tệp đính kèm (bản quét có chữ ký) của hồ sơ, quyết định, phiếu chấm điểm: add, "
                   "list, extract, remove", ACTIONS),
)  # fmt: skip
