"""Row sources for the GUI's lists: counted, paged, sorted and filtered in SQL.

A list on a million nominations must never load every row. Each source answers two questions,
each in one short read session: how many rows match (:meth:`Source.count`) and which rows are at
``offset .. offset + limit`` (:meth:`Source.page`). A page is fetched in two steps: the ids in
order (an index scan on the sort key), then the shown values of just those ids. Sorting is only
offered on indexed keys where a table can be large; names sort in Vietnamese order through the
stored ``sort_key`` / ``nominee_sort`` columns and searches use the folded ``*_fold`` columns
(tones and đ/d ignored, matched anywhere in the name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Integer,
    Select,
    SQLColumnExpression,
    and_,
    case,
    column,
    func,
    literal,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import aliased

from ..model import (
    Award,
    Campaign,
    Decision,
    Exemplar,
    ExemplarReplication,
    Nomination,
    NominationStatus,
    Person,
    Unit,
)
from ..model.exchange import SENT, ExchangeItem, ExchangePackage
from ..model.nomination_joins import Submitting, nomination_select
from ..storage.db import Database
from ..text import fold

Row = tuple[Any, ...]  # (id, value of each column in Source.columns order)


@dataclass(frozen=True)
class Query:
    """What a list shows: a search text, exact filters by name, and the sort column."""

    text: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: str | None = None  # a key of Source.columns; None = the source's default order
    descending: bool = False


@dataclass(frozen=True)
class _Column:
    value: SQLColumnExpression[Any]
    sort: tuple[SQLColumnExpression[Any], ...] = ()  # empty: not sortable
    joins: tuple[str, ...] = ()  # joins the sort needs in the id query


class Source:
    """One list's rows; subclasses declare table, columns, joins, search and filters."""

    table: Any
    columns: dict[str, _Column]
    default_sort: str
    joins: dict[str, Callable[[Select[Any]], Select[Any]]] = {}

    def __init__(self, db: Database) -> None:
        self.db = db
        self._size: int | None = None  # rows in the table, for the plan choice in page()
        self._edges: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # (query, offset) → last key before it

    # -- what subclasses provide -------------------------------------------------------------
    def search(self, folded: str) -> ColumnElement[bool]:
        raise NotImplementedError

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        return []

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        """The shown values of ``ids``; first column the id."""
        raise NotImplementedError

    # -- the API the GUI's table model calls -------------------------------------------------
    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.columns)

    def sortable(self, key: str) -> bool:
        col = self.columns.get(key)
        return bool(col and col.sort)

    def _where(self, q: Query) -> list[ColumnElement[bool]]:
        clauses = self.filter_clauses(q.filters)
        folded = fold(q.text)
        if folded:
            clauses.append(self.search(folded))
        return clauses

    def count(self, q: Query = Query()) -> int:
        """How many rows match; also the start of a new reading (the list refreshes), so the
        page edges remembered from the previous one are dropped."""
        self._edges.clear()
        stmt = select(func.count()).select_from(self.table).where(*self._where(q))
        with self.db.read() as session:
            return session.scalar(stmt) or 0

    def page(self, q: Query, offset: int, limit: int, *, total: int | None = None) -> list[Row]:
        """Rows ``offset .. offset+limit`` in ``q``'s order.

        With ``total`` known, a page past the middle is read from the other end in reverse
        order, so that a jump to the last rows of a million steps over few index entries.
        """
        if limit <= 0 or offset < 0:
            return []
        key = q.sort if q.sort and self.sortable(q.sort) else self.default_sort
        col = self.columns[key]
        descending = q.descending
        reverse = total is not None and offset > total // 2
        if reverse:
            assert total is not None
            end = min(total, offset + limit)
            offset, limit = total - end, end - offset
            descending = not descending
        keys = (*col.sort, self.table.id)
        where = self._where(q)
        dense = self._dense(q, total)
        if dense:
            # Many rows match (a common family name): walk the sort order and test each row.
            where = [*self.filter_clauses(q.filters), self.dense_search(fold(q.text))]
        elif self._sparse(q, total):
            # Few rows match a search: walking the sort index would visit most of the table
            # (seconds on a million rows). Collect the matches from the folded column's covering
            # index first and sort just those; coalesce(x, x) keeps the planner off the sort index.
            keys = tuple(func.coalesce(k, k) for k in col.sort) + (self.table.id,)
            where = [self.table.id.in_(select(self.table.id).where(*where))]
        order = [c.desc() if descending else c.asc() for c in keys]
        stmt = select(self.table.id, *keys)
        if dense and key in self.WALK_HINTS and self.db.is_sqlite:
            stmt = stmt.with_hint(self.table, self.WALK_HINTS[key], "sqlite")
        for join in col.joins:
            stmt = self.joins[join](stmt)
        # The page right after one just read starts after that page's last key (an index seek)
        # instead of stepping over ``offset`` entries: scrolling on, or a jump that spans two pages.
        edge_key = (q.text, tuple(sorted(q.filters.items())), key, descending, dense, offset)
        edge = self._edges.get(edge_key) if not col.joins else None
        stmt = stmt.where(*where).order_by(*order)
        if edge is not None:
            after = tuple_(*keys) < tuple_(*edge) if descending else tuple_(*keys) > tuple_(*edge)
            stmt = stmt.where(after).limit(limit)
        else:
            stmt = stmt.offset(offset).limit(limit)
        with self.db.read() as session:
            found = session.execute(stmt).all()
            if not found:
                return []
            ids = [r[0] for r in found]
            values = {r[0]: tuple(r) for r in session.execute(self.value_query(ids))}
        if len(found) == limit:
            edge_key = (*edge_key[:-1], offset + limit)
            self._edges[edge_key] = tuple(found[-1][1:])
            while len(self._edges) > 64:
                self._edges.pop(next(iter(self._edges)))
        if reverse:
            ids.reverse()
        return [values[i] for i in ids if i in values]

    SPARSE_SHARE = 0.05

    DENSE_SHARE: float | None = None
    WALK_HINTS: dict[str, str] = {}

    def dense_search(self, folded: str) -> ColumnElement[bool]:
        return self.search(folded)

    def _dense(self, q: Query, total: int | None) -> bool:
        if self.DENSE_SHARE is None or not fold(q.text) or total is None:
            return False
        return total > self._table_size() * self.DENSE_SHARE

    def _sparse(self, q: Query, total: int | None) -> bool:
        if not fold(q.text) or total is None:
            return False
        return total < self._table_size() * self.SPARSE_SHARE

    def _table_size(self) -> int:
        """Rows in the table (once per source), for the plan choice in page(). Not count():
        that starts a new reading and would drop the page edges."""
        if self._size is None:
            with self.db.read() as session:
                self._size = session.scalar(select(func.count()).select_from(self.table)) or 0
        return self._size


