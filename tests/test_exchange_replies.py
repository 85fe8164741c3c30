"""Issue #17, item 4: the council answers the dossiers a unit sent — one returned with its reason,
two awarded (decision, register numbers, certificate codes) — and the unit's book takes the same
steps; the same reply twice, a tampered reply, one signed by an unknown key and one about a dossier
never sent change nothing. Two books, each with its own key, through the services and the CLI."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import factories
import pytest
from exchange_books import PEOPLE, Books, by_name, council_decides, register_of, unit_dossiers
from sqlalchemy import select

from app.certificates.batch import make_certificates
from app.certificates.numbering import list_books
from app.certificates.selection import Selection
from app.certificates.signing import load_private_key
from app.cli import main
from app.errors import DomainError
from app.exchange.dossiers import send_nominations
from app.exchange.inbox import receive
from app.exchange.package import Office, Package, PackageRefused, write_package
from app.exchange.replies import send_replies
from app.model import Decision, NominationStatus, RegisterBook
from app.services import registers
from app.services.decisions import decision_lines
from app.services.nomination_history import returned, steps

os.environ.setdefault("THIDUA_BUNDLED_FONTS", "1")  # the same font on every machine


def test_the_council_replies_and_the_unit_book_takes_the_same_steps(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    # One book on either backend, the others SQLite copies (asked for here, not as a parameter:
    # a test that names ``template_db`` is taken for SQLite only).
    template_db = request.getfixturevalue("template_db")
    monkeypatch.setenv("THIDUA_LAYOUTS", str(tmp_path / "layouts"))
    monkeypatch.setenv("THIDUA_PRINTERS", str(tmp_path / "printers.json"))
    books = Books(
        template_db, tmp_path, monkeypatch, ("STC", "BTDKT", "XYZ"), at={"STC": db_url}
    )  # either backend
    books.trust("BTDKT", "STC")
    books.trust("STC", "BTDKT")

    unit = books.open("STC")
    ids = unit_dossiers(unit)
    send_nominations(unit, ids, tmp_path / "goi.tdkt", books.office("BTDKT"))
    unit.dispose()

    council = books.open("BTDKT")
    receive(council, tmp_path / "goi.tdkt", dry_run=False)
    with pytest.raises(DomainError, match="Nguyễn Thị Ánh.*Đã trình"):  # not answered yet: refused by name
        send_replies(council, [by_name(council)[PEOPLE[0]].id], tmp_path / "x.tdkt")
    back, awarded = council_decides(council)
    printed = make_certificates(council, Selection(decision="301/QĐ-UBND"), out=tmp_path / "gcn.pdf")
    codes = sorted(p.code for p in printed.printed)
    assert len(codes) == 2 and printed.problems == []
    own = unit_dossiers(council, "SXD", ("Đỗ Văn Em",))[0]  # a dossier of its own: nobody to answer
    with pytest.raises(DomainError, match="không nhận từ cơ quan"):
        send_replies(council, [back, own], tmp_path / "x.tdkt")
    council.dispose()

    reply = tmp_path / "traloi.tdkt"
    ids_text = ",".join(str(i) for i in [back, *awarded])
    assert main(books.cli("BTDKT", "reply", "--nominations", ids_text, "--out", str(reply))) == 0
    assert "Đã trả lời 3 hồ sơ" in capsys.readouterr().out

    unit = books.open("STC")
    before = factories.dump(unit)
    dry = receive(unit, reply, dry_run=True)
    assert factories.dump(unit) == before  # a dry run writes nothing
    text = "\n".join(dry.notes)
    assert f"Hồ sơ {PEOPLE[0]}: trả lại — lý do: Thiếu bản sao" in text
    assert "khen thưởng theo Quyết định số 301/QĐ-UBND ngày 05/12/2025, số sổ BTDKT-SV2025 số" in text
    assert all(code in text for code in codes)
    unit.dispose()
    request.getfixturevalue("in_english")  # the same preview in the English window
    from ui.exchange.receive_dialog import report_lines

    english = "\n".join(report_lines(dry))
    assert f"Dossier {PEOPLE[0]}: returned — reason: Thiếu bản sao" in english  # the reason stays as sent
    assert "awarded by Decision No. 301/QĐ-UBND of 05/12/2025, register number BTDKT-SV2025" in english
    assert "verification codes" in english and all(code in english for code in codes)
    assert "khen thưởng" not in english and "Hồ sơ" not in english

    assert main(books.cli("STC", "receive", str(reply))) == 0
    assert "trả lại — lý do" in capsys.readouterr().out
    unit = books.open("STC")
    got = by_name(unit)
    assert got[PEOPLE[0]].status is NominationStatus.RETURNED
    why = returned(unit, got[PEOPLE[0]].id)
    assert why is not None and "Thiếu bản sao quyết định công nhận sáng kiến" in why.reason
    assert "Ban Thi đua - Khen thưởng tỉnh" in why.reason
    numbers = set()
    for name in PEOPLE[1:]:
        n = got[name]
        assert n.status is NominationStatus.APPROVED and n.votes_for == 10 and n.council_size == 11
        history = steps(unit, n.id)
        assert any(s.decision.startswith("301/QĐ-UBND ngày 05/12/2025") for s in history)
        assert any("mã xác thực" in s.reason and "BTDKT-SV2025" in s.reason for s in history)
        numbers.add(register_of(unit, n.id))
    assert numbers == {"BTDKT-SV2025 / 1", "BTDKT-SV2025 / 2"}
    with unit.read() as s:
        d = s.scalar(select(Decision).where(Decision.number_text == "301/QĐ-UBND"))
        assert (
            d is not None
            and d.signer_name == "Nguyễn Văn Bình"
            and d.issuer == "Ủy ban nhân dân tỉnh Tây Ninh"
        )
        assert d.signer_title == "PHÓ CHỦ TỊCH" and d.signer_authority == "KT."
    lines = decision_lines(unit, d.id)
    assert sorted(line.register for line in lines) == ["BTDKT-SV2025 / 1", "BTDKT-SV2025 / 2"]
    # The council's numbers are kept, never handed out nor printed here.
    with unit.read() as s:
        mirror = s.scalar(select(RegisterBook.id).where(RegisterBook.code == "BTDKT-SV2025"))
    with pytest.raises(DomainError, match="ghi số do BTDKT cấp"):
        registers.assign_numbers(unit, mirror, [got[PEOPLE[1]].id])
    assert "BTDKT-SV2025" not in [b.code for b in list_books(unit)]
    result = make_certificates(unit, Selection(decision="301/QĐ-UBND"), out=tmp_path / "stc.pdf")
    assert (
        not result.printed
        and [p.message for p in result.problems] == ["BTDKT cấp số BTDKT-SV2025; giấy do cơ quan đó in."] * 2
    )
    events = sum(len(steps(unit, i)) for i in ids)

    # The same reply twice: nothing changes.
    after = factories.dump(unit)
    again = receive(unit, reply, dry_run=False)
    assert again.unchanged == 3 and not again.updated and factories.dump(unit) == after
    assert sum(len(steps(unit, i)) for i in ids) == events

    # Tampered: refused, nothing changed.
    tampered = tmp_path / "sua.tdkt"
    with zipfile.ZipFile(reply) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace(b"301/Q", b"302/Q") if name == "records.json" else data)
    with pytest.raises(PackageRefused, match="bị sửa"):
        receive(unit, tampered, dry_run=False)
    assert factories.dump(unit) == after
    unit.dispose()

    def refused(signer: str, answers: dict[str, object], error: type[Exception], match: str) -> None:
        """``answers`` signed by ``signer`` as a reply to the unit: refused with ``match``, nothing imported."""
        office = books.open(signer)
        path = tmp_path / f"{signer}-reply.tdkt"
        write_package(path, Package("reply", books.office(signer), books.office("STC"), answers),
                      load_private_key(office))  # fmt: skip
        office.dispose()
        unit = books.open("STC")
        with pytest.raises(error, match=match):
            receive(unit, path, dry_run=False)
        assert factories.dump(unit) == after
        unit.dispose()

    answers = json.loads(zipfile.ZipFile(reply).read("records.json"))
    refused("XYZ", answers, PackageRefused, "chưa được đăng ký")  # an office this book never registered
    answers["replies"][0]["ref"] = "STC:999"  # a genuine reply about a dossier this book never sent
    refused("BTDKT", answers, DomainError, "chưa gửi hồ sơ «STC:999»")


@pytest.mark.sqlite_only
def test_a_reply_goes_to_one_office_only(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = Books(template_db, tmp_path, monkeypatch, ("STC", "KHOI", "BTDKT"))
    books.trust("BTDKT", "STC", "KHOI")
    books.trust("STC", "BTDKT")
    for code, unit, name in (("STC", "STC", PEOPLE[0]), ("KHOI", "SXD", "Phạm Thị Dung")):
        db = books.open(code)
        ids = unit_dossiers(db, unit, (name,))
        send_nominations(db, ids, tmp_path / f"{code}.tdkt", books.office("BTDKT"))
        db.dispose()
    council = books.open("BTDKT")
    for code in ("STC", "KHOI"):
        receive(council, tmp_path / f"{code}.tdkt", dry_run=False)
    got = by_name(council)
    ids = [got[PEOPLE[0]].id, got["Phạm Thị Dung"].id]
    from app.services import nominations as N

    N.reject(council, ids[:1], "Chưa đủ hai năm Chiến sĩ thi đua cơ sở")
    N.return_for_revision(council, ids[1:], "Thiếu tóm tắt thành tích")
    with pytest.raises(DomainError, match="nhiều cơ quan"):
        send_replies(council, ids, tmp_path / "x.tdkt")
    with pytest.raises(DomainError, match="không phải «KHOI»"):
        send_replies(council, ids[:1], tmp_path / "x.tdkt", to=Office("KHOI", "Khối"))
    send_replies(council, ids[:1], tmp_path / "tuchoi.tdkt")
    council.dispose()
    unit = books.open("STC")  # not awarded: the unit's book says so, with the reason
    report = receive(unit, tmp_path / "tuchoi.tdkt", dry_run=False)
    assert report.notes == [
        f"Hồ sơ {PEOPLE[0]}: không khen thưởng — lý do: Chưa đủ hai năm Chiến sĩ thi đua cơ sở"
    ]
    n = by_name(unit)[PEOPLE[0]]
    assert n.status is NominationStatus.REJECTED and "Chưa đủ hai năm" in n.status_reason
    unit.dispose()
