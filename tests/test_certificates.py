"""Certificates: every field printed exactly, fitting, fonts, escaping, offsets, output safety."""

from __future__ import annotations

import base64
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest
from reportlab.graphics.barcode import qrencoder
from test_certificates_support import (  # noqa: F401 - isolated_settings is an autouse fixture
    World,
    content_origins,
    isolated_settings,
    page_texts,
    positions,
    words,
)

from app.certificates import qr
from app.certificates.batch import make_certificates
from app.certificates.calibration import load_offsets, save_offsets
from app.certificates.fitting import fit
from app.certificates.layout_store import duplicate_layout, layout_document, save_layout
from app.certificates.layouts import LayoutError, load_layout, load_layouts, user_layouts_dir
from app.certificates.selection import Selection
from app.cli import main
from app.errors import DomainError
from app.model import Gender
from app.storage.files import safe_filename

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

# Every Vietnamese vowel letter with each of the five tones (and none), lower and upper case.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
ALL_LETTERS = " ".join("".join(unicodedata.normalize("NFC", v + t) for t in _TONES) for v in _VOWELS) + " đ Đ"
ALL_LETTERS = ALL_LETTERS + " " + ALL_LETTERS.upper()
NAMES = ["Ưng Thị Ơn", "Đặng Văn Ẩn", "Ông Ích Khiêm", "Ê Ban Ắt", "Hoàng Thị Thủy Tiên", "Võ Thị Mỹ Ngọc"]


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def test_every_field_is_printed_exactly_in_nfc_for_every_vietnamese_letter(
    world: World, tmp_path: Path
) -> None:
    decision = world.decision("123/QĐ-UBND")
    ids = [
        world.award(name, decision=decision, achievement=f"Thành tích: {ALL_LETTERS}", gender=Gender.MALE)
        for name in NAMES
    ]
    nfd = unicodedata.normalize("NFD", "Trần Thị Ngọc Huyền")  # typed on a Mac: decomposed
    ids.append(world.award(nfd, "CSTDCS", decision=decision, achievement=""))
    out = tmp_path / "out.pdf"

    result = make_certificates(world.db, Selection(decision="123/QĐ-UBND"), out=out)

    assert result.problems == [] and len(result.printed) == 7 and out.is_file()
    pages = page_texts(out)
    by_name = {p.recipient: (p, pages[i]) for i, p in enumerate(result.printed)}
    for name in [*NAMES, "Trần Thị Ngọc Huyền"]:
        printed, text = by_name[name]
        assert unicodedata.is_normalized("NFC", text)
        flat = words(text)
        lines = [line.strip() for line in text.splitlines()]
        honorific = "Bà" if name.startswith("Trần") else "Ông"
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
            f"{honorific} {name}",
            "Chuyên viên, Phòng Kế hoạch, Sở Tài chính",
            "Quyết định số: 123/QĐ-UBND",
            "ngày 05 tháng 12 năm 2025",
            f"Số sổ vàng: {printed.number}",
            "Tây Ninh, ngày 05 tháng 12 năm 2025",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn Bình",
            f"Mã xác thực: {printed.code}",
        ):
            assert expected in lines, (expected, lines)
        if name.startswith("Trần"):
            assert "TẶNG DANH HIỆU" in lines and "CHIẾN SĨ THI ĐUA CƠ SỞ" in lines
            assert "Đã hoàn thành xuất sắc nhiệm vụ, đạt danh hiệu thi đua năm 2025" in flat
        else:
            assert "TẶNG" in lines and "BẰNG KHEN" in lines
            assert f"Thành tích: {ALL_LETTERS}" in flat


def test_page_one_renders_as_an_official_certificate(world: World, tmp_path: Path) -> None:
    world.award(
        "Trần Thị Ngọc Huyền", "CSTDCS", achievement="Đã có thành tích xuất sắc trong công tác năm 2025"
    )
    out = tmp_path / "one.pdf"
    make_certificates(world.db, Selection(year=2025), out=out)
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(out), str(ARTIFACTS / "certificate")],
                   check=True)  # fmt: skip
    png = next(ARTIFACTS.glob("certificate*.png"))
    assert png.stat().st_size > 10_000  # looked at by hand: border, emblem, red titles, diacritics


