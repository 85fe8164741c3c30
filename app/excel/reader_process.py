"""A large .xlsx or .csv read by a second process while this one converts, validates and writes.

Reading 100,000 rows takes 1.5-3 s of CPU and everything after it ~3 s more; on two cores the two
overlap. The child only reads the file (the same :func:`read_here`) and sends its rows in pickled
batches through a pipe; it writes nothing anywhere, so the import stays one
transaction in this process. Whatever goes wrong with the child (it cannot start, refuses the
file, dies), this process reads the file itself from the row the child had reached: the rows,
and the refusal of a bad file, are then exactly those of the in-process reader. Closing the rows
(a cancelled or failed import) kills the child. Not used in a frozen build (no ``-m`` there) or
for small files, where starting a process costs more than it saves.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from .csvfile import read_csv
from .xlsx import Sheet, read_first_sheet

MIN_BYTES = 2 * 1024 * 1024
BATCH = 2000
_LIVE: set[subprocess.Popen[bytes]] = set()  # children not yet reaped (tests look here)


def read_here(path: Path) -> Sheet:
    """The first sheet of an .xlsx or .xlsm, or the table of a .csv or .txt, read in this process."""
    return read_csv(path) if Path(path).suffix.lower() in (".csv", ".txt") else read_first_sheet(path)


def open_in_child(path: Path) -> Sheet | None:
    """The first sheet of ``path`` read by a child process, or ``None`` to read it here."""
    if getattr(sys, "frozen", False) or os.environ.get("THIDUA_IMPORT_PROCESS") == "0":
        return None
    try:
        if Path(path).stat().st_size < MIN_BYTES or (os.cpu_count() or 1) < 2:
            return None
    except OSError:
        return None
    root = Path(__file__).resolve().parents[2]  # the folder holding this ``app`` package
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH")))))
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.excel.reader_process", str(Path(path).resolve())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=root,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, ValueError):
        return None
    _LIVE.add(proc)
    try:
        first = pickle.load(proc.stdout)  # type: ignore[arg-type]
    except Exception:
        first = None
    if not (isinstance(first, tuple) and first[0] == "sheet"):
        _stop(proc)  # refused or broken: the reader here gives the same answer, with its message
        return None
    _tag, name, merged = first
    return Sheet(name, _rows(Path(path), proc), merged)


def _rows(path: Path, proc: subprocess.Popen[bytes]) -> Iterator[tuple[int, dict[int, object]]]:
    done = 0
    try:
        while True:
            try:
                message = pickle.load(proc.stdout)  # type: ignore[arg-type]
            except Exception:
                break  # the child died
            if message[0] == "rows":
                done += len(message[1])
                yield from message[1]
            elif message[0] == "end":
                return
            else:
                break  # it failed: the reader here says why
    finally:
        _stop(proc)
    yield from islice(read_here(path).rows, done, None)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a kill not taken in 10 s: left to the OS
        pass
    finally:  # our end of the pipe is closed whatever the child does
        if proc.stdout is not None:
            proc.stdout.close()
    if proc.returncode is not None:
        _LIVE.discard(proc)


def serve(path: Path) -> None:
    """The child: the sheet's name and merged areas, then its rows in batches, then "end"."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the pipe
    try:
        sheet = read_here(path)
        pickle.dump(("sheet", sheet.name, sheet.merged), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
        batch: list[tuple[int, dict[int, object]]] = []
        for row in sheet.rows:
            batch.append(row)
            if len(batch) >= BATCH:
                pickle.dump(("rows", batch), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                batch = []
        pickle.dump(("rows", batch), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(("end",), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    except BrokenPipeError:  # the parent stopped reading (cancelled)
        return
    except Exception:
        try:
            pickle.dump(("failed",), out)
            out.flush()
        except OSError:
            return


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