_NUMBER = re.compile(r"^\d+(/[a-z0-9.\-]*)?$")


def _decision_number(folded: str) -> ColumnElement[bool] | None:
    """Nominations of the decisions whose number begins with ``folded`` ("2915", "2915/qd-ubnd"),
    or ``None`` when the text is not a decision number."""
    text = folded.replace(" ", "")
    if not _NUMBER.match(text):
        return None
    digits, _, rest = text.partition("/")
    # Numbers print as "07/…"; "2915" is 2915/…, not 29150/…: the slash always follows the digits.
    prefix = f"{digits.zfill(2)}/{rest}"
    return Nomination.decision_id.in_(
        select(Decision.id).where(Decision.number_fold.startswith(prefix, autoescape=True))
    )


def word_match(folded: str) -> str | None:
    """An FTS5 query: every word typed begins some word of the name (any order)."""
    words = re.findall(r"[a-z0-9]+", folded)
    return " ".join(f'"{w}"*' for w in words) if words else None


def word_like(column: SQLColumnExpression[str], folded: str) -> ColumnElement[bool]:
    """The same test as :func:`word_match`, row by row with LIKE (for a walk in name order)."""
    spaced = literal(" ") + column
    return and_(*(spaced.like(f"% {w}%") for w in re.findall(r"[a-z0-9]+", folded)))


# --- the lists ------------------------------------------------------------------------------

_Parent = aliased(Unit)


