"""The audit head's code (app.audit.code) on a certificate batch: :func:`stamped` wraps the batch
(make_certificates) so that every PDF it writes carries the code of the book it was printed from,
in its properties (Subject, Keywords) and on its alignment pages, never on a certificate's face."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from typing import Concatenate, ParamSpec, TypeVar

from ..audit.code import head_code
from ..storage.db import Database

HEAD_CODE: ContextVar[str] = ContextVar("certificate_head_code", default="")

P = ParamSpec("P")
R = TypeVar("R")


def stamped(func: Callable[Concatenate[Database, P], R]) -> Callable[Concatenate[Database, P], R]:
    """Run ``func(db, …)`` with :data:`HEAD_CODE` set to ``db``'s code."""

    @functools.wraps(func)
    def run(db: Database, /, *args: P.args, **kwargs: P.kwargs) -> R:
        token = HEAD_CODE.set(head_code(db))
        try:
            return func(db, *args, **kwargs)
        finally:
            HEAD_CODE.reset(token)

    return run
