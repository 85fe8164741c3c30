"""Issue #17's Done-when: three books — units A (Sở Tài chính) and B (Sở Xây dựng) and the council's
office (Ban Thi đua - Khen thưởng) — each on its own machine with its own key, through the services
and the command line.

A sends 5 nominations and its half-year score sheet, B sends 3; the office takes them in, returns
one of A's with a reason and decides the other seven (vote, decision, register numbers, printed
certificates with their codes); A and B receive the replies and their books show the decision,
the numbers, the codes and the reason. The signed sheet's scan goes up with the sheet, the signed
decision's scan comes down with the answers. Every package received a second time changes nothing; a
tampered package and one signed by a key nobody registered are refused with nothing imported.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import factories
import pytest
from exchange_books import NAMES, Books, by_name, decide, register_of, unit_dossiers
from sqlalchemy import select
from test_attachments import pdf

from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.certificates.signing import load_private_key
from app.cli import main
from app.exchange.dossiers import send_nominations
from app.exchange.inbox import receive
from app.exchange.package import Package, PackageRefused, write_package
from app.exchange.replies import send_replies
from app.model import BlocRole, Decision, NominationStatus, ScorePeriodKind, Unit
from app.services import attachments as T
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.nomination_history import returned, steps
from app.services.score_sheets import SheetEntry, save_sheet, unit_sheet
from app.services.scoring import CriterionInput, set_criteria
from app.storage.db import Database

os.environ.setdefault("THIDUA_BUNDLED_FONTS", "1")

H1 = ScorePeriodKind.H1
A_PEOPLE = ("Nguyễn Thị Ánh", "Lê Văn Bình", "Trần Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")
B_PEOPLE = ("Đỗ Thị Giang", "Vũ Văn Hải", "Bùi Thị Hương")
TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 60, group="I"),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 40, group="I"),
]
SHEET = [SheetEntry("I.1", 55, evidence="Báo cáo số 12/BC-STC"), SheetEntry("I.2", 36.5)]
REASON = "Thiếu bản sao quyết định công nhận sáng kiến"
SIGNED_SHEET, SIGNED_DECISION = (
    pdf("Phiếu tự chấm điểm 6 tháng đầu năm 2025"),
    pdf("Quyết định số 301/QĐ-UBND"),
)


def _bloc(db: Database) -> int:
    """Bloc KTKT in 2025 with both units as members and the half-year criteria table."""
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    with db.read() as s:
        units = {code: uid for code, uid in s.execute(select(Unit.code, Unit.id))}
    set_membership(db, bloc.id, units["STC"], 2025, BlocRole.HEAD)
    set_membership(db, bloc.id, units["SXD"], 2025)
    set_criteria(db, bloc.id, 2025, TABLE, H1)
    return bloc.id


def _tampered(src_path: Path, out: Path) -> Path:
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(
                name, data[:-1] + b" " + data[-1:] if name == "records.json" else data
            )  # one byte more
    return out


@pytest.mark.sqlite_only
def test_two_units_and_the_council_office_exchange_dossiers_and_answers(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("THIDUA_LAYOUTS", str(tmp_path / "layouts"))
    monkeypatch.setenv("THIDUA_PRINTERS", str(tmp_path / "printers.json"))
    monkeypatch.setitem(NAMES, "SXD", "Sở Xây dựng")
    books = Books(template_db, tmp_path, monkeypatch, ("STC", "SXD", "BTDKT", "XYZ"))
    books.trust("BTDKT", "STC", "SXD")
    books.trust("STC", "BTDKT")
    books.trust("SXD", "BTDKT")
    pkg = {name: tmp_path / f"{name}.tdkt" for name in ("a", "a-scores", "b", "reply-a", "reply-b")}

    # A: five dossiers and its half-year sheet, both through the command line.
    unit_a = books.open("STC")
    a_ids = unit_dossiers(unit_a, "STC", A_PEOPLE)
    bloc_a = _bloc(unit_a)
    with unit_a.read() as s:
        stc_a = int(s.scalar(select(Unit.id).where(Unit.code == "STC")))
    save_sheet(unit_a, bloc_a, 2025, H1, stc_a, SHEET)
    T.add_attachments(
        unit_a, T.Owner.sheet(bloc_a, 2025, H1, stc_a), [("Phiếu tự chấm có chữ ký.pdf", SIGNED_SHEET)]
    )
    unit_a.dispose()
    to = ("--to", "BTDKT", "--to-name", NAMES["BTDKT"])
    ids_text = ",".join(map(str, a_ids))
    assert main(books.cli("STC", "send", "--nominations", ids_text, *to, "--out", str(pkg["a"]))) == 0
    assert main(books.cli("STC", "send", "--scores", "--bloc", "KTKT", "--year", "2025", "--period", "h1",
                          "--unit", "STC", *to, "--out", str(pkg["a-scores"]))) == 0  # fmt: skip
    capsys.readouterr()

    # B: three dossiers through the services.
    unit_b = books.open("SXD")
    send_nominations(unit_b, unit_dossiers(unit_b, "SXD", B_PEOPLE), pkg["b"], books.office("BTDKT"))
    unit_b.dispose()

    # The office: a key nobody registered and a tampered package first — nothing comes in.
    stranger = books.open("XYZ")
    records = json.loads(zipfile.ZipFile(pkg["a"]).read("records.json"))
    write_package(tmp_path / "la.tdkt", Package("nominations", books.office("XYZ"), books.office("BTDKT"), records),
                  load_private_key(stranger))  # fmt: skip
    stranger.dispose()
    council = books.open("BTDKT")
    bloc_c = _bloc(council)
    empty = factories.dump(council)
    with pytest.raises(PackageRefused, match="chưa được đăng ký"):
        receive(council, tmp_path / "la.tdkt", dry_run=False)
    with pytest.raises(PackageRefused, match="bị sửa"):
        receive(council, _tampered(pkg["a"], tmp_path / "a-sua.tdkt"), dry_run=False)
    assert factories.dump(council) == empty
    council.dispose()

    for name in ("a", "a-scores", "b"):
        assert main(books.cli("BTDKT", "receive", str(pkg[name]))) == 0
    council = books.open("BTDKT")
    taken = factories.dump(council)
    for name in ("a", "a-scores", "b"):  # twice: nothing changes
        again = receive(council, pkg[name], dry_run=False)
        assert not again.created and not again.updated
    assert factories.dump(council) == taken
    got = by_name(council)
    assert sorted(got) == sorted(A_PEOPLE + B_PEOPLE)
    assert {n.status for n in got.values()} == {NominationStatus.SUBMITTED}
    with council.read() as s:
        stc_c = int(s.scalar(select(Unit.id).where(Unit.code == "STC")))
    sheet = unit_sheet(council, bloc_c, 2025, H1, stc_c)
    assert [(r.criterion.code, r.self_points, r.evidence) for r in sheet.rows] == [
        ("I.1", 55, "Báo cáo số 12/BC-STC"), ("I.2", 36.5, "")]  # fmt: skip
    [scan] = T.list_attachments(
        council, T.Owner.sheet(bloc_c, 2025, H1, stc_c)
    )  # the signed sheet came along
    assert scan.file_name == "Phiếu tự chấm có chữ ký.pdf" and T.content(council, scan.id) == SIGNED_SHEET

    # The office returns one of A's dossiers and decides the other seven.
    back = got[A_PEOPLE[0]].id
    awarded = [got[p].id for p in A_PEOPLE[1:] + B_PEOPLE]
    decision_id = decide(council, back, awarded, REASON)
    T.add_attachments(council, T.Owner.decision(decision_id), [("QĐ 301 đã ký.pdf", SIGNED_DECISION)])
    printed = make_certificates(council, Selection(decision="301/QĐ-UBND"), out=tmp_path / "gcn.pdf")
    codes = {p.nomination_id: p.code for p in printed.printed}
    assert len(codes) == 7 and printed.problems == []
    numbers = {i: register_of(council, i) for i in awarded}
    a_answers = [back, *awarded[:4]]
    send_replies(council, awarded[4:], pkg["reply-b"])
    council.dispose()
    assert main(books.cli("BTDKT", "reply", "--nominations", ",".join(map(str, a_answers)),
                          "--out", str(pkg["reply-a"]))) == 0  # fmt: skip

    # A and B take the replies in; their books show the reason, the decision, numbers and codes.
    by_council = {n: i for n, i in zip(A_PEOPLE + B_PEOPLE, [back, *awarded], strict=True)}
    for code, reply, people in (("STC", "reply-a", A_PEOPLE), ("SXD", "reply-b", B_PEOPLE)):
        assert main(books.cli(code, "receive", str(pkg[reply]))) == 0
        book_db = books.open(code)
        mine = by_name(book_db)
        for name in people:
            n = mine[name]
            if name == A_PEOPLE[0]:
                assert n.status is NominationStatus.RETURNED
                why = returned(book_db, n.id)
                assert why is not None and REASON in why.reason and NAMES["BTDKT"] in why.reason
                continue
            assert n.status is NominationStatus.APPROVED
            council_id = by_council[name]
            assert register_of(book_db, n.id) == "BTDKT-" + numbers[council_id]  # the council's number
            history = steps(book_db, n.id)
            assert any(s.decision.startswith("301/QĐ-UBND ngày 05/12/2025") for s in history)
            assert any(codes[council_id] in s.reason for s in history)
        with book_db.read() as s:
            d = s.scalar(select(Decision).where(Decision.number_text == "301/QĐ-UBND"))
            assert d is not None and d.signer_name == "Nguyễn Văn Bình"
        [signed] = T.list_attachments(book_db, T.Owner.decision(d.id))  # the decision as signed, scanned
        assert T.content(book_db, signed.id) == SIGNED_DECISION
        after = factories.dump(book_db)
        again = receive(book_db, pkg[reply], dry_run=False)  # twice: nothing changes
        assert not again.updated and factories.dump(book_db) == after
        with pytest.raises(PackageRefused, match="bị sửa"):  # a reply altered on the way
            receive(book_db, _tampered(pkg[reply], tmp_path / f"{reply}-sua.tdkt"), dry_run=False)
        assert factories.dump(book_db) == after
        book_db.dispose()
