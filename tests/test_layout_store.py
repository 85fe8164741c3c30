"""User layouts: TOML written back exactly, saves checked and atomic, built-ins protected, and the
sample preview following the boxes."""

from __future__ import annotations

import copy
import dataclasses
import os
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

os.environ.setdefault("THIDUA_BUNDLED_FONTS", "1")

from app.certificates import layout_store as S  # noqa: E402
from app.certificates.layouts import (  # noqa: E402
    FieldSpec,
    Layout,
    LayoutError,
    builtin_dir,
    load_layout,
    load_layouts,
    parse_layout,
)
from app.errors import DomainError  # noqa: E402

BUILTIN_KEYS = sorted(p.stem for p in builtin_dir().glob("*.toml"))


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-layouts"
    monkeypatch.setenv("THIDUA_LAYOUTS", str(folder))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def builtin_bytes() -> dict[str, bytes]:
    return snapshot(builtin_dir())


# -- TOML round trip -------------------------------------------------------------------------
@pytest.mark.parametrize("key", BUILTIN_KEYS)
def test_every_builtin_layout_written_as_toml_reads_back_equal(key: str, tmp_path: Path) -> None:
    original = load_layout(builtin_dir() / f"{key}.toml")
    path = tmp_path / f"{key}.toml"
    path.write_text(S.layout_toml(original), encoding="utf-8")

    again = load_layout(path)

    assert again == dataclasses.replace(original, source=path)


def test_text_with_quotes_backslashes_and_tabs_survives_the_writer(tmp_path: Path) -> None:
    doc = S.layout_document(load_layout(builtin_dir() / "giay_khen.toml"))
    doc["name"] = 'Mẫu "đặc biệt" \\ của phòng'
    doc["field"][0]["label"] = "Quốc hiệu\t(dòng 1)"
    path = tmp_path / "odd.toml"

    written = S.dumps(doc)
    again = parse_layout(path, tomllib.loads(written))

    assert again.name == 'Mẫu "đặc biệt" \\ của phòng'
    assert again.fields[0].label == "Quốc hiệu (dòng 1)"  # clean() turns the tab into a space


def test_the_writer_knows_every_attribute_of_a_layout() -> None:
    """A new Layout/FieldSpec attribute must be written by layout_document, or saving a user's
    layout would silently drop it: this fails until layout_store learns it."""
    assert {f.name for f in dataclasses.fields(Layout)} == S.LAYOUT_ATTRIBUTES
    assert {f.name for f in dataclasses.fields(FieldSpec)} == S.FIELD_ATTRIBUTES


def test_portrait_pages_are_written_back_as_portrait(tmp_path: Path) -> None:
    doc = S.layout_document(load_layout(builtin_dir() / "giay_khen.toml"))
    doc["page"] = {"size": "A3", "orientation": "portrait"}
    layout = parse_layout(tmp_path / "p.toml", doc)

    assert S.layout_document(layout)["page"] == {"size": "A3", "orientation": "portrait"}


# -- saving ----------------------------------------------------------------------------------
def test_a_saved_change_is_in_the_file_and_the_file_loads(user_dir: Path) -> None:
    copy_ = S.duplicate_layout("giay_khen")
    doc = S.layout_document(copy_)
    recipient = next(f for f in doc["field"] if f["name"] == "recipient")
    recipient["box"][0] = 30.5

    S.save_layout("giay_khen", doc)

    again = load_layout(user_dir / "giay_khen.toml")
    assert again.field("recipient").box[0] == 30.5
    assert load_layouts()["giay_khen"].source == user_dir / "giay_khen.toml"
    assert [p.name for p in user_dir.iterdir()] == ["giay_khen.toml"]  # no temporary file left


