"""What a write changed: kinds of record and their ids, gathered where every change is logged.

Every row a write session inserts, updates or deletes goes through the audit log's one funnel
(:func:`app.audit._append`), and so do the summary entries of bulk work (imports, numbering). That
funnel calls :func:`note`; an operation that wants to know what it changed runs inside
:func:`collecting` and reads the :class:`Changes` at the end. The GUI tells its pages from it which
lists to refresh, so no caller has to remember.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

# Summary entries of bulk work name what they wrote in their own words: map them to the tables.
_KIND_OF = {
    "units": "unit",
    "persons": "person",
    "nominations": "nomination",
    "certificate_print": "register_entry",
}


@dataclass(frozen=True)
class Changes:
    """Kind (a table's name) → the ids changed; an empty set means "rows of that kind, unnamed"
    (a bulk write that logged one summary entry)."""

    ids: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.ids)

    def touches(self, kinds: frozenset[str] | set[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def __bool__(self) -> bool:
        return bool(self.ids)


class _Collector:
    def __init__(self) -> None:
        self._ids: dict[str, set[int]] = {}

    def add(self, entity: str, entity_id: int | None) -> None:
        ids = self._ids.setdefault(_KIND_OF.get(entity, entity), set())
        if entity_id is not None:
            ids.add(entity_id)

    def freeze(self) -> Changes:
        return Changes({kind: frozenset(ids) for kind, ids in self._ids.items()})


_CURRENT: ContextVar[_Collector | None] = ContextVar("thidua_changes", default=None)


def note(entity: str, entity_id: int | None) -> None:
    """Record that a row of ``entity`` changed (called for every audit entry written)."""
    collector = _CURRENT.get()
    if collector is not None:
        collector.add(entity, entity_id)


@contextmanager
def collecting() -> Iterator[_Collector]:
    """Gather what the writes inside the block change; ``freeze()`` the collector to read it.

    What was noted stays noted even if a later write of the block fails: a failed operation may
    have committed some of its transactions, and the lists must show them."""
    collector = _Collector()
    token = _CURRENT.set(collector)
    try:
        yield collector
    finally:
        _CURRENT.reset(token)
