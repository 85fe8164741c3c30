"""Issue #17 item 5: scanned signed documents attached to nominations, decisions and score sheets —
typed by content, limited in size, kept once per content (SHA-256) in the database, audited by
digest, in backups, and refused with a message naming the file."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import factories
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.audit import log as audit
from app.audit.replay import replay_database
from app.errors import DomainError
from app.model import Attachment, AttachmentBlob, AuditEntry, ScorePeriodKind, UserRole
from app.services import accounts as A
from app.services import attachments as T
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.nominations import delete_nomination
from app.storage.db import Database

db = factories.db


def pdf(text_: str = "Biên bản họp Hội đồng") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 720, text_)
    canvas.save()
    return buf.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40)


def _nomination(db: Database) -> int:
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    person = factories.person(db, unit.id, "Trần Thị Hoa")
    return factories.nomination(db, "LDTT", person_id=person.id).id


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_files_are_typed_by_content_and_kept_with_their_hash(db: Database) -> None:
    nid = _nomination(db)
    owner = T.Owner.nomination(nid)
    data = pdf()
    made = T.add_attachments(db, owner, [("Biên bản.pdf", data), ("ảnh.PNG", PNG), ("scan.jpeg", JPEG)])
    assert [(a.file_name, a.media_type) for a in made] == [
        ("Biên bản.pdf", "application/pdf"), ("ảnh.PNG", "image/png"), ("scan.jpeg", "image/jpeg"),
    ]  # fmt: skip
    listed = T.list_attachments(db, owner)
    assert [a.id for a in listed] == [a.id for a in made]
    assert listed[0].sha256 == hashlib.sha256(data).hexdigest() and listed[0].size == len(data)
    assert T.content(db, made[0].id) == data


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bao-cao.pdf", PNG, "nội dung là ảnh PNG"),  # mislabelled
        ("anh.png", b"%PDF-1.4 x", "nội dung là PDF"),
        ("bao-cao.pdf", b"not a pdf at all", "không phải PDF"),
        ("bao-cao.docx", b"PK\x03\x04", "không phải PDF, JPEG hay PNG"),
        ("rong.pdf", b"", "rỗng"),
        ("to.pdf", b"%PDF-" + bytes(T.MAX_BYTES), "quá giới hạn 20 MB"),
        ("a\x07b.pdf", b"%PDF-1.4", "ký tự điều khiển"),
    ],
    ids=["pdf-is-png", "png-is-pdf", "not-pdf", "other-type", "empty", "oversized", "control-char"],
)
def test_refusals_name_the_file_and_write_nothing(db: Database, name: str, data: bytes, words: str) -> None:
    nid = _nomination(db)
    with pytest.raises(DomainError) as caught:
        T.add_attachments(db, T.Owner.nomination(nid), [("tot.pdf", pdf()), (name, data)])
    assert words in caught.value.message
    assert name.split("\x07")[-1].removesuffix(".pdf") in caught.value.message  # the file is named
    assert _count(db, Attachment) == 0 and _count(db, AttachmentBlob) == 0  # nothing half-written


def test_an_oversized_file_on_disk_is_refused_before_it_is_read(db: Database, tmp_path: Path) -> None:
    nid = _nomination(db)
    big = tmp_path / "quet.pdf"
    with big.open("wb") as f:
        f.write(b"%PDF-")
        f.truncate(T.MAX_BYTES + 1)
    with pytest.raises(DomainError, match="«quet.pdf».*quá giới hạn"):
        T.add_files(db, T.Owner.nomination(nid), [big])


def test_odd_unicode_names_are_cleaned_to_nfc_without_folders(db: Database) -> None:
    nid = _nomination(db)
    decomposed = "Quye\u0302\u0301t  đi\u0323nh .pdf"  # NFD, two spaces
    made = T.add_attachments(db, T.Owner.nomination(nid), [("C:\\Users\\x\\" + decomposed, pdf())])
    assert made[0].file_name == "Quyết định .pdf"
    made = T.add_attachments(db, T.Owner.nomination(nid), [("../../etc/📄 tờ trình.pdf", pdf("khác"))])
    assert made[0].file_name == "📄 tờ trình.pdf"


def test_identical_files_share_one_blob_and_the_last_removal_drops_it(db: Database) -> None:
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    a, b = (factories.nomination(db, "LDTT", person_id=factories.person(db, unit.id, n).id).id
            for n in ("Trần Thị Hoa", "Lê Văn Bình"))  # fmt: skip
    data = pdf()
    first = T.add_attachments(db, T.Owner.nomination(a), [("bb.pdf", data)])[0]
    second = T.add_attachments(db, T.Owner.nomination(b), [("bien-ban.pdf", data)])[0]
    assert first.sha256 == second.sha256 and _count(db, AttachmentBlob) == 1 and _count(db, Attachment) == 2
    with pytest.raises(DomainError, match="«bb2.pdf» đã được đính kèm"):
        T.add_attachments(db, T.Owner.nomination(a), [("bb2.pdf", data)])
    T.remove_attachment(db, first.id)
    assert _count(db, AttachmentBlob) == 1 and T.content(db, second.id) == data
    T.remove_attachment(db, second.id)
    assert _count(db, AttachmentBlob) == 0 and _count(db, Attachment) == 0
    # deleting a nomination takes its attachments with it
    T.add_attachments(db, T.Owner.nomination(a), [("bb.pdf", data)])
    delete_nomination(db, a)
    assert _count(db, Attachment) == 0 and _count(db, AttachmentBlob) == 0


def test_the_owners_edit_permission_is_required(db: Database) -> None:
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN, "Quản trị"), "quantri2025")
    A.login(db, "quantri", "quantri2025")
    nid = _nomination(db)
    other = factories.unit(db, "Sở Y tế", code="SYT")
    A.create_account(db, A.AccountInput("canbo.syt", UserRole.CLERK, "Cán bộ", other.id), "canbo2025")
    decision = factories.decision(db, number="9/QĐ-UBND")
    mine = T.add_attachments(db, T.Owner.nomination(nid), [("bb.pdf", pdf())])[0]
    A.login(db, "canbo.syt", "canbo2025")
    with pytest.raises(DomainError, match="chỉ được phép"):
        T.add_attachments(db, T.Owner.nomination(nid), [("khac.pdf", pdf("x"))])
    with pytest.raises(DomainError, match="chỉ được phép"):
        T.remove_attachment(db, mine.id)
    with pytest.raises(DomainError, match="không được phép"):
        T.add_attachments(db, T.Owner.decision(decision.id), [("qd.pdf", pdf("qd"))])
    assert _count(db, Attachment) == 1


def test_an_approved_awards_documents_are_kept(db: Database) -> None:
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    person = factories.person(db, unit.id, "Trần Thị Hoa")
    nid = factories.approved(db, "LDTT", person_id=person.id, decision_id=factories.decision(db).id)
    made = T.add_attachments(db, T.Owner.nomination(nid), [("bb.pdf", pdf())])[0]
    with pytest.raises(DomainError, match="được giữ lại"):
        T.remove_attachment(db, made.id)


def test_a_decision_and_a_score_sheet_take_attachments(db: Database) -> None:
    decision = factories.decision(db, number="12/QĐ-UBND")
    T.add_attachments(db, T.Owner.decision(decision.id), [("qd.pdf", pdf())])
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế"))
    member = factories.unit(db, "Sở Tài chính", code="STC")
    set_membership(db, bloc.id, member.id, 2025)
    sheet = T.Owner.sheet(bloc.id, 2025, ScorePeriodKind.YEAR, member.id)
    T.add_attachments(db, sheet, [("phieu.png", PNG)])
    assert [a.file_name for a in T.list_attachments(db, sheet)] == ["phieu.png"]
    assert [a.file_name for a in T.list_attachments(db, T.Owner.decision(decision.id))] == ["qd.pdf"]
    with pytest.raises(IntegrityError), db.engine.begin() as conn:  # the CHECK: one owner, never two
        conn.execute(text(
            "INSERT INTO attachment (nomination_id, decision_id, file_name, media_type, size, sha256, added_at,"
            " added_by) SELECT NULL, NULL, 'x.pdf', 'application/pdf', 1, sha256, CURRENT_TIMESTAMP, ''"
            " FROM attachment_blob LIMIT 1"
        ))  # fmt: skip


def test_the_log_keeps_the_digest_not_the_bytes_and_replay_finds_a_changed_blob(db: Database) -> None:
    nid = _nomination(db)
    data = pdf("Bản ký số 1")
    made = T.add_attachments(db, T.Owner.nomination(nid), [("bb.pdf", data), ("anh.png", PNG)])
    removed = T.add_attachments(db, T.Owner.nomination(nid), [("bo.jpg", JPEG)])[0]
    T.remove_attachment(db, removed.id)
    with db.read() as s:
        logged = s.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "attachment_blob")).all()
    assert logged and not any("PDF" in c or "Bản ký" in c for c in logged)
    assert any(hashlib.sha256(data).hexdigest() in c and "content" + audit.DIGEST_SUFFIX in c for c in logged)
    report = replay_database(db)
    assert report.ok, [str(f) for f in report.findings]
    with db.engine.begin() as conn:  # a byte of the scan changed behind the application's back
        conn.execute(
            text("UPDATE attachment_blob SET content = :c WHERE sha256 = :s"),
            {"c": data.replace(b"1", b"2"), "s": made[0].sha256},
        )
    report = replay_database(db)
    assert [(f.kind, f.table, f.key, f.column) for f in report.findings] == [
        ("differs", "attachment_blob", made[0].sha256, "content" + audit.DIGEST_SUFFIX)
    ]
    with pytest.raises(DomainError, match="đã bị sửa"):
        T.content(db, made[0].id)


@pytest.mark.sqlite_only
def test_a_backup_and_its_restore_keep_the_bytes(db: Database, db_path: Path, tmp_path: Path) -> None:
    import datetime as dt

    from app.opening import open_database
    from app.storage import backup

    nid = _nomination(db)
    data = pdf("Tờ trình đã ký")
    made = T.add_attachments(db, T.Owner.nomination(nid), [("to-trinh.pdf", data)])[0]
    saved = backup.make_backup(db_path, now=dt.datetime(2025, 1, 1))
    T.remove_attachment(db, made.id)
    db.dispose()
    backup.restore(saved, db_path, now=dt.datetime(2025, 1, 2))
    reopened = open_database(db_path)
    try:
        assert T.content(reopened, made.id) == data
        out = T.extract(reopened, made.id, tmp_path / "ra.pdf")
        assert out.read_bytes() == data
        view = T.viewing_copy(reopened, made.id)
        assert view.name == "to-trinh.pdf" and view.read_bytes() == data
    finally:
        reopened.dispose()


@pytest.mark.sqlite_only
def test_the_command_line_adds_lists_and_extracts(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    nid = _nomination(db)
    scan = tmp_path / "Tờ trình.pdf"
    scan.write_bytes(pdf())
    wrong = tmp_path / "anh.pdf"
    wrong.write_bytes(PNG)
    assert main(["--db", str(db_path), "attach", "add", "--nomination", str(nid), str(scan)]) == 0
    assert "Đã đính kèm 1 tệp." in capsys.readouterr().out
    assert main(["--db", str(db_path), "attach", "add", "--nomination", str(nid), str(wrong)]) == 2
    assert "«anh.pdf» mang đuôi .pdf nhưng nội dung là ảnh PNG" in capsys.readouterr().err
    assert main(["--db", str(db_path), "attach", "list", "--nomination", str(nid)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and "Tờ trình.pdf" in listed[0]
    out = tmp_path / "ra.pdf"
    assert main(["--db", str(db_path), "attach", "extract", listed[0].split("\t")[0], "--out", str(out)]) == 0
    assert out.read_bytes() == scan.read_bytes()


def test_the_nomination_form_adds_opens_and_removes_an_attachment(
    qtbot, db: Database, settle, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.nomination import NominationForm
    from ui.qt import QDesktopServices, QFileDialog
    from ui.widgets import attachments as box_module

    nid = _nomination(db)
    form = NominationForm(db, nid)
    qtbot.addWidget(form)
    form.show()
    box = form.attachments
    assert box.list.count() == 0 and not box.open_button.isEnabled()
    scan = tmp_path / "Biên bản họp.pdf"
    scan.write_bytes(pdf())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    box.add_button.click()  # through the operations layer, on the writer thread
    settle()
    assert box.list.count() == 1 and "Biên bản họp.pdf" in box.list.item(0).text()
    assert [a.file_name for a in T.list_attachments(db, T.Owner.nomination(nid))] == ["Biên bản họp.pdf"]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    box.list.setCurrentRow(0)
    box.open_button.click()
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == scan.read_bytes()
    wrong = tmp_path / "anh.pdf"
    wrong.write_bytes(PNG)
    shown: list[str] = []
    monkeypatch.setattr(box_module, "show_error", lambda _parent, message: shown.append(message))
    box.add_paths([wrong])
    settle()
    assert shown and "anh.pdf" in shown[0] and box.list.count() == 1
    box.remove_selected(confirm=False)
    settle()
    assert box.list.count() == 0 and T.list_attachments(db, T.Owner.nomination(nid)) == []


def test_the_decision_view_lists_and_adds_its_scans(qtbot, db: Database, settle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.decision_view import DecisionView

    decision = factories.decision(db, number="15/QĐ-UBND")
    T.add_attachments(db, T.Owner.decision(decision.id), [("qd-da-ky.pdf", pdf())])
    view = DecisionView(db, decision.id)
    qtbot.addWidget(view)
    assert view.attachments.list.count() == 1 and "qd-da-ky.pdf" in view.attachments.list.item(0).text()
    photo = tmp_path / "trang 2.jpg"
    photo.write_bytes(JPEG)
    view.attachments.add_paths([photo])
    settle()
    assert [a.file_name for a in T.list_attachments(db, T.Owner.decision(decision.id))] == [
        "qd-da-ky.pdf",
        "trang 2.jpg",
    ]
    assert view.attachments.list.count() == 2
