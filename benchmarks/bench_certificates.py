"""Certificates: 1,000 and 10,000 from a generated database, against LibreOffice headless.

    python benchmarks/bench_certificates.py [--sizes 1000,10000] [--repeat 3] [--no-libreoffice]
                                            [--compression 1]

Each size runs in a fresh process (so its peak RSS is its own) on a database built by bulk
inserts: units, persons, approved awards in one decision. Two timings per size: the first print
(register numbers handed out one transaction each through ``services.registers.assign_number``,
then signed and drawn) and a reprint (numbers exist: select, sign, draw, write, log). LibreOffice
converts an equivalent 1,000-page document (same texts, one page per certificate) to PDF.
With ``--repeat N`` every case (and LibreOffice) runs N times and the medians are shown: the
machine may be shared, so CPU seconds of the process are shown beside the wall-clock ones.
``--compression N`` compresses the page content streams with zlib level N (the app does not:
file size against time).
Targets (issue 5): 1,000 ≤ 0.15 × LibreOffice; 10,000 < 5 s under 300 MB.

The whole command is timed too, as a user runs it: ``thidua certificates --decision … --out …``
in a new process (start-up, imports, opening the database, the batch, exit), wall clock, on a
fresh copy of the 1,000 database (first print) and again on that copy (reprint), interleaved with
the other cases, with the checkout's ``.pyc`` files compiled first as an installed copy has them
(``--cold-bytecode``: as they are). Target (issue 11): the whole command ≤ 0.2 × LibreOffice in the
same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Ngọc", "Quốc", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hương", "Khải", "Lan", "Mỹ", "Ngọc", "Phúc", "Quỳnh", "Sơn",
         "Thảo", "Tuấn", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Ước", "Đạt", "Ơn", "Ưng"]  # fmt: skip
ACHIEVEMENT = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị năm 2025, góp phần vào sự nghiệp xây dựng và phát triển tỉnh"


def build_database(path: Path, count: int) -> None:
    """Bulk-insert ``count`` approved awards of one decision (services for the small parts)."""
    from sqlalchemy import insert

    from app.model import Gender, Nomination, Person, Posting, UnitLevel
    from app.opening import open_database
    from app.services.catalogue import list_awards
    from app.services.decisions import DecisionInput, create_decision
    from app.services.units import UnitInput, create_unit
    from app.text import fold, join_name, name_sort_key

    db = open_database(path)
    units = [
        create_unit(
            db, UnitInput(code=f"DV{i:02d}", name=f"Phòng Nghiệp vụ số {i}", level=UnitLevel.DEPARTMENT)
        )
        for i in range(1, 21)
    ]
    award = {a.code: a.id for a in list_awards(db)}["BK_TINH_CN"]
    decision = create_decision(db, DecisionInput(
        number="123/QĐ-UBND", signed_on=dt.date(2025, 12, 20), issuer="UBND tỉnh Tây Ninh",
        signer_name="Nguyễn Văn Bình", signer_title="Phó Chủ tịch", signer_authority="KT."))  # fmt: skip
    people, postings, nominations = [], [], []
    for i in range(count):
        fam, mid, giv = FAMILY[i % 14], MIDDLE[(i // 14) % 10], GIVEN[(i // 140) % 24]
        extra = f"{MIDDLE[(i // 3360) % 10]} " if i >= 3360 else ""
        middle = f"{extra}{mid}".strip()
        full = join_name(fam, middle, giv)
        pid = i + 1
        unit = units[i % len(units)]
        people.append(dict(id=pid, family_name=fam, middle_name=middle, given_name=giv, full_name=full,
                           name_fold=fold(full), given_fold=fold(giv), sort_key=name_sort_key(fam, middle, giv),
                           gender=Gender.FEMALE if i % 2 else Gender.MALE, birth_date=dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                           position="Chuyên viên chính", unit_id=unit.id, version=1))  # fmt: skip
        postings.append(
            dict(person_id=pid, unit_id=unit.id, position="Chuyên viên chính", start_date=dt.date(2015, 1, 1))
        )
        nominations.append(dict(year=2025, award_id=award, person_id=pid, submitting_unit_id=unit.id,
                                nominee_name=full, nominee_fold=fold(full), nominee_sort=name_sort_key(fam, middle, giv),
                                achievement=ACHIEVEMENT, status="approved", votes_for=11, votes_against=0,
                                council_size=11, voted_on=dt.date(2025, 12, 1), decision_id=decision.id, version=1))  # fmt: skip
    with db.write() as session:
        session.execute(insert(Person), people)
        session.execute(insert(Posting), postings)
        session.execute(insert(Nomination), nominations)
    db.dispose()


def run_case(count: int, work: Path, compression: int | None = None) -> dict:
    os.environ["THIDUA_SIGNING_KEY"] = str(work / "key.pem")
    os.environ["THIDUA_LAYOUTS"] = str(work / "layouts")
    from app.certificates import pdf_pages
    from app.certificates.batch import make_certificates
    from app.certificates.selection import Selection
    from app.opening import open_database

    pdf_pages.COMPRESSION = compression
    path = work / f"bench-{count}.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    build_database(path, count)
    built = time.perf_counter() - t0
    _copy_database(path, _fresh(work, count))  # no numbers given yet: for the whole command
    db = open_database(path)
    out = work / f"certificates-{count}.pdf"
    t0, c0 = time.perf_counter(), time.process_time()
    first = make_certificates(db, Selection(decision="123/QĐ-UBND"), out=out)
    first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(first.printed) == count and not first.problems, first.problems[:3]
    t0, c0 = time.perf_counter(), time.process_time()
    again = make_certificates(db, Selection(decision="123/QĐ-UBND"), out=out)
    reprint_s, reprint_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(again.printed) == count
    db.dispose()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"count": count, "build_s": built, "first_s": first_s, "reprint_s": reprint_s, "first_cpu": first_cpu,
            "reprint_cpu": reprint_cpu, "rss_mb": rss_mb, "pdf_mb": out.stat().st_size / 1e6}  # fmt: skip


def _fresh(work: Path, count: int) -> Path:
    return work / f"bench-{count}-fresh.sqlite3"


def _copy_database(source: Path, target: Path) -> None:
    import sqlite3

    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


COMMAND = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]  # as `thidua` runs


def compile_bytecode(root: Path) -> None:
    """The ``.pyc`` files of the checkout's ``app``, as an installed copy has them (pip compiles
    on install, the frozen app ships them): with ``PYTHONDONTWRITEBYTECODE`` set, as on the shared
    test machine, no run ever writes them and every command compiled ~80 modules again (~0.15 s)."""
    import compileall

    compileall.compile_dir(str(root / "app"), quiet=1)


def time_command(
    work: Path, count: int, root: Path = ROOT, key: str = "command", bytecode: bool = True
) -> dict:
    """``thidua certificates`` as a whole, run from the checkout ``root`` in new processes: first
    print on a fresh copy of the database, then a reprint; wall clock and the child's CPU seconds."""
    if bytecode:
        compile_bytecode(root)
    db = work / f"bench-{count}-command.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(_fresh(work, count), db)
    env = dict(os.environ, THIDUA_SIGNING_KEY=str(work / "key.pem"), THIDUA_LAYOUTS=str(work / "layouts"))
    cmd = [
        *COMMAND,
        "certificates",
        "--db",
        str(db),
        "--decision",
        "123/QĐ-UBND",
        "--out",
        str(work / "command.pdf"),
    ]
    times = {}
    for name in ("first", "reprint"):
        before = os.times()
        t0 = time.perf_counter()
        subprocess.run(
            cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        times[f"{key}_{name}_s"] = time.perf_counter() - t0
        after = os.times()
        times[f"{key}_{name}_cpu"] = (
            after.children_user - before.children_user + after.children_system - before.children_system
        )
    return times


def _ensure_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("soffice not found: installing libreoffice-writer-nogui with apt-get…", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-writer-nogui"],
                       check=False, env=env)  # fmt: skip
    return shutil.which("soffice") or shutil.which("libreoffice")


def _fodt(pages: int) -> str:
    """A flat ODT: A4 landscape, one certificate's texts per page."""
    head = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin="15mm"/></style:page-layout>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="R" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="24pt" fo:font-weight="bold" fo:color="#C8102E"/></style:style>
<style:style style:name="B" style:family="paragraph" style:parent-style-name="C"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
"""
    body = []
    for i in range(pages):
        name = f"{FAMILY[i % 14]} {MIDDLE[(i // 14) % 10]} {GIVEN[(i // 140) % 24]}"
        lines = [("B" if i else "C", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("C", "Độc lập - Tự do - Hạnh phúc"),
                 ("R", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH"), ("C", "TẶNG"), ("R", "BẰNG KHEN"),
                 ("C", f"Ông {name}"), ("C", "Chuyên viên chính, Phòng Nghiệp vụ số 1"), ("C", ACHIEVEMENT),
                 ("C", "Quyết định số: 123/QĐ-UBND"), ("C", "ngày 20 tháng 12 năm 2025"), ("C", f"Số sổ vàng: {i + 1}"),
                 ("C", "Tây Ninh, ngày 20 tháng 12 năm 2025"), ("C", "KT. CHỦ TỊCH"), ("C", "PHÓ CHỦ TỊCH"),
                 ("C", "Nguyễn Văn Bình")]  # fmt: skip
        body += [f'<text:p text:style-name="{s}">{escape(t)}</text:p>' for s, t in lines]
    return head + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def time_libreoffice(work: Path, pages: int = 1000) -> float | None:
    soffice = _ensure_soffice()
    if not soffice:
        return None
    src = work / "certificates.fodt"
    src.write_text(_fodt(pages), encoding="utf-8")
    profile = work / "lo-profile"
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
           str(work), str(src)]  # fmt: skip
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--terminate_after_init"],
                   capture_output=True, check=False, timeout=300)  # warm the profile: not part of the timing  # fmt: skip
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, timeout=1200)
    elapsed = time.perf_counter() - t0
    from pypdf import PdfReader

    assert len(PdfReader(str(work / "certificates.pdf")).pages) == pages
    return elapsed


def _print_command(rs: list[dict], key: str, label: str, lo_runs: list[float]) -> None:
    med = statistics.median
    first, again = med(r[f"{key}_first_s"] for r in rs), med(r[f"{key}_reprint_s"] for r in rs)
    print(f"whole command `thidua certificates`, 1,000, new process, {label}: first print {first:.2f} s "
          f"(CPU {med(r[f'{key}_first_cpu'] for r in rs):.2f}), reprint {again:.2f} s "
          f"(CPU {med(r[f'{key}_reprint_cpu'] for r in rs):.2f}); each first print: "
          + ", ".join(f"{r[f'{key}_first_s']:.2f}" for r in rs))  # fmt: skip
    if lo_runs:
        lo = med(lo_runs)
        print(f"  ratio ÷ LibreOffice (first print / reprint): {first / lo:.3f} / {again / lo:.3f}  (target ≤ 0.2); "
              "each round's first print ÷ its LibreOffice: "
              + ", ".join(f"{r[f'{key}_first_s'] / x:.3f}" for r, x in zip(rs, lo_runs, strict=False)))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case; medians are shown")
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument(
        "--no-command", action="store_true", help="do not time the whole `thidua certificates`"
    )
    parser.add_argument("--baseline-root", type=Path, metavar="CHECKOUT",
                        help="also time the whole command of another checkout (e.g. an older commit), interleaved")  # fmt: skip
    parser.add_argument(
        "--compression", type=int, help="zlib level for the page content streams (default: none)"
    )
    parser.add_argument("--cold-bytecode", action="store_true",
                        help="time the whole command without compiling the checkouts' .pyc files first")  # fmt: skip
    parser.add_argument("--case", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.work, compression=args.compression)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-certificates-"))
    runs: dict[int, list[dict]] = {}
    lo_runs: list[float] = []
    for _ in range(args.repeat):  # interleaved, so a busy spell of the machine hits every case alike
        for size in (int(s) for s in args.sizes.split(",")):
            cmd = [sys.executable, __file__, "--case", str(size), "--work", str(work)]
            if args.compression is not None:
                cmd += ["--compression", str(args.compression)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            runs.setdefault(size, []).append(json.loads(out.strip().splitlines()[-1]))
            if size == 1000 and not args.no_command:
                warm = not args.cold_bytecode
                runs[size][-1].update(time_command(work, size, bytecode=warm))
                if args.baseline_root:
                    runs[size][-1].update(
                        time_command(work, size, args.baseline_root, "baseline", bytecode=warm)
                    )
        if not args.no_libreoffice:
            lo = time_libreoffice(work)
            if lo is not None:
                lo_runs.append(lo)
    med = statistics.median
    level = "not compressed" if args.compression is None else f"zlib level {args.compression}"
    bytecode = "as they were" if args.cold_bytecode else "compiled first"
    print(f"medians of {args.repeat} run(s); page content streams {level}; whole command's .pyc {bytecode}")
    print(f"{'certificates':>12} {'first s':>8} {'(CPU s)':>8} {'reprint s':>10} {'(CPU s)':>8} {'pages/s':>8} "
          f"{'peak RSS MB':>12} {'PDF MB':>7}")  # fmt: skip
    for size, rs in runs.items():
        first = med(r["first_s"] for r in rs)
        print(f"{size:>12,} {first:>8.2f} {med(r['first_cpu'] for r in rs):>8.2f} "
              f"{med(r['reprint_s'] for r in rs):>10.2f} {med(r['reprint_cpu'] for r in rs):>8.2f} "
              f"{size / first:>8,.0f} {max(r['rss_mb'] for r in rs):>12.0f} {rs[0]['pdf_mb']:>7.1f}")  # fmt: skip
        each = ", ".join(f"{r['first_s']:.2f}" for r in rs)
        print(f"{'':>12} first print, each run: {each}")
    if lo_runs:
        lo = med(lo_runs)
        print(
            f"LibreOffice headless, 1,000 pages → PDF: {lo:.2f} s (runs: {', '.join(f'{x:.2f}' for x in lo_runs)})"
        )
        if 1000 in runs:
            rs = runs[1000]
            print(f"ratio 1,000 (first print / reprint) ÷ LibreOffice: {med(r['first_s'] for r in rs) / lo:.3f} / "
                  f"{med(r['reprint_s'] for r in rs) / lo:.3f}  (target ≤ 0.15)")  # fmt: skip
    for key, label in (("command", "this checkout"), ("baseline", f"baseline {args.baseline_root}")):
        if 1000 in runs and f"{key}_first_s" in runs[1000][0]:
            _print_command(runs[1000], key, label, lo_runs)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
