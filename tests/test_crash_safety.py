"""Kill -9 in the middle of batch saves: every acknowledged batch is there, no partial batch.

A child process creates nominations in batches of 200, one transaction each, and prints the batch
number after each commit. The parent kills it with SIGKILL at random moments, several times,
then reopens the file: integrity_check is ok, every acknowledged batch is complete, and any
batch is either complete or absent.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.opening import open_database
from app.storage import backup

CHILD = textwrap.dedent(
    """
    import sys
    from sqlalchemy import insert, select
    from app.opening import open_database
    from app.model import Award, Nomination, Person, Unit

    db = open_database(sys.argv[1], sync_catalogue=False)
    start = int(sys.argv[2])
    with db.read() as s:
        unit = s.scalar(select(Unit.id))
        award = s.scalar(select(Award.id).where(Award.code == "LDTT"))
        persons = list(s.scalars(select(Person.id).order_by(Person.id)))
    for batch in range(start, start + 10_000):
        rows = [
            dict(year=2000 + batch % 200, award_id=award, person_id=persons[i], submitting_unit_id=unit,
                 nominee_name=f"batch {batch}", nominee_fold=f"batch {batch}", nominee_sort="k",
                 achievement="", status="draft", status_reason="", version=1)
            for i in range(200)
        ]
        with db.write() as s:
            s.execute(insert(Nomination), rows)
        print(batch, flush=True)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_9_during_batch_saves_loses_no_acknowledged_batch(db, db_path: Path, tmp_path: Path) -> None:
    from app.model import Gender, UnitLevel
    from app.services.persons import PersonInput, create_person
    from app.services.units import UnitInput, create_unit

    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính", level=UnitLevel.DEPARTMENT))
    for i in range(200):
        create_person(db, PersonInput(unit_id=unit.id, gender=Gender.MALE, full_name=f"Nguyễn Văn Số {i}"))
    db.dispose()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    rng = random.Random(11)
    acknowledged: set[int] = set()
    next_batch = 0
    for _cycle in range(6):
        child = subprocess.Popen(
            [sys.executable, str(script), str(db_path), str(next_batch)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        time.sleep(1.0 + rng.random() * 1.5)  # start-up, then some batches
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done = [int(line) for line in out.split()]
        acknowledged |= set(done)
        next_batch = (max(done) + 1 if done else next_batch) + 1000  # never reuse a batch number
    assert acknowledged, "the child never committed: the test proved nothing"

    assert backup.integrity_problems(db_path) == []
    reopened = open_database(db_path, sync_catalogue=False)
    with reopened.read() as s:
        counts = dict(
            s.execute(
                text(
                    "SELECT nominee_name, count(*) FROM nomination WHERE nominee_name LIKE 'batch %' GROUP BY 1"
                )
            ).all()
        )
    reopened.dispose()
    stored = {int(name.split()[1]): n for name, n in counts.items()}
    assert all(n == 200 for n in stored.values()), "a batch was half-written"
    assert acknowledged <= set(stored), "an acknowledged batch was lost"
