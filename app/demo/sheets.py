"""Score sheets and exemplars of the demo database (a part of :class:`app.demo.build._Demo`).

Kept apart so that demo.py stays readable; the methods run in the same order as before, so the
same seed draws the same random numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ..model import CriterionKind, ScorePeriodKind
from ..services import exemplars, score_periods, scoring, standings
from . import names as N

if TYPE_CHECKING:
    from ..storage.db import Database
    from .rounds import _Person

T = TypeVar("T")


class DemoSheets:
    """Mixin of :class:`app.demo.build._Demo`: needs its db, rng, unit, bloc, standing, count, people…"""

    # What the mixin uses of _Demo, declared for the type checker only (set in _Demo.__init__).
    db: Database
    rng: random.Random
    count: Counter[str]
    unit: dict[str, int]
    bloc: dict[str, int]
    standing: dict[tuple[int, str], standings.Standings]
    people: list[_Person]
    cstdcs: dict[int, list[int]]
    ttldxs: dict[int, list[int]]
    divisions: dict[str, list[tuple[int, tuple[Any, ...]]]]
    points: list[scoring.ScoreInput]  # a bloc's score sheet being entered (make_scores)

    if TYPE_CHECKING:

        def _do(self, what: str, service: Callable[..., T], *args: object, **kw: object) -> T: ...
        def _campaign(self, year: int, index: int) -> tuple[int, str]: ...
        def _full(self, uid: int) -> str: ...
        def _is_dept(self, uid: int) -> bool: ...

    def make_scores(self, y: int) -> None:
        """Score sheets of both blocs; one 2025 sheet is left without some bloc points."""
        rows = [scoring.CriterionInput(code=c, group=g, name=n, max_points=m, kind=CriterionKind(k), floor_share=f)
                for c, g, n, m, k, f in N.CRITERIA]  # fmt: skip
        for code, _name in N.BLOCS:
            criteria = scoring.set_criteria(self.db, self.bloc[code], y, rows)
            self.count["criteria"] += len(criteria)
            members = [self.unit[d["code"]] for d in N.DEPARTMENTS if d["bloc"] == code]
            last = self.standing.get((y - 1, code))  # last year's flag earns the bonus row
            flagged = [self._leader(last).unit_id] if last else [self.rng.choice(members)]
            late = self.rng.sample(members, 2)
            self.points = []  # the bloc's sheet, entered as one batch
            for uid in members:
                strength = self.rng.uniform(0.84, 0.97)
                incomplete = y == 2025 and uid == self.unit["XSKT"]
                for c in criteria:
                    if c.kind is CriterionKind.BONUS and uid in flagged:
                        self._score(c.id, uid, 5.0, 5.0, f"Cờ thi đua của UBND tỉnh năm {y - 1}")
                    elif c.kind is CriterionKind.PENALTY and uid in late:
                        points = float(self.rng.choice((1, 2)))
                        self._score(c.id, uid, 0.0, points, "Chậm nộp báo cáo sơ kết 6 tháng")
                    elif c.kind is CriterionKind.CRITERION:
                        share = min(1.0, max(0.7, strength + self.rng.gauss(0, 0.03)))
                        bloc_pts = round(share * c.max_points * 2) / 2
                        self_pts = min(c.max_points, bloc_pts + self.rng.choice((0, 0, 0.5, 1)))
                        if incomplete and c.code.startswith("IV"):
                            self._score(c.id, uid, self_pts, None, "Chờ thẩm định minh chứng")
                        else:
                            self._score(c.id, uid, self_pts, bloc_pts)
            scoring.set_scores(self.db, self.points)
            self.count["scores"] += len(self.points)
            self.standing[(y, code)] = standings.compute(self.db, self.bloc[code], y)

    def make_half_years(self, years: tuple[int, ...], closed: int, scored: tuple[int, ...]) -> None:
        """The half-year review's criteria tables (sơ kết 6 tháng) of each year, copied from the
        year's, and the sheets of the ``scored`` years (the others' are for the user to enter); the
        periods of ``closed`` are closed, as after the bloc's meetings approved them. Drawn from a
        generator of their own, so that the rest of the book is the same as before they came."""
        for y in years:
            rng = random.Random(f"half-year {y}")
            for code, _name in N.BLOCS:
                bloc = self.bloc[code]
                criteria = scoring.copy_criteria(
                    self.db, bloc, y, ScorePeriodKind.YEAR, y, ScorePeriodKind.H1
                )
                self.count["criteria"] += len(criteria)
                if y not in scored:
                    continue
                members = [self.unit[d["code"]] for d in N.DEPARTMENTS if d["bloc"] == code]
                self.points = []
                for uid in members:
                    strength = rng.uniform(0.8, 0.96)  # half a year's work: a little less done
                    for c in criteria:
                        if c.kind is not CriterionKind.CRITERION:
                            continue
                        bloc_pts = (
                            round(min(1.0, max(0.65, strength + rng.gauss(0, 0.04))) * c.max_points * 2) / 2
                        )
                        self._score(c.id, uid, min(c.max_points, bloc_pts + rng.choice((0, 0.5))), bloc_pts,
                                    "Theo báo cáo sơ kết 6 tháng")  # fmt: skip
                scoring.set_scores(self.db, self.points)
                self.count["scores"] += len(self.points)
                if y == closed:
                    for period in (ScorePeriodKind.H1, ScorePeriodKind.YEAR):
                        score_periods.close_period(self.db, bloc, y, period)

    def _score(self, criterion: int, unit: int, own: float, bloc: float | None, note: str = "") -> None:
        self.points.append(scoring.ScoreInput(criterion, unit, self_points=own, bloc_points=bloc, note=note))

    @staticmethod
    def _leader(st: standings.Standings) -> standings.StandingRow:
        return next((r for r in st.ranked if r.proposal == "flag"), st.ranked[0])

    def make_exemplars(self) -> None:
        honoured = self.rng.sample([p for p in self.people if p.id in self.cstdcs[2024]], 6)
        women = [p for p in honoured if p.female]
        if women:  # the story of a woman goes to a woman
            honoured.remove(women[0])
            honoured.insert(3, women[0])
        excellent = [u for u in self.ttldxs[2024] if not self._is_dept(u)]
        others = [u for d in N.DEPARTMENTS for u, _ in self.divisions[d["code"]] if u not in excellent]
        collectives = (self.rng.sample(excellent, min(2, len(excellent))) + others)[:2]
        hcm, _ = self._campaign(2024, 0)
        ntm, _ = self._campaign(2024, 1)
        for i, (title, story) in enumerate(N.EXEMPLAR_STORIES):
            person = honoured[i] if i < 6 else None
            unit_id = collectives[i - 6] if i >= 6 else None
            unit_name = self._full(person.unit_id if person else unit_id)  # type: ignore[arg-type]  # no person: a unit
            made = self._do("exemplars", exemplars.create_exemplar, exemplars.ExemplarInput(
                year=2025, title=title.format(unit=unit_name), person_id=person.id if person else None,
                unit_id=unit_id, campaign_id={4: hcm, 7: ntm}.get(i),
                story=story.format(name=person.name if person else "", unit=unit_name),
                honoured_at=N.CONFERENCE, honoured_on=dt.date(2025, 8, 26)))  # fmt: skip
            # Nhân rộng: the first story and the first collective's were taken up after the conference.
            where = [u for u in others if u != unit_id][-2:] if i in (0, 6) else []
            for k, place in enumerate(where):
                exemplars.add_replication(self.db, made.id, exemplars.ReplicationInput(
                    "Tổ chức tọa đàm giới thiệu cách làm và triển khai áp dụng tại đơn vị", unit_id=place,
                    replicated_on=dt.date(2025, 10, 15 + k),
                    result="Đăng ký làm theo, đưa vào kế hoạch thi đua năm 2026"))  # fmt: skip