def test_saving_an_invalid_layout_writes_nothing_and_says_why_in_vietnamese(user_dir: Path) -> None:
    S.duplicate_layout("bang_khen")
    before = snapshot(user_dir)
    doc = S.layout_document(load_layout(user_dir / "bang_khen.toml"))
    next(f for f in doc["field"] if f["name"] == "recipient")["box"][0] = 200  # 200 + 245 > 297

    with pytest.raises(LayoutError) as err:
        S.save_layout("bang_khen", doc)

    assert "trường «recipient»" in err.value.message
    assert "vượt ra ngoài trang 297×210 mm" in err.value.message
    assert snapshot(user_dir) == before


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["field"][2].__setitem__("text", "{ten_sai}"), "biến «{ten_sai}» không có"),
        (lambda d: d["field"][2].__setitem__("min_size", 40), "cỡ chữ tối thiểu lớn hơn cỡ chữ"),
        (lambda d: d["field"][2].__setitem__("size", "mười"), "Cỡ chữ phải là số"),
        (lambda d: d["page"].__setitem__("orientation", "portrait"), "vượt ra ngoài trang 210×297 mm"),
        # a fixed text of the design that no longer fits its box would stop every print
        (lambda d: d["field"][0]["box"].__setitem__(2, 40), "nội dung không vừa ô"),
    ],
)
def test_each_kind_of_bad_value_is_refused_before_writing(user_dir: Path, change, words: str) -> None:  # type: ignore[no-untyped-def]
    S.duplicate_layout("giay_khen")
    before = snapshot(user_dir)
    doc = S.layout_document(load_layout(user_dir / "giay_khen.toml"))
    change(doc)

    with pytest.raises(DomainError) as err:
        S.save_layout("giay_khen", doc)

    assert words in err.value.message
    assert snapshot(user_dir) == before


def test_save_does_not_change_the_document_it_is_given(user_dir: Path) -> None:
    S.duplicate_layout("giay_khen")
    doc = S.layout_document(load_layout(user_dir / "giay_khen.toml"))
    doc["name"] = "  Giấy   khen  phòng "
    kept = copy.deepcopy(doc)

    saved = S.save_layout("giay_khen", doc)

    assert doc == kept
    assert saved.name == "Giấy khen phòng"


# -- built-ins are protected -----------------------------------------------------------------
def test_builtin_layouts_cannot_be_saved_over_or_deleted(user_dir: Path) -> None:
    before = builtin_bytes()
    doc = S.layout_document(load_layout(builtin_dir() / "giay_khen.toml"))

    with pytest.raises(DomainError, match="mẫu có sẵn: hãy sao chép"):
        S.save_layout("giay_khen", doc)
    with pytest.raises(DomainError, match="mẫu có sẵn, không xóa được"):
        S.delete_layout("giay_khen")

    assert builtin_bytes() == before
    assert not user_dir.exists() or not any(user_dir.iterdir())


def test_a_user_folder_pointing_at_the_builtin_folder_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    before = builtin_bytes()
    monkeypatch.setenv("THIDUA_LAYOUTS", str(builtin_dir()))
    doc = S.layout_document(load_layout(builtin_dir() / "giay_khen.toml"))

    for action in (lambda: S.save_layout("giay_khen", doc), lambda: S.delete_layout("giay_khen"),
                   lambda: S.duplicate_layout("giay_khen", "ban_sao")):  # fmt: skip
        with pytest.raises(DomainError, match="trùng thư mục mẫu có sẵn"):
            action()
    assert builtin_bytes() == before


def test_copies_first_replace_the_builtin_then_get_new_keys(user_dir: Path) -> None:
    first = S.duplicate_layout("giay_khen")
    second = S.duplicate_layout("giay_khen")  # a copy of the user's own copy

    assert (first.key, first.name) == ("giay_khen", "Giấy khen")
    assert (second.key, second.name) == ("giay_khen_2", "Giấy khen (bản sao)")
    assert sorted(p.name for p in user_dir.iterdir()) == ["giay_khen.toml", "giay_khen_2.toml"]
    entries = {(e.key, e.builtin): e for e in S.list_layouts()}
    assert entries[("giay_khen", True)].replaced
    assert not entries[("bang_khen", True)].replaced


def test_deleting_a_user_copy_brings_the_builtin_back(user_dir: Path) -> None:
    S.duplicate_layout("giay_khen")

    S.delete_layout("giay_khen")

    assert load_layouts()["giay_khen"].source == builtin_dir() / "giay_khen.toml"
    with pytest.raises(DomainError):
        S.delete_layout("khong_co")


