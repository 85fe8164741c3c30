"""What a dossier carries as proof besides its files: the nominee's initiatives and yearly ratings.

The rules that weigh a nomination (two years of "hoàn thành xuất sắc nhiệm vụ", initiatives
recognised at a level) read these, so a dossier travels with them: the initiatives linked to the
nomination and those the person authored in the years before it, and the ratings of those years.
The receiving office matches an initiative by its folded title and year among the person's, else
records it with the person as author; a rating missing here is recorded, one that differs is
corrected to the sender's (the unit rates its own staff) and the difference listed in the preview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import (
    Appraisal,
    AppraisalRating,
    Initiative,
    InitiativeAuthor,
    InitiativeKind,
    InitiativeLevel,
    Nomination,
    NominationInitiative,
)
from ..storage.db import Database, chunks
from ..text import fold
from .report import ReceiveReport

YEARS = 6  # the years before a nomination whose ratings and initiatives go with it


def pack(session: Session, nominations: Sequence[Nomination]) -> dict[int, dict[str, Any]]:
    """For each nomination, ``{"initiatives": […], "appraisals": […]}`` (keys left out when empty);
    three queries for the whole batch (in chunks)."""
    ids = [n.id for n in nominations]
    persons = sorted({n.person_id for n in nominations if n.person_id is not None})
    units = sorted({n.unit_id for n in nominations if n.person_id is None and n.unit_id is not None})
    linked: dict[int, set[int]] = {}
    authored: dict[int, list[Initiative]] = {}
    rated: dict[tuple[str, int], list[Appraisal]] = {}
    for part in chunks(ids):
        for nid, iid in session.execute(select(NominationInitiative.nomination_id, NominationInitiative.initiative_id)
                                        .where(NominationInitiative.nomination_id.in_(part))):  # fmt: skip
            linked.setdefault(nid, set()).add(iid)
    for part in chunks(persons):
        for pid, i in session.execute(select(InitiativeAuthor.person_id, Initiative).join(Initiative)
                                      .where(InitiativeAuthor.person_id.in_(part)).order_by(Initiative.year, Initiative.id)):  # fmt: skip
            authored.setdefault(pid, []).append(i)
        for a in session.scalars(
            select(Appraisal).where(Appraisal.person_id.in_(part)).order_by(Appraisal.year)
        ):
            rated.setdefault(("person", a.person_id or 0), []).append(a)
    for part in chunks(units):
        for a in session.scalars(
            select(Appraisal).where(Appraisal.unit_id.in_(part)).order_by(Appraisal.year)
        ):
            rated.setdefault(("unit", a.unit_id or 0), []).append(a)
    wanted = {iid for s in linked.values() for iid in s}
    extra = {
        i.id: i
        for part in chunks(sorted(wanted))
        for i in session.scalars(select(Initiative).where(Initiative.id.in_(part)))
    }
    out: dict[int, dict[str, Any]] = {}
    for n in nominations:
        years = range(n.year - YEARS, n.year + 1)
        mine = linked.get(n.id, set())
        initiatives = (
            [i for i in authored.get(n.person_id or 0, []) if i.year in years] if n.person_id else []
        )
        initiatives += [extra[i] for i in sorted(mine) if extra[i] not in initiatives]
        key = ("person", n.person_id) if n.person_id is not None else ("unit", n.unit_id or 0)
        ratings = [a for a in rated.get(key, []) if a.year in years]
        item: dict[str, Any] = {}
        if initiatives:
            item["initiatives"] = [_initiative(i, i.id in mine) for i in initiatives]
        if ratings:
            item["appraisals"] = [{"year": a.year, "rating": a.rating.value, "note": a.note} for a in ratings]
        out[n.id] = item
    return out


def _initiative(i: Initiative, linked: bool) -> dict[str, Any]:
    return {"title": i.title, "year": i.year, "level": i.level.value, "kind": i.kind.value,
            "recognised_by": i.recognised_by, "recognition_ref": i.recognition_ref,
            "recognised_on": i.recognised_on.isoformat() if i.recognised_on else None, "summary": i.summary,
            "linked": linked}  # fmt: skip


def unpack(db: Database, session: Session, record: dict[str, Any], n: Nomination, report: ReceiveReport,
           where: str) -> None:  # fmt: skip
    """Record a received dossier's initiatives and ratings here (see the module docstring)."""
    _appraisals(db, session, record.get("appraisals", []), n, report, where)
    _initiatives(db, session, record.get("initiatives", []), n, report, where)


def _appraisals(db: Database, session: Session, items: list[dict[str, Any]], n: Nomination,
                report: ReceiveReport, where: str) -> None:  # fmt: skip
    from ..services.appraisals import AppraisalInput, set_appraisals

    if not items:
        return
    who = Appraisal.person_id == n.person_id if n.person_id is not None else Appraisal.unit_id == n.unit_id
    here = {a.year: a for a in session.scalars(select(Appraisal).where(who))}
    wanted = []
    for item in items:
        rating = AppraisalRating(item["rating"])
        known = here.get(int(item["year"]))
        if known is not None and known.rating is rating:
            continue
        if known is not None:
            report.changes.append(f"{where}: xếp loại năm {item['year']} ở đây «{known.rating.label}», "
                                  f"theo hồ sơ gửi «{rating.label}»: ghi theo hồ sơ gửi.")  # fmt: skip
        wanted.append(AppraisalInput(int(item["year"]), rating, n.person_id, None if n.person_id else n.unit_id,
                                     str(item.get("note") or "")))  # fmt: skip
    if wanted:
        set_appraisals(db, wanted)


def _initiatives(db: Database, session: Session, items: list[dict[str, Any]], n: Nomination,
                 report: ReceiveReport, where: str) -> None:  # fmt: skip
    from ..services.initiatives import InitiativeInput, create_initiatives

    if not items or n.person_id is None:
        return
    mine = {(i.title_fold, i.year): i for i in session.scalars(
        select(Initiative).join(InitiativeAuthor).where(InitiativeAuthor.person_id == n.person_id))}  # fmt: skip
    new = [item for item in items if (fold(item["title"]), int(item["year"])) not in mine]
    made = create_initiatives(db, [InitiativeInput(
        title=item["title"], year=int(item["year"]), level=InitiativeLevel(item["level"]),
        kind=InitiativeKind(item.get("kind") or InitiativeKind.INITIATIVE.value), author_ids=(n.person_id,),
        recognised_by=str(item.get("recognised_by") or ""), recognition_ref=str(item.get("recognition_ref") or ""),
        recognised_on=dt.date.fromisoformat(item["recognised_on"]) if item.get("recognised_on") else None,
        summary=str(item.get("summary") or ""),
    ) for item in new]) if new else []  # fmt: skip
    report.changes += [f"{where}: thêm sáng kiến «{i.title}» ({i.year})" for i in made]
    mine.update(((i.title_fold, i.year), i) for i in made)
    linked = set(session.scalars(
        select(NominationInitiative.initiative_id).where(NominationInitiative.nomination_id == n.id)))  # fmt: skip
    for item in items:
        initiative = mine[(fold(item["title"]), int(item["year"]))]
        if item.get("linked") and initiative.id not in linked:
            session.add(NominationInitiative(nomination_id=n.id, initiative_id=initiative.id))
            linked.add(initiative.id)
