"""Appraisals: one rating per person or collective and year, corrected in place; a batch is all or none."""

from __future__ import annotations

import factories as f
import pytest

from app.errors import DomainError
from app.model import AppraisalRating
from app.services.appraisals import AppraisalInput, appraisals_of, set_appraisal, set_appraisals

db = f.db  # the template copy already holds the catalogue: do not re-read it per test
R = AppraisalRating


def test_a_rating_is_corrected_in_place(db) -> None:  # type: ignore[no-untyped-def]
    unit = f.unit(db, "Sở Tài chính")
    lan = f.person(db, unit.id, "Lê Thị Lan")
    first = set_appraisal(db, 2025, R.GOOD, person_id=lan.id)
    again = set_appraisal(db, 2025, R.EXCELLENT, person_id=lan.id)
    assert again.id == first.id
    assert appraisals_of(db, person_id=lan.id) == {2025: R.EXCELLENT}


def test_a_batch_rates_as_one_by_one_a_repeat_included(db) -> None:  # type: ignore[no-untyped-def]
    unit = f.unit(db, "Sở Tài chính")
    lan = f.person(db, unit.id, "Lê Thị Lan")
    rows = set_appraisals(db, [
        AppraisalInput(2025, R.GOOD, person_id=lan.id),
        AppraisalInput(2025, R.GOOD, unit_id=unit.id),
        AppraisalInput(2025, R.EXCELLENT, person_id=lan.id),  # given twice: corrected, as a second call would
    ])  # fmt: skip
    assert rows[0].id == rows[2].id
    assert appraisals_of(db, person_id=lan.id) == {2025: R.EXCELLENT}
    assert appraisals_of(db, unit_id=unit.id) == {2025: R.GOOD}


def test_a_batch_with_a_bad_rating_writes_nothing(db) -> None:  # type: ignore[no-untyped-def]
    unit = f.unit(db, "Sở Tài chính")
    lan = f.person(db, unit.id, "Lê Thị Lan")
    before = f.dump(db)
    with pytest.raises(DomainError, match="xếp loại"):
        set_appraisals(
            db, [AppraisalInput(2025, R.GOOD, person_id=lan.id), AppraisalInput(2025, "top", unit_id=unit.id)]
        )  # type: ignore[arg-type]
    assert f.dump(db) == before
