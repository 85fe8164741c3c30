"""Nominations from a list in another office's layout: a Word danh sách or another system's .xlsx.

The header is found as the row naming the most fields (:func:`.mapping.guess`), with a second
header row under it when a header cell spans two rows ("Năm sinh" over "Nam" | "Nữ"); a row of
column numbers under it is skipped. A heading row ("I. CHIẾN SĨ THI ĐUA CƠ SỞ: 2 cá nhân", "B.
TẬP THỂ") gives its award or its kind of nominee to the rows under it. The columns' fields are
the ones remembered for this layout, else guessed; a real import needs them confirmed (once: they
are then remembered with the import, in its transaction).

Each row is then matched to what the book holds: the award named in words to a catalogue code
(for the row's kind of nominee), a person by CCCD, else by folded name + birth year (or date) +
unit (named in words, in the row or given once for the sender); a collective by its unit's name.
A row naming no one, or more than one, is reported with the candidates, never guessed. The
records go to the nominations handler as any import's do: all or nothing, every problem of every
row in one report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..model import Award, Person, Unit
from ..storage.db import chunks
from ..text import fold
from . import fields as F
from . import mapping as M
from .handler import Handler, ImportReport, NothingWritten, Problem
from .safety import refuse
from .xlsx import column_letter

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .importer import _Load

HEADER_SCAN_ROWS = 30
_NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?$")
_TOTAL = re.compile(r"^(tong|cong)\b")
_SALUTATION = re.compile(r"^(ong|ba|dong chi|d/c|đ/c)\.?\s+")


@dataclass
class ImportOptions:
    """What the clerk gives once for a list in another layout."""

    year: int | None = None  # when the list has no year column
    unit_code: str | None = None  # the sender's unit: persons are looked for under it
    overrides: dict[int, str] = field(default_factory=dict)  # column (from 0) -> field
    confirm: bool = False  # the mapping shown is confirmed: remember it with the import


# What stops a list in another layout before its rows are read (ui.error_catalogue: messages).
STOPS = {
    "no_name": "Bảng không có cột họ và tên (hoặc số CCCD): không biết đề nghị cho ai.",
    "no_year": "Danh sách không có cột năm: hãy cho biết năm đề nghị (ô «Năm đề nghị», hoặc --year NĂM).",
    "unconfirmed": "Cách hiểu các cột chưa được xác nhận: hãy xem lại (chạy thử) rồi xác nhận (--mapping confirm).",
}


def _texts(row: dict[int, object]) -> dict[int, str]:
    return {c: v.strip() for c, v in row.items() if isinstance(v, str) and v.strip()}


def find_header(
    head: list[tuple[int, dict[int, object]]], conv: F.Converter
) -> tuple[int, dict[int, str], int] | None:
    """(index of the header's first row, {column: header text}, rows it takes) or None."""
    best: tuple[int, int] | None = None  # (score, index)
    for index, (_n, row) in enumerate(head):
        fields = set(M.guess_all({c: conv.text(v) for c, v in _texts(row).items()}).values()) - {""}
        if "full_name" not in fields and "cccd" not in fields:
            continue
        if best is None or len(fields) > best[0]:
            best = (len(fields), index)
    if best is None:
        return None
    index = best[1]
    top = _texts(head[index][1])
    headers = dict(top)
    taken = 1
    if index + 1 < len(head):
        sub = _texts(head[index + 1][1])
        repeats = any(top.get(c) == v for c, v in sub.items())
        numeric = any(isinstance(v, int | float) for v in head[index + 1][1].values())
        if sub and repeats and not numeric:
            for c, v in sub.items():
                headers[c] = v if c not in top else top[c] if top[c] == v else f"{top[c]} {v}"
            taken = 2
    # Converted whole: "N¨m sinh N÷" is TCVN3 where "N÷" alone does not show it.
    headers = {c: conv.text(v) for c, v in headers.items()}
    if index + taken < len(head):
        nums = head[index + taken][1]
        if len(nums) >= 3 and all(_NUMBER_CELL.match(str(v).strip()) for v in nums.values()):
            taken += 1
    return index, headers, taken


@dataclass
class _Row:
    number: int
    values: dict[str, object]
    section_award: str
    section_category: str | None


class _Book:
    """What the rows are matched against, read once."""

    def __init__(self, session: Session, names: set[str], awards: M.AwardNames) -> None:
        self.awards = awards
        self.units: dict[int, tuple[str, str, int | None]] = {}
        self.by_code: dict[str, int] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.children: dict[int, list[int]] = defaultdict(list)
        for uid, code, name, parent in session.execute(select(Unit.id, Unit.code, Unit.name, Unit.parent_id)):
            self.units[uid] = (code, name, parent)
            self.by_code[code.upper()] = uid
            self.by_key[F.header_key(name)].append(uid)
            if parent is not None:
                self.children[parent].append(uid)
        self.keys = sorted(self.by_key, key=len, reverse=True)
        self._inside: dict[str, list[int]] = {}
        self.people: dict[str, list[Any]] = defaultdict(list)
        for chunk in chunks(sorted(names)):
            for p in session.execute(
                select(
                    Person.id, Person.full_name, Person.name_fold, Person.birth_date, Person.birth_year,
                    Person.gender, Person.unit_id,
                ).where(Person.name_fold.in_(chunk))
            ):  # fmt: skip
                self.people[p.name_fold].append(p)

    def subtree(self, uid: int) -> set[int]:
        out, todo = set(), [uid]
        while todo:
            u = todo.pop()
            if u not in out:
                out.add(u)
                todo += self.children.get(u, [])
        return out

    def find_units(self, text: str, *, whole: bool = False) -> list[int]:
        """Units ``text`` names: by code, by folded name, else (unless ``whole``) the longest name in it."""
        code = self.by_code.get(text.strip().upper())
        if code is not None:
            return [code]
        key = F.header_key(text)
        if key in self.by_key:
            return list(self.by_key[key])
        if whole or not key:
            return []
        if key not in self._inside:
            # Every unit named in the text; the ones under another named there are the meant ones
            # ("Văn phòng Sở, Sở Tài chính": the Văn phòng of Sở Tài chính, not every Văn phòng).
            named = [u for k in self.keys if len(k) >= 6 and k in key for u in self.by_key[k]]
            within = set(named)
            nested = [u for u in named if self._ancestors(u) & within]
            self._inside[key] = nested or named
        return list(self._inside[key])

    def _ancestors(self, uid: int) -> set[int]:
        out: set[int] = set()
        parent = self.units[uid][2]
        while parent is not None and parent not in out:
            out.add(parent)
            parent = self.units[parent][2] if parent in self.units else None
        return out

    def unit_name(self, uid: int) -> str:
        """The unit's name, with its parent's when it has one ("Văn phòng Sở, Sở Tài chính")."""
        _code, name, parent = self.units[uid]
        return f"{name}, {self.units[parent][1]}" if parent in self.units else name


def read(
    load: _Load,
    path: Path,
    handler: Handler,
    report: ImportReport,
    rows: Iterator[tuple[int, dict[int, object]]],
    head: list[tuple[int, dict[int, object]]],
    options: ImportOptions,
    conv: F.Converter,
) -> None:
    """Read a list in another layout; see the module doc. Raises the importer's ``NothingWritten``
    (through ``stop``) when the file cannot be read at all."""
    from ..services import import_mappings

    docx = path.suffix.lower() == ".docx"
    probe = F.Converter({})  # for the layout: only the cells read into records count as converted
    found = find_header(head, probe)
    if found is None:
        raise refuse(
            path,
            "không tìm thấy bảng danh sách: cần một dòng tiêu đề có cột «Họ và tên» (hoặc «Số CCCD»).",
        )
    index, headers, taken = found
    report.header_row = head[index][0]
    key = M.signature(headers)
    with load.db.read() as session:
        remembered = import_mappings.load(session, key)
        if remembered is not None:
            remembered = {c: f for c, f in remembered.items() if f in M.FIELDS}
        awards = M.AwardNames(
            M.AwardRef(a.code, a.name, a.target.value) for a in session.scalars(select(Award))
        )
    fields = dict(remembered) if remembered is not None else M.guess_all(headers)
    for col, f in options.overrides.items():
        for c in [c for c, g in fields.items() if g == f and f and c != col]:
            fields[c] = ""
        fields[col] = f
        headers.setdefault(col, f"Cột {col + 1}")
    fields = {c: fields.get(c, "") for c in headers}
    if options.confirm:
        source = "confirmed"
    elif remembered is not None and not options.overrides:
        source = "remembered"
    else:
        source = "guessed"
    report.mapping = M.Mapping(key, headers, fields, source)
    report.columns = {f: headers[c] for c, f in fields.items() if f}
    report.ignored_columns = [headers[c] for c, f in fields.items() if not f]

    def label(col: int) -> str:
        where = f"cột {col + 1}" if docx else f"cột {column_letter(col)}"
        return f"{headers[col]} ({where})"

    by_field = {f: c for c, f in fields.items() if f}
    stop: list[str] = []
    if "full_name" not in by_field and "cccd" not in by_field:
        stop.append(STOPS["no_name"])
    if "year" not in by_field and options.year is None:
        stop.append(STOPS["no_year"])
    if not load.dry_run and source == "guessed":
        stop.append(STOPS["unconfirmed"])
    sender: set[int] | None = None

    # Read every row (the book is searched once, for all the names at once).
    parsed: list[_Row] = []
    award, cat = "", None
    for _n, row in head[:index]:  # headings above the header: only one naming an award or a kind
        distinct = {probe.text(v) for v in row.values()}
        if len(distinct) == 1:
            text = next(iter(distinct))
            if M.section_category(text) is not None:
                cat = M.section_category(text)
            elif awards.names(text):
                award = text
    header_texts = {F.header_key(h) for h in headers.values()} | {
        F.header_key(probe.text(v)) for _n, row in head[index : index + taken] for v in _texts(row).values()
    }
    name_col = by_field.get("full_name")
    stt_col = by_field.get("stt")
    converters = {c: conv.column(_field_kind(f)) for c, f in fields.items() if f}
    rest = head[index + taken :]
    for number, row in _chain(rest, rows):
        texts = _texts(row)
        if not row:
            continue
        distinct = {probe.text(v) for v in row.values()}
        if len(distinct) == 1 and (len(row) > 1 or next(iter(row)) != name_col or next(iter(row)) == stt_col):
            text = next(iter(distinct))
            kind = M.section_category(text)
            if kind is not None:
                cat = kind
            else:
                award = text
            continue
        if texts and {F.header_key(t) for t in texts.values()} <= header_texts:
            continue  # the header again, atop the next table
        if len(row) >= 3 and all(_NUMBER_CELL.match(str(v).strip()) for v in row.values()):
            continue  # the row of column numbers again (a nominee has a name, not a number)
        values: dict[str, object] = {}
        bad = False
        for col, convert in converters.items():
            raw = row.get(col)
            if raw is None or raw == "":
                continue
            try:
                value = convert(raw)
            except F.CellProblem as exc:
                report.problems.append(Problem(number, label(col), str(exc)))
                bad = True
                continue
            if value != "":
                values[fields[col]] = value
        if not any(values.get(k) for k in ("full_name", "cccd")):
            joined = fold(" ".join(distinct))
            if not values or _TOTAL.match(joined) or set(values) <= {"stt"}:
                continue  # a total, a note, a blank numbered row
        report.rows_read += 1
        parsed.append(_Row(number, values if not bad else {**values, "_bad": True}, award, cat))
    if stop:
        report.problems.extend(Problem(report.header_row, "", m) for m in stop)
        raise NothingWritten

    names = {fold(str(r.values["full_name"])) for r in parsed if r.values.get("full_name")}
    names |= {_SALUTATION.sub("", n) for n in names}
    with load.db.read() as session:
        book = _Book(session, names, awards)
    if options.unit_code:
        uid = book.by_code.get(options.unit_code.strip().upper())
        if uid is None:
            report.problems.append(Problem(None, "", f"không có đơn vị mã «{options.unit_code}» trong sổ."))
            raise NothingWritten
        sender = book.subtree(uid)

    batch: list[object] = []
    for r in parsed:
        values, errors = _resolve(r, book, options, sender, by_field, label)
        for col_label, message in errors:
            report.problems.append(Problem(r.number, col_label, message))
        if errors or values.pop("_bad", False):
            continue
        record, problems = handler.build(r.number, values)
        for k, message in problems:
            at = by_field.get(k)
            report.problems.append(Problem(r.number, label(at) if at is not None else "", message))
        if record is not None and not problems:
            batch.append(record)
    if report.rows_read == 0:
        report.problems.append(Problem(None, "", "Bảng không có dòng dữ liệu nào dưới dòng tiêu đề."))
    if source == "confirmed":
        load.on_commit.append(lambda s: import_mappings.store(s, key, headers, fields))
    before = len(report.problems)
    load.add(batch)
    # The handler names our template's columns; say the list's own instead.
    theirs = {"Mã danh hiệu": "award", "Họ và tên": "full_name", "Số CCCD": "cccd", "Mã tập thể": "full_name"}
    for i in range(before, len(report.problems)):
        p = report.problems[i]
        named = by_field.get(theirs.get(p.column, ""))
        if named is not None:
            report.problems[i] = Problem(p.row, label(named), p.message)
    report.problems.sort(key=lambda p: (p.row is None, p.row or 0))


def _chain(
    first: list[tuple[int, dict[int, object]]], rest: Iterator[tuple[int, dict[int, object]]]
) -> Iterator[tuple[int, dict[int, object]]]:
    yield from first
    yield from rest


def _field_kind(f: str) -> F.Field:
    kinds = {"birth": F.DATE, "birth_male": F.DATE, "birth_female": F.DATE, "year": F.YEAR, "cccd": F.DIGITS}
    return F.Field(f, M.FIELDS[f], kinds.get(f, F.TEXT))


def _resolve(
    r: _Row,
    book: _Book,
    options: ImportOptions,
    sender: set[int] | None,
    by_field: dict[str, int],
    label: Any,
) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """The handler's values for one row, or what stops it (column label, message)."""
    v = r.values
    errors: list[tuple[str, str]] = []

    def at(f: str) -> str:
        col = by_field.get(f)
        return str(label(col)) if col is not None else ""

    out: dict[str, object] = {"year": v.get("year", options.year)}
    if "_bad" in v:
        out["_bad"] = True
    if v.get("achievement"):
        out["achievement"] = v["achievement"]
    # The kind of nominee.
    cat: str | None = None
    if v.get("category"):
        cat = M.category(str(v["category"]))
        if cat is None:
            errors.append((at("category"), f"«{v['category']}» không phải cá nhân, tập thể hay hộ gia đình."))
    cat = cat or r.section_category
    explicit = cat is not None
    gender = _gender(v)
    if cat is None and (gender or any(k in v for k in ("birth", "birth_male", "birth_female", "cccd"))):
        cat = M.INDIVIDUAL
    # The award.
    award_text = str(v.get("award") or r.section_award or "")
    if not award_text:
        errors.append((at("award"), "thiếu danh hiệu, hình thức khen thưởng."))
    else:
        ref, why = book.awards.find(award_text, cat)
        if ref is None and cat is not None and not explicit:
            ref, _why = book.awards.find(award_text, None)  # the kind was only inferred
            if ref is not None:
                cat = ref.target
        if ref is None:
            errors.append((at("award") or "Mục", why))
        else:
            out["award"] = ref.code
            cat = cat or (M.INDIVIDUAL if ref.target != M.COLLECTIVE else M.COLLECTIVE)
    name = str(v.get("full_name", ""))
    if cat == M.COLLECTIVE:
        if not name:
            errors.append((at("full_name"), "thiếu tên tập thể."))
            return out, errors
        found = book.find_units(name, whole=True)
        if sender is not None:
            found = [u for u in found if u in sender]
        if not found:
            errors.append((at("full_name"), f"không có đơn vị «{name}» trong sổ."))
        elif len(found) > 1:
            which = "; ".join(f"{book.unit_name(u)} (mã {book.units[u][0]})" for u in found[:5])
            errors.append(
                (at("full_name"), f"«{name}» ứng với {len(found)} đơn vị: {which}. Hãy ghi mã đơn vị.")
            )
        else:
            out["collective_code"] = book.units[found[0]][0]
        return out, errors
    # A person (an individual, or a household's head).
    if v.get("cccd"):
        out["cccd"] = v["cccd"]
        return out, errors
    if not name:
        errors.append((at("full_name"), "thiếu họ và tên."))
        return out, errors
    out["full_name"] = name
    people = list(book.people.get(fold(name), []))
    lead = _SALUTATION.match(fold(name))
    if not people and lead:  # "Ông Nguyễn Văn An", "Đ/c Lê Thị Bích"
        name = name[lead.end() :].strip()
        people = list(book.people.get(fold(name), []))
        out["full_name"] = name
        gender = gender or {"ong": "male", "ba": "female"}.get(lead.group(1))
    birth = v.get("birth") or v.get("birth_male") or v.get("birth_female")
    if isinstance(birth, dt.date):
        people = [
            p
            for p in people
            if p.birth_date == birth or (p.birth_date is None and p.birth_year == birth.year)
        ]
    elif isinstance(birth, int):
        people = [p for p in people if _year(p) == birth]
    unit_text = str(v.get("unit") or v.get("position_unit") or "")
    where = ""
    if unit_text:
        units = book.find_units(unit_text)
        if units:
            inside: set[int] = set().union(*(book.subtree(u) for u in units))
            people = [p for p in people if p.unit_id in inside]
            where = f" ở {book.units[units[0]][1]}"
    if sender is not None:
        people = [p for p in people if p.unit_id in sender]
    if len(people) > 1 and gender:
        same = [p for p in people if p.gender.value == gender]
        people = same or people
    born = (
        f", sinh năm {birth if isinstance(birth, int) else birth.year}"
        if isinstance(birth, int | dt.date)
        else ""
    )
    if not people:
        errors.append((at("full_name"), f"không có «{name}»{born}{where} trong sổ."))
    elif len(people) > 1:
        which = "; ".join(
            f"{p.full_name} ({_year(p) or 'không rõ năm sinh'}, {book.unit_name(p.unit_id)}, mã {p.id})"
            for p in people[:5]
        )
        errors.append(
            (
                at("full_name"),
                f"«{name}»{born} ứng với {len(people)} người trong sổ: {which}. Hãy ghi số CCCD.",
            )
        )
    else:
        out["person_id"] = people[0].id
    return out, errors


def _year(p: Any) -> int | None:
    if p.birth_date is not None:
        return int(p.birth_date.year)
    return int(p.birth_year) if p.birth_year is not None else None


def _gender(v: dict[str, object]) -> str | None:
    if "birth_male" in v:
        return "male"
    if "birth_female" in v:
        return "female"
    key = F.header_key(str(v.get("gender") or v.get("salutation") or ""))
    if key in ("nam", "ong", "anh", "male"):
        return "male"
    if key in ("nu", "ba", "chi", "female"):
        return "female"
    return None
