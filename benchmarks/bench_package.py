"""Dossier package (issue #17): 1,000 nominations with 1,000 one-page scanned PDFs (~100 KB each), written
and read back with every check (signature, hashes). Targets: write < 5 s, read < 10 s, < 300 MB.

    python benchmarks/bench_package.py [--count 1000]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    n = parser.parse_args().count
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
    print(f"{n} nominations, {n} PDF attachments: package {size:.1f} MB")
    print(f"write {wrote:.2f} s (target < 5 s), read with every check {read:.2f} s (target < 10 s), "
          f"peak RSS {peak:.0f} MB (target < 300 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
