"""Word lists (danh sách đề nghị khen thưởng) made the way offices make them, for the import tests
and the benchmark: a title, a table with a two-row header (cells merged down and across: "Năm
sinh" over "Nam" | "Nữ"), a row of column numbers, and a heading row per award merged across."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from docx import Document

from app.excel import legacy

# (full name, birth year, female, position and unit)
Nominee = tuple[str, int | None, bool, str]

_TO_TCVN3 = {u: b for b, u in legacy._TCVN3.items()}


def tcvn3(text: str) -> str:
    """Unicode Vietnamese as a .VnTime font shows it: TCVN3 bytes read as Latin-1."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(_TO_TCVN3.get(ch) or _TO_TCVN3.get(ch.lower()) or ch)
    return "".join(out)


def danh_sach(path: Path, sections: Sequence[tuple[str, Sequence[Nominee]]], *, encode: bool = False) -> Path:
    t = tcvn3 if encode else (lambda s: s)
    doc = Document()
    doc.add_paragraph(t("ỦY BAN NHÂN DÂN TỈNH TÂY NINH"))
    doc.add_paragraph(t("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"))
    rows = 3 + sum(1 + len(people) for _s, people in sections)
    table = doc.add_table(rows=rows, cols=6)
    table.style = "Table Grid"
    head = table.rows[0].cells
    for col, text in ((0, "STT"), (1, "Họ và tên"), (4, "Chức vụ, đơn vị công tác"), (5, "Ghi chú")):
        cell = head[col].merge(table.cell(1, col))
        cell.text = t(text)
    year = head[2].merge(head[3])
    year.text = t("Năm sinh")
    table.cell(1, 2).text = "Nam"
    table.cell(1, 3).text = t("Nữ")
    for col in range(6):
        table.cell(2, col).text = f"({col + 1})"
    r = 3
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    for i, (award, people) in enumerate(sections):
        row = table.rows[r].cells
        merged = row[0].merge(row[5])
        merged.text = t(f"{numerals[i]}. {award.upper()}: {len(people)} cá nhân")
        r += 1
        for n, (name, born, female, where) in enumerate(people, start=1):
            cells = table.rows[r].cells
            cells[0].text = str(n)
            cells[1].text = t(name)
            cells[3 if female else 2].text = "" if born is None else str(born)
            cells[4].text = t(where)
            r += 1
    doc.add_paragraph(t("Tổng cộng: danh sách có các cá nhân trên."))
    doc.save(path)
    return path


def libreoffice_copy(source: Path, out_dir: Path) -> Path | None:
    """``source`` opened and saved again as .docx by LibreOffice (None if it is not installed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    odt = out_dir / "odt"
    profile = (out_dir / "profile").as_uri()
    base = [soffice, f"-env:UserInstallation={profile}", "--headless"]
    # Through ODT and back: the file LibreOffice writes is its own, not python-docx's resaved.
    subprocess.run([*base, "--convert-to", "odt", "--outdir", str(odt), str(source)], check=True, timeout=180,
                   capture_output=True)  # fmt: skip
    back = out_dir / "back"
    subprocess.run([*base, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(back), str(odt / (source.stem + ".odt"))],
                   check=True, timeout=180, capture_output=True)  # fmt: skip
    return back / (source.stem + ".docx")
