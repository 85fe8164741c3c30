"""The demo's nominations, votes and decisions, year by year (a part of :class:`app.demo.build._Demo`).

Kept apart so that build.py stays readable; the methods run in the same order as before, so the
same seed draws the same random numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ..model import AppraisalRating
from ..services import decisions, nominations, standings
from ..services.nominations import NominationInput, Vote
from . import names as N

if TYPE_CHECKING:
    from ..storage.db import Database

R = AppraisalRating
T = TypeVar("T")
DEPT_COUNCIL, PROVINCE_COUNCIL = 11, 13


def _points(value: float) -> str:
    return f"{value:g}".replace(".", ",")  # Vietnamese decimal comma


def _workday(day: dt.date) -> dt.date:
    """The day, or the Friday before it when it falls on a weekend."""
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


@dataclass
class _Person:
    id: int
    name: str
    female: bool
    dept: str
    unit_id: int
    position: str
    tier: int  # 0 department leader, 1 division leader, 2 staff
    moved_from: int | None = None  # unit left in 2025 (the person counts there too that year)
    moved_from_dept: str | None = None


class DemoRounds:
    """Mixin of :class:`app.demo.build._Demo`: the thematic, department and province rounds."""

    # What the mixin uses of _Demo, declared for the type checker only (set in _Demo.__init__).
    db: Database
    rng: random.Random
    count: Counter[str]
    award: dict[str, int]
    unit: dict[str, int]
    name: dict[int, str]
    divisions: dict[str, list[tuple[int, tuple[Any, ...]]]]
    home: dict[int, dict[str, Any]]
    dept: dict[str, dict[str, Any]]
    people: list[_Person]
    rating: dict[tuple[int, int], AppraisalRating]
    unit_rating: dict[tuple[int, int], AppraisalRating]
    inits: dict[int, list[tuple[int, str, int]]]
    standing: dict[tuple[int, str], standings.Standings]
    approved: dict[int, list[int]]
    cstdcs: dict[int, list[int]]
    ttldxs: dict[int, list[int]]
    ldtt_of: dict[tuple[int, int], int]
    warned: _Person | None
    detours: set[tuple[int, str]]

    if TYPE_CHECKING:

        def _do(self, what: str, service: Callable[..., T], *args: object, **kw: object) -> T: ...
        def _day(self, y: int, m1: int, d1: int, m2: int, d2: int) -> dt.date: ...
        def _campaign(self, year: int, index: int) -> tuple[int, str]: ...
        def staff(self, dept: str | None = None, *, tier: int | None = None) -> list[_Person]: ...
        def _full(self, uid: int) -> str: ...
        def _is_dept(self, uid: int) -> bool: ...
        @staticmethod
        def _leader(st: standings.Standings) -> standings.StandingRow: ...

    # ------------------------------------------------------------------ nominations and decisions
    def _entry(self, y: int, key: str, text: str, *, person: _Person | None = None, unit_id: int | None = None,
               campaign: int | None = None, submitting: int | None = None, inits: Sequence[int] = ()) -> NominationInput:  # fmt: skip
        return NominationInput(
            year=y, award_id=self.award[key], person_id=person.id if person else None, unit_id=unit_id,
            campaign_id=campaign, submitting_unit_id=submitting, achievement=text, initiative_ids=inits)  # fmt: skip

    def _nominate_all(self, entries: Sequence[NominationInput]) -> list[int]:
        """Enter ``entries`` as one batch (one transaction, one flush); their ids, in order."""
        self.count["nominations"] += len(entries)
        return [r.id for r in nominations.create_nominations(self.db, entries)] if entries else []

    def _queue(self, queued: list[tuple[list[int], NominationInput]], y: int, into: list[int], key: str, text: str,
               **kw: Any) -> None:  # fmt: skip
        """A dossier to enter with the others of ``queued`` (:meth:`_nominate_into`); its id goes to ``into``."""
        queued.append((into, self._entry(y, key, text, **kw)))

    def _nominate_into(self, queued: Sequence[tuple[list[int], NominationInput]]) -> None:
        """Enter the ``queued`` dossiers as one batch, each one's id appended to its list."""
        for (into, _entry), nid in zip(queued, self._nominate_all([e for _, e in queued]), strict=True):
            into.append(nid)

    def _votes(
        self, ids: Sequence[int], size: int, on: dt.date, fixed: dict[int | None, int] | None = None
    ) -> None:
        """One sitting of a council: its votes on ``ids`` recorded together (``fixed``: votes for set in advance)."""
        votes = {}
        for nid in ids:
            votes_for = (fixed or {}).get(nid)
            if votes_for is None:
                votes_for = self.rng.choice((size, size, size - 1, size - 1, size - 2))
            votes[nid] = Vote(votes_for, size - votes_for, size, on)
        if votes:
            nominations.record_votes(self.db, votes)

    def _decision(
        self, number: str, on: dt.date, issuer: str, unit: int, signer: tuple[str, str, str], summary: str
    ) -> int:
        return self._do("decisions", decisions.create_decision, decisions.DecisionInput(
            number=number, signed_on=on, issuer=issuer, issuer_unit_id=unit, signer_name=signer[0],
            signer_title=signer[1], signer_authority=signer[2], summary=summary)).id  # fmt: skip

    def _dept_decision(self, d: dict[str, Any], number: int, on: dt.date, summary: str) -> int:
        signer = (self.staff(d["code"], tier=0)[0].name, d.get("head", "Giám đốc").upper(), "")
        return self._decision(
            f"{number}/QĐ-{d['code']}", on, d["name"], self.unit[d["code"]], signer, summary
        )

    def _approve(self, y: int, ids: list[int], decision: int) -> None:
        if ids:
            nominations.approve(self.db, ids, decision)
            self.approved[y] += ids

    def thematic_round(self, y: int) -> None:
        """Giấy khen of department heads in the year's first thematic campaign."""
        campaign, name = self._campaign(y, 0)
        depts = self.rng.sample(N.DEPARTMENTS, 4)
        for i, d in enumerate(depts):
            people = [p for p in self.staff(d["code"]) if p.tier > 0 and p is not self.warned]
            chosen = self.rng.sample(people, min(len(people), self.rng.randint(3, 4)))
            text = partial(N.ACHIEVEMENTS["gk"].format, campaign=name, year=y)
            entries = [
                self._entry(y, "gk_cn", text(unit=self._full(p.unit_id)), person=p, campaign=campaign)
                for p in chosen
            ]
            div = self.rng.choice(self.divisions[d["code"]])[0]
            entries.append(self._entry(y, "gk_tt", text(unit=d["name"]), unit_id=div, campaign=campaign))
            ids = self._nominate_all(entries)  # the department's dossiers, entered as one batch
            if i == 3:  # one dossier left unfinished in 2024; in 2025 the whole batch is still a draft
                if y == 2025:
                    continue
                ids.pop()
            nominations.submit(self.db, ids)
            on = dt.date(y, 5, 16) if y == 2024 else dt.date(y, 11, 25)
            self._votes(ids, DEPT_COUNCIL, on)
            summary = f"Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích trong phong trào «{name}»"
            signed = _workday(on + dt.timedelta(days=3))
            self._approve(y, ids, self._dept_decision(d, self.rng.randint(40, 120), signed, summary))

    def department_round(self, y: int) -> None:
        """Year-end titles each department grants: LĐTT, CSTĐCS, TTLĐTT; one of every detour."""
        inits = {author: (iid, title) for iid, title, author in self.inits[y]}
        for n, d in enumerate(N.DEPARTMENTS):
            code, dept_id = d["code"], self.unit[d["code"]]
            people = self.staff(code)
            ids: list[int] = []
            rejected: list[int] = []
            # Each kind of the department's dossiers is entered as one batch.
            text = N.ACHIEVEMENTS["ldtt"].format(year=y, unit=d["name"])
            ldtt = [p for p in people if self.rating[(y, p.id)] in (R.EXCELLENT, R.GOOD)]
            made = self._nominate_all(
                [self._entry(y, "ldtt", text, person=p, submitting=dept_id) for p in ldtt]
            )
            for p, nid in zip(ldtt, made, strict=True):
                self.ldtt_of[(y, p.id)] = nid
                (rejected if p is self.warned else ids).append(nid)
            cstd: list[tuple[int, NominationInput]] = []
            for p in people:
                if self.rating[(y, p.id)] is R.EXCELLENT and (p.id in inits or self.rng.random() < 0.5):
                    iid, title = inits.get(p.id, (None, ""))
                    extra = N.ACHIEVEMENTS["cstdcs_initiative"].format(title=title) if iid else ""
                    text = N.ACHIEVEMENTS["cstdcs"].format(year=y, field=d["field"], initiative=extra)
                    cstd.append((p.id, self._entry(y, "cstdcs", text, person=p, submitting=dept_id,
                                                   inits=[iid] if iid else [])))  # fmt: skip
            cstd_ids = dict(
                zip([pid for pid, _ in cstd], self._nominate_all([e for _, e in cstd]), strict=True)
            )
            ids += cstd_ids.values()
            # The council's detours, known before the collectives are proposed on the persons' results.
            late = y == 2025 and code == "QDTPT"  # this council meets in January: its dossiers stay submitted
            returned = low_vote = None
            if cstd_ids and not late and (y, "returned") not in self.detours:
                self.detours.add((y, "returned"))
                returned = next(iter(cstd_ids.values()))
            if len(cstd_ids) > 1 and n > 3 and (y, "low_vote") not in self.detours:
                self.detours.add((y, "low_vote"))
                low_vote = list(cstd_ids.values())[-1]
            winners = {
                pid for pid, nid in cstd_ids.items() if nid != low_vote and (y == 2024 or nid != returned)
            }
            collectives: list[
                tuple[list[int], NominationInput]
            ] = []  # (where its id goes, dossier): one batch
            for uid, _spec in self.divisions[code]:
                members = [p for p in self.people if p.unit_id == uid or (y == 2025 and p.moved_from == uid)]
                entry = self._entry(y, "ttldtt", N.ACHIEVEMENTS["ttldtt"].format(year=y), unit_id=uid)
                if self.warned in members and y == 2024:  # proposed, then refused by the council
                    collectives.append((rejected, entry))
                elif self._collective(y, uid, members, winners) == "ttldxs":
                    self.ttldxs[y].append(uid)
                elif self._collective(y, uid, members, winners):
                    collectives.append((ids, entry))
            self._nominate_into(collectives)
            everyone = [p for p in self.people if p.dept == code or (y == 2025 and p.moved_from_dept == code)]
            if self._collective(y, dept_id, everyone, winners) == "ttldxs":
                self.ttldxs[y].append(dept_id)
            nominations.submit(self.db, ids + rejected)
            if rejected:
                nominations.reject(self.db, rejected, N.REASONS["warned"])
            if late:
                continue
            if returned:  # sent back; in 2024 completed and resubmitted, in 2025 still with the unit
                nominations.return_for_revision(self.db, [returned], N.REASONS["dept_return"])
                if y == 2024:
                    nominations.submit(self.db, [returned])
                else:
                    ids.remove(returned)
            on = self._day(y, 12, 8, 12, 12)
            low = 7 if y == 2024 else 8
            self._votes(ids, DEPT_COUNCIL, on, {low_vote: low})
            if low_vote:
                ids.remove(low_vote)
                nominations.reject(
                    self.db, [low_vote], N.REASONS["low_vote"].format(votes=low, size=DEPT_COUNCIL)
                )
            decision = self._dept_decision(d, self.rng.randint(200, 320), self._day(y, 12, 15, 12, 22),
                                           f"Về việc công nhận danh hiệu thi đua năm {y}")  # fmt: skip
            self._approve(y, ids, decision)
            self.cstdcs[y] += [pid for pid in cstd_ids if pid in winners]

    def _collective(self, y: int, uid: int, members: list[_Person], winners: set[int]) -> str:
        """The title a collective can get from its members' results: "ttldxs", "ttldtt" or "" (Law Art. 27, 28)."""
        if not members or self.warned in members:  # a warning runs into the next year
            return ""
        ratings = [self.rating[(y, p.id)] for p in members]
        ldtt = sum(r in (R.EXCELLENT, R.GOOD) for r in ratings) / len(members)
        if ldtt < 0.7:
            return ""
        excellent = self.unit_rating[(y, uid)] is R.EXCELLENT and R.NOT_COMPLETED not in ratings
        return "ttldxs" if excellent and any(p.id in winners for p in members) else "ttldtt"

    def province_round(self, y: int) -> None:
        """What the province grants: TTLĐXS, Cờ thi đua, Bằng khen; the council of 13 votes."""
        flags: list[int] = []
        merits: list[int] = []
        xs: list[int] = []
        bk: list[int] = []
        queued: list[tuple[list[int], NominationInput]] = []  # (where its id goes, dossier): one batch
        nominate = partial(self._queue, queued, y)
        campaign, cname = self._campaign(y, 1)
        for code, bloc_name in N.BLOCS:
            st = self.standing[(y, code)]
            leader = self._leader(st)
            head = self.unit[N.BLOC_LEADERS[(code, y)][0]]
            field = self.dept[leader.code]["field"]
            text = N.ACHIEVEMENTS["co"].format(
                bloc=bloc_name, year=y, points=_points(leader.total), field=field
            )
            nominate(flags, "co", text, unit_id=leader.unit_id, submitting=head)
            for row in [r for r in st.ranked if r.proposal == "merit"][:2]:
                # Grounds (Law Art. 74): two excellent years, or else the province's campaign.
                twice = all(self.unit_rating.get((year, row.unit_id)) is R.EXCELLENT for year in (y - 1, y))
                ground = N.GROUNDS["unit_twice"] if twice else N.GROUNDS["campaign"].format(campaign=cname)
                text = N.ACHIEVEMENTS["bk_unit"].format(rank=row.rank, bloc=bloc_name, year=y, points=_points(row.total),
                                                        ground=ground)  # fmt: skip
                nominate(merits, "bk_tt", text, unit_id=row.unit_id, submitting=row.unit_id,
                         campaign=None if twice else campaign)  # fmt: skip
        for uid in self.ttldxs[y]:
            nominate(xs, "ttldxs", N.ACHIEVEMENTS["ttldxs"].format(year=y, field=self.home[uid]["field"]), unit_id=uid,
                     submitting=uid if self._is_dept(uid) else None)  # fmt: skip
        if y == 2024:
            chosen = self.rng.sample([p for p in self.people if self.rating[(y, p.id)] is R.EXCELLENT], 6)
            grounds: list[tuple[_Person, str, int | None]] = [
                (p, N.GROUNDS["campaign"].format(campaign=cname), campaign) for p in chosen
            ]
        else:
            twice_cstdcs = [
                p for p in self.people if p.id in self.cstdcs[2024] and p.id in self.cstdcs[2025]
            ][:5]
            best = [p for p in self.people if self.rating[(y, p.id)] is R.EXCELLENT and p not in twice_cstdcs]
            extra = self.rng.sample(best, 6 - len(twice_cstdcs))
            grounds = [(p, N.GROUNDS["cstdcs_twice"], None) for p in twice_cstdcs]
            grounds += [(p, N.GROUNDS["campaign"].format(campaign=cname), campaign) for p in extra]
        for p, ground, camp in grounds:
            text = N.ACHIEVEMENTS["bk_person"].format(field=self.dept[p.dept]["field"], year=y, ground=ground)
            nominate(bk, "bk_cn", text, person=p, campaign=camp, submitting=self.unit[p.dept])
        self._nominate_into(queued)
        everything = flags + merits + xs + bk
        nominations.submit(self.db, everything)
        returned, pending = bk[:1], (merits[-1:] if y == 2024 else bk[-2:])
        nominations.return_for_revision(self.db, returned, N.REASONS["province_return"])
        on = dt.date(2025, 1, 6) if y == 2024 else dt.date(2025, 12, 18)
        voted = [n for n in everything if n not in returned + pending]
        self._votes(voted, PROVINCE_COUNCIL, on, {bk[1]: 9})
        nominations.reject(self.db, [bk[1]], N.REASONS["province_reject"])
        waiting = {bk[1], *xs[-1:]} if y == 2024 else {bk[1]}  # in 2024 one TTLĐXS waits for its own decision
        kinds = {"co": flags, "ttldxs": xs, "bk_tt": merits, "bk_cn": bk}
        for number, signed, summary, keys in N.PROVINCE_DECISIONS[y]:
            decision = self._decision(
                number, dt.date(*signed), N.UBND_NAME, self.unit["UBND"], N.UBND_SIGNER, summary
            )
            self._approve(y, [n for k in keys for n in kinds[k] if n in voted and n not in waiting], decision)