def test_a_text_too_long_for_its_box_is_reported_and_not_printed(world: World, tmp_path: Path) -> None:
    decision = world.decision("7/QĐ-UBND")
    good = world.award("Lê Thị Hoa", decision=decision)
    bad = world.award("Phạm Văn Dài", decision=decision, achievement="Thành tích rất dài " * 120)
    out = tmp_path / "batch.pdf"

    result = make_certificates(world.db, Selection(decision="07/QĐ-UBND"), out=out)

    assert [p.nomination_id for p in result.printed] == [good]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (
        problem.nomination_id == bad and problem.recipient == "Phạm Văn Dài" and problem.field == "Thành tích"
    )
    assert "không vừa ô" in problem.message
    assert len(page_texts(out)) == 1


def test_fitting_shrinks_then_wraps_and_never_cuts() -> None:
    from app.certificates.fonts import font_family

    font = font_family().name("bold")
    assert fit("Nguyễn Văn An", font, 22, 13, 245, 13, False).size == 22
    long_name = "Nguyễn Thị Hoàng Phương Thảo Nguyên Minh Châu Ngọc Bích Lan Anh"
    shrunk = fit(long_name, font, 22, 13, 200, 13, False)
    assert shrunk is not None and 13 <= shrunk.size < 22 and shrunk.lines == (long_name,)
    assert fit(long_name, font, 22, 13, 60, 13, False) is None
    wrapped = fit("chữ " * 40, font, 15, 10, 215, 22, True)
    assert wrapped is not None and len(wrapped.lines) > 1
    assert " ".join(wrapped.lines) == ("chữ " * 40).strip()


def test_a_character_missing_from_the_font_is_refused_and_listed(world: World, tmp_path: Path) -> None:
    world.award("Lý Tiểu Long", achievement="Giao lưu văn hóa 漢字 với bạn bè 😀 quốc tế")
    result = make_certificates(world.db, Selection(year=2025), out=tmp_path / "x.pdf")
    assert result.printed == []
    [problem] = result.problems
    assert problem.field == "Thành tích"
    assert "«漢» (U+6F22)" in problem.message and "«字» (U+5B57)" in problem.message
    assert "«😀» (U+1F600)" in problem.message


def test_markup_in_user_text_prints_literally(world: World, tmp_path: Path) -> None:
    text = "Giải <b>nhất</b> & hạng <i>A</i> < 5 > 3 <img src='/etc/hostname'/>"
    world.award("Ngô Thị Mai", achievement=text)
    out = tmp_path / "markup.pdf"
    result = make_certificates(world.db, Selection(year=2025), out=out)
    assert result.problems == []
    assert text in words(page_texts(out)[0])


def test_an_empty_required_field_stops_that_certificate(world: World, tmp_path: Path) -> None:
    copy = duplicate_layout("bang_khen")
    doc = layout_document(copy)
    for entry in doc["field"]:
        if entry.get("fallback") == "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year}":
            del entry["fallback"]
    save_layout(copy.key, doc)
    decision = world.decision("8/QĐ-UBND")
    world.award("Lê Văn Có", decision=decision, achievement="Hoàn thành xuất sắc nhiệm vụ")
    empty = world.award("Lê Văn Không", decision=decision, achievement="")

    result = make_certificates(world.db, Selection(decision="8/QĐ-UBND"), out=tmp_path / "x.pdf")

    assert [p.recipient for p in result.printed] == ["Lê Văn Có"]
    [problem] = result.problems
    assert (problem.nomination_id, problem.field) == (empty, "Thành tích")
    assert "chưa có nội dung" in problem.message


