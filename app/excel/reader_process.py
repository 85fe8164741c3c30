"""A large .xlsx or .csv read by a second process while this one converts, validates and writes.

Reading 100,000 rows of an .xlsx takes ~1.3-1.5 s of CPU (python-calamine and the checks of
:mod:`.xlsx`), a .csv ~0.4 s, and everything after it ~3 s more; on two cores the two overlap
(an import read in-process measured under 20,000 rows/s: benchmarks/README.md). The child only
reads the file, an .xlsx in pieces (:mod:`.xlsx_pieces`: its first rows after ~0.2 s, not after
the whole sheet's ~1.1 s), and sends its rows in pickled batches through a pipe; it writes nothing
anywhere, so the import stays one transaction in this process. Whatever goes wrong with the child
(it cannot start, refuses the file, dies), this process reads the file itself from the row the
child had reached: the rows, and the refusal of a bad file, are then exactly those of the
in-process reader; pieces found out of order raise ``ReadAgain`` here, and the import starts again
reading the whole file here. Closing the rows (a cancelled or failed import) kills the child. The
frozen app starts its own ``thidua-cli`` with :data:`CHILD_FLAG` (packaging/thidua_main.py). Not
used for small files, where starting a process costs more than it saves.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from .csvfile import read_csv
from .xlsx import Sheet, read_first_sheet
from .xlsx_pieces import ReadAgain, read_in_pieces

MIN_BYTES = 2 * 1024 * 1024
CHILD_FLAG = "--import-reader"  # the frozen app's programs run as the child with this argument
BATCH = 2000
AHEAD = 100  # batches the child may read ahead of the parent (200,000 rows)
_LIVE: set[subprocess.Popen[bytes]] = set()  # children not yet reaped (tests look here)


def read_here(path: Path) -> Sheet:
    """The first sheet of an .xlsx or .xlsm, or the table of a .csv or .txt, read in this process."""
    return read_csv(path) if Path(path).suffix.lower() in (".csv", ".txt") else read_first_sheet(path)


def open_in_child(path: Path) -> Sheet | None:
    """The first sheet of ``path`` read by a child process, or ``None`` to read it here."""
    if os.environ.get("THIDUA_IMPORT_PROCESS") == "0":
        return None
    try:
        if Path(path).stat().st_size < MIN_BYTES or (os.cpu_count() or 1) < 2:
            return None
    except OSError:
        return None
    command = _command(str(Path(path).resolve()))
    if command is None:
        return None
    root = Path(__file__).resolve().parents[2]  # the folder holding this ``app`` package
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))
    )
    if getattr(sys, "frozen", False):
        env.pop("PYTHONPATH")
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"  # a program of its own, not a worker of this one
    try:
        proc = subprocess.Popen(
            command,
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
        first = pickle.load(proc.stdout)  # type: ignore[arg-type]  # stdout=PIPE: never None
    except Exception:
        first = None
    if not (isinstance(first, tuple) and first[0] == "sheet"):
        _stop(proc)  # refused or broken: the reader here gives the same answer, with its message
        return None
    _tag, name, merged = first
    return Sheet(name, _rows(Path(path), proc), merged)


def _command(path: str) -> list[str] | None:
    """How to start the child: ``python -m`` from a checkout; in the frozen app, its console
    program ``thidua-cli`` (a windowed program has no standard output to write into)."""
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-m", "app.excel.reader_process", path]
    exe = Path(sys.executable)
    cli = exe.with_name("thidua-cli" + exe.suffix)
    return [str(cli), CHILD_FLAG, path] if cli.is_file() else None


def _rows(path: Path, proc: subprocess.Popen[bytes]) -> Iterator[tuple[int, dict[int, object]]]:
    done = 0
    try:
        while True:
            try:
                message = pickle.load(proc.stdout)  # type: ignore[arg-type]  # stdout=PIPE: never None
            except Exception:
                break  # the child died
            if message[0] == "rows":
                done += len(message[1])
                yield from message[1]
            elif message[0] == "end":
                return
            elif message[0] == "again":
                raise ReadAgain  # what it gave is not the sheet's beginning: the import starts again
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
    """The child: the sheet's name and merged areas, then its rows in batches, then "end".

    A thread writes the pickled batches into the pipe, so the reading goes on while the parent is
    busy writing a batch of its own to the database (the pipe itself holds only 64 KiB).
    """
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the pipe
    sender = _Sender(out)
    try:
        sheet = read_csv(path) if path.suffix.lower() in (".csv", ".txt") else read_in_pieces(path)
        sender.send(("sheet", sheet.name, sheet.merged))
        batch: list[tuple[int, dict[int, object]]] = []
        for row in sheet.rows:
            batch.append(row)
            if len(batch) >= BATCH:
                if not sender.send(("rows", batch)):
                    return  # the parent stopped reading (cancelled)
                batch = []
        sender.send(("rows", batch))
        sender.send(("end",))
    except ReadAgain:
        sender.send(("again",))
    except Exception:
        sender.send(("failed",))
    finally:
        sender.close()


class _Sender(threading.Thread):
    """Writes pickled messages into the pipe from a bounded queue; notes a parent gone away."""

    def __init__(self, out: BinaryIO) -> None:
        super().__init__(daemon=True)
        self.out, self.queue, self.gone = out, queue.Queue[bytes | None](maxsize=AHEAD), False
        self.start()

    def send(self, message: tuple[object, ...]) -> bool:
        if not self.gone:
            self.queue.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        return not self.gone

    def run(self) -> None:
        while (data := self.queue.get()) is not None:
            try:
                self.out.write(data)
                self.out.flush()
            except Exception:  # BrokenPipeError (the parent stopped reading), or anything else
                self.gone = True
                while self.queue.get() is not None:  # let send() and close() go on
                    pass
                return

    def close(self) -> None:
        self.queue.put(None)
        self.join()


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
