"""Overview figures of a database (for ``thidua info`` and the GUI's start page)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from .. import migrations
from ..model import Award, Bloc, Campaign, Decision, Initiative, Nomination, Person, Unit
from ..storage.db import Database


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


def overview(db: Database) -> Overview:
    with db.read() as session:
        counts = [
            (label, session.scalar(select(func.count()).select_from(model)) or 0) for label, model in _COUNTED
        ]
        revision = migrations.current(session.connection())
    location = str(db.path) if db.path else db.engine.url.render_as_string(hide_password=True)
    return Overview(location, revision, counts)
