"""Every document as an editable .docx (issue #16, items 3 and 4): the same story as the PDF,
so the same words; Decree 30/2020 page, repeated header rows, the audit head and «the PDF is the
record» in the footer and properties; LibreOffice opens it; ``--out FILE.docx`` and the GUI."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from app.cli import main
from app.documents import data
from app.documents.decree30 import PORTRAIT_WIDTH, data_tables, styles, write_pdf
from app.documents.docx_writer import EDITABLE_NOTE, HANDLED, write_docx
from app.documents.requests import KINDS, ReportRequest, build, write_report
from app.documents.tables import INT, TEXT, Column, TableData
from app.errors import DomainError
from app.model import NominationStatus
from app.opening import open_database
from app.services.persons import search_persons
from app.storage.db import Database

HEAD: dict[str, Any] = {
    "issuer": "Sở Nội vụ", "parent": "UBND tỉnh Tây Ninh", "date": dt.date(2026, 3, 5), "place": "Tây Ninh",
}  # fmt: skip
BLOC: dict[str, Any] = {"bloc": "KTKT", "year": 2025, "date": dt.date(2026, 3, 5)}


def requests_of(db: Database) -> dict[str, ReportRequest]:
    """One request per kind on the demo, with the options tests/test_gui_reports.py fills in."""
    row = next(
        r for r in data.nomination_rows(db, year=2025, statuses=(NominationStatus.APPROVED,)) if r.is_person
    )
    person = search_persons(db, row.nominee, anywhere=True)[0].id
    options: dict[str, dict[str, Any]] = {
        "to-trinh": {"year": 2025, "to": "Ủy ban nhân dân tỉnh Tây Ninh", "number": "12/ttr-snv",
                     "signer_title": "Giám đốc", "signer": "Nguyễn Văn Bình", **HEAD},
        "danh-sach": {"year": 2025, "award": ("CSTDCS",), **HEAD},
        "bien-ban": {"year": 2025, "unit": "STC", "award": ("CSTDCS",), "members_total": 11,
                     "council": "Hội đồng Thi đua - Khen thưởng Sở Tài chính",
                     "member": ("Ông Lê Văn A, Chủ tịch", "Bà Trần Thị B, Ủy viên"), "chair": "Lê Văn A",
                     "secretary": "Phạm Thị C", "meeting_place": "Hội trường UBND tỉnh", **HEAD},
        "quyet-dinh": {"decision": "217/QĐ-STC"},
        "thanh-tich-ca-nhan": {"person": person, "year": 2025, **HEAD},
        "thanh-tich-tap-the": {"unit": "STC", "year": 2025, **HEAD},
        "xep-hang": {"bloc": "KTKT", "year": 2025, **HEAD},
        "thong-ke": {"years": (2024, 2025), **HEAD},
        "qua-trinh-ca-nhan": {"person": person, **HEAD},
        "qua-trinh-don-vi": {"unit": "STC", **HEAD},
        "chi-tien-thuong": {"decision": "2915/QĐ-UBND", "year": 2025, **HEAD},
        "giao-uoc": BLOC,
        "so-ket-khoi": BLOC,
        "tong-ket-khoi": BLOC,
        "bien-ban-khoi": {**BLOC, "chair": "Lê Văn A", "meeting_place": "Hội trường Sở Xây dựng"},
        "to-trinh-khoi": {**BLOC, "number": "3/TTr-KKT"},
        "dien-hinh": {**BLOC, **HEAD},
        "trich-ngang": {"unit": "STC", "year": 2025, **HEAD},
    }  # fmt: skip
    assert list(options) == list(KINDS)
    return {k: ReportRequest(kind=k, **v) for k, v in options.items()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_build: tuple[Path, object]) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("docx") / "demo.sqlite3"
    shutil.copyfile(demo_build[0], path)
    db = open_database(path)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def written(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each kind written as .pdf and .docx from the same request: (pdf, docx, the audit code line)."""
    folder = tmp_path_factory.mktemp("out")
    out = {}
    for kind, req in requests_of(demo).items():
        pdf = write_report(demo, req, folder / f"{kind}.pdf")
        docx = write_report(demo, req, folder / f"{kind}.docx")
        assert pdf.document is not None and docx.document is not None
        out[kind] = (pdf.out, docx.out, pdf.document.footer)
    return out


