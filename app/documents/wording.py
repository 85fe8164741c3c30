"""The words an administrative document owes to its issuer and to the awards it grants.

Who heads the issuing body (a Sở by its Giám đốc, a People's Committee by its Chủ tịch, a Ban by
its Trưởng ban…), who proposes the decision, and the verb of Điều 1: a title is granted as a
title ("Tặng danh hiệu «Chiến sĩ thi đua cơ sở» cho 2 cá nhân"; many offices write "Công nhận
danh hiệu"), a form by its name ("Tặng Giấy khen cho 3 cá nhân").
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from ..model import Award, AwardCategory
from ..storage.db import Database
from ..text import clean

# Issuer's first words → (the head's title as the decision's body line uses it, as the signer's
# block shows it). The longest prefix wins ("Tổng công ty" before "Công ty").
_HEADS: tuple[tuple[str, str, str], ...] = (
    ("ủy ban nhân dân", "Chủ tịch", "CHỦ TỊCH"),
    ("ubnd", "Chủ tịch", "CHỦ TỊCH"),
    ("hội đồng nhân dân", "Chủ tịch", "CHỦ TỊCH"),
    ("sở", "Giám đốc", "GIÁM ĐỐC"),
    ("ban", "Trưởng", "TRƯỞNG BAN"),
    ("cục", "Cục trưởng", "CỤC TRƯỞNG"),
    ("chi cục", "Chi cục trưởng", "CHI CỤC TRƯỞNG"),
    ("bộ", "Bộ trưởng", "BỘ TRƯỞNG"),
    ("tổng công ty", "Tổng Giám đốc", "TỔNG GIÁM ĐỐC"),
    ("công ty", "Giám đốc", "GIÁM ĐỐC"),
    ("trường", "Hiệu trưởng", "HIỆU TRƯỞNG"),
    ("văn phòng", "Chánh", "CHÁNH VĂN PHÒNG"),
    ("thanh tra", "Chánh", "CHÁNH THANH TRA"),
    ("bệnh viện", "Giám đốc", "GIÁM ĐỐC"),
    ("trung tâm", "Giám đốc", "GIÁM ĐỐC"),
    ("phòng", "Trưởng", "TRƯỞNG PHÒNG"),
)
VERBS = ("Tặng", "Công nhận")  # how an office grants a title in Điều 1


def _head(issuer: str) -> tuple[str, str] | None:
    low = clean(issuer).lower()
    best = None
    for prefix, title, short in _HEADS:
        if (low == prefix or low.startswith(prefix + " ")) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, title, short)
    return (best[1], best[2]) if best else None


def head_of(issuer: str) -> str:
    """The decision's body line: "Giám đốc Sở Tài chính", "Chủ tịch Ủy ban nhân dân tỉnh Tây Ninh"."""
    head = _head(issuer)
    name = clean(issuer)
    if head is None:
        return f"Thủ trưởng {name}"
    return f"{head[0]} {name}"  # "Trưởng Ban Dân tộc tỉnh", "Chánh Văn phòng UBND tỉnh"


def head_title(issuer: str) -> str:
    """The head's title in a signature block: "GIÁM ĐỐC" for a Sở (what "KT." signs for)."""
    head = _head(issuer)
    return head[1] if head else "THỦ TRƯỞNG"


def proposer_of(issuer: str) -> str:
    """Who proposes a decision of ``issuer`` when the office did not say: the Department of Home
    Affairs for a province's People's Committee, else the body's own emulation council."""
    low = clean(issuer).lower()
    if low.startswith(("ủy ban nhân dân tỉnh", "ubnd tỉnh", "ủy ban nhân dân thành phố", "ubnd thành phố")):
        return "Giám đốc Sở Nội vụ"
    if low.startswith(("ủy ban nhân dân", "ubnd")):
        return "Trưởng phòng Nội vụ"
    return f"Thường trực Hội đồng Thi đua - Khen thưởng {clean(issuer)}"


def categories(db: Database, codes: Sequence[str]) -> dict[str, AwardCategory]:
    with db.read() as session:
        return dict(
            session.execute(select(Award.code, Award.category).where(Award.code.in_(list(codes)))).all()
        )


def grant_clause(name: str, category: AwardCategory | None, count: str, *, verb: str = "Tặng") -> str:
    """One award's words in Điều 1: "Tặng danh hiệu «Chiến sĩ thi đua cơ sở» cho 2 cá nhân" for a
    title, "Tặng Giấy khen cho 3 cá nhân" for a form."""
    if category is AwardCategory.TITLE:
        return f"{verb} danh hiệu «{name}» cho {count}"
    return f"Tặng {name} cho {count}"
