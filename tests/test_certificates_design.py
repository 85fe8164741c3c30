"""Certificates: the printed design (flags beside the emblem) and the fast drawing paths, checked
against what ReportLab itself would produce."""

from __future__ import annotations

import base64
import io
import random
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from test_certificates_support import World, isolated_settings, page_texts  # noqa: F401 - autouse fixture

from app.certificates import qr
from app.certificates.batch import make_certificates
from app.certificates.fonts import font_family
from app.certificates.layouts import LayoutError, load_layout, load_layouts
from app.certificates.render import FLAG_RED, FLAG_YELLOW, CertificateCanvas, flag_shapes
from app.certificates.selection import Selection
from app.certificates.signing import _b32, qr_text_of, signature_bytes

DPI = 40


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def _render(pdf: Path, folder: Path) -> tuple[int, int, bytes]:
    """Page 1 as (width, height, RGB bytes), through pdftoppm's plain PPM output."""
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf), str(folder / "page")], check=True
    )
    data = next(folder.glob("page*.ppm")).read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert (magic, depth) == (b"P6", b"255")
    return int(width), int(height), pixels


def _near(pixel: bytes, hex_colour: str, tolerance: int = 12) -> bool:
    target = bytes.fromhex(hex_colour[1:])
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


def _flag_pixels(pdf: Path, folder: Path, emblem: tuple[float, float, float]) -> dict[str, int]:
    """Pixels of the flags' red and yellow left and right of the emblem, in the area the flags
    take (the emblem itself, whose red and yellow are other shades, is left out)."""
    width, height, pixels = _render(pdf, folder)
    ex, ey, er = emblem
    scale = DPI / 25.4  # pixels per mm
    counts = {"left red": 0, "right red": 0, "yellow": 0}
    for row in range(int((ey - 1.2 * er) * scale), int((ey + 1.2 * er) * scale)):
        for col in range(int((ex - 3 * er) * scale), int((ex + 3 * er) * scale)):
            if abs(col - ex * scale) < 1.15 * er * scale:
                continue
            at = 3 * (row * width + col)
            pixel = pixels[at : at + 3]
            if _near(pixel, FLAG_RED):
                counts["left red" if col < ex * scale else "right red"] += 1
            elif _near(pixel, FLAG_YELLOW):
                counts["yellow"] += 1
    return counts


def test_the_chien_si_thi_dua_certificate_has_flags_beside_the_emblem_and_others_do_not(
    world: World, tmp_path: Path
) -> None:
    layouts = load_layouts()
    assert layouts["chien_si_thi_dua"].flags
    cases = {
        "CSTDCS": "chien_si_thi_dua",
        "BK_TINH_CN": "bang_khen",
        "GK_CN": "giay_khen",
        "LDTT": "lao_dong_tien_tien",
    }
    for code, key in cases.items():
        # A unit head's Giấy khen goes into the head's own decision, not the province's (decision fit).
        own = world.decision(issuer="Sở Tài chính") if code == "GK_CN" else None
        nid = world.award(
            f"Phạm Thị Hạnh {code}", code, achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025", decision=own
        )
        out = tmp_path / f"{code}.pdf"
        # LĐTT carries no certificate by law (Decree 152/2025 Art. 50): its layout prints on request.
        make_certificates(world.db, Selection(ids=(nid,), include_cash_only=code == "LDTT"), out=out)
        folder = tmp_path / code
        folder.mkdir()
        counts = _flag_pixels(out, folder, layouts[key].emblem)
        if code == "CSTDCS":
            assert counts["left red"] > 100 and counts["right red"] > 100 and counts["yellow"] > 10, counts
        else:
            assert not layouts[key].flags
            assert counts == {"left red": 0, "right red": 0, "yellow": 0}, (code, counts)
    # on a pre-printed blank the design (and so the flags) is not printed
    blank = tmp_path / "blank.pdf"
    make_certificates(world.db, Selection(ids=(world.award("Lý Văn Út", "CSTDCS"),)), out=blank, mode="blank")
    (tmp_path / "blank").mkdir()
    assert _flag_pixels(blank, tmp_path / "blank", layouts["chien_si_thi_dua"].emblem)["left red"] == 0