def test_a_broken_user_file_is_listed_with_its_error(user_dir: Path) -> None:
    user_dir.mkdir(parents=True)
    (user_dir / "hong.toml").write_text('name = "Hỏng"\n[page]\nsize = "B5"\n', encoding="utf-8")

    entries = {e.key: e for e in S.list_layouts() if not e.builtin}

    assert entries["hong"].layout is None
    assert "khổ giấy «B5» không hỗ trợ" in entries["hong"].error


# -- the sample preview ----------------------------------------------------------------------
def text_origins(pdf: bytes, page: int) -> dict[str, tuple[float, float]]:
    import io

    found: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            found.setdefault(text.strip(), (tm[4], tm[5]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def test_the_sample_has_a_full_a_blank_and_an_alignment_page_with_every_field() -> None:
    layout = load_layout(builtin_dir() / "giay_khen.toml")

    preview = S.sample_pdf(layout)

    assert preview.pages == (S.PAGE_FULL, S.PAGE_BLANK, S.PAGE_ALIGNMENT)
    assert preview.problems == ()
    full, blank, alignment = (text_origins(preview.pdf, i) for i in range(3))
    assert "Bà Nguyễn Thị Ngọc Ánh" in full and "Bà Nguyễn Thị Ngọc Ánh" in blank
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in full
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in blank  # printed on the blank already
    assert any(t.startswith("TRANG CĂN CHỈNH") for t in alignment)


@pytest.mark.parametrize("page", [0, 1])
@pytest.mark.parametrize(("index", "dx", "dy"), [(0, 10, 0), (1, 0, 10)])
def test_moving_a_box_by_10_mm_moves_its_text_by_10_mm(
    tmp_path: Path, page: int, index: int, dx: float, dy: float
) -> None:
    layout = load_layout(builtin_dir() / "bang_khen.toml")
    doc = S.layout_document(layout)
    box = next(f for f in doc["field"] if f["name"] == "recipient")["box"]
    box[index] += 10
    moved = parse_layout(layout.source, doc)

    before = text_origins(S.sample_pdf(layout).pdf, page)
    after = text_origins(S.sample_pdf(moved).pdf, page)

    name = "Bà Nguyễn Thị Ngọc Ánh"
    # PDF y grows upwards, layout y downwards
    assert after[name][0] - before[name][0] == pytest.approx(dx * mm, abs=0.01)
    assert before[name][1] - after[name][1] == pytest.approx(dy * mm, abs=0.01)
    still = "Quyết định số: 123/QĐ-UBND"
    assert after[still] == before[still]


def test_a_field_too_small_for_the_sample_is_reported_not_cut(tmp_path: Path) -> None:
    layout = load_layout(builtin_dir() / "giay_khen.toml")
    doc = S.layout_document(layout)
    next(f for f in doc["field"] if f["name"] == "recipient")["box"][2] = 30
    narrow = parse_layout(layout.source, doc)

    preview = S.sample_pdf(narrow)

    assert len(preview.problems) == 1 and "nội dung không vừa ô" in preview.problems[0]
    assert "Bà Nguyễn Thị Ngọc Ánh" not in text_origins(preview.pdf, 0)


def test_a_collective_layout_is_previewed_with_a_collective() -> None:
    layout = load_layout(builtin_dir() / "tap_the_thi_dua.toml")

    values = S.sample_values(layout)

    assert values["honorific"] == "" and values["name"] == "Phòng Kế hoạch - Đầu tư"


def test_a_name_with_a_control_character_is_written_escaped_and_reads_back(user_dir: Path) -> None:
    copy_ = S.duplicate_layout("giay_khen")
    doc = S.layout_document(copy_)
    doc["name"] = "Mẫu\x01 riêng"
    saved = S.save_layout(copy_.key, doc)  # before: the name went raw into a comment, invalid TOML
    text = (user_dir / f"{copy_.key}.toml").read_text(encoding="utf-8")
    assert "\x01" not in text
    assert load_layout(user_dir / f"{copy_.key}.toml").name == saved.name