class UnitRows(Source):
    table = Unit
    default_sort = "name"
    columns = {
        "code": _Column(Unit.code, (Unit.code,)),
        "name": _Column(Unit.name, (Unit.sort_key,)),
        "short_name": _Column(Unit.short_name, (Unit.short_name,)),
        "level": _Column(Unit.level, (Unit.level,)),
        "parent": _Column(_Parent.name, (_Parent.sort_key,), ("parent",)),
        "active": _Column(Unit.active, (Unit.active,)),
    }
    joins = {"parent": lambda s: s.outerjoin(_Parent, _Parent.id == Unit.parent_id)}

    def search(self, folded: str) -> ColumnElement[bool]:
        return Unit.name_fold.contains(folded, autoescape=True) | Unit.code.contains(
            folded.upper(), autoescape=True
        )

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        out = []
        if filters.get("parent_id") is not None:
            out.append(Unit.parent_id == filters["parent_id"])
        if filters.get("active") is not None:
            out.append(Unit.active == bool(filters["active"]))
        return out

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        return self.joins["parent"](select(Unit.id, *(c.value for c in self.columns.values()))).where(
            Unit.id.in_(ids)
        )


_PersonUnit = aliased(Unit)


class PersonRows(Source):
    table = Person
    default_sort = "name"
    columns = {
        "name": _Column(Person.full_name, (Person.sort_key,)),
        "gender": _Column(Person.gender, (Person.gender,)),
        "birth": _Column(func.coalesce(Person.birth_date, Person.birth_year), (Person.birth_year,)),
        "cccd": _Column(Person.cccd, (Person.cccd,)),
        "position": _Column(Person.position, (Person.position,)),
        "unit": _Column(_PersonUnit.name, (_PersonUnit.sort_key,), ("unit",)),
    }
    joins = {"unit": lambda s: s.join(_PersonUnit, _PersonUnit.id == Person.unit_id)}

    def search(self, folded: str) -> ColumnElement[bool]:
        digits = folded.replace(" ", "")
        clause = Person.name_fold.contains(folded, autoescape=True)
        if digits.isdigit():
            clause = clause | Person.cccd.startswith(digits, autoescape=True)
        return clause

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if filters.get("unit_id") is not None:
            out.append(Person.unit_id == filters["unit_id"])
        if filters.get("unit_ids") is not None:  # a clerk's own unit and its divisions
            out.append(Person.unit_id.in_(list(filters["unit_ids"])))
        return out

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        cols = [c.value for c in self.columns.values()]
        cols[2] = Person.birth_date  # dates shown as dates, years as years
        return self.joins["unit"](select(Person.id, *cols, Person.birth_year)).where(Person.id.in_(ids))

    def page(self, q: Query, offset: int, limit: int, *, total: int | None = None) -> list[Row]:
        rows = super().page(q, offset, limit, total=total)
        # birth: the date when known, else the year
        return [(*r[:3], r[3] if r[3] is not None else r[-1], *r[4:-1]) for r in rows]


class CampaignRows(Source):
    table = Campaign
    default_sort = "year"
    columns = {
        "name": _Column(Campaign.name, (Campaign.name_fold,)),
        "kind": _Column(Campaign.kind, (Campaign.kind,)),
        "year": _Column(Campaign.year, (Campaign.year, Campaign.start_date)),
        "start": _Column(Campaign.start_date, (Campaign.start_date,)),
        "end": _Column(Campaign.end_date, (Campaign.end_date,)),
        "launched_by": _Column(Campaign.launched_by, (Campaign.launched_by,)),
    }

    def search(self, folded: str) -> ColumnElement[bool]:
        return Campaign.name_fold.contains(folded, autoescape=True)

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        return [Campaign.year == filters["year"]] if filters.get("year") is not None else []

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        return select(Campaign.id, *(c.value for c in self.columns.values())).where(Campaign.id.in_(ids))


