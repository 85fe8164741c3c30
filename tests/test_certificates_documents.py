"""Which document an award hands over (issue 13, item 8): Lao động tiên tiến and Tập thể lao động
tiên tiến carry cash only (Decree 152/2025 Art. 50), so printing leaves them out unless the office
asks for them explicitly."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.certificates.batch import make_certificates
from app.certificates.numbering import plan_numbers
from app.certificates.selection import Selection
from app.cli import main
from app.errors import DomainError


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def test_a_decision_prints_its_merit_certificates_and_names_the_cash_only_titles_it_leaves_out(
    world: World, tmp_path: Path
) -> None:
    decision = world.decision("41/QĐ-UBND")
    merit = world.award("Trương Thị Bằng", "BK_TINH_CN", decision=decision)
    advanced = world.award("Trương Văn Tiến", "LDTT", decision=decision)
    selection = Selection(decision="41/QĐ-UBND")
    plan = plan_numbers(world.db, selection, None)
    assert plan is not None and plan.count == 1  # the clerk is asked to number only what prints
    result = make_certificates(world.db, selection, out=tmp_path / "a.pdf")
    assert [p.nomination_id for p in result.printed] == [merit]
    [note] = result.notes
    assert f"«Trương Văn Tiến» (mã {advanced})" in note
    assert "«Lao động tiên tiến» chỉ có tiền thưởng, không cấp bằng, giấy chứng nhận" in note
    assert "Điều 50" in note and "--include-cash-only" in note


def test_a_cash_only_title_chosen_by_id_is_refused_unless_the_office_asks_for_it(
    world: World, tmp_path: Path
) -> None:
    nid = world.award("Trương Thị Lan", "LDTT")
    with pytest.raises(
        DomainError, match="Không in giấy chứng nhận cho danh hiệu pháp luật không cấp bằng, giấy"
    ):
        make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()
    result = make_certificates(
        world.db, Selection(ids=(nid,), include_cash_only=True), out=tmp_path / "yes.pdf"
    )
    assert [p.nomination_id for p in result.printed] == [nid]


def test_the_cli_needs_include_cash_only_to_print_an_advanced_worker(
    world: World, db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    world.award("Trương Văn Lực", "LDTT", decision=world.decision("42/QĐ-UBND"))
    world.db.dispose()
    out = tmp_path / "cli.pdf"
    assert main(["--db", db_url, "certificates", "--decision", "42/QĐ-UBND", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Đã in 0 giấy" in captured.out and "chỉ có tiền thưởng" in captured.err
    status = main(
        ["--db", db_url, "certificates", "--decision", "42/QĐ-UBND", "--out", str(out), "--include-cash-only"]
    )
    assert status == 0 and "Trương Văn Lực" in capsys.readouterr().out and out.is_file()
