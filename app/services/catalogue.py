"""Reading the award catalogue, and the target check every nomination passes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, AwardTarget, AwardVersion
from ..storage.db import Database
from .common import award_by_code


@dataclass(frozen=True)
class AwardInForce:
    award: Award
    version: AwardVersion


def check_target(award: Award, *, is_person: bool) -> None:
    """Refuse a collective title for a person and an individual one for a unit.

    A household award (Gia đình văn hóa) is given to a household through its head, a person.
    """
    if is_person and award.target is AwardTarget.COLLECTIVE:
        raise DomainError(
            f"«{award.name}» là khen thưởng cho tập thể, không đề nghị cho cá nhân.", field="award"
        )
    if not is_person and award.target is not AwardTarget.COLLECTIVE:
        raise DomainError(
            f"«{award.name}» là khen thưởng cho {award.target.label.lower()}, không đề nghị cho tập thể.",
            field="award",
        )


def list_awards(db: Database, *, target: AwardTarget | None = None, year: int | None = None) -> list[Award]:
    """The catalogue by seniority; with ``year``, only awards with a version in force that year."""
    stmt = select(Award).options(selectinload(Award.versions)).order_by(Award.rank, Award.name_fold)
    if target is not None:
        stmt = stmt.where(Award.target == AwardTarget(target))
    with db.read() as session:
        awards = list(session.scalars(stmt))
    if year is not None:
        awards = [a for a in awards if a.version_for_year(year) is not None]
    return awards


def award_in_force(db: Database, code: str, year: int) -> AwardInForce:
    with db.read() as session:
        award = award_by_code(session, code)
        version = award.version_for_year(year)
        if version is None:
            raise DomainError(f"«{award.name}» không có trong văn bản pháp luật có hiệu lực năm {year}.")
        return AwardInForce(award, version)


def pending_catalogue(db: Database) -> list[str] | None:
    """What the award catalogue file would change in the database, waiting for an administrator
    (app.catalogue.pending); ``None`` when there is nothing to apply."""
    from .. import catalogue as catalogue_file

    return catalogue_file.pending(db)


def apply_catalogue(db: Database) -> bool:
    """Apply the catalogue file's changes as the administrator logged in (audited under their
    name); ``True`` if anything changed."""
    from .. import catalogue as catalogue_file

    allowed(db, P.CATALOGUE)
    return catalogue_file.sync(db)
