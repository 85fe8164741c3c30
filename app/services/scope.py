"""Where a clerk works: their unit and the units under it. Lists and pickers start there, and the
services refuse a clerk's writes outside it (app.auth.require)."""

from __future__ import annotations

from sqlalchemy import select

from ..model import Unit, UserRole
from ..storage.db import Database


def clerk_units(db: Database) -> frozenset[int] | None:
    """The ids of the acting clerk's unit and every unit under it; ``None`` for any other role
    (an approver, an administrator or the system sees every unit)."""
    actor = db.actor
    if actor.system or actor.role is not UserRole.CLERK or actor.unit_id is None:
        return None
    ids, frontier = {actor.unit_id}, [actor.unit_id]
    with db.read() as session:
        while frontier:
            frontier = [
                u
                for u in session.scalars(select(Unit.id).where(Unit.parent_id.in_(frontier)))
                if u not in ids
            ]
            ids.update(frontier)
    return frozenset(ids)