# ---------------------------------------------------------------------------------- the texts
def docx_lines(src: Path | io.BytesIO) -> list[str]:
    """The body's paragraphs and table cells in document order (a cell merged down read once)."""
    lines: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
            elif child.tag == qn("w:tbl"):
                for tr in child.iterchildren(qn("w:tr")):
                    for tc in tr.iterchildren(qn("w:tc")):
                        merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                        if merge is None or merge.get(qn("w:val")) == "restart":
                            walk(tc)

    walk(open_docx(src).element.body)
    return [unicodedata.normalize("NFC", line) for line in lines]


def pdf_pages(src: Path | io.BytesIO) -> list[list[str]]:
    return [unicodedata.normalize("NFC", p.extract_text()).split() for p in PdfReader(src).pages]


def pdftotext(src: Path) -> str:
    """LibreOffice's PDF through poppler (pypdf splits its Vietnamese letters from their marks)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(src), "-"], check=True, capture_output=True)
    return " ".join(unicodedata.normalize("NFC", done.stdout.decode()).split())


def pdf_words(src: Path, footer: str) -> list[str]:
    """The PDF's words without what only pages have: the footer line, page numbers from page 2."""
    out: list[str] = []
    foot = footer.split()
    for n, words in enumerate(pdf_pages(src), start=1):
        for w in foot:
            words.remove(w)
        if n >= 2:
            words.remove(str(n))
        out += words
    return out


def walk(flowables: list[Any]) -> Iterator[Any]:
    for f in flowables:
        yield f
        if isinstance(f, KeepTogether):
            yield from walk(f._content)  # type: ignore[attr-defined]
        elif isinstance(f, Table):
            for row in f._cellvalues:  # type: ignore[attr-defined]
                for cell in row:
                    yield from walk(list(cell) if isinstance(cell, list | tuple) else [cell])


def chart_words(story: list[Flowable]) -> tuple[Counter[str], Counter[str]]:
    """The words the charts add to the PDF (drawn text) and to the .docx (a picture adds none; the
    numbers' table that stands for a chart not painted does)."""
    charts: list[Flowable] = [f for f in walk(story) if isinstance(f, Drawing)]
    if not charts:
        return Counter(), Counter()
    pdf, docx = io.BytesIO(), io.BytesIO()
    write_docx(None, "", charts, fileobj=docx)
    write_pdf(None, "", charts, fileobj=pdf)  # (ReportLab empties the list it builds)
    pdf.seek(0)
    docx.seek(0)
    return Counter(w for page in pdf_pages(pdf) for w in page), Counter(" ".join(docx_lines(docx)).split())


def header_words(story: list[Flowable]) -> Counter[str]:
    """The words of the data tables' header rows: the PDF repeats them on every page a table spans."""
    out: Counter[str] = Counter()
    for f in walk(story):
        if isinstance(f, Table) and f.repeatRows:
            for cell in f._cellvalues[0]:  # type: ignore[attr-defined]
                text = cell.getPlainText() if isinstance(cell, Paragraph) else str(cell)
                out.update(text.split())
    return out


def rejoin(pdf: list[str], docx: Counter[str]) -> list[str]:
    """A word the PDF cut to fit a narrow cell ("98/2", "023/NĐ-", "CP,") joined again when the
    .docx has it whole."""
    out, i = [], 0
    while i < len(pdf):
        for n in (4, 3, 2):
            joined = "".join(pdf[i : i + n])
            if pdf[i] not in docx and docx[joined] > 0:
                out.append(joined)
                i += n
                break
        else:
            out.append(pdf[i])
            i += 1
    return out


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_docx_has_the_pdfs_words_for_the_same_data(demo, written, kind) -> None:  # type: ignore[no-untyped-def]
    pdf, docx, footer = written[kind]
    story = build(demo, requests_of(demo)[kind]).story()
    lines = docx_lines(docx)
    in_docx = Counter(" ".join(lines).split())
    in_pdf = Counter(rejoin(pdf_words(pdf, footer), in_docx))
    chart_pdf, chart_docx = chart_words(story)
    in_pdf, in_docx = in_pdf - chart_pdf, in_docx - chart_docx
    # The same words, as many times, but for the header rows the PDF repeats on its later pages.
    assert in_docx - in_pdf == Counter()
    surplus = in_pdf - in_docx
    assert set(surplus) <= set(header_words(story)), surplus
    assert set(in_docx) == set(in_pdf)
    # The headings in the same order, each a line of its own in the .docx.
    headings = [" ".join(f.getPlainText().split()) for f in walk(story) if isinstance(f, Paragraph)
                and f.style.name in ("title", "subtitle", "heading", "bloc_heading")]  # fmt: skip
    docx_order = [" ".join(line.split()) for line in lines]
    at = -1
    for h in headings:
        assert h in docx_order[at + 1 :], h
        at = docx_order.index(h, at + 1)
    pdf_text = " ".join(" ".join(page) for page in pdf_pages(pdf))
    at = -1
    for h in headings:
        found = pdf_text.find(h, at + 1)
        assert found > at, h
        at = found