def test_calibration_offsets_move_every_field_by_exactly_the_offset(world: World, tmp_path: Path) -> None:
    nid = world.award("Đỗ Thị Hằng")
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    make_certificates(world.db, Selection(ids=(nid,)), out=plain, mode="blank")
    make_certificates(world.db, Selection(ids=(nid,)), out=moved, mode="blank", offset_mm=(3.5, -2.0))

    before, after = content_origins(plain), content_origins(moved)
    assert len(before) == len(after) >= 10
    mm = 72 / 25.4
    for (x0, y0), (x1, y1) in zip(before, after, strict=True):
        assert x1 - x0 == pytest.approx(3.5 * mm, abs=0.002)
        assert y1 - y0 == pytest.approx(2.0 * mm, abs=0.002)  # 2 mm up: PDF y grows upwards
    a, b = positions(plain)["Bà Đỗ Thị Hằng"], positions(moved)["Bà Đỗ Thị Hằng"]
    assert (b[0] - a[0], b[1] - a[1]) == (
        pytest.approx(3.5 * mm, abs=0.002),
        pytest.approx(2 * mm, abs=0.002),
    )
    blank_text = page_texts(plain)[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in blank_text and "Bà Đỗ Thị Hằng" in blank_text


def test_alignment_page_shows_the_grid_and_each_field_box(world: World, tmp_path: Path) -> None:
    nid = world.award("Đỗ Văn Căn")
    out = tmp_path / "align.pdf"
    result = make_certificates(world.db, Selection(ids=(nid,)), out=out, mode="blank", offset_mm=(1, 2),
                               alignment_page=True)  # fmt: skip
    assert result.pages == 2
    first = page_texts(out)[0]
    assert "TRANG CĂN CHỈNH" in first and "lệch x = 1 mm, y = 2 mm" in first
    for label in ("Người (tập thể) được khen thưởng (recipient)", "Số sổ vàng (register_number)", "Mã QR"):
        assert label in first
    assert "Quốc hiệu" not in first  # pre-printed on the blank


def test_printer_offsets_are_stored_per_printer() -> None:
    save_offsets("HP LaserJet phòng TĐKT", 1.5, -0.5)
    assert load_offsets("HP LaserJet phòng TĐKT") == (1.5, -0.5)
    assert load_offsets("Canon") == (0.0, 0.0)
    with pytest.raises(DomainError):
        save_offsets("Canon", 80, 0)


def test_an_unwritable_output_fails_before_any_work_and_leaves_no_file(world: World, tmp_path: Path) -> None:
    nid = world.award("Bùi Thị Lụa")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DomainError, match="không tồn tại|Không ghi được"):
        make_certificates(world.db, Selection(ids=(nid,)), out=blocker / "out.pdf")
    with pytest.raises(DomainError):
        make_certificates(world.db, Selection(ids=(nid,)), split_dir=blocker / "dir")
    with world.db.read() as session:
        from app.model import RegisterEntry

        assert session.query(RegisterEntry).count() == 0  # no number taken
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "keys", "thidua.sqlite3", "thidua.sqlite3-shm",
                                                         "thidua.sqlite3-wal"] or not (blocker / "out.pdf").exists()  # fmt: skip


def test_cancel_leaves_no_partial_file(world: World, tmp_path: Path) -> None:
    decision = world.decision("9/QĐ-UBND")
    for name in ("An Văn Một", "An Văn Hai", "An Văn Ba"):
        world.award(name, decision=decision)
    out = tmp_path / "cancel.pdf"
    calls = iter(range(100))
    result = make_certificates(world.db, Selection(decision="9/QĐ-UBND"), out=out,
                               cancelled=lambda: next(calls) >= 4)  # fmt: skip
    assert result.cancelled and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cancel")] == []


def test_split_writes_one_file_per_certificate_named_after_the_recipient(
    world: World, tmp_path: Path
) -> None:
    decision = world.decision("10/QĐ-UBND")
    for name in ("Nguyễn Thị Ánh", "Trần Văn Ước"):
        world.award(name, decision=decision)
    folder = tmp_path / "giay khen"
    result = make_certificates(world.db, Selection(decision="10/QĐ-UBND"), split_dir=folder)
    assert sorted(p.name for p in folder.iterdir()) == ["Nguyễn Thị Ánh.pdf", "Trần Văn Ước.pdf"]
    assert all(len(page_texts(p)) == 1 for p in result.files)


