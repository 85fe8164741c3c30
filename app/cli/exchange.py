"""``thidua send|receive|reply|forward``: nominations and score sheets in signed packages between
offices, answers to received dossiers, and dossiers forwarded up one level (see :mod:`app.exchange`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import opened

if TYPE_CHECKING:
    from ..exchange.package import Office


def _ids(text: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise DomainError("--nominations là danh sách mã hồ sơ, ví dụ 12,15,16.") from None


def _cmd_send(args: argparse.Namespace) -> int:
    from ..exchange.package import Office

    if bool(args.nominations) == bool(args.scores):
        raise DomainError(
            "Hãy chọn một trong hai: --nominations MÃ,MÃ… (hồ sơ đề nghị) hoặc --scores --bloc MÃ --year NĂM "
            "--period h1|year --unit MÃ (phiếu chấm điểm)."
        )
    to = Office(args.to.upper(), args.to_name or args.to.upper())
    return _send_scores(args, to) if args.scores else _send_nominations(args, to)


def _send_nominations(args: argparse.Namespace, to: Office) -> int:
    from ..exchange.dossiers import send_nominations

    ids = _ids(args.nominations)
    with opened(args, writes=True) as db:
        digest = send_nominations(db, ids, Path(args.out), to)
    print(f"Đã gửi {len(ids)} hồ sơ vào {args.out} (mã gói {digest[:12]}).")
    return EXIT_OK


def _send_scores(args: argparse.Namespace, to: Office) -> int:
    from ..exchange.scores import send_scores, sheet_ids
    from ..model import ScorePeriodKind

    missing = [f"--{n}" for n in ("bloc", "year", "unit") if getattr(args, n) in (None, "")]
    if missing:
        raise DomainError("Gửi phiếu chấm điểm (--scores) cần: " + ", ".join(missing) + ".")
    period = ScorePeriodKind(args.period or "year")
    with opened(args, writes=True) as db:
        bloc_id, unit_id = sheet_ids(db, args.bloc, args.unit)
        digest = send_scores(db, bloc_id, args.year, period, unit_id, Path(args.out), to)
    print(f"Đã gửi phiếu chấm của {args.unit.upper()} ({args.bloc.upper()}, {args.year}, {period.value}) "
          f"vào {args.out} (mã gói {digest[:12]}).")  # fmt: skip
    return EXIT_OK


def _send_arguments(p: argparse.ArgumentParser) -> None:
    from .scores import PERIODS

    p.add_argument("--nominations", metavar="MÃ,MÃ…", help="mã các hồ sơ đề nghị gửi đi")
    p.add_argument("--scores", action="store_true", help="gửi phiếu chấm điểm của một đơn vị cho khối trưởng")
    p.add_argument("--bloc", metavar="MÃ", help="mã khối thi đua (--scores)")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm chấm điểm (--scores)")
    p.add_argument("--period", choices=PERIODS, help="h1: 6 tháng đầu năm; year: cả năm (mặc định; --scores)")
    p.add_argument("--unit", metavar="MÃ", help="mã đơn vị có phiếu chấm (--scores)")
    p.add_argument("--to", required=True, metavar="MÃ_CƠ_QUAN", help="mã cơ quan nhận")
    p.add_argument("--to-name", metavar="TÊN", help="tên cơ quan nhận")
    p.add_argument("--out", required=True, metavar="TỆP.tdkt")


def _cmd_reply(args: argparse.Namespace) -> int:
    from ..exchange.replies import send_replies

    ids = _ids(args.nominations)
    with opened(args, writes=True) as db:
        digest = send_replies(db, ids, Path(args.out))
    print(f"Đã trả lời {len(ids)} hồ sơ vào {args.out} (mã gói {digest[:12]}).")
    return EXIT_OK


def _reply_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--nominations", required=True, metavar="MÃ,MÃ…", help="mã các hồ sơ đã trả lại hoặc đã quyết định"
    )
    p.add_argument("--out", required=True, metavar="TỆP.tdkt")


def _cmd_forward(args: argparse.Namespace) -> int:
    from ..exchange.forward import forward_nominations
    from ..exchange.package import Office

    ids = _ids(args.nominations)
    with opened(args, writes=True) as db:
        to = Office(args.to.upper(), args.to_name or args.to.upper())
        digest = forward_nominations(db, ids, Path(args.out), to)
    print(f"Đã chuyển tiếp {len(ids)} hồ sơ vào {args.out} (mã gói {digest[:12]}).")
    return EXIT_OK


def _forward_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--nominations", required=True, metavar="MÃ,MÃ…", help="mã các hồ sơ đã nhận cần chuyển tiếp"
    )
    p.add_argument("--to", required=True, metavar="MÃ_CƠ_QUAN", help="mã cơ quan cấp trên")
    p.add_argument("--to-name", metavar="TÊN", help="tên cơ quan cấp trên")
    p.add_argument("--out", required=True, metavar="TỆP.tdkt")


def _cmd_receive(args: argparse.Namespace) -> int:
    from ..exchange.inbox import receive

    with opened(args, writes=not args.dry_run) as db:
        report = receive(db, Path(args.file), dry_run=args.dry_run)
    print("\n".join(report.lines()))
    return EXIT_OK


def _receive_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="TỆP.tdkt")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem gói sẽ thay đổi gì, chưa ghi")


COMMANDS = (
    Command("send", "gửi hồ sơ đề nghị (--nominations) hoặc phiếu chấm điểm (--scores) cho cơ quan khác "
            "trong một gói có chữ ký (.tdkt)", _cmd_send, _send_arguments),
    Command("reply", "trả lời các hồ sơ đã nhận (trả lại, khen thưởng) cho cơ quan đã gửi", _cmd_reply,
            _reply_arguments),
    Command("forward", "chuyển tiếp hồ sơ đã nhận lên cơ quan cấp trên, kèm chữ ký gốc", _cmd_forward,
            _forward_arguments),
    Command("receive", "nhận gói hồ sơ của cơ quan khác: kiểm chữ ký, đối chiếu, nhập tất cả hoặc không",
            _cmd_receive, _receive_arguments),
)  # fmt: skip