class NominationRows(Source):
    """The big one. Sortable only on indexed keys: name (Vietnamese order), year, status, id."""

    table = Nomination
    default_sort = "nominee"
    columns = {
        "id": _Column(Nomination.id, (Nomination.id,)),
        "nominee": _Column(Nomination.nominee_name, (Nomination.nominee_sort,)),
        "target": _Column(case((Nomination.person_id.is_(None), "collective"), else_="individual")),
        "award": _Column(Award.name),
        "year": _Column(Nomination.year, (Nomination.year,)),
        "unit": _Column(Submitting.name),
        "status": _Column(Nomination.status, (Nomination.status,)),
        "votes": _Column(Nomination.votes_for),
        "decision": _Column(Decision.number_text),
        # The last package the dossier left this book in (its id; page() shows its date and digest).
        "sent": _Column(
            select(func.max(ExchangeItem.package_id))
            .join(ExchangePackage, ExchangePackage.id == ExchangeItem.package_id)
            .where(
                ExchangeItem.nomination_id == Nomination.id,
                ExchangePackage.direction == SENT,
                ExchangePackage.kind == "nominations",  # not a reply sent back about it
            )
            .correlate(Nomination)
            .scalar_subquery()
        ),
    }

    # Over 1 % of rows matching: walk the name order testing each row (a few thousand rows for a
    # page); under it, sort just the matches found by the word index.
    SPARSE_SHARE = 0.01
    DENSE_SHARE = 0.01
    # In the walk, a year or state filter must not lure SQLite onto its own index and a sort of
    # the whole year (400 ms): the walk stays on the name order.
    WALK_HINTS = {"nominee": "INDEXED BY ix_nomination_sort"}

    def dense_search(self, folded: str) -> ColumnElement[bool]:
        number = _decision_number(folded)
        return number if number is not None else word_like(Nomination.nominee_fold, folded)

    def count(self, q: Query = Query()) -> int:
        match = word_match(fold(q.text))
        if match is None or not self.db.is_sqlite or _decision_number(fold(q.text)) is not None:
            return super().count(q)
        self._edges.clear()
        stmt: Executable
        if not self.filter_clauses(q.filters):
            # Counted in the word index alone: milliseconds even when most rows match.
            stmt = text("SELECT count(*) FROM nomination_words WHERE nomination_words MATCH :m").bindparams(
                m=match
            )
        else:
            # Filtered: scan the filter's index range and test each row, no id set to build.
            stmt = (
                select(func.count())
                .select_from(Nomination)
                .where(*self.filter_clauses(q.filters), self.dense_search(fold(q.text)))
            )
        with self.db.read() as session:
            return session.scalar(stmt) or 0

    def search(self, folded: str) -> ColumnElement[bool]:
        """The beginning of any word of the name, through the FTS5 word index on SQLite
        (migration 0005); the same test with LIKE on PostgreSQL. A decision's number ("2915",
        "2915/QĐ-UBND") finds the nominations of the decisions so numbered."""
        number = _decision_number(folded)
        if number is not None:
            return number
        match = word_match(folded)
        if match is None:
            return Nomination.nominee_fold.contains(folded, autoescape=True)
        if not self.db.is_sqlite:
            return word_like(Nomination.nominee_fold, folded)
        hits = text("SELECT rowid FROM nomination_words WHERE nomination_words MATCH :m").bindparams(m=match)
        return Nomination.id.in_(hits.columns(column("rowid", Integer)))

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        simple = {
            "year": Nomination.year,
            "award_id": Nomination.award_id,
            "submitting_unit_id": Nomination.submitting_unit_id,
            "campaign_id": Nomination.campaign_id,
            "decision_id": Nomination.decision_id,
        }
        for name, col in simple.items():
            if filters.get(name) is not None:
                out.append(col == filters[name])
        if filters.get("status") is not None:
            out.append(Nomination.status == NominationStatus(filters["status"]))
        if filters.get("unit_ids") is not None:  # a clerk's own unit and its divisions
            out.append(Nomination.submitting_unit_id.in_(list(filters["unit_ids"])))
        return out

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        cols = [c.value for c in self.columns.values()]
        return nomination_select(Nomination.id.label("row_id"), *cols, Nomination.council_size).where(
            Nomination.id.in_(ids)
        )

    def page(self, q: Query, offset: int, limit: int, *, total: int | None = None) -> list[Row]:
        rows = super().page(q, offset, limit, total=total)
        packages = {r[10] for r in rows if r[10] is not None}
        sent: dict[int, str] = {}
        if packages:
            with self.db.read() as session:
                found = session.execute(
                    select(ExchangePackage.id, ExchangePackage.handled_at, ExchangePackage.digest).where(
                        ExchangePackage.id.in_(packages)
                    )
                )
                sent = {i: f"{at:%d/%m/%Y} · {digest[:12]}" for i, at, digest in found}
        # votes: "agree/council" when voted; sent: the date and digest of the last package
        return [(*r[:8], f"{r[8]}/{r[11]}" if r[11] else "", r[9], sent.get(r[10], "")) for r in rows]


