"""Issue #17, items 2 and 3: a unit sends nominations to the council office in a signed package,
the office receives them (persons matched or added, all or nothing), the same package twice
changes nothing, a newer version updates its dossier, and a tampered or unknown package imports
nothing — two books, each with its own key, through the command line."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import factories
import pytest
from exchange_books import Books
from sqlalchemy import func, select

from app.cli import main
from app.exchange import ledger, offices
from app.exchange.dossiers import send_nominations
from app.exchange.inbox import receive as receive_package
from app.exchange.package import Office, PackageRefused
from app.model import Nomination, NominationStatus, Person
from app.opening import open_database
from app.services.nomination_history import steps

COUNCIL = Office("BTDKT", "Ban Thi đua - Khen thưởng tỉnh")


@pytest.mark.sqlite_only
def test_a_unit_sends_the_council_receives_once_and_a_newer_version_updates(
    template_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    books = Books(template_db, tmp_path, monkeypatch, ("STC", "BTDKT"))  # each office its machine and key
    as_office = books.open

    unit = as_office("STC")
    stc_id = stc_of(unit)
    a = factories.person(unit, stc_id, "Nguyễn Thị Ánh", birth_year=1985, cccd="079185000111")
    b = factories.person(unit, stc_id, "Lê Văn Bình", birth_year=1979)
    ids = [factories.nomination(unit, "LDTT", person_id=p.id).id for p in (a, b)]
    first = send_nominations(unit, ids, tmp_path / "goi1.tdkt", COUNCIL)
    marks = ledger.sent_marks(unit, ids)
    assert marks[ids[0]].digest == first and "Đã gửi Ban Thi đua" in marks[ids[0]].text()
    assert any("Đã gửi Ban Thi đua" in s.reason and first[:12] in s.reason for s in steps(unit, ids[0]))
    unit.dispose()

    council = as_office("BTDKT")
    factories.person(council, stc_of(council), "Lê Văn Bình", birth_year=1979)  # already known here
    with pytest.raises(PackageRefused, match="chưa được đăng ký"):
        receive_package(council, tmp_path / "goi1.tdkt")
    offices.trust(council, offices.read_card(books.card("STC")))
    dry = receive_package(council, tmp_path / "goi1.tdkt", dry_run=True)
    assert (
        len(dry.created) == 2
        and dry.new_persons == ["Nguyễn Thị Ánh"]
        and dry.matched_persons == ["Lê Văn Bình"]
    )
    assert count(council, Nomination) == 0 and count(council, Person) == 1  # a dry run writes nothing
    council.dispose()

    assert main(books.cli("BTDKT", "receive", str(tmp_path / "goi1.tdkt"))) == 0
    assert "2 hồ sơ mới" in capsys.readouterr().out
    assert main(books.cli("BTDKT", "receive", str(tmp_path / "goi1.tdkt"))) == 0
    assert "0 hồ sơ mới, 0 hồ sơ cập nhật, 2 hồ sơ đã có" in capsys.readouterr().out  # twice: nothing
    council = as_office("BTDKT")
    with council.read() as s:
        got = s.execute(select(Nomination.nominee_name, Nomination.status)).all()
    assert sorted(got) == [
        ("Lê Văn Bình", NominationStatus.SUBMITTED),
        ("Nguyễn Thị Ánh", NominationStatus.SUBMITTED),
    ]
    assert count(council, Person) == 2
    council.dispose()

    # A newer version of one dossier (its summary rewritten) updates it; a tampered package, nothing.
    unit = as_office("STC")
    from app.services.nominations import NominationInput, get_nomination, update_nomination

    n = get_nomination(unit, ids[0])
    update_nomination(unit, ids[0], NominationInput(year=n.year, award_id=n.award_id, person_id=n.person_id,
                                                    achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025"),
                      expected_version=n.version)  # fmt: skip
    send_nominations(unit, ids, tmp_path / "goi2.tdkt", COUNCIL)
    unit.dispose()
    council = as_office("BTDKT")
    report = receive_package(council, tmp_path / "goi2.tdkt", dry_run=False)
    assert len(report.updated) == 1 and report.unchanged == 1 and not report.created
    assert any("tóm tắt thành tích" in c and "năm 2025" in c for c in report.changes)  # the difference shown
    with council.read() as s:
        assert s.scalar(
            select(Nomination.achievement).where(Nomination.nominee_name == "Nguyễn Thị Ánh")
        ) == ("Hoàn thành xuất sắc nhiệm vụ năm 2025")
    tampered = tmp_path / "goi3.tdkt"
    with zipfile.ZipFile(tmp_path / "goi2.tdkt") as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace("Bình".encode(), b"Binh") if name == "records.json" else data)
    before = count(council, Nomination)
    with pytest.raises(PackageRefused, match="bị sửa"):
        receive_package(council, tampered, dry_run=False)
    assert count(council, Nomination) == before
    council.dispose()


def stc_of(db) -> int:  # type: ignore[no-untyped-def]
    """The id of Sở Tài chính, which every book of ``Books`` holds."""
    from app.model import Unit

    with db.read() as s:
        return int(s.scalar(select(Unit.id).where(Unit.code == "STC")))


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.sqlite_only
def test_attachments_travel_in_the_package_once_each_and_arrive_with_equal_bytes(
    template_db: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from test_attachments import PNG, pdf

    from app.model import AttachmentBlob
    from app.services import attachments as T

    books = Books(template_db, tmp_path, monkeypatch, ("STC", "BTDKT"))  # each office its machine and key
    as_office = books.open

    unit = as_office("STC")
    stc_id = stc_of(unit)
    ids = [factories.nomination(unit, "LDTT", person_id=factories.person(unit, stc_id, name).id).id
           for name in ("Nguyễn Thị Ánh", "Lê Văn Bình")]  # fmt: skip
    minutes, scan = pdf("Biên bản họp xét"), PNG
    T.add_attachments(unit, T.Owner.nomination(ids[0]), [("Biên bản.pdf", minutes), ("Tờ trình.png", scan)])
    T.add_attachments(unit, T.Owner.nomination(ids[1]), [("bien-ban-chung.pdf", minutes)])
    send_nominations(unit, ids, tmp_path / "goi1.tdkt", COUNCIL)
    with zipfile.ZipFile(tmp_path / "goi1.tdkt") as zf:
        members = [n for n in zf.namelist() if n.startswith("attachments/")]
    assert len(members) == 2  # the shared minutes once

    council = as_office("BTDKT")
    offices.trust(council, offices.read_card(books.card("STC")))
    report = receive_package(council, tmp_path / "goi1.tdkt", dry_run=False)
    assert len(report.created) == 2
    got = {}
    for nid in report.created:
        for a in T.list_attachments(council, T.Owner.nomination(nid)):
            data = T.content(council, a.id)
            assert hashlib.sha256(data).hexdigest() == a.sha256 and len(data) == a.size
            got[a.file_name] = data
    assert got == {"Biên bản.pdf": minutes, "Tờ trình.png": scan, "bien-ban-chung.pdf": minutes}
    assert count(council, AttachmentBlob) == 2
    council.dispose()

    # a newer version adds a file: listed among the changes, stored once
    unit = as_office("STC")
    T.add_attachments(unit, T.Owner.nomination(ids[1]), [("Quyết định.pdf", pdf("Quyết định"))])
    send_nominations(unit, ids, tmp_path / "goi2.tdkt", COUNCIL)
    unit.dispose()
    council = as_office("BTDKT")
    report = receive_package(council, tmp_path / "goi2.tdkt", dry_run=False)
    assert report.unchanged == 1 and len(report.updated) == 1
    assert [c for c in report.changes if "tệp đính kèm" in c] == [
        "Hồ sơ 2 (Lê Văn Bình): thêm tệp đính kèm «Quyết định.pdf»"
    ]
    assert len(T.list_attachments(council, T.Owner.nomination(report.updated[0]))) == 2
    council.dispose()


@pytest.mark.sqlite_only
def test_a_package_whose_attachment_does_not_match_its_record_imports_nothing(
    template_db: Path, tmp_path: Path
) -> None:
    from test_attachments import PNG

    from app.exchange import attached
    from app.exchange.package import Package
    from app.services.attachments import Owner

    path = tmp_path / "book.sqlite3"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    nid = factories.nomination(db, "LDTT", person_id=factories.person(db, factories.unit(db).id).id).id
    digest = hashlib.sha256(PNG).hexdigest()
    listing = [{"name": "bao-cao.pdf", "media_type": "application/pdf", "sha256": digest, "size": len(PNG),
                "file": digest + ".pdf"}]  # fmt: skip
    package = Package("nominations", COUNCIL, COUNCIL, {}, {digest + ".pdf": PNG})
    from app.errors import DomainError

    with (
        pytest.raises(DomainError, match="«bao-cao.pdf» mang đuôi .pdf nhưng nội dung là ảnh PNG"),
        db.write() as s,
    ):
        attached.unpack(s, package, listing, Owner.nomination(nid), "x")
    package.attachments[digest + ".pdf"] = PNG + b"x"
    with pytest.raises(DomainError, match="khác với mã băm"), db.write() as s:
        attached.unpack(s, package, listing, Owner.nomination(nid), "x")
    db.dispose()


@pytest.mark.sqlite_only
def test_a_dossier_carries_its_initiatives_and_ratings_and_a_differing_rating_is_shown(
    template_db: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The proof the rules weigh travels with the dossier: the initiative linked to it and the
    person's ratings of the years before; a rating that differs here is corrected and listed."""
    from app.model import AppraisalRating, Initiative, InitiativeLevel, NominationInitiative
    from app.services.appraisals import appraisals_of, set_appraisal
    from app.services.initiatives import InitiativeInput, create_initiative
    from app.services.nominations import NominationInput, create_nominations

    books = Books(template_db, tmp_path, monkeypatch, ("STC", "BTDKT"))  # each office its machine and key
    as_office = books.open

    unit = as_office("STC")
    stc_id = stc_of(unit)
    anh = factories.person(unit, stc_id, "Nguyễn Thị Ánh", birth_year=1985, cccd="079185000111")
    for year in (2024, 2025):
        set_appraisal(unit, year, AppraisalRating.EXCELLENT, person_id=anh.id)
    idea = create_initiative(unit, InitiativeInput("Số hóa hồ sơ thanh toán vốn đầu tư", 2025,
                                                   InitiativeLevel.GRASSROOTS, author_ids=(anh.id,)))  # fmt: skip
    [n] = create_nominations(unit, [NominationInput(year=2025, award_id=factories.award_id(unit, "CSTDCS"),
                                                    person_id=anh.id, initiative_ids=(idea.id,))])  # fmt: skip
    send_nominations(unit, [n.id], tmp_path / "goi.tdkt", COUNCIL)
    unit.dispose()

    council = as_office("BTDKT")
    here = factories.person(council, stc_of(council), "Nguyễn Thị Ánh", birth_year=1985, cccd="079185000111")
    set_appraisal(council, 2024, AppraisalRating.GOOD, person_id=here.id)  # differs from the unit's
    offices.trust(council, offices.read_card(books.card("STC")))
    preview = receive_package(council, tmp_path / "goi.tdkt", dry_run=True)
    assert any("xếp loại năm 2024 ở đây «Hoàn thành tốt nhiệm vụ»" in c for c in preview.changes), (
        preview.changes
    )
    assert any("thêm sáng kiến «Số hóa hồ sơ thanh toán vốn đầu tư» (2025)" in c for c in preview.changes)
    report = receive_package(council, tmp_path / "goi.tdkt", dry_run=False)
    assert appraisals_of(council, person_id=here.id) == {2024: AppraisalRating.EXCELLENT,
                                                         2025: AppraisalRating.EXCELLENT}  # fmt: skip
    with council.read() as s:
        [(title, linked)] = s.execute(
            select(Initiative.title, NominationInitiative.nomination_id).outerjoin(NominationInitiative)
        ).all()
    assert title == "Số hóa hồ sơ thanh toán vốn đầu tư" and linked == report.created[0]
    before = factories.dump(council)
    assert receive_package(council, tmp_path / "goi.tdkt", dry_run=False).unchanged == 1
    assert factories.dump(council) == before
    council.dispose()
