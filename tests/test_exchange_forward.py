"""Issue #17, item 4: the bloc head forwards the dossiers a unit sent it to the council with the
unit's signed package; the council checks the unit's signature (valid, or not checkable without
its key; a chain that does not verify is refused), keeps the chain, answers the bloc head, and the
bloc head answers the unit with the same facts. Three books, each with its own key."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import factories
import pytest
from exchange_books import PEOPLE, Books, by_name, council_decides, register_of, unit_dossiers
from sqlalchemy import select

from app.certificates.signing import load_private_key
from app.cli import main
from app.errors import DomainError
from app.exchange import forward
from app.exchange.dossiers import send_nominations
from app.exchange.forward import forward_nominations
from app.exchange.inbox import receive
from app.exchange.package import Package, write_package
from app.exchange.replies import send_replies
from app.model import NominationStatus
from app.model.exchange import RECEIVED, ExchangePackage
from app.services.nomination_history import returned


def test_forwarded_up_checked_at_the_council_and_answered_down(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    # One book on either backend, the others SQLite copies (asked for here, not as a parameter:
    # a test that names ``template_db`` is taken for SQLite only).
    template_db = request.getfixturevalue("template_db")
    books = Books(template_db, tmp_path, monkeypatch, ("STC", "KHOI", "BTDKT"), at={"BTDKT": db_url})
    books.trust("KHOI", "STC", "BTDKT")
    books.trust("STC", "KHOI")
    books.trust("BTDKT", "KHOI")

    unit = books.open("STC")
    ids = unit_dossiers(unit)
    first = send_nominations(unit, ids, tmp_path / "len-khoi.tdkt", books.office("KHOI"))
    unit.dispose()
    bloc = books.open("KHOI")
    receive(bloc, tmp_path / "len-khoi.tdkt", dry_run=False)
    at_bloc = [n.id for n in by_name(bloc).values()]
    own = unit_dossiers(bloc, "SXD", ("Đỗ Văn Em",))[0]
    with pytest.raises(DomainError, match="không nhận từ cơ quan khác"):
        forward_nominations(bloc, [own], tmp_path / "x.tdkt", books.office("BTDKT"))
    bloc.dispose()
    up = tmp_path / "len-ban.tdkt"
    args = ["forward", "--nominations", ",".join(map(str, at_bloc)), "--to", "btdkt", "--out", str(up)]
    assert main(books.cli("KHOI", *args, "--to-name", "Ban Thi đua - Khen thưởng tỉnh")) == 0
    assert "Đã chuyển tiếp 3 hồ sơ" in capsys.readouterr().out
    with zipfile.ZipFile(up) as zf:  # the unit's package travels verbatim
        assert f"attachments/origin/{first}/manifest.json" in zf.namelist()
        assert hashlib.sha256(zf.read(f"attachments/origin/{first}/manifest.json")).hexdigest() == first

    council = books.open("BTDKT")
    preview = receive(council, up, dry_run=True)  # the council has no key of the unit yet
    assert "Khóa của STC chưa đăng ký: chưa kiểm được chữ ký gốc" in " ".join(preview.notes)
    council.dispose()
    books.trust("BTDKT", "STC")
    council = books.open("BTDKT")
    before = factories.dump(council)
    why = ("Hồ sơ gốc của STC .* khác với bản đã ký", "Chữ ký gốc của STC .* không khớp: hồ sơ đã bị sửa")
    for bad, message in zip(_broken_chains(up, tmp_path, books), why, strict=True):
        with pytest.raises(DomainError, match=message):
            receive(council, bad, dry_run=False)
        assert factories.dump(council) == before
    report = receive(council, up, dry_run=False)
    assert len(report.created) == 3 and any(
        line.startswith("Chữ ký gốc của STC: hợp lệ") for line in report.notes
    )
    with council.read() as s:  # the chain is kept: the unit's package, linked to the dossiers
        kept = s.scalar(select(ExchangePackage).where(ExchangePackage.digest == first))
        assert kept is not None and kept.direction == RECEIVED and kept.sender_code == "STC"
        assert len(kept.items) == 3 and {i.ref for i in kept.items} == {f"STC:{i}" for i in ids}
        one = by_name(council)[PEOPLE[1]].id
        assert [p.sender_code for p, _ref in forward.chain(s, one)] == ["STC", "KHOI"]
    assert receive(council, up, dry_run=False).unchanged == 3  # twice: nothing new
    back, awarded = council_decides(council)
    council.dispose()

    down = tmp_path / "ve-khoi.tdkt"
    ids_text = ",".join(str(i) for i in [back, *awarded])
    assert main(books.cli("BTDKT", "reply", "--nominations", ids_text, "--out", str(down))) == 0
    with zipfile.ZipFile(down) as zf:
        assert json.loads(zf.read("manifest.json"))["recipient"]["code"] == "KHOI"  # the office it came from

    bloc = books.open("KHOI")
    receive(bloc, down, dry_run=False)
    got = by_name(bloc)
    assert got[PEOPLE[0]].status is NominationStatus.RETURNED
    assert register_of(bloc, got[PEOPLE[1]].id).startswith("BTDKT-SV2025 / ")
    to_unit = tmp_path / "ve-stc.tdkt"
    send_replies(bloc, [got[name].id for name in PEOPLE], to_unit)
    bloc.dispose()

    unit = books.open("STC")
    report = receive(unit, to_unit, dry_run=False)
    assert any("301/QĐ-UBND" in line and "BTDKT-SV2025" in line for line in report.notes)
    got = by_name(unit)
    why = returned(unit, got[PEOPLE[0]].id)
    assert why is not None and "Thiếu bản sao quyết định công nhận sáng kiến" in why.reason
    assert {register_of(unit, got[name].id) for name in PEOPLE[1:]} == {
        "BTDKT-SV2025 / 1",
        "BTDKT-SV2025 / 2",
    }
    assert all(got[name].status is NominationStatus.APPROVED for name in PEOPLE[1:])
    unit.dispose()


def _broken_chains(up: Path, tmp_path: Path, books: Books) -> list[Path]:
    """The forwarded package re-signed by the bloc head after changing the unit's original: its
    records (the hash in the signed manifest no longer matches), or its manifest with them (the
    unit's signature no longer verifies)."""
    with zipfile.ZipFile(up) as zf:
        records = json.loads(zf.read("records.json"))
        attachments = {
            n.removeprefix("attachments/"): zf.read(n) for n in zf.namelist() if n.startswith("attachments/")
        }
    digest = records["nominations"][0]["history"][0]["package"]
    base = f"origin/{digest}/"
    changed = attachments[base + "records.json"].replace("Thành tích".encode(), b"Thanh tich")
    out = []
    first = dict(attachments, **{base + "records.json": changed})
    manifest = json.loads(attachments[base + "manifest.json"])
    manifest["files"]["records.json"]["sha256"] = hashlib.sha256(changed).hexdigest()
    forged = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    new = hashlib.sha256(forged).hexdigest()
    second = {k.replace(digest, new): v for k, v in first.items()}
    second[f"origin/{new}/manifest.json"] = forged
    second_records = json.loads(json.dumps(records).replace(digest, new))
    bloc = books.open("KHOI")
    key = load_private_key(bloc)
    bloc.dispose()
    for i, (recs, att) in enumerate(((records, first), (second_records, second))):
        path = tmp_path / f"sua{i}.tdkt"
        write_package(
            path, Package("nominations", books.office("KHOI"), books.office("BTDKT"), recs, att), key
        )
        out.append(path)
    return out
