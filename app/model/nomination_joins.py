"""A nomination joined to what is around it: award, submitting unit, nominee (the person and their
unit, or the unit and its parent), campaign, decision and register number, written once.

Select columns of the names below through :func:`nomination_select`: it joins exactly what those
columns read, so a list showing three columns pays for three joins and a certificate batch for
all of them. Each join follows a key of the nomination (or of the row joined before it) to a
primary key or a unique one: one row per nomination, an index look-up each.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, FromClause, Select, inspect, select
from sqlalchemy.orm import aliased

from .campaigns import Campaign
from .catalogue import Award
from .decisions import Decision, RegisterBook, RegisterEntry
from .nominations import Nomination
from .org import Unit
from .persons import Person

# The unit table in each of its roles.
Submitting = aliased(Unit, name="submitting_unit")  # the unit that proposes
PersonUnit = aliased(Unit, name="person_unit")  # a person nominee's unit
PersonParent = aliased(Unit, name="person_parent")  # that unit's parent
NomineeUnit = aliased(Unit, name="nominee_unit")  # a collective nominee
NomineeParent = aliased(Unit, name="nominee_parent")  # its parent


class _Join(NamedTuple):
    target: Any
    on: ColumnElement[bool]
    outer: bool  # the row may be missing (a unit has no person, a draft no decision…)
    after: Any = None  # the join this one starts from, when not the nomination


# In the order they are written into the FROM clause.
_JOINS = (
    _Join(Award, Award.id == Nomination.award_id, False),
    _Join(Submitting, Submitting.id == Nomination.submitting_unit_id, False),
    _Join(Person, Person.id == Nomination.person_id, True),
    _Join(PersonUnit, PersonUnit.id == Person.unit_id, True, Person),
    _Join(PersonParent, PersonParent.id == PersonUnit.parent_id, True, PersonUnit),
    _Join(NomineeUnit, NomineeUnit.id == Nomination.unit_id, True),
    _Join(NomineeParent, NomineeParent.id == NomineeUnit.parent_id, True, NomineeUnit),
    _Join(Campaign, Campaign.id == Nomination.campaign_id, True),
    _Join(Decision, Decision.id == Nomination.decision_id, True),
    _Join(RegisterEntry, RegisterEntry.nomination_id == Nomination.id, True),
    _Join(RegisterBook, RegisterBook.id == RegisterEntry.book_id, True, RegisterEntry),
)
_BY_TABLE: dict[FromClause, _Join] = {inspect(j.target).selectable: j for j in _JOINS}
_BY_TARGET = {j.target: j for j in _JOINS}
_NOMINATION = inspect(Nomination).selectable


def nomination_select(*columns: Any) -> Select[Any]:
    """``SELECT columns FROM nomination`` with the joins that ``columns`` read (and the joins
    those start from). Columns of the unit table go through its aliases above; a column of any
    other table is refused here rather than turned into a cross join. WHERE and ORDER BY clauses
    added afterwards may use the tables the columns brought in."""
    stmt = select(*columns)
    needed: set[Any] = set()
    for table in stmt.columns_clause_froms:
        if table == _NOMINATION:
            continue
        join = _BY_TABLE.get(table)
        if join is None:
            raise ValueError(f"{table} is not joined to a nomination here (for a unit, use an alias)")
        while join is not None:
            needed.add(join.target)
            join = _BY_TARGET.get(join.after)
    stmt = stmt.select_from(Nomination)
    for join in _JOINS:
        if join.target in needed:
            stmt = stmt.join(join.target, join.on, isouter=join.outer)
    return stmt
