"""Verdicts: the rules in force for a nomination's year, applied to its facts.

``check_nomination`` is what the GUI calls on every edit; ``check_batch`` what ``thidua check``
prints. A verdict is ``ok``, ``warning`` or ``blocking`` (the worst of its findings).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from sqlalchemy import select

from ..errors import DomainError, NotFound
from ..model import Award, Nomination, NominationStatus
from ..model.nomination_joins import nomination_select
from ..services.common import unit_by_code
from ..services.nominations import NominationInput, draft_nomination
from ..storage.db import Database
from .checks import BLOCKING, Finding
from .facts import LIVE
from .load import draft_facts, load_facts
from .spec import RuleBook, RuleSet
from .verdict import Verdict, evaluate


@functools.cache
def default_rulebook() -> RuleBook:
    return RuleBook()


def _award_names(db: Database) -> dict[str, str]:
    with db.read() as session:
        return dict(session.execute(select(Award.code, Award.name)).all())


def _quota_awards(rules: RuleSet, award: str, year: int) -> frozenset[str]:
    codes: set[str] = set()
    for rule in rules.for_award(award, year):
        if rule.kind == "quota":
            of = rule.params["of_award"]
            codes |= {of} if isinstance(of, str) else set(of)
    return frozenset(codes)


class Checker:
    """Checks nominations of one database against a rule book (award names cached)."""

    def __init__(
        self, db: Database, rulebook: RuleBook | None = None, *, today: dt.date | None = None
    ) -> None:
        self.db = db
        self.rulebook = rulebook or default_rulebook()
        self.today = today
        self._names = _award_names(db)

    def check(self, nomination_id: int) -> Verdict:
        rules = self.rulebook.rules
        with self.db.read() as session:
            row = session.execute(
                nomination_select(Award.code, Nomination.year).where(Nomination.id == nomination_id)
            ).one_or_none()
            if row is None:
                raise NotFound(f"Không tìm thấy hồ sơ đề nghị (mã {nomination_id}).")
            award, year = row
            facts = load_facts(
                session,
                nomination_id,
                award_names=self._names,
                quota_awards=_quota_awards(rules, award, year),
                today=self.today,
            )
        return Verdict(facts.id, facts.nominee_name, facts.award_name, facts.year, evaluate(rules, facts),
                       rules.judgement(facts.year, facts.submitted_on).note)  # fmt: skip

    def preview(self, data: NominationInput) -> Verdict:
        """The verdict of a nomination being typed, before it is saved: the same checks and facts
        as after saving, from a draft never added to the session (a read never writes). A fault the
        service would refuse (duplicate, wrong target) comes back as a blocking finding."""
        rules = self.rulebook.rules
        with self.db.read() as session:
            try:
                nomination = draft_nomination(session, data)
            except DomainError as exc:
                return Verdict(
                    0, "", "", data.year, (Finding("nhap_lieu", "Nhập liệu", BLOCKING, exc.message, ""),)
                )
            award = session.scalar(select(Award.code).where(Award.id == nomination.award_id)) or ""
            facts = draft_facts(
                session,
                nomination,
                award_names=self._names,
                quota_awards=_quota_awards(rules, award, data.year),
                today=self.today,
            )
        return Verdict(0, facts.nominee_name, facts.award_name, facts.year, evaluate(rules, facts))

    def batch(
        self,
        year: int,
        *,
        unit_code: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Verdict]:
        """Verdicts of every live, not yet approved nomination of a year (optionally one unit's)."""
        open_statuses = [s.value for s in LIVE - {NominationStatus.APPROVED}]
        stmt = select(Nomination.id).where(Nomination.year == year, Nomination.status.in_(open_statuses))
        with self.db.read() as session:
            if unit_code is not None:
                unit = unit_by_code(session, unit_code)
                stmt = stmt.where(Nomination.submitting_unit_id == unit.id)
            ids = list(
                session.scalars(
                    stmt.order_by(Nomination.submitting_unit_id, Nomination.nominee_sort, Nomination.id)
                )
            )
        verdicts = []
        for n, nomination_id in enumerate(ids):
            if cancelled is not None and cancelled():
                break
            verdicts.append(self.check(nomination_id))
            if progress is not None and n % 50 == 0:
                progress(n, len(ids))
        return verdicts


def check_nomination(db: Database, nomination_id: int, rulebook: RuleBook | None = None) -> Verdict:
    return Checker(db, rulebook).check(nomination_id)
