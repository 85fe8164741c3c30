"""Overview figures of a database (for ``thidua info`` and the GUI's start page)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from .. import migrations
from ..model import Award, Bloc, Campaign, Decision, Initiative, Nomination, Person, Unit
from ..storage.db import Database
from .scope import clerk_units


@dataclass(frozen=True)
class Overview:
    location: str
    revision: str | None
    counts: list[tuple[str, int]]


_COUNTED = (
    ("Đơn vị", Unit),
    ("Khối, cụm thi đua", Bloc),
    ("Cá nhân", Person),
    ("Phong trào thi đua", Campaign),
    ("Sáng kiến", Initiative),
    ("Hồ sơ đề nghị khen thưởng", Nomination),
    ("Quyết định khen thưởng", Decision),
    ("Danh hiệu, hình thức trong danh mục", Award),
)
# A clerk's lists start at their unit and the units under it (app.services.scope): so do these
# counts, each said so, so that the overview and the lists agree.
_SCOPED = {
    Unit: ("Đơn vị (của bạn và trực thuộc)", Unit.id),
    Person: ("Cá nhân (thuộc đơn vị của bạn)", Person.unit_id),
    Nomination: ("Hồ sơ đề nghị khen thưởng (đơn vị của bạn trình)", Nomination.submitting_unit_id),
}


def overview(db: Database) -> Overview:
    scope = clerk_units(db)
    with db.read() as session:
        counts = []
        for label, model in _COUNTED:
            stmt = select(func.count()).select_from(model)
            if scope is not None and model in _SCOPED:
                label, column = _SCOPED[model]
                stmt = stmt.where(column.in_(scope))
            counts.append((label, session.scalar(stmt) or 0))
        revision = migrations.current(session.connection())
    location = str(db.path) if db.path else db.engine.url.render_as_string(hide_password=True)
    return Overview(location, revision, counts)