class DecisionRows(Source):
    table = Decision
    default_sort = "signed_on"
    columns = {
        "number": _Column(Decision.number_text, (Decision.year, Decision.number)),
        "signed_on": _Column(Decision.signed_on, (Decision.signed_on,)),
        "issuer": _Column(Decision.issuer, (Decision.issuer,)),
        "signer": _Column(Decision.signer_name, (Decision.signer_name,)),
        "summary": _Column(Decision.summary),
        "awards": _Column(
            select(func.count()).where(Nomination.decision_id == Decision.id).scalar_subquery()
        ),
    }

    def search(self, folded: str) -> ColumnElement[bool]:
        return Decision.number_fold.contains(folded, autoescape=True) | Decision.summary.icontains(
            folded, autoescape=True
        )

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        return [Decision.year == filters["year"]] if filters.get("year") is not None else []

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        return select(Decision.id, *(c.value for c in self.columns.values())).where(Decision.id.in_(ids))


_ExPerson = aliased(Person)
_ExUnit = aliased(Unit)


class ExemplarRows(Source):
    table = Exemplar
    default_sort = "year"
    columns = {
        "title": _Column(Exemplar.title, (Exemplar.title,)),
        "subject": _Column(func.coalesce(_ExPerson.full_name, _ExUnit.name)),
        "year": _Column(Exemplar.year, (Exemplar.year,)),
        "honoured_at": _Column(Exemplar.honoured_at, (Exemplar.honoured_at,)),
        "honoured_on": _Column(Exemplar.honoured_on, (Exemplar.honoured_on,)),
        # How many places took up its model (nhân rộng): counted for the page's rows only.
        "replications": _Column(
            select(func.count(ExemplarReplication.id))
            .where(ExemplarReplication.exemplar_id == Exemplar.id)
            .correlate(Exemplar)
            .scalar_subquery()
        ),
    }

    def search(self, folded: str) -> ColumnElement[bool]:
        persons = select(Person.id).where(Person.name_fold.contains(folded, autoescape=True))
        units = select(Unit.id).where(Unit.name_fold.contains(folded, autoescape=True))
        return Exemplar.person_id.in_(persons) | Exemplar.unit_id.in_(units)

    def filter_clauses(self, filters: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        return [Exemplar.year == filters["year"]] if filters.get("year") is not None else []

    def value_query(self, ids: Sequence[int]) -> Select[Any]:
        return (
            select(Exemplar.id, *(c.value for c in self.columns.values()))
            .outerjoin(_ExPerson, _ExPerson.id == Exemplar.person_id)
            .outerjoin(_ExUnit, _ExUnit.id == Exemplar.unit_id)
            .where(Exemplar.id.in_(ids))
        )


# --- small look-ups the forms need ------------------------------------------------------------


def nomination_years(db: Database) -> list[int]:
    """The years that have nominations, newest first (for the year filter).

    One index seek per year (a skip scan by hand) instead of DISTINCT over every row."""
    years: list[int] = []
    with db.read() as session:
        year = session.scalar(select(func.max(Nomination.year)))
        while year is not None:
            years.append(year)
            year = session.scalar(select(func.max(Nomination.year)).where(Nomination.year < year))
    return years


def nomination_versions(db: Database, ids: Sequence[int]) -> dict[int, int]:
    """id → version, to send as ``expected_versions`` with a batch action."""
    with db.read() as session:
        return dict(
            session.execute(select(Nomination.id, Nomination.version).where(Nomination.id.in_(ids))).all()
        )


def criteria_years(db: Database, bloc_id: int) -> list[int]:
    """The years a bloc has a year's criteria table (for the standings page's year picker)."""
    from ..model import Criterion, ScorePeriodKind

    with db.read() as session:
        return list(
            session.scalars(
                select(Criterion.year)
                .where(Criterion.bloc_id == bloc_id, Criterion.period == ScorePeriodKind.YEAR)
                .distinct()
                .order_by(Criterion.year.desc())
            )
        )