def test_every_flowable_type_the_builders_use_is_mapped(demo) -> None:  # type: ignore[no-untyped-def]
    seen = set()
    for req in requests_of(demo).values():
        for f in walk(build(demo, req).story()):
            if isinstance(f, Flowable):
                seen.add(type(f))
    unmapped = {t.__name__ for t in seen if not issubclass(t, HANDLED)}
    assert not unmapped, f"flowables the .docx writer does not map: {unmapped}"


def test_page_margins_font_footer_and_properties(written) -> None:  # type: ignore[no-untyped-def]
    pdf, docx, footer = written["to-trinh"]
    assert footer.startswith("Mã nhật ký: ")
    doc = open_docx(docx)
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    for foot in (section.footer, section.first_page_footer):
        text = " ".join(p.text for p in foot.paragraphs)
        assert footer in text and EDITABLE_NOTE in text
    assert footer in doc.core_properties.comments and EDITABLE_NOTE in doc.core_properties.comments
    assert "PAGE" in section.header._element.xml  # page numbers at the top, from page 2
    assert section.different_first_page_header_footer
    # The PDF says it is the record, with the same code, in its properties.
    subject = PdfReader(pdf).metadata.subject
    assert subject.startswith("Bản PDF in ra là bản lưu hồ sơ") and footer in subject
    lines = docx_lines(docx)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines and "Độc lập - Tự do - Hạnh phúc" in lines
    assert "Số: 12/TTr-SNV" in lines and "Tây Ninh, ngày 05 tháng 3 năm 2026" in lines
    assert "Nơi nhận:" in lines and "Nguyễn Văn Bình" in lines


def test_data_tables_repeat_their_header_row_and_layout_tables_have_no_borders(written) -> None:  # type: ignore[no-untyped-def]
    doc = open_docx(written["quyet-dinh"][1])
    tables = doc.tables
    data_t = [t for t in tables if t._tbl.tblPr.find(qn("w:tblBorders")) is not None]
    layout = [t for t in tables if t._tbl.tblPr.find(qn("w:tblBorders")) is None]
    assert data_t and layout  # the annex lists; the header and the closing block
    for t in data_t:
        first = t._tbl.tr_lst[0]
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for tr in t._tbl.tr_lst[1:])
    assert [c.text for c in data_t[0].rows[0].cells][:2] == ["STT", "Họ và tên"]
    # Landscape pages (the standings' detail) are a section of their own; the chart a picture.
    standings = open_docx(written["xep-hang"][1])
    assert len(standings.sections) == 2
    assert standings.sections[1].page_width > standings.sections[1].page_height
    assert len(standings.inline_shapes) == 1


def test_a_flowable_no_rule_maps_keeps_its_text() -> None:
    class Note(Flowable):
        def getPlainText(self) -> str:  # noqa: N802 - ReportLab's name
            return "Ghi chú riêng"

    out = io.BytesIO()
    write_docx(None, "", [Note()], fileobj=out)
    out.seek(0)
    assert docx_lines(out) == ["Ghi chú riêng"]


def test_a_chart_not_painted_is_its_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.documents import chart_png
    from app.documents.charts import bar_chart

    def fail(_d: Drawing) -> bytes:
        raise OSError("no font")

    monkeypatch.setattr(chart_png, "chart_png", fail)
    out = io.BytesIO()
    write_docx(
        None, "", [bar_chart(["2024", "2025"], [[419, 399.5]], title="Số khen thưởng theo năm")], fileobj=out
    )
    out.seek(0)
    assert docx_lines(out) == ["Số khen thưởng theo năm", "2024", "2025", "419", "399,5"]
    assert not open_docx(out).inline_shapes