def test_safe_file_names_keep_vietnamese_and_drop_what_paths_cannot_hold() -> None:
    assert safe_filename("Nguyễn Văn Đức") == "Nguyễn Văn Đức.pdf"
    assert safe_filename('Phòng A/B: "Tổ 1" <x>|?*') == "Phòng A_B_ _Tổ 1_ _x____.pdf"
    assert safe_filename("../../etc/passwd") == "_.._etc_passwd.pdf"
    assert safe_filename("CON") == "_CON.pdf"
    assert len(safe_filename("Đ" * 300).encode()) <= 154


def test_non_approved_or_revoked_awards_cannot_be_printed(world: World, tmp_path: Path) -> None:
    from app.services import nominations as N

    pending = world.award("Chưa Có Quyết Định", approve=False)
    revoked = world.award("Bị Thu Hồi")
    N.revoke(world.db, [revoked], "Khai man thành tích")
    for nid in (pending, revoked):
        with pytest.raises(DomainError, match="Chỉ in giấy chứng nhận cho khen thưởng đã có quyết định"):
            make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_layouts_load_and_errors_name_the_file_and_field(tmp_path: Path) -> None:
    layouts = load_layouts()
    assert {"giay_khen", "bang_khen", "chien_si_thi_dua", "lao_dong_tien_tien", "tap_the_thi_dua"} <= set(
        layouts
    )
    assert layouts["giay_khen"].page_mm == (297.0, 210.0)
    bad = tmp_path / "hong.toml"
    source = (Path(layouts["giay_khen"].source)).read_text(encoding="utf-8")
    bad.write_text(source.replace("min_size = 13", "min_size = 30", 1), encoding="utf-8")
    with pytest.raises(
        LayoutError, match="Mẫu «hong.toml», trường «recipient»: cỡ chữ tối thiểu lớn hơn cỡ chữ"
    ):
        load_layout(bad)
    bad.write_text(source.replace("{signer_name}", "{signer_name.__class__}"), encoding="utf-8")
    with pytest.raises(LayoutError, match="biến"):
        load_layout(bad)


def test_a_user_copy_of_a_layout_replaces_the_built_in_one() -> None:
    copy = duplicate_layout("giay_khen")
    assert copy.key == "giay_khen" and copy.source.parent == user_layouts_dir()
    save_layout(copy.key, {**layout_document(copy), "name": "Giấy khen (của tôi)"})
    assert load_layouts()["giay_khen"].name == "Giấy khen (của tôi)"
    with pytest.raises(DomainError, match="Đã có mẫu"):
        duplicate_layout("giay_khen", "giay_khen")


def test_fast_qr_matches_reportlabs_encoder() -> None:
    for n in (10, 60, 124, 200):
        text = "TDV1:" + base64.b32encode(os.urandom(n)).decode().rstrip("=")
        reference = qrencoder.QRCode(None, qr.LEVEL)
        reference.addData(text)
        reference.version = reference.calculate_version()
        reference.makeImpl(False, qr.MASK)
        assert qr.encode(text) == [[bool(x) for x in row] for row in reference.modules]


def test_cli_prints_a_decision_and_verifies_a_code(world: World, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    world.award("Lâm Thị Hồng", decision=world.decision("11/QĐ-UBND"))
    world.db.dispose()
    out = tmp_path / "cli.pdf"
    status = main(["--db", db_url, "certificates", "--decision", "11/QĐ-UBND", "--out", str(out)])
    printed = capsys.readouterr().out
    assert status == 0 and out.is_file() and "Lâm Thị Hồng" in printed
    code = printed.split()[2]
    assert main(["--db", db_url, "verify", code]) == 0
    assert "HỢP LỆ" in capsys.readouterr().out
    assert main(["--db", db_url, "verify", code[:-1] + ("A" if code[-1] != "A" else "B")]) == 1
