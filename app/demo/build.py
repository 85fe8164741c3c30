"""A realistic demo database: a province's two emulation blocs over 2024 and 2025.

Built only through the services, so every rule the clerk meets is met by the demo too. Each step
is one transaction: its service calls join it (app.storage.db's re-entrant write), so the demo commits, and
records the audit head, once a step instead of once a call. A cancelled or failed run keeps the
steps already done: that is why the CLI and the GUI build the demo in a temporary file and rename
it only on success (:func:`app.demo.file.build_demo_file`). Deterministic for a seed: all dates are fixed, never today.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DomainError
from ..model import (
    AppraisalRating,
    Award,
    BlocRole,
    Campaign,
    CampaignKind,
    DisciplineKind,
    Gender,
    InitiativeKind,
    InitiativeLevel,
    Person,
    Unit,
    UnitLevel,
)
from ..services import (
    appraisals,
    blocs,
    campaigns,
    catalogue,
    initiatives,
    nominations,
    persons,
    registers,
    standings,
    units,
)
from ..storage.db import Database
from . import names as N
from .rounds import DemoRounds, _Person, _workday
from .sheets import DemoSheets

NOT_EMPTY = "Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trên cơ sở dữ liệu trống."
CANCELLED = "Đã hủy tạo dữ liệu mẫu."
YEARS = (2024, 2025)
PERSONS = 300
R = AppraisalRating
T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    units: int
    blocs: int
    memberships: int
    persons: int
    moves: int
    disciplinary_records: int
    campaigns: int
    registrations: int
    appraisals: int
    initiatives: int
    nominations: int
    decisions: int
    register_entries: int
    exemplars: int
    criteria: int
    scores: int


def _award(
    awards: Sequence[Award], prefix: str, target: str, level: str | None, authority: str | None
) -> int:
    """The most junior award whose folded name starts with ``prefix``, for ``target`` (and level, authority)."""
    found = [a for a in awards if a.name_fold.startswith(prefix) and a.target == target
             and level in (None, a.level) and authority in (None, a.authority)]  # fmt: skip
    if not found:
        raise DomainError(f"Danh mục khen thưởng thiếu «{prefix}» ({target}); không tạo được dữ liệu mẫu.")
    return min(found, key=lambda a: (a.rank, a.code)).id


def create_demo(
    db: Database,
    *,
    seed: int = 2025,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo; ``progress(done, total)`` between steps.

    Raises :class:`DomainError` on a database that already has units, and when ``cancelled()``
    turns true (the steps already done stay committed; a step is one transaction).
    """
    if units.list_units(db):
        raise DomainError(NOT_EMPTY)
    demo = _Demo(db, seed)
    steps = demo.steps()
    with db.one_session():  # what a step loaded or made, the next finds without a query
        rows: list[object] = []
        for done, step in enumerate(steps):
            if progress:
                progress(done, len(steps))
            if cancelled and cancelled():
                raise DomainError(CANCELLED)
            with db.write() as session:  # the step's service calls join this transaction, and its session
                if not rows:
                    rows = _preload(session)
                step()
        del rows
    if progress:
        progress(len(steps), len(steps))
    return DemoSummary(**{f.name: demo.count[f.name] for f in fields(DemoSummary)})


def _preload(session: Session) -> list[object]:
    """The rows that most service calls read (every person, unit, award and campaign), loaded in
    four queries into the demo's one session (Database.one_session), which all its steps and their
    service calls share: each call finds them there instead of querying them one by one. The
    rows the steps make are held by the session (app.storage.db's nested writes); the caller holds
    these for the run (the session keeps unchanged objects weakly). An award's versions are left
    to load when a call needs them: a few awards do."""
    return [*session.scalars(select(Person)), *session.scalars(select(Unit)),
            *session.scalars(select(Award)), *session.scalars(select(Campaign))]  # fmt: skip


