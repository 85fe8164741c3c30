#!/usr/bin/env bash
# Build the one-folder app with PyInstaller, then smoke-test the BUILT binary offscreen:
#   1. thidua-cli demo          creates the demo database (migrations + catalogue from the bundle)
#   2. thidua-cli certificates  prints one certificate; pdftotext finds the recipient in the PDF
#   3. thidua-cli verify        checks the printed authentication code
#   4. thidua-cli import        a 60,000-row .xlsx, read by the frozen child (--import-reader) with calamine
#   5. thidua (GUI)             opens the demo offscreen, quits after the first paint
# Any failing step stops the script with a message and a non-zero status.
#
# Usage: packaging/build.sh            (build dir: $THIDUA_BUILD_DIR, else ${TMPDIR:-/tmp}/thidua-build)
#        PYTHON=/path/python packaging/build.sh
# Needs: Python 3.11 with the app's dependencies, pdftotext (poppler-utils).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
BUILD="${THIDUA_BUILD_DIR:-${TMPDIR:-/tmp}/thidua-build}"
case "$BUILD/" in "$ROOT"/*) echo "build.sh: the build dir must be outside the source tree: $BUILD" >&2; exit 2;; esac
DIST="$BUILD/dist/thidua"
SMOKE="$BUILD/smoke"
REPORT="$BUILD/report.txt"

fail() { echo "build.sh: FAILED: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }
now_ms() { "$PY" -c 'import time; print(int(time.monotonic() * 1000))'; }

command -v pdftotext >/dev/null || fail "pdftotext not found (apt-get install poppler-utils)"

step "installing PyInstaller (the 'package' extra of pyproject.toml)"
"$PY" -m pip install -q "pyinstaller>=6" || fail "pip install pyinstaller"

step "building into $BUILD"
rm -rf "$BUILD/dist" "$BUILD/work" "$SMOKE"
mkdir -p "$BUILD" "$SMOKE"
t0=$(now_ms)
(cd "$ROOT" && "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/thidua.spec) || fail "pyinstaller"
build_s=$(( ($(now_ms) - t0) / 1000 ))
[ -x "$DIST/thidua" ] && [ -x "$DIST/thidua-cli" ] || fail "launchers missing in $DIST"
for f in resources/translations/thidua_en.qm resources/fonts/OFL.txt app/migrations/env.py \
         PySide6/Qt/plugins/platforms/libqoffscreen.so; do
    [ -e "$DIST/_internal/$f" ] || fail "not in the bundle: $f"
done
ls "$DIST/_internal" | grep -q "libQt6Pdf" || fail "QtPdf missing from the bundle"
size=$(du -sh "$DIST" | cut -f1)

# The smoke test runs the binary as a user would: another folder, no checkout on any path, its
# own empty data and settings folders (platformdirs follows HOME / XDG_*), no display.
export HOME="$SMOKE/home" XDG_DATA_HOME="$SMOKE/home/data" XDG_CONFIG_HOME="$SMOKE/home/config"
export QT_QPA_PLATFORM=offscreen
unset PYTHONPATH THIDUA_RESOURCES THIDUA_DB THIDUA_LANG || true
mkdir -p "$HOME"
cd "$SMOKE"
DB="$SMOKE/demo.sqlite3"

step "smoke 1/5: demo database"
"$DIST/thidua-cli" --version || fail "thidua-cli --version"
"$DIST/thidua-cli" demo --db "$DB" 2>"$SMOKE/demo.err" >"$SMOKE/demo.out" || { cat "$SMOKE/demo.err" >&2; fail "demo"; }
[ -s "$DB" ] || fail "no demo database at $DB"

step "smoke 2/5: one certificate"
read -r NID NAME < <("$PY" - "$DB" <<'PYEOF'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT id, nominee_name FROM nomination WHERE status = 'approved' AND decision_id IS NOT NULL ORDER BY id LIMIT 1"
).fetchone()
print(*row) if row else sys.exit("no approved nomination in the demo")
PYEOF
) || fail "no approved nomination in the demo database"
# The demo has accounts (README): printing is the approver's right.
THIDUA_USER=pheduyet THIDUA_PASSWORD=pheduyet2025 "$DIST/thidua-cli" certificates --db "$DB" --ids "$NID" --out "$SMOKE/certificate.pdf" >"$SMOKE/cert.out" 2>"$SMOKE/cert.err" \
    || { cat "$SMOKE/cert.err" >&2; fail "certificates"; }
pdftotext -layout "$SMOKE/certificate.pdf" "$SMOKE/certificate.txt" || fail "pdftotext"
grep -qF "$NAME" "$SMOKE/certificate.txt" || fail "recipient «$NAME» not in the certificate's text"
grep -qF "Mã xác thực" "$SMOKE/certificate.txt" || fail "no authentication code on the certificate"

step "smoke 3/5: verify the printed code"
CODE=$(grep -oE 'SV[0-9]*-[0-9]+-[A-Z0-9]+' "$SMOKE/cert.out" | head -1)
[ -n "$CODE" ] || fail "no code in the certificates output"
"$DIST/thidua-cli" verify --db "$DB" "$CODE" >"$SMOKE/verify.out" || { cat "$SMOKE/verify.out" >&2; fail "verify $CODE"; }

step "smoke 4/5: a large .xlsx read by the child process (thidua-cli --import-reader, python-calamine)"
"$PY" - "$SMOKE/persons.xlsx" <<'PYEOF'
import sys
from openpyxl import Workbook
wb = Workbook(write_only=True)
ws = wb.create_sheet()
ws.append(["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"])
for i in range(1, 60_001):
    ws.append(["STC", f"Nguyễn Văn Thử {i}", "Nam", "01/01/1980", f"{i:012d}"])
wb.save(sys.argv[1])
PYEOF
"$DIST/thidua-cli" --import-reader "$SMOKE/persons.xlsx" | "$PY" -c "import pickle, sys; m = pickle.load(sys.stdin.buffer); sys.exit(m[0] != 'sheet')" \
    || fail "the frozen child reader did not answer"
"$DIST/thidua-cli" import persons "$SMOKE/persons.xlsx" --db "$DB" --dry-run >"$SMOKE/import.out" 2>&1 || true
grep -qF "60000 dòng dữ liệu" "$SMOKE/import.out" || { cat "$SMOKE/import.out" >&2; fail "import of 60,000 rows"; }

step "smoke 5/5: GUI offscreen on the demo, quit after the first paint"
gui_run() {
    local t out
    t=$(now_ms)
    out=$(THIDUA_USER=canbo.stc THIDUA_PASSWORD=canbo2025 THIDUA_SMOKE_QUIT_AFTER_MS=0 timeout 120 "$DIST/thidua" --db "$DB" 2>"$SMOKE/gui.err") \
        || { cat "$SMOKE/gui.err" >&2; fail "GUI exited with an error"; }
    grep -q "THIDUA_SMOKE_OK" <<<"$out" || { cat "$SMOKE/gui.err" >&2; fail "GUI never painted its window"; }
    echo "$(( $(now_ms) - t )) ms (process), ${out##*after }"
}
cold=$(gui_run)
warm=$(gui_run)

cd "$ROOT"
{
    echo "built:        $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -sm), $("$PY" --version)"
    echo "build time:   ${build_s} s"
    echo "folder size:  $size ($DIST)"
    echo "GUI start:    cold $cold; warm $warm (to first paint, offscreen)"
    echo "certificate:  $SMOKE/certificate.pdf ($NAME, $CODE)"
} | tee "$REPORT"
echo "build.sh: OK — smoke test passed" >&2
