"""Dossier package (issue #17): 1,000 nominations with 1,000 one-page scanned PDFs, written and read
back with every check (signature, hashes). Targets: write < 5 s, read < 10 s, < 300 MB.

Two parts: the package format alone (~100 KB a file), then the books themselves (``--books``, the
default): one office's 1,000 nominations, each with a distinct one-page PDF made with ReportLab
(20–60 KB, a scanned page's noise), sent (``send_nominations``) and received by another office
(``receive``: persons matched or added, nominations created and submitted, every file checked
again and stored in the database).

    python benchmarks/bench_package.py [--count 1000] [--part format|books|bare]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from app.exchange.package import Office, Package, public_text, read_package, write_package  # noqa: E402


def one_page_pdf(i: int) -> bytes:
    path = Path(tempfile.mkstemp(suffix=".pdf")[1])
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, f"Bao cao thanh tich so {i}")
    canvas.save()
    data = path.read_bytes()
    path.unlink()
    return data


def scanned_page(i: int) -> bytes:
    """A distinct one-page PDF of 20–60 KB: a heading and an image of noise (a scan does not
    compress either)."""
    import io
    import random

    from PIL import Image
    from reportlab.lib.utils import ImageReader

    rng = random.Random(i)
    side = rng.randint(140, 245)  # 20–60 KB of grey pixels
    image = Image.frombytes("L", (side, side), rng.randbytes(side * side))
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 780, f"Bien ban hop xet thi dua so {i}")
    canvas.drawImage(ImageReader(image), 72, 200, width=450, height=450)
    canvas.save()
    return buf.getvalue()


def books(n: int, tmp: Path, *, files: bool = True) -> None:
    """Send ``n`` nominations with a PDF each (``files``) from one book, receive them in another."""
    from app.exchange import offices
    from app.exchange.dossiers import send_nominations
    from app.exchange.inbox import receive
    from app.model import Gender
    from app.opening import open_database
    from app.services.attachments import Owner, store
    from app.services.common import award_by_code
    from app.services.nominations import NominationInput, create_nominations
    from app.services.persons import PersonInput, create_person
    from app.services.units import UnitInput, create_unit

    def as_office(code: str):  # type: ignore[no-untyped-def]
        os.environ["THIDUA_SIGNING_KEY"] = str(tmp / f"{code}.pem")
        return open_database(tmp / f"{code}.sqlite3")

    started = time.perf_counter()
    unit = as_office("STC")
    stc = create_unit(unit, UnitInput(code="STC", name="Sở Tài chính"))
    people = [create_person(unit, PersonInput(unit_id=stc.id, full_name=f"Nguyễn Văn Thử {i}", gender=Gender.MALE,
                                              birth_year=1970 + i % 30, cccd=f"079{i:09d}")).id
              for i in range(n)]  # fmt: skip
    with unit.read() as session:
        award = award_by_code(session, "LDTT").id
    ids = [r.id for r in create_nominations(unit, [NominationInput(
        year=2025, award_id=award, person_id=p, achievement="Hoàn thành xuất sắc nhiệm vụ " * 20) for p in people])]  # fmt: skip
    pages = [scanned_page(i) for i in range(n)] if files else []
    with unit.write() as session:
        for nid, page in zip(ids, pages, strict=False):  # none without files
            store(session, Owner.nomination(nid), f"Biên bản {nid}.pdf", "application/pdf", page, "system")
    offices.set_own_office(unit, "STC", "Sở Tài chính")
    offices.write_card(unit, tmp / "stc.card")
    kb = sum(map(len, pages)) / n / 1024
    del pages
    what = f"with a PDF each (mean {kb:.0f} KB)" if files else "without attachments"
    print(f"books: {n} nominations {what} built in {time.perf_counter() - started:.0f} s")
    out = tmp / "goi-so.tdkt"
    started = time.perf_counter()
    send_nominations(unit, ids, out, Office("BTDKT", "Ban TĐKT"))
    sent = time.perf_counter() - started
    unit.dispose()
    council = as_office("BTDKT")
    create_unit(council, UnitInput(code="STC", name="Sở Tài chính"))
    offices.set_own_office(council, "BTDKT", "Ban TĐKT")
    offices.trust(council, offices.read_card(tmp / "stc.card"))
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx(
            "receive(council, out, dry_run=False)", globals(), locals(), os.environ["BENCH_PROFILE"]
        )
        return
    report = receive(council, out, dry_run=False)
    got = time.perf_counter() - started
    assert len(report.created) == n, report.problems
    council.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"books: package {out.stat().st_size / 1024 / 1024:.1f} MB; send {sent:.2f} s (target < 5 s), "
          f"receive and store {got:.2f} s (target < 10 s), peak RSS {peak:.0f} MB (target < 300 MB)")  # fmt: skip


def package_format(n: int) -> None:
    """The format alone: ``n`` records and ``n`` files of ~100 KB written and read back."""
    key = Ed25519PrivateKey.generate()
    page = one_page_pdf(0)
    records = {"nominations": [{"id": i, "nominee": f"Nguyễn Văn {i}", "award": "CSTDCS", "year": 2025,
                                "achievement": "Hoàn thành xuất sắc nhiệm vụ " * 20} for i in range(n)]}  # fmt: skip
    # A scanned page is ~100 KB of image data that does not compress: random bytes stand for it.
    attachments = {f"{i}/bao-cao.pdf": page + os.urandom(100_000) for i in range(n)}
    package = Package(
        "nominations", Office("STC", "Sở Tài chính"), Office("BTDKT", "Ban TĐKT"), records, attachments
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "goi.tdkt"
        started = time.perf_counter()
        write_package(out, package, key)
        wrote = time.perf_counter() - started
        started = time.perf_counter()
        got = read_package(out, trusted={public_text(key.public_key()): "STC"}, office="BTDKT")
        read = time.perf_counter() - started
        assert len(got.attachments) == n
        size = out.stat().st_size / 1024 / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"format: {n} records, {n} files of ~100 KB: package {size:.1f} MB")
    print(f"format: write {wrote:.2f} s (target < 5 s), read with every check {read:.2f} s (target < 10 s), "
          f"peak RSS {peak:.0f} MB (target < 300 MB)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--part", choices=("format", "books", "bare"),
                        help="one part only (each part runs in its own process: its own peak RSS); "
                             "bare: the books without attachments, for comparison")  # fmt: skip
    args = parser.parse_args()
    if args.part is None:
        import subprocess

        for part in ("format", "books", "bare"):
            subprocess.run([sys.executable, __file__, "--count", str(args.count), "--part", part], check=True)
        return
    if args.part == "format":
        package_format(args.count)
        return
    with tempfile.TemporaryDirectory() as tmp:
        books(args.count, Path(tmp), files=args.part == "books")


if __name__ == "__main__":
    main()