class _Demo(DemoSheets, DemoRounds):
    def __init__(self, db: Database, seed: int) -> None:
        self.db, self.rng, self.count = db, random.Random(seed), Counter[str]()
        every = catalogue.list_awards(db)
        self.award = {key: _award(every, *spec) for key, spec in N.AWARDS.items()}
        self.unit: dict[str, int] = {}  # code → id
        self.name: dict[int, str] = {}  # unit id → name
        self.divisions: dict[
            str, list[tuple[int, tuple[Any, ...]]]
        ] = {}  # department → [(id, division spec)]
        self.home: dict[int, dict[str, Any]] = {}  # department or division id → the department's data
        self.dept = {d["code"]: d for d in N.DEPARTMENTS}
        self.bloc: dict[str, int] = {}
        self.people: list[_Person] = []
        self.rating: dict[tuple[int, int], R] = {}  # (year, person id)
        self.unit_rating: dict[tuple[int, int], R] = {}
        self.ratings: list[appraisals.AppraisalInput] = []  # a step's appraisals, recorded as one batch
        self.inits: dict[int, list[tuple[int, str, int]]] = {}  # year → (id, title, first author)
        self.used_titles: set[tuple[str, str]] = set()
        self.campaign: dict[str, int] = {}  # name → id (and "regular:YEAR")
        self.standing: dict[tuple[int, str], standings.Standings] = {}
        self.approved: dict[int, list[int]] = {y: [] for y in YEARS}
        self.cstdcs: dict[int, list[int]] = {y: [] for y in YEARS}  # person ids approved
        self.ttldxs: dict[int, list[int]] = {y: [] for y in YEARS}  # unit ids nominated
        self.ldtt_of: dict[tuple[int, int], int] = {}  # (year, person id) → nomination id
        self.warned: _Person | None = None
        self.detours: set[tuple[int, str]] = set()  # (year, "returned" | "low_vote") once done

    def _do(self, what: str, service: Callable[..., T], *args: object, **kw: object) -> T:
        """Call a service on the database, counting what it made for the summary."""
        self.count[what] += 1
        return service(self.db, *args, **kw)

    def steps(self) -> list[Callable[[], None]]:
        steps: list[Callable[[], None]] = [
            self.make_units,
            self.make_blocs,
            self.make_persons,
            self.make_campaigns,
            partial(self.make_initiatives, 2023),
        ]
        for y in YEARS:
            steps += [
                partial(self.start_year, y), partial(self.make_scores, y), partial(self.appraise, y),
                partial(self.make_initiatives, y), partial(self.thematic_round, y), partial(self.department_round, y),
                partial(self.province_round, y), partial(self.register, y),
            ]  # fmt: skip
        return [*steps, self.revoke_2025, self.make_exemplars, partial(self.make_half_years, YEARS, YEARS[0], YEARS[:1]),  # 2025's half-year sheets: for the user
                self.make_accounts]  # fmt: skip

    def make_accounts(self) -> None:
        from .accounts import create_demo_accounts

        create_demo_accounts(self.db, self.unit)

    # ------------------------------------------------------------------ organisation and people
    def _unit(
        self, code: str, name: str, level: UnitLevel, parent: int | None = None, short: str = ""
    ) -> int:
        u = self._do("units", units.create_unit, units.UnitInput(code, name, level, short, parent))
        self.unit[code], self.name[u.id] = u.id, u.name
        return u.id

    def make_units(self) -> None:
        ubnd = self._unit("UBND", N.UBND_NAME, UnitLevel.PROVINCE, short="UBND tỉnh")
        for d in N.DEPARTMENTS:
            uid = self._unit(d["code"], d["name"], UnitLevel(d.get("level", "department")), ubnd)
            divs = d["divisions"]
            chosen = [0, *sorted(self.rng.sample(range(1, len(divs)), self.rng.randint(1, len(divs) - 1)))]
            self.divisions[d["code"]] = [
                (self._unit(f"{d['code']}-{divs[i][0]}", divs[i][1], UnitLevel.DIVISION, uid), divs[i])
                for i in chosen
            ]
            self.home.update((u, d) for u in [uid, *(div for div, _ in self.divisions[d["code"]])])

    def make_blocs(self) -> None:
        for code, name in N.BLOCS:
            self.bloc[code] = self._do("blocs", blocs.create_bloc, blocs.BlocInput(code=code, name=name)).id
            for y in YEARS:
                for d in [d for d in N.DEPARTMENTS if d["bloc"] == code]:
                    self._do("memberships", blocs.set_membership, self.bloc[code], self.unit[d["code"]], y)
                head, deputy = N.BLOC_LEADERS[(code, y)]
                blocs.set_membership(self.db, self.bloc[code], self.unit[head], y, BlocRole.HEAD)
                blocs.set_membership(self.db, self.bloc[code], self.unit[deputy], y, BlocRole.DEPUTY)

    def _slots(self) -> list[tuple[str, int, str, int]]:
        """(department, unit id, position, tier) of every post, filled up to PERSONS with staff."""
        slots, staffed = [], []
        for d in N.DEPARTMENTS:
            code = d["code"]
            head, deputy = d.get("head", "Giám đốc"), d.get("deputy", "Phó Giám đốc")
            slots.append((code, self.unit[code], head, 0))
            slots += [(code, self.unit[code], deputy, 0)] * (1 if d.get("level") == "enterprise" else 2)
            for uid, spec in self.divisions[code]:
                slots.append((code, uid, spec[2], 1))
                if self.rng.random() < 0.6:
                    slots.append((code, uid, spec[3], 1))
                slots.append((code, uid, self.rng.choice(spec[4]), 2))
                staffed.append((code, uid, spec[4]))
        while len(slots) < PERSONS:
            code, uid, positions = self.rng.choice(staffed)
            slots.append((code, uid, self.rng.choice(positions), 2))
        return slots

    def make_persons(self) -> None:
        slots = self._slots()
        staff = [i for i, s in enumerate(slots) if s[3] == 2]
        special: dict[int, tuple[str, str, str, bool] | tuple[str, bool]] = dict(zip(self.rng.sample(staff, len(N.EXPLICIT_NAMES) + len(N.TYPED_NAMES)),
                           [*N.EXPLICIT_NAMES, *N.TYPED_NAMES], strict=True))  # fmt: skip
        taken: set[tuple[int, str]] = set()
        cccds: set[str] = set()
        entered: list[persons.PersonInput] = []  # everyone, recorded as one batch
        drawn: list[tuple[bool, str, int, str, int]] = []  # (female, department, unit id, position, tier)
        for i, (dept, uid, position, tier) in enumerate(slots):
            years = {0: (1966, 1976), 1: (1970, 1988), 2: (1975, 2000)}[tier]
            birth = dt.date(self.rng.randint(*years), 1, 1) + dt.timedelta(days=self.rng.randrange(365))
            data = persons.PersonInput(unit_id=uid, gender=Gender.MALE, position=position)
            if i in special:
                parts = special[i]
                female = not parts[-1]
                if len(parts) == 4:
                    data.family_name, data.middle_name, data.given_name = parts[:3]
                else:
                    data.full_name = parts[0]
            else:
                female = self.rng.random() < (0.3 if tier == 0 else 0.45 if tier == 1 else 0.55)
                while (uid, full := N.draw_name(self.rng, female)) in taken:
                    pass
                data.full_name = full
            data.gender = Gender.FEMALE if female else Gender.MALE
            data.birth_date, data.cccd = birth, N.draw_cccd(self.rng, birth, female, cccds)
            hired = min(2023, birth.year + self.rng.randint(23, 28))
            data.start_date = dt.date(hired, self.rng.randint(1, 12), 1)
            taken.add((uid, persons.full_name(data)))
            entered.append(data)
            drawn.append((female, dept, uid, position, tier))
        made = persons.create_persons(self.db, entered)
        self.count["persons"] += len(made)
        for p, (female, dept, uid, position, tier) in zip(made, drawn, strict=True):
            self.people.append(_Person(p.id, p.full_name, female, dept, uid, position, tier))

    def staff(self, dept: str | None = None, *, tier: int | None = None) -> list[_Person]:
        return [
            p for p in self.people if (dept is None or p.dept == dept) and (tier is None or p.tier == tier)
        ]

    def make_campaigns(self) -> None:
        for name, kind, year, start, end, description in N.CAMPAIGNS:
            c = self._do("campaigns", campaigns.create_campaign, campaigns.CampaignInput(
                name=name, kind=CampaignKind(kind), year=year, start_date=dt.date(*start), end_date=dt.date(*end),
                launched_by_unit_id=self.unit["UBND"], launched_by=N.UBND_NAME, description=description))  # fmt: skip
            self.campaign[f"regular:{year}" if kind == "regular" else name] = c.id

    def _campaign(self, year: int, index: int) -> tuple[int, str]:
        name = [c[0] for c in N.CAMPAIGNS if c[2] == year and c[1] == "thematic"][index]
        return self.campaign[name], name

    # ------------------------------------------------------------------ the year's groundwork
    def start_year(self, y: int) -> None:
        """Q1: registrations; 2024 a warning; 2025 transfers and the revocation of a 2024 award."""
        if y == 2024:
            self.warned = self.rng.choice(self.staff("SGTVT", tier=2))
            self._do(
                "disciplinary_records",
                persons.add_discipline,
                self.warned.id,
                persons.DisciplineInput(
                    DisciplineKind.WARNING,
                    dt.date(2024, 6, 10),
                    dt.date(2025, 6, 9),
                    "45/QĐ-SGTVT",
                    N.REASONS["warning"],
                ),
            )
        else:
            self._moves()
            held = [p for p in self.staff(tier=2) if self.ldtt_of.get((2024, p.id)) in self.approved[2024]]
            start = held.index(self.rng.choice(held))  # the drawn one, or the next whose loss breaks nothing
            victim = next(p for p in held[start:] + held[:start] if self._revocable(p))
            nominations.revoke(self.db, [self.ldtt_of[(2024, victim.id)]], N.REASONS["revoke_2024"])
        on = partial(self._day, y, 1, 10, 3, 15)
        regular = self.campaign[f"regular:{y}"]
        pledges: list[campaigns.RegistrationInput] = []  # the year's registrations, recorded as one batch
        pledge = partial(self._pledge, pledges, y, campaign_id=regular)
        for p in self.people:
            for key, share in (("ldtt", 0.95), ("cstdcs", 0.2)):
                if self.rng.random() < share:
                    pledge(key, on(), person_id=p.id)
        for d in N.DEPARTMENTS:
            for uid, _spec in self.divisions[d["code"]]:
                pledge("ttldxs" if self.rng.random() < 0.3 else "ttldtt", on(), unit_id=uid)
            pledge("ttldxs", on(), unit_id=self.unit[d["code"]])
            if self.rng.random() < 0.5:
                note = f"Đăng ký theo giao ước thi đua năm {y} của {dict(N.BLOCS)[d['bloc']]}"
                pledge("co", on(), unit_id=self.unit[d["code"]], note=note)
        campaigns.register_many(self.db, pledges)
        self.count["registrations"] += len(pledges)

    def _revocable(self, person: _Person) -> bool:
        """Whether revoking the person's 2024 LĐTT leaves the other 2024 awards standing: no CSTĐCS built
        on it, and the person's division still at 70 % LĐTT."""
        if person.id in self.cstdcs[2024]:
            return False
        unit = person.moved_from or person.unit_id
        members = [p for p in self.people if (p.moved_from or p.unit_id) == unit]
        holders = sum((2024, p.id) in self.ldtt_of and p is not self.warned for p in members)
        return (holders - 1) / len(members) >= 0.7

    def _pledge(
        self, into: list[campaigns.RegistrationInput], y: int, key: str, on: dt.date, **kw: Any
    ) -> None:
        into.append(campaigns.RegistrationInput(year=y, award_id=self.award[key], registered_on=on, **kw))

    def _day(self, y: int, m1: int, d1: int, m2: int, d2: int) -> dt.date:
        start, end = dt.date(y, m1, d1), dt.date(y, m2, d2)
        return _workday(start + dt.timedelta(days=self.rng.randint(0, (end - start).days)))

    def _moves(self) -> None:
        movers = self.rng.sample([p for p in self.staff(tier=2) if p is not self.warned], 4)
        for i, (p, on) in enumerate(
            zip(movers, ("2025-02-03", "2025-03-01", "2025-04-01", "2025-07-01"), strict=True)
        ):
            dept = (
                p.dept
                if i < 2
                else self.rng.choice([d["code"] for d in N.DEPARTMENTS if d["code"] != p.dept])
            )
            uid, spec = self.rng.choice([d for d in self.divisions[dept] if d[0] != p.unit_id])
            position = spec[3] if i == 0 else self.rng.choice(spec[4])
            self._do("moves", persons.move_person, p.id, uid, position, dt.date.fromisoformat(on))
            p.moved_from, p.moved_from_dept = p.unit_id, p.dept
            p.dept, p.unit_id, p.position = dept, uid, position

    def appraise(self, y: int) -> None:
        """Yearly ratings of persons and units; units follow their bloc band. Recorded as one batch."""
        self.ratings = []
        for p in self.people:
            r = self.rng.random()
            rating = (
                R.EXCELLENT
                if r < 0.2
                else R.GOOD
                if r < 0.975
                else R.COMPLETED
                if r < 0.992
                else R.NOT_COMPLETED
            )
            if p.tier == 0 and rating is not R.NOT_COMPLETED and self.rng.random() < 0.4:
                rating = R.EXCELLENT
            if p is self.warned:
                rating = R.GOOD if y == 2024 else R.COMPLETED
            self._appraise(y, rating, person_id=p.id)
            self.rating[(y, p.id)] = rating
        bands = {"Xuất sắc": R.EXCELLENT, "Tốt": R.GOOD, "Hoàn thành": R.COMPLETED}
        for code, _ in N.BLOCS:
            for row in self.standing[(y, code)].rows:
                self._appraise(y, bands.get(row.band or "", R.GOOD), unit_id=row.unit_id)
                if y == 2024:
                    self._appraise(2023, self.rng.choice((R.EXCELLENT, R.GOOD)), unit_id=row.unit_id)
        for d in N.DEPARTMENTS:
            for uid, _spec in self.divisions[d["code"]]:
                self._appraise(y, R.EXCELLENT if self.rng.random() < 0.35 else R.GOOD, unit_id=uid)
        appraisals.set_appraisals(self.db, self.ratings)
        self.count["appraisals"] += len(self.ratings)

    def _appraise(
        self, y: int, rating: R, *, person_id: int | None = None, unit_id: int | None = None
    ) -> None:
        self.ratings.append(appraisals.AppraisalInput(y, rating, person_id, unit_id))
        if unit_id is not None:
            self.unit_rating[(y, unit_id)] = rating

    def make_initiatives(self, y: int) -> None:
        """The year's initiatives, recorded as one batch."""
        self.inits[y] = []
        made: list[initiatives.InitiativeInput] = []
        for d in N.DEPARTMENTS:
            people = self.staff(d["code"])
            best = [p for p in people if self.rating.get((y, p.id)) is R.EXCELLENT] or people
            for _ in range(self.rng.randint(1, 3)):
                title = self._title(N.INITIATIVE_TITLES, d)
                if title is None:
                    break
                first = self.rng.choice(best)
                others = self.rng.sample([p for p in people if p is not first], self.rng.randint(0, 2))
                ref = f"{self.rng.randint(150, 400)}/QĐ-{d['code']}"
                self._initiative(made, y, title, [first, *others], InitiativeLevel.GRASSROOTS, d,
                                 f"Hội đồng sáng kiến {d['name']}", ref)  # fmt: skip
        for kind, titles in (
            (InitiativeKind.INITIATIVE, N.INITIATIVE_TITLES),
            (InitiativeKind.RESEARCH, N.RESEARCH_TITLES),
        ):
            for d in self.rng.sample(N.DEPARTMENTS, 2 if kind is InitiativeKind.INITIATIVE else 1):
                title = self._title(titles, d)
                if title is not None:
                    authors = self.rng.sample(self.staff(d["code"], tier=1) or self.staff(d["code"]), 1)
                    by = (
                        "Hội đồng Sáng kiến tỉnh Tây Ninh"
                        if kind is InitiativeKind.INITIATIVE
                        else "Sở Khoa học và Công nghệ"
                    )
                    ref = f"{self.rng.randint(2000, 3000)}/QĐ-{'UBND' if kind is InitiativeKind.INITIATIVE else 'SKHCN'}"
                    self._initiative(made, y, title, authors, InitiativeLevel.PROVINCIAL, d, by, ref, kind)
        self.count["initiatives"] += len(made)
        for i, data in zip(initiatives.create_initiatives(self.db, made), made, strict=True):
            if data.level is InitiativeLevel.GRASSROOTS:
                self.inits[y].append((i.id, data.title, data.author_ids[0]))

    def _title(self, templates: Sequence[str], d: dict[str, Any]) -> str | None:
        free = [t for t in templates if (d["code"], t) not in self.used_titles]
        if not free:
            return None
        template = self.rng.choice(free)
        self.used_titles.add((d["code"], template))
        return template.format(field=d["field"], unit=d["name"])

    def _initiative(
        self, into: list[initiatives.InitiativeInput], y: int, title: str, authors: Sequence[_Person], level: InitiativeLevel, d: dict[str, Any], by: str,
        ref: str, kind: InitiativeKind = InitiativeKind.INITIATIVE,
    ) -> None:  # fmt: skip
        into.append(initiatives.InitiativeInput(
            title=title, year=y, level=level, kind=kind, author_ids=[a.id for a in authors],
            unit_id=self.unit[d["code"]], recognised_by=by, recognition_ref=ref, recognised_on=self._day(y, 10, 15, 12, 5),
            summary=f"Áp dụng tại {d['name']} từ năm {y}, được đánh giá mang lại hiệu quả thiết thực."))  # fmt: skip

    def _full(self, uid: int) -> str:
        """A division's name with its department's ("Thanh tra Sở, Sở Y tế"): "Văn phòng Sở" alone says little."""
        return self.name[uid] if self._is_dept(uid) else f"{self.name[uid]}, {self.home[uid]['name']}"

    def _is_dept(self, uid: int) -> bool:
        return self.unit[self.home[uid]["code"]] == uid

    def register(self, y: int) -> None:
        book = registers.create_book(self.db, f"SV{y}", f"Sổ vàng khen thưởng năm {y}", N.UBND_NAME)
        numbered = registers.assign_numbers(
            self.db, book.id, self.approved[y]
        )  # the year-end batch, in order
        self.count["register_entries"] += len(numbered)

    def revoke_2025(self) -> None:
        """A 2025 award given while its holder was under disciplinary review, found and revoked."""
        candidates = [p for p in self.staff("SCT", tier=2)
                      if self.ldtt_of.get((2025, p.id)) in self.approved[2025] and p.id not in self.cstdcs[2025]]  # fmt: skip
        person = self.rng.choice(candidates)
        self._do(
            "disciplinary_records",
            persons.add_discipline,
            person.id,
            persons.DisciplineInput(
                DisciplineKind.UNDER_REVIEW, dt.date(2025, 11, 20), note=N.REASONS["review"]
            ),
        )
        nominations.revoke(self.db, [self.ldtt_of[(2025, person.id)]], N.REASONS["revoke_2025"])
