"""The exemplars' papers for a conference of advanced exemplars (Hội nghị điển hình tiên tiến,
issue #15 item 7): the list of exemplars of a year, for a bloc or a unit (STT, name, unit, title,
campaign, the story's summary and how often its model was replicated — nhân rộng), and the
citations (trích ngang thành tích), one block per exemplar with its period, story and the places
it was replicated. Both in the Decree 30/2020 layout, as the other papers.

A bloc's exemplars are those of its member units of the year and the divisions and people under
them; a unit's, those of the unit and what hangs under it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from sqlalchemy import Select, select

from ..errors import DomainError
from ..model import Campaign, Exemplar, ExemplarReplication, Person, Unit
from ..services.blocs import members
from ..services.standings import bloc_by_code
from ..storage.db import Database
from .bloc_data import _owner_map
from .data import find_unit
from .decree30 import (
    PORTRAIT_WIDTH,
    DocMeta,
    Letterhead,
    Styles,
    closing_block,
    data_tables,
    esc,
    header_block,
    paragraphs,
    styles,
    title_block,
)
from .document import Document
from .tables import INT, TEXT, Column, TableData

SUMMARY = 220  # characters of the story the list prints


@dataclass(frozen=True)
class Replicated:
    where: str
    on: dt.date | None
    action: str
    result: str


@dataclass(frozen=True)
class ExemplarEntry:
    name: str  # the person's full name, or the collective's
    is_person: bool
    position: str
    unit: str  # the person's unit; for a collective, the unit it belongs to (or itself)
    title: str
    campaign: str
    story: str
    period: str  # «01/01/2025 – 30/06/2025», or «năm 2025»
    honoured: str
    replications: tuple[Replicated, ...]


def summary(story: str, limit: int = SUMMARY) -> str:
    """The story's first paragraph, cut at a word before ``limit`` characters (with «…»)."""
    first = next((line.strip() for line in story.splitlines() if line.strip()), "")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def period_text(year: int, start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return f"năm {year}"
    if start is not None and end is not None:
        return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
    return f"từ {start:%d/%m/%Y}" if start is not None else f"đến {end:%d/%m/%Y}"


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else ""


def exemplar_entries(
    db: Database, year: int, *, bloc_code: str | None = None, unit_code: str | None = None
) -> tuple[str, list[ExemplarEntry]]:
    """(whose: «Khối …» / the unit's name, the exemplars of the year) for a bloc or a unit."""
    if bool(bloc_code) == bool(unit_code):
        raise DomainError("Chọn khối thi đua hoặc đơn vị (một trong hai).", field="bloc")
    if bloc_code:
        bloc = bloc_by_code(db, bloc_code)
        homes = {m.unit_id: m.code for m in members(db, bloc.id, year)}
        if not homes:
            raise DomainError(f"Khối «{bloc.name}» chưa có đơn vị thành viên năm {year}.", field="bloc")
        whose = bloc.name
    else:
        unit = find_unit(db, unit_code or "")
        homes = {unit.id: unit.code}
        whose = unit.name
    with db.read() as session:
        owner = _owner_map(session, homes)
        names: dict[int, str] = {i: n for i, n in session.execute(select(Unit.id, Unit.name))}
        parents: dict[int, int | None] = {i: p for i, p in session.execute(select(Unit.id, Unit.parent_id))}
        rows = session.execute(_select().where(Exemplar.year == year).order_by(Exemplar.id)).all()
        wanted = [r for r in rows if owner.get(r.unit_id if r.unit_id is not None else r.person_unit or -1)]
        reps: dict[int, list[Replicated]] = defaultdict(list)
        if wanted:
            for eid, unit_id, place, on, action, result in session.execute(
                select(ExemplarReplication.exemplar_id, ExemplarReplication.unit_id, ExemplarReplication.place,
                       ExemplarReplication.replicated_on, ExemplarReplication.action, ExemplarReplication.result)
                .where(ExemplarReplication.exemplar_id.in_([r.id for r in wanted]))
                .order_by(ExemplarReplication.replicated_on.is_(None), ExemplarReplication.replicated_on,
                          ExemplarReplication.id)
            ):  # fmt: skip
                where = names.get(unit_id, "") if unit_id is not None else place
                reps[eid].append(Replicated(where, on, action, result))
    out = []
    for r in wanted:
        if r.person_id is not None:
            unit_name = names.get(r.person_unit, "") if r.person_unit is not None else ""
        else:
            parent = parents.get(r.unit_id)
            unit_name = names.get(parent, "") if parent is not None else names.get(r.unit_id, "")
        out.append(
            ExemplarEntry(
                name=r.full_name or r.unit_name or "",
                is_person=r.person_id is not None,
                position=r.position or "",
                unit=unit_name,
                title=r.title,
                campaign=r.campaign or "",
                story=r.story,
                period=period_text(year, r.period_from, r.period_to),
                honoured=", ".join(x for x in (r.honoured_at, _day(r.honoured_on)) if x),
                replications=tuple(reps[r.id]),
            )
        )
    return whose, out


def _select() -> Select[Any, *tuple[Any, ...]]:
    return (
        select(Exemplar.id, Exemplar.person_id, Exemplar.unit_id, Exemplar.title, Exemplar.story,
               Exemplar.honoured_at, Exemplar.honoured_on, Exemplar.period_from, Exemplar.period_to,
               Person.full_name, Person.position, Person.unit_id.label("person_unit"),
               Unit.name.label("unit_name"), Campaign.name.label("campaign"))
        .outerjoin(Person, Person.id == Exemplar.person_id)
        .outerjoin(Unit, Unit.id == Exemplar.unit_id)
        .outerjoin(Campaign, Campaign.id == Exemplar.campaign_id)
    )  # fmt: skip


def _meta(meta: DocMeta, whose: str) -> DocMeta:
    """The bloc's (or unit's) name heads the paper unless an issuer was given."""
    if meta.letterhead.issuer:
        return meta
    return replace(meta, letterhead=Letterhead(whose, meta.letterhead.parent, meta.letterhead.place))


def exemplar_list(
    db: Database, meta: DocMeta, *, year: int, bloc_code: str | None = None, unit_code: str | None = None
) -> Document:
    """Danh sách gương điển hình tiên tiến for the conference: one row each, the story summarised,
    the count of places its model was replicated."""
    whose, entries = exemplar_entries(db, year, bloc_code=bloc_code, unit_code=unit_code)
    meta = _meta(meta, whose)
    table = TableData("Danh sách gương điển hình tiên tiến", (
        Column("STT", INT, 12, "CENTER"), Column("Cá nhân, tập thể", TEXT, 30), Column("Đơn vị", TEXT, 27),
        Column("Điển hình", TEXT, 30), Column("Phong trào", TEXT, 25), Column("Tóm tắt thành tích", TEXT, 40),
        Column("Nhân rộng", INT, 14, "CENTER"),
    ), [(i, e.name, e.unit, e.title, e.campaign, summary(e.story), len(e.replications))
        for i, e in enumerate(entries, start=1)], sheet="Điển hình")  # fmt: skip
    replicated = sum(1 for e in entries if e.replications)

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]
        s += title_block(
            "Danh sách", f"gương điển hình tiên tiến {whose} năm {year} "
            "tuyên dương tại Hội nghị điển hình tiên tiến", st,
        )  # fmt: skip
        if entries:
            s += paragraphs([f"Tổng số {len(entries)} gương điển hình tiên tiến "
                             f"({sum(1 for e in entries if e.is_person)} cá nhân, "
                             f"{sum(1 for e in entries if not e.is_person)} tập thể); "
                             f"{replicated} gương đã được nhân rộng."], st)  # fmt: skip
            s += data_tables(table, st, PORTRAIT_WIDTH, font_size=10)
        else:
            s += paragraphs([f"Chưa ghi nhận gương điển hình tiên tiến nào của {whose} năm {year}."], st)
        s.append(closing_block(meta, st, PORTRAIT_WIDTH))
        return s

    return Document(f"Danh sách gương điển hình tiên tiến — {whose} năm {year}", story, [table])


