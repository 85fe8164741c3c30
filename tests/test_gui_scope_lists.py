"""Lists start at the clerk's unit; "trả lại cho tôi" shows what came back to them; a decision's
number typed in the search finds its nominations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories as f

from app.services import accounts as A
from app.services import nominations as N
from app.services.browse import NominationRows, Query
from app.services.decisions import DecisionInput, create_decision
from ui.main_window import MainWindow


def _book(db):  # type: ignore[no-untyped-def]
    stc, syt = f.unit(db, "Sở Tài chính", code="STC"), f.unit(db, "Sở Y tế", code="SYT")
    mine = [
        f.nomination(db, "CSTDCS", person_id=f.person(db, stc.id, n).id)
        for n in ("Mai Văn Một", "Mai Văn Hai")
    ]
    other = f.nomination(db, "CSTDCS", person_id=f.person(db, syt.id, "Mai Văn Ba").id)
    N.submit(db, [n.id for n in mine] + [other.id])
    N.return_for_revision(db, [mine[0].id, other.id], "Thiếu minh chứng.")
    decision = create_decision(db, DecisionInput(number="2915/QĐ-UBND", signed_on=dt.date(2025, 12, 20),
                                                 issuer="Ủy ban nhân dân tỉnh Tây Ninh", signer_name="Lê Văn Tám",
                                                 signer_title="Phó Chủ tịch"))  # fmt: skip
    awarded = f.approved(
        db, "BK_TINH_CN", person_id=f.person(db, syt.id, "Mai Thị Bốn").id, decision_id=decision.id
    )
    return stc, mine, other, awarded


def _names(source: NominationRows, q: Query) -> list[str]:
    keys = list(source.keys)
    return sorted(r[keys.index("nominee") + 1] for r in source.page(q, 0, 50, total=source.count(q)))


def test_a_decision_number_finds_its_nominations(db) -> None:
    _stc, _mine, _other, awarded = _book(db)
    rows = NominationRows(db)
    for typed in ("2915", "2915/QĐ-UBND", "2915/qd"):
        assert _names(rows, Query(text=typed)) == ["Mai Thị Bốn"], typed
    assert _names(rows, Query(text="291")) == []  # 291 is not 2915
    assert _names(rows, Query(text="mai van")) == ["Mai Văn Ba", "Mai Văn Hai", "Mai Văn Một"]


def test_a_clerks_list_starts_at_their_unit_and_returned_to_me_shows_what_came_back(
    qtbot, db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    stc, mine, _other, _awarded = _book(db)
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    A.create_account(db, A.AccountInput("canbo", A.UserRole.CLERK, "", stc.id), "matkhau-canbo")
    A.login(db, "canbo", "matkhau-canbo")
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    page = window.nominations
    column = page.model.column_of("nominee")

    def shown() -> list[str]:
        return sorted(page.model.index(r, column).data() for r in range(page.model.rowCount()))

    assert not page.mine.isHidden() and page.mine.isChecked()
    assert shown() == ["Mai Văn Hai", "Mai Văn Một"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("returned-to-me"))
    assert shown() == ["Mai Văn Một"]
    page.status_filter.setCurrentIndex(0)
    page.mine.setChecked(False)  # the clerk may look wider
    assert shown() == ["Mai Thị Bốn", "Mai Văn Ba", "Mai Văn Hai", "Mai Văn Một"]
    people = window.persons
    people_column = people.model.column_of("name")
    assert sorted(people.model.index(r, people_column).data() for r in range(people.model.rowCount())) == [
        "Mai Văn Hai",
        "Mai Văn Một",
    ]