def test_a_table_cut_in_chunks_for_the_pdf_is_one_word_table(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [(i, f"Người thứ {i}") for i in range(1, 1201)]
    table = TableData("Danh sách", (Column("STT", INT, 15, "CENTER"), Column("Họ và tên", TEXT, 80)), rows)
    story = data_tables(table, styles(), PORTRAIT_WIDTH)
    assert len(story) == 3  # chunks of 500 rows in the PDF
    out = tmp_path / "list.docx"
    write_docx(out, "Danh sách", story)
    (t,) = open_docx(out).tables
    assert len(t.rows) == 1201 and t.rows[-1].cells[1].text == "Người thứ 1200"
    assert not list(tmp_path.glob(".list.docx.*"))  # atomic: no temporary left


def test_report_out_docx_on_the_command_line_and_a_wrong_suffix(demo, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ds.docx"
    db = str(demo.engine.url.database)
    assert main(["report", "danh-sach", "--db", db, "--year", "2025", "--issuer", "Sở Nội vụ",
                 "--out", str(out)]) == 0  # fmt: skip
    assert out.is_file() and "DANH SÁCH" in docx_lines(out)
    with pytest.raises(DomainError, match=r"\.pdf, \.docx hoặc \.xlsx"):
        write_report(demo, ReportRequest("danh-sach", year=2025, issuer="Sở Nội vụ"), tmp_path / "ds.doc")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None or not shutil.which("pdftotext"), reason="needs LibreOffice and poppler")
def test_libreoffice_opens_the_docx(written, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kinds = {
        "quyet-dinh": [
            "QUYẾT ĐỊNH",
            "Số: 217/QĐ-STC",
            "DANH SÁCH KHEN THƯỞNG",
            "Độc lập - Tự do - Hạnh phúc",
        ],
        "xep-hang": ["BÁO CÁO", "BẢNG ĐIỂM CHI TIẾT THEO TIÊU CHÍ", "Sở Tài chính"],
        "giao-uoc": ["GIAO ƯỚC THI ĐUA", "THỦ TRƯỞNG SỞ TÀI CHÍNH"],
    }
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").as_uri()
    docs = [str(docx) for _pdf, docx, _code in written.values()]  # every kind, one LibreOffice start
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *docs], check=True, capture_output=True, timeout=600)  # fmt: skip
    for kind, expected in kinds.items():
        text = pdftotext(tmp_path / f"{kind}.pdf")
        for line in expected:
            assert line in text, (kind, line)
    for kind, (_pdf, docx, _code) in written.items():  # each kind opens, the words of its headings there
        words = set(pdftotext(tmp_path / f"{kind}.pdf").split())  # side-by-side blocks interleave lines
        headings = [line for line in docx_lines(docx) if line.isupper() and len(line) >= 6]
        assert headings, kind
        missing = [h for h in headings if not set(h.split()) <= words]
        assert not missing, (kind, missing)


# ---------------------------------------------------------------------------------- the window
def test_the_reports_page_writes_a_docx_and_the_preview_writes_one_beside_a_pdf(
    qtbot, demo, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.reports import ReportsPage
    from ui.reports.report_dialog import ReportPreview

    page = ReportsPage()
    qtbot.addWidget(page)
    page.set_database(demo)
    form = page.choose("danh-sach")
    form.widgets["year"].setValue(2025)
    form.widgets["issuer"].setText("Sở Nội vụ")
    assert page.format.findData(".docx") >= 0
    page.format.setCurrentIndex(page.format.findData(".docx"))
    page.out.setText(str(tmp_path / "danh-sach"))  # the format's suffix is added
    job = page.make_document()
    assert job is not None, page.banner.text()
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    dialog = page.dialog
    assert isinstance(dialog, ReportPreview)
    out = tmp_path / "danh-sach.docx"
    assert "DANH SÁCH" in docx_lines(out)
    assert dialog.page_count() >= 1 and dialog.word_button.isEnabled()
    assert dialog.write_docx() == out  # the .docx asked for is the one Word opens
    dialog.reject()

    # A PDF's preview: «Mở bằng Word» writes the same document as .docx beside it.
    req = requests_of(demo)["to-trinh"]
    written = write_report(demo, req, tmp_path / "to-trinh.pdf")
    preview = ReportPreview(written)
    qtbot.addWidget(preview)
    assert preview.word_button.isEnabled()
    assert preview.write_docx() == tmp_path / "to-trinh.docx"
    assert "TỜ TRÌNH" in docx_lines(tmp_path / "to-trinh.docx")
    assert not list(tmp_path.glob(".to-trinh.docx.*"))
    assert preview.write_docx() == tmp_path / "to-trinh.docx"  # a second click opens the same file
    preview.reject()
    again = ReportPreview(written)  # a later preview keeps the .docx there (it may hold edits)
    qtbot.addWidget(again)
    assert again.write_docx() == tmp_path / "to-trinh (2).docx"
    again.reject()
