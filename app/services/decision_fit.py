"""Whether a decision can grant a nomination's award: issued by the authority the award belongs to,
signed on or after the council's vote, in the nomination's year or the next.

A unit head's Giấy khen cannot go into the provincial chairman's decision (the certificate prints
the issuer's head), nor a provincial award into a department's, nor anything into a decision dated
before the vote; the clerk is told why before anything is attached, and the decision picker offers
only the decisions that fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import within
from ..model import Authority, Award, AwardCategory, Decision, Nomination, Unit, UnitLevel
from ..storage.db import Database
from ..text import fold

# What an issuer's name (folded) starts with, per authority; checked when the decision names no unit.
_ISSUER_WORDS: dict[Authority, tuple[str, ...]] = {
    Authority.PROVINCE_CHAIR: ("uy ban nhan dan tinh", "ubnd tinh", "uy ban nhan dan thanh pho", "ubnd thanh pho"),
    Authority.COMMUNE_CHAIR: ("uy ban nhan dan xa", "ubnd xa", "uy ban nhan dan phuong", "ubnd phuong",
                              "uy ban nhan dan thi tran", "ubnd thi tran", "uy ban nhan dan dac khu"),
}  # fmt: skip
_PEOPLES_COMMITTEE = ("uy ban nhan dan", "ubnd")


def misfit(session: Session, decision: Decision, nomination: Nomination, award: Award) -> str | None:
    """Why ``decision`` cannot grant ``nomination`` (Vietnamese), or ``None`` when it fits."""
    if decision.year < nomination.year:
        return (
            f"Quyết định {decision.number_text} ký năm {decision.year}, trước năm đề nghị {nomination.year}."
        )
    if decision.year > nomination.year + 1:
        return (f"Quyết định {decision.number_text} ký năm {decision.year}; hồ sơ năm {nomination.year} "
                f"chỉ vào quyết định năm {nomination.year} hoặc {nomination.year + 1}.")  # fmt: skip
    if nomination.voted_on is not None and decision.signed_on < nomination.voted_on:
        return (f"Quyết định {decision.number_text} ký ngày {decision.signed_on:%d/%m/%Y}, trước ngày Hội đồng "
                f"bỏ phiếu ({nomination.voted_on:%d/%m/%Y}).")  # fmt: skip
    wrong = _wrong_authority(session, decision, nomination, award)
    if wrong:
        return f"«{award.name}» do {award.authority.label} quyết định; quyết định {decision.number_text} của {wrong}."
    return None


def _wrong_authority(
    session: Session, decision: Decision, nomination: Nomination, award: Award
) -> str | None:
    """The issuer, when it is not the award's authority (``None``: it is, or nothing says not)."""
    issuer = fold(decision.issuer)
    issuer_unit = session.get(Unit, decision.issuer_unit_id) if decision.issuer_unit_id else None
    level = issuer_unit.level if issuer_unit is not None else None  # the identity map: one load a unit
    if award.authority is Authority.UNIT_HEAD:
        if award.category is not AwardCategory.FORM:
            # A grassroots title may also be conferred in a superior's decision (units with no
            # council of their own): the rules engine's authority rule warns; the form is what
            # prints the head's name ("GIÁM ĐỐC SỞ … TẶNG GIẤY KHEN") and must be the head's.
            return None
        # The head of the nominee's own unit or of a unit above it, never a People's Committee of a province.
        if level is UnitLevel.PROVINCE or (
            level is None and issuer.startswith(_ISSUER_WORDS[Authority.PROVINCE_CHAIR])
        ):
            return decision.issuer
        if decision.issuer_unit_id is not None and not within(
            session, nomination.submitting_unit_id, decision.issuer_unit_id
        ):
            return decision.issuer
        return None
    words = _ISSUER_WORDS.get(award.authority)
    if words is None:  # ministers, the Prime Minister, the President: recorded as received
        return None
    if award.authority is Authority.PROVINCE_CHAIR:
        fits = level is UnitLevel.PROVINCE if level is not None else issuer.startswith(words)
    else:
        fits = level is UnitLevel.COMMUNE if level is not None else issuer.startswith(words)
    return None if fits else decision.issuer


def fitting_decisions(db: Database, nomination_ids: Sequence[int]) -> dict[int, str | None]:
    """Every decision → why it does not fit the selected nominations (``None``: it fits them all)."""
    with db.read() as session:
        rows = session.execute(
            select(Nomination, Award).join(Award, Award.id == Nomination.award_id).where(Nomination.id.in_(list(nomination_ids)))
        ).all()  # fmt: skip
        out: dict[int, str | None] = {}
        for decision in session.scalars(
            select(Decision).order_by(Decision.signed_on.desc(), Decision.id.desc())
        ):
            out[decision.id] = next((why for n, a in rows if (why := misfit(session, decision, n, a))), None)
        return out