def test_a_layout_says_whether_its_design_has_flags(tmp_path: Path) -> None:
    source = load_layouts()["bang_khen"].source.read_text(encoding="utf-8")
    path = tmp_path / "co.toml"
    path.write_text(source.replace("[design]", "[design]\nflags = true"), encoding="utf-8")
    assert load_layout(path).flags
    path.write_text(source.replace("[design]", '[design]\nflags = "có"'), encoding="utf-8")
    with pytest.raises(LayoutError, match="flags phải là true hoặc false"):
        load_layout(path)


def test_flags_hang_beside_the_emblem_inside_the_frame() -> None:
    x, y, r = 148.5 * mm, (210 - 24) * mm, 12 * mm
    for side, (_bottom, _top, *cloth) in zip((-1, 1), flag_shapes(x, y, r), strict=True):
        xs = [px for px, _ in cloth]
        ys = [py for _, py in cloth]
        assert all(side * (px - x) > r for px in xs)  # beside the emblem, not over its centre
        assert max(ys) < 210 * mm - 12 * mm  # below the border's inner frame
        assert min(ys) > y - r  # above the national title


def test_base32_matches_the_standard_library() -> None:
    rng = random.Random(5)
    for n in range(0, 200):
        data = bytes(rng.randrange(256) for _ in range(n))
        assert _b32(data) == base64.b32encode(data).decode().rstrip("=")


def test_encoded_text_is_what_reportlab_would_write_for_any_characters() -> None:
    family = font_family()
    pdf = CertificateCanvas(io.BytesIO(), family)
    letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    letters += letters.upper() + "bcdfgklmnqrstvx 0123456789,.-/():<>&\\\u00a0"
    letters += "".join(map(chr, range(0x410, 0x450))) + "".join(
        map(chr, range(0x3B1, 0x3CA))
    )  # past one subset
    rng = random.Random(7)
    texts = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(2000)]
    for style in ("regular", "bolditalic"):
        name = family.name(style)
        font = pdfmetrics.getFont(name)
        doc = pdf.c._doc
        for text in texts:
            expected = " ".join(
                f"{font.getSubsetInternalName(s, doc)} 13 Tf ({pdf.c._escape(chunk)}) Tj"
                for s, chunk in font.splitString(text, doc)
            )
            assert pdf._encoded(name, 13, text) == expected, text
        assert len(font.state[doc].subsets) > 1  # the fallback for a second subset was exercised


def test_each_page_draws_its_own_signed_qr_code_and_the_decision_fields_once(
    world: World, tmp_path: Path
) -> None:
    first, second = world.decision(), world.decision()
    ids = [
        world.award(n, decision=d)
        for n, d in (("Mai Văn Lộc", first), ("Hà Thị Lụa", second), ("Tô Văn Ba", first))
    ]
    out = tmp_path / "batch.pdf"
    result = make_certificates(world.db, Selection(ids=tuple(ids)), out=out)
    reader = PdfReader(str(out))
    forms = set()
    for page, printed in zip(reader.pages, result.printed, strict=True):
        text = qr_text_of(printed.payload, signature_bytes(printed.signature))
        xobjects = page["/Resources"]["/XObject"]
        assert xobjects["/QR"].get_data() == qr.encode_image(text)[1]
        forms |= {k for k in xobjects if "fields_" in k}
    assert len(forms) == 2  # one form per decision holds its repeated fields
    texts = page_texts(out)
    assert first.number_text in texts[[p.recipient for p in result.printed].index("Mai Văn Lộc")]
    assert second.number_text in texts[[p.recipient for p in result.printed].index("Hà Thị Lụa")]