def citations(
    db: Database, meta: DocMeta, *, year: int, bloc_code: str | None = None, unit_code: str | None = None
) -> Document:
    """Trích ngang thành tích: one block per exemplar (name, position and unit, title, campaign,
    period, where honoured, the story, and each place its model was replicated)."""
    whose, entries = exemplar_entries(db, year, bloc_code=bloc_code, unit_code=unit_code)
    meta = _meta(meta, whose)
    table = TableData("Trích ngang thành tích gương điển hình tiên tiến", (
        Column("STT", INT, 12, "CENTER"), Column("Cá nhân, tập thể", TEXT, 35), Column("Đơn vị", TEXT, 30),
        Column("Điển hình", TEXT, 35), Column("Thời gian", TEXT, 25), Column("Thành tích", TEXT, 60),
        Column("Nơi nhân rộng", TEXT, 45),
    ), [(i, e.name, e.unit, e.title, e.period, e.story, "; ".join(r.where for r in e.replications))
        for i, e in enumerate(entries, start=1)], sheet="Trích ngang")  # fmt: skip

    def block(n: int, e: ExemplarEntry, st: Styles) -> list[Flowable]:
        who = e.name + (f", {e.position}" if e.position else "") + (f", {e.unit}" if e.unit else "")
        lines = [f"Điển hình: {e.title}."]
        if e.campaign:
            lines.append(f"Phong trào thi đua: {e.campaign}.")
        lines.append(f"Thời gian đạt thành tích: {e.period}.")
        if e.honoured:
            lines.append(f"Nơi, ngày tuyên dương: {e.honoured}.")
        head = Paragraph(f"{n}. {esc(who)} ({'cá nhân' if e.is_person else 'tập thể'})", st.heading)
        out: list[Flowable] = [head, *paragraphs(lines, st)]
        texts = [t for t in e.story.splitlines() if t.strip()]
        if texts:
            out += [Paragraph("Tóm tắt thành tích:", st.plain), *paragraphs(texts, st)]
        if e.replications:
            out.append(Paragraph(f"Nhân rộng ({len(e.replications)} nơi):", st.plain))
            out += paragraphs(
                [
                    f"- {r.where}" + (f" ({_day(r.on)})" if r.on else "") + f": {r.action}"
                    + (f"; kết quả: {r.result}" if r.result else "") + ("" if r.action.endswith(".") else ".")
                    for r in e.replications
                ],
                st,
            )  # fmt: skip
        else:
            out += paragraphs(["Chưa ghi nhận nơi nhân rộng."], st)
        return [KeepTogether(out[:3]), *out[3:], Spacer(1, 6)]

    def story() -> list[Flowable]:
        st = styles()
        s: list[Flowable] = [header_block(meta, st, PORTRAIT_WIDTH, show_number=bool(meta.number))]
        s += title_block("Trích ngang thành tích", f"gương điển hình tiên tiến {whose} năm {year}", st)
        if not entries:
            s += paragraphs([f"Chưa ghi nhận gương điển hình tiên tiến nào của {whose} năm {year}."], st)
        for n, e in enumerate(entries, start=1):
            s += block(n, e, st)
        s.append(closing_block(meta, st, PORTRAIT_WIDTH))
        return s

    return Document(f"Trích ngang thành tích gương điển hình tiên tiến — {whose} năm {year}", story, [table])
