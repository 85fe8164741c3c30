"""Nominations from Word lists (.docx) as offices make them, into the demo database: typed in Word
(merged header cells, a heading row per award), exported by LibreOffice, typed with a TCVN3 font.
Bad input is refused with a clear message and nothing imported."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import DomainError
from app.excel.importer import ImportOptions, run_import
from app.model import Nomination, Person, Unit
from app.opening import open_database
from app.services.accounts import login
from app.storage.db import Database
from app.text import fold
from tests.docx_lists import Nominee, danh_sach, libreoffice_copy

YEAR = 2026  # the demo nominates most of its staff for 2025


@pytest.fixture
def demo(demo_build: tuple[Path, object], tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_build[0], path)
    db = open_database(path)
    login(db, "pheduyet", "pheduyet2025")  # an approver: imports are theirs
    yield db
    db.dispose()


def pick(db: Database, count: int, skip: int = 0) -> list[tuple[int, Nominee]]:
    """Demo persons named once in the book for their name and birth year, with no YEAR nomination."""
    with db.read() as s:
        taken = set(s.scalars(select(Nomination.person_id).where(Nomination.year == YEAR)))
        rows = s.execute(select(Person, Unit).join(Unit, Unit.id == Person.unit_id).order_by(Person.id)).all()
        seen: dict[tuple[str, int | None], int] = {}
        for p, _u in rows:
            seen[(p.name_fold, p.birth_year)] = seen.get((p.name_fold, p.birth_year), 0) + 1
        parents = {u.id: u.name for u in s.scalars(select(Unit))}
        out = []
        for p, u in rows:
            if p.id in taken or seen[(p.name_fold, p.birth_year)] > 1 or u.parent_id is None:
                continue
            where = f"Chuyên viên {u.name}, {parents[u.parent_id]}"
            out.append((p.id, (p.full_name, p.birth_year, p.gender.value == "female", where)))
    return out[skip : skip + count]


def twice_named(db: Database) -> str:
    with db.read() as s:
        fold_ = s.scalar(
            select(Person.name_fold).group_by(Person.name_fold).having(func.count() > 1).limit(1)
        )
        name = s.scalar(select(Person.full_name).where(Person.name_fold == fold_).limit(1))
    assert name is not None
    return name


def nominations(db: Database) -> list[tuple[int | None, str, int]]:
    with db.read() as s:
        return sorted(
            (n.person_id, n.award.code, n.year)
            for n in s.scalars(
                select(Nomination).where(Nomination.achievement == "", Nomination.year == YEAR)
            )
            if any(e.reason == "Nhập từ tệp" for e in n.events)
        )


def check_list(db: Database, path: Path, tmp_path: Path, chosen: list[tuple[int, Nominee]]) -> None:
    """The list dry-runs clean, needs its mapping confirmed once, then imports every row."""
    report = run_import(db, "nominations", path, dry_run=True, options=ImportOptions(year=YEAR))
    assert report.ok, [str(p) for p in report.problems]
    assert report.mapping is not None
    assert {f for _c, _h, f in report.mapping.columns()} >= {
        "stt",
        "full_name",
        "birth_male",
        "birth_female",
        "position_unit",
    }
    assert report.records == len(chosen)
    report = run_import(
        db, "nominations", path, dry_run=False, options=ImportOptions(year=YEAR, confirm=True)
    )
    assert report.committed and report.inserted == len(chosen), [str(p) for p in report.problems]
    half = len(chosen) // 2
    expected = sorted(
        [(pid, "CSTDCS", YEAR) for pid, _n in chosen[:half]]
        + [(pid, "LDTT", YEAR) for pid, _n in chosen[half:]]
    )
    got = [n for n in nominations(db) if n[0] in {pid for pid, _ in chosen}]
    assert got == expected


def sections(chosen: list[tuple[int, Nominee]]) -> list[tuple[str, list[Nominee]]]:
    half = len(chosen) // 2
    return [("Chiến sĩ thi đua cơ sở", [n for _p, n in chosen[:half]]),
            ("Lao động tiên tiến", [n for _p, n in chosen[half:]])]  # fmt: skip


def test_a_word_list_with_merged_headers_and_award_headings(demo: Database, tmp_path: Path) -> None:
    chosen = pick(demo, 6)
    path = danh_sach(tmp_path / "danh_sach.docx", [*sections(chosen)])
    # A row naming two possible persons is reported with them, not guessed; nothing is written.
    ambiguous = twice_named(demo)
    bad = danh_sach(
        tmp_path / "bad.docx",
        [*sections(chosen), ("Lao động tiên tiến", [(ambiguous, None, False, "Chuyên viên")])],
    )
    report = run_import(
        demo, "nominations", bad, dry_run=False, options=ImportOptions(year=YEAR, confirm=True)
    )
    assert not report.committed
    assert len(report.problems) == 1 and "ứng với" in report.problems[0].message, [
        str(p) for p in report.problems
    ]
    assert str(report.problems[0]).startswith(
        f"Dòng {3 + 3 + len(chosen) + 1}, Họ và tên (cột 2): «{ambiguous}»"
    )
    assert nominations(demo) == []
    check_list(demo, path, tmp_path, chosen)


def test_a_list_exported_by_libreoffice(demo: Database, tmp_path: Path) -> None:
    chosen = pick(demo, 4, skip=10)
    typed = danh_sach(tmp_path / "typed.docx", sections(chosen))
    path = libreoffice_copy(typed, tmp_path / "lo")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    assert path.exists() and path.read_bytes() != typed.read_bytes()
    check_list(demo, path, tmp_path, chosen)


def test_a_list_typed_with_a_tcvn3_font(demo: Database, tmp_path: Path) -> None:
    chosen = pick(demo, 4, skip=20)
    path = danh_sach(tmp_path / "vntime.docx", sections(chosen), encode=True)
    with zipfile.ZipFile(path) as z:
        assert fold(chosen[0][1][0]).encode() not in z.read("word/document.xml")
    report = run_import(demo, "nominations", path, dry_run=True, options=ImportOptions(year=YEAR))
    assert report.ok, [str(p) for p in report.problems]
    assert any("TCVN3" in n for n in report.notes)
    check_list(demo, path, tmp_path, chosen)


def refused(db: Database, path: Path) -> str:
    with pytest.raises(DomainError) as info:
        run_import(db, "nominations", path, dry_run=False, options=ImportOptions(year=YEAR, confirm=True))
    return info.value.message


def test_bad_word_files_are_refused_with_a_clear_message(db: Database, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Kính gửi Hội đồng Thi đua - Khen thưởng tỉnh")
    doc.save(tmp_path / "to_trinh.docx")
    assert refused(db, tmp_path / "to_trinh.docx").endswith(
        "tệp không có bảng nào. Danh sách cần là một bảng (Chèn → Bảng) trong Word."
    )
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    for c, text in enumerate(("STT", "Nội dung", "Ghi chú")):
        table.cell(0, c).text = text
    doc.save(tmp_path / "no_name.docx")
    assert "cần một dòng tiêu đề có cột «Họ và tên»" in refused(db, tmp_path / "no_name.docx")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert "tệp Word 97–2003 (.doc)" in refused(db, tmp_path / "old.doc")
    (tmp_path / "locked.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 512
    )
    assert "được đặt mật khẩu" in refused(db, tmp_path / "locked.docx")
    whole = (tmp_path / "to_trinh.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(whole[: len(whole) // 2])
    assert "bị hỏng" in refused(db, tmp_path / "cut.docx")
    (tmp_path / "text.docx").write_text("Họ và tên", encoding="utf-8")
    assert refused(db, tmp_path / "text.docx").endswith("không phải tệp Word .docx.")
    with zipfile.ZipFile(tmp_path / "broken.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:tbl>")
    assert "nội dung tệp .docx bị hỏng (XML lỗi" in refused(db, tmp_path / "broken.docx")
    with zipfile.ZipFile(tmp_path / "dtd.docx", "w") as z:
        z.writestr("word/document.xml", '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>')
    assert "DTD" in refused(db, tmp_path / "dtd.docx")
    with zipfile.ZipFile(tmp_path / "sheet.docx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert refused(db, tmp_path / "sheet.docx").endswith(
        "không phải tệp Word .docx (thiếu word/document.xml)."
    )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Nomination)) == 0


def test_the_command_line_reads_a_word_list(demo: Database, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app import cli

    chosen = pick(demo, 2, skip=30)
    path = danh_sach(tmp_path / "ds.docx", sections(chosen))
    assert demo.path is not None
    monkeypatch.setenv("THIDUA_USER", "pheduyet")
    monkeypatch.setenv("THIDUA_PASSWORD", "pheduyet2025")
    run = ["--db", str(demo.path), "import", "nominations", str(path), "--year", str(YEAR)]
    assert cli.main([*run, "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "Cách hiểu các cột (đoán từ tiêu đề)" in out.out and "→ position_unit" in out.out, out
    assert cli.main(run) != 0
    assert "chưa được xác nhận" in capsys.readouterr().err
    assert cli.main([*run, "--mapping", "confirm"]) == 0
    assert "Đã nhập 2" in capsys.readouterr().out
    # Remembered: the next list in this layout needs no confirmation.
    again = danh_sach(tmp_path / "ds2.docx", sections(pick(demo, 2, skip=40)))
    assert cli.main(["--db", str(demo.path), "import", "nominations", str(again), "--year", str(YEAR)]) == 0
    assert "(đã nhớ)" in capsys.readouterr().out


def test_a_to_trinh_with_a_table_per_section_individuals_and_collectives(
    db: Database, tmp_path: Path
) -> None:
    """A tờ trình: text, then a heading paragraph and a table per award, each table with its own
    header and column numbers; "A. CÁ NHÂN" / "B. TẬP THỂ" say who the rows under them are."""
    from docx import Document

    from tests import factories

    snv = factories.unit(db, "Sở Nội vụ", code="SNV")
    tc = factories.unit(db, "Phòng Tổ chức", code="SNV-TC", parent_id=snv.id)
    an = factories.person(db, tc.id, "Nguyễn Văn An", birth_year=1980)
    doc = Document()
    doc.add_paragraph("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh")
    doc.add_paragraph("Sở Nội vụ đề nghị khen thưởng các cá nhân, tập thể sau:")

    def table(rows: list[list[str]]) -> None:
        t = doc.add_table(rows=2 + len(rows), cols=4)
        for c, text in enumerate(("TT", "Họ và tên", "Năm sinh", "Đơn vị")):
            t.cell(0, c).text = text
            t.cell(1, c).text = f"({c + 1})"
        for r, values in enumerate(rows, start=2):
            for c, text in enumerate(values):
                t.cell(r, c).text = text

    doc.add_paragraph("A. CÁ NHÂN")
    doc.add_paragraph("1. Danh hiệu Chiến sĩ thi đua cơ sở")
    table([["1", "Nguyễn Văn An", "1980", "Phòng Tổ chức"]])
    doc.add_paragraph("B. TẬP THỂ")
    doc.add_paragraph("1. Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể")
    table([["1", "Phòng Tổ chức", "", "Sở Nội vụ"]])
    doc.add_paragraph("Trân trọng đề nghị.")
    doc.save(tmp_path / "to_trinh.docx")
    report = run_import(
        db,
        "nominations",
        tmp_path / "to_trinh.docx",
        dry_run=False,
        options=ImportOptions(year=2025, confirm=True),
    )
    assert report.committed and report.inserted == 2, [str(p) for p in report.problems]
    with db.read() as s:
        got = [
            (n.person_id, n.unit_id, n.award.code)
            for n in s.scalars(select(Nomination).order_by(Nomination.id))
        ]
    assert got == [(an.id, None, "CSTDCS"), (None, tc.id, "BK_TINH_TT")]


def test_a_word_list_typed_into_the_dialog_is_taken_as_nominations_and_never_as_persons(
    qtbot, db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Walked under Xvfb: a path pasted (not chosen) left the kind at «Cá nhân», and the check said
    the list lacked «Mã đơn vị» and «Giới tính» columns."""
    from app.excel.importer import run_import as run
    from app.excel.safety import FileRefused
    from ui.reports.import_dialog import ImportDialog

    path = danh_sach(
        tmp_path / "ds.docx", [("Lao động tiên tiến", [("Nguyễn Văn A", 1980, False, "Chuyên viên")])]
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("persons"))
    dialog.path.setText(str(path))
    assert dialog.kind.currentData() == "nominations"
    with pytest.raises(FileRefused, match="chỉ dùng để nhập đề nghị khen thưởng"):
        run(db, "persons", path, dry_run=True)
