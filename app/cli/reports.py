"""``thidua report KIND``: documents (PDF, Decree 30/2020; the same as an editable .docx) and
tables (.xlsx); every kind is in :mod:`app.documents.requests`, which the GUI's Reports page uses too."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import opened

if TYPE_CHECKING:
    import datetime as dt


def _date(text: str) -> dt.date:
    from ..text import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _cmd_report(args: argparse.Namespace) -> int:
    from ..documents.requests import KINDS, ReportRequest, problems, with_defaults, write_report

    req = with_defaults(ReportRequest.from_options(args.kind, vars(args)))
    missing = problems(req)
    if missing:
        # Only options not given at all are "needed"; a given but malformed one gets its own message.
        flags = (
            [n for n in KINDS[req.kind].needs if getattr(req, n) in (None, "", ())]
            if req.kind in KINDS
            else []
        )
        if flags:
            raise DomainError(
                f"Loại báo cáo «{args.kind}» cần: "
                + ", ".join("--" + n.replace("_", "-") for n in flags)
                + "."
            )
        raise missing[0]
    with opened(args, writes=False) as db:
        out = write_report(db, req, Path(args.out)).out
    print(f"Đã tạo {out}")
    return EXIT_OK


def _arguments(p: argparse.ArgumentParser) -> None:
    # The kinds come with ReportLab: imported only once ``report`` is chosen.
    from ..documents.requests import AUTHORITIES, KINDS

    p.add_argument(
        "kind",
        choices=tuple(KINDS),
        metavar="LOẠI",
        help="; ".join(f"{k}: {v.title}" for k, v in KINDS.items()),
    )
    p.add_argument("--out", required=True, metavar="TỆP.pdf|TỆP.docx|TỆP.xlsx")
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
    p.add_argument(
        "--period", choices=("year", "h1"), help="kỳ của khối: year (cả năm, mặc định), h1 (6 tháng đầu năm)"
    )


COMMANDS = (
    Command(
        "report",
        "lập văn bản, báo cáo (PDF theo Nghị định 30/2020, .docx chỉnh sửa được) hoặc bảng .xlsx",
        _cmd_report,
        _arguments,
    ),
)
