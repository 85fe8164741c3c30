"""Replies (issue #17, item 4): the office that received dossiers answers the office they came from.

A reply package (kind ``reply``) carries one answer per dossier, named by the reference the
receiving office knows it by (the unit's own ``"STC:12"``): returned for revision with the reason,
not awarded (rejected) with the reason, or decided — the council's vote, the decision (number,
date, issuing body, signer), the register number in the issuing office's sổ vàng and the
certificates' verification codes. The office the reply goes to is the one the dossiers came from
(the exchange ledger's origin), so a forwarded dossier is answered down the same way it went up,
with the facts the upper office's reply gave.

Receiving a reply: each answer must name a dossier this book sent to the replying office; the
dossier takes the same step here (through the workflow services, so it is logged as every step
is), the decision is found (number and year) or recorded, the register number is kept in a book
named after the issuing office's (``"BTDKT-SV2025"``, a *foreign* book: numbers recorded, never handed
out nor printed here), and
the approval's history line says the decision, the register number and the codes. The same answer
twice changes nothing (the ledger keeps each answer's content hash).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import (
    Award,
    CertificateIssue,
    Decision,
    Nomination,
    NominationEvent,
    NominationStatus,
    RegisterBook,
    RegisterEntry,
    Unit,
)
from ..model.exchange import RECEIVED, SENT, ExchangeItem, ExchangePackage
from ..services.attachments import Owner
from ..services.registers import foreign_books, mark_foreign
from ..storage.db import Database
from . import attached, ledger, offices
from .package import Office, Package, write_package
from .report import ReceiveReport

KIND = "reply"
S = NominationStatus
ANSWERED = (S.RETURNED, S.REJECTED, S.APPROVED)
Items = list[tuple[str, int | None, str]]


def received_answer(session: Session, nomination_id: int) -> dict[str, Any] | None:
    """The latest answer this book received about one of its dossiers (verbatim, from the ledger)."""
    row = session.execute(
        select(ExchangeItem.ref, ExchangePackage.records)
        .join(ExchangePackage)
        .where(ExchangePackage.direction == RECEIVED, ExchangePackage.kind == KIND,
               ExchangeItem.nomination_id == nomination_id)
        .order_by(ExchangeItem.id.desc())
        .limit(1)
    ).first()  # fmt: skip
    if row is None:
        return None
    answers = json.loads(row.records or "{}").get("replies", [])
    return next((a for a in answers if a.get("ref") == row.ref), None)


def _codes(session: Session, nomination_id: int) -> list[str]:
    from ..certificates.signing import short_code, signature_bytes

    rows = session.execute(
        select(CertificateIssue.book_code, CertificateIssue.register_number, CertificateIssue.signature)
        .where(CertificateIssue.nomination_id == nomination_id)
        .order_by(CertificateIssue.id)
    ).all()
    return list(dict.fromkeys(short_code(b, n, signature_bytes(s)) for b, n, s in rows))


def _decided(session: Session, n: Nomination, own: Office) -> dict[str, Any]:
    """The decision, the vote, the register number and the codes of an approved dossier."""
    d = session.get(Decision, n.decision_id)
    assert d is not None  # approved_has_decision
    issuer_unit = session.get(Unit, d.issuer_unit_id) if d.issuer_unit_id else None
    out: dict[str, Any] = {
        "vote": {"for": n.votes_for, "against": n.votes_against, "council": n.council_size,
                 "on": n.voted_on.isoformat() if n.voted_on else None},
        "decision": {"number": d.number_text, "signed_on": d.signed_on.isoformat(), "issuer": d.issuer,
                     "issuer_unit": issuer_unit.code if issuer_unit else None, "signer_name": d.signer_name,
                     "signer_title": d.signer_title, "signer_authority": d.signer_authority, "summary": d.summary},
    }  # fmt: skip
    upper = received_answer(session, n.id)  # a forwarded dossier: the facts the upper office gave
    if upper is not None and upper.get("decision", {}).get("number") == d.number_text:
        out["register"], out["certificates"] = upper.get("register"), upper.get("certificates", [])
        return out
    entry = session.scalar(select(RegisterEntry).where(RegisterEntry.nomination_id == n.id))
    if entry is not None:
        out["register"] = {"office": own.code, "book": entry.book.code, "name": entry.book.name,
                           "issuer": entry.book.issuer, "number": entry.number}  # fmt: skip
    out["certificates"] = _codes(session, n.id)
    return out


def send_replies(db: Database, nomination_ids: Sequence[int], out: Path, to: Office | None = None) -> str:
    """Answer the received dossiers ``nomination_ids`` in a reply package to the office they came
    from (all from one office); returns the package's digest."""
    allowed(db, P.WORKFLOW)
    own = offices.require_own_office(db)
    ids = list(dict.fromkeys(nomination_ids))
    if not ids:
        raise DomainError("Chưa chọn hồ sơ nào.")
    from ..certificates.signing import load_private_key

    key = load_private_key(db)
    with db.read() as session:
        found = {n.id: n for n in session.scalars(select(Nomination).where(Nomination.id.in_(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise DomainError(f"Không có hồ sơ mã {missing[0]} trong sổ.")
        came = ledger.origins(session, ids)
        for i in ids:
            if i not in came:
                raise DomainError(f"Hồ sơ «{found[i].nominee_name}» do sổ này lập, không nhận từ cơ quan "
                                  "khác: không có nơi để trả lời.")  # fmt: skip
            if found[i].status not in ANSWERED:
                raise DomainError(f"Hồ sơ «{found[i].nominee_name}» đang ở trạng thái «{found[i].status.label}»: "
                                  "chỉ trả lời hồ sơ đã trả lại, không khen thưởng hoặc đã có quyết định.")  # fmt: skip
        senders = sorted({(came[i].sender_code, came[i].sender_name) for i in ids})
        if len(senders) > 1:
            codes = ", ".join(code for code, _ in senders)
            raise DomainError(
                f"Các hồ sơ đã chọn nhận từ nhiều cơ quan ({codes}); mỗi gói trả lời chỉ gửi một cơ quan."
            )
        code, name = senders[0]
        if to is not None and to.code != code:
            raise DomainError(f"Các hồ sơ đã chọn nhận từ «{code}», không phải «{to.code}».")
        answers = []
        for i in ids:
            n = found[i]
            award = session.get(Award, n.award_id)
            answer: dict[str, Any] = {"ref": came[i].ref, "our_ref": f"{own.code}:{n.id}", "year": n.year,
                                      "nominee": n.decided_name or n.nominee_name,
                                      "award": award.code if award else "", "status": n.status.value}  # fmt: skip
            if n.status is S.APPROVED:
                answer.update(_decided(session, n, own))
            else:
                answer["reason"] = n.status_reason
            answers.append(answer)
        decisions = sorted({d for i in ids if found[i].status is S.APPROVED and (d := found[i].decision_id)})
        listings, files = attached.pack(session, [Owner.decision(d) for d in decisions])
        for i, answer in zip(ids, answers, strict=True):  # the decision as signed, scanned
            listing = listings.get(Owner.decision(found[i].decision_id or 0))
            if listing:
                answer["decision"]["attachments"] = listing
    package = Package(KIND, own, Office(code, (to.name if to else "") or name), {"replies": answers}, files)
    digest = write_package(Path(out), package, key)
    with db.write() as session:
        items = [(a["ref"], i, ledger.content_hash(a)) for a, i in zip(answers, ids, strict=True)]
        ledger.record(session, package, SENT, digest, Path(out).name, items, db.actor.username)
    return digest


# -- receiving ----------------------------------------------------------------------------------


def _sent(session: Session, refs: list[str], to_code: str) -> dict[str, int | None]:
    """Which of this book's references were sent (or forwarded) to ``to_code``: ref → dossier."""
    rows = session.execute(
        select(ExchangeItem.ref, ExchangeItem.nomination_id)
        .join(ExchangePackage)
        .where(ExchangePackage.direction == SENT, ExchangePackage.kind == "nominations",
               ExchangePackage.recipient_code == to_code, ExchangeItem.ref.in_(refs))
        .order_by(ExchangeItem.id)
    ).all()  # fmt: skip
    return dict(rows)


def _last_answers(session: Session, refs: list[str], sender: str) -> dict[str, str]:
    rows = session.execute(
        select(ExchangeItem.ref, ExchangeItem.content_hash)
        .join(ExchangePackage)
        .where(ExchangePackage.direction == RECEIVED, ExchangePackage.kind == KIND,
               ExchangePackage.sender_code == sender, ExchangeItem.ref.in_(refs))
        .order_by(ExchangeItem.id)
    ).all()  # fmt: skip
    return dict(rows)


def import_replies(db: Database, session: Session, package: Package, report: ReceiveReport) -> Items:
    """The answers of a reply package applied to this book's dossiers (see the module docstring)."""
    own = offices.require_own_office(db)
    answers = package.records.get("replies")
    if not isinstance(answers, list):
        raise DomainError("Gói trả lời không có phần «replies».")
    refs = [str(a.get("ref", "")) for a in answers]
    sent, seen = _sent(session, refs, package.sender.code), _last_answers(session, refs, package.sender.code)
    items: Items = []
    for answer, ref in zip(answers, refs, strict=True):
        where = f"Hồ sơ {answer.get('nominee') or ref}"
        if ref.startswith(f"{own.code}:") and ref in sent and sent[ref] is None:
            report.problems.append(f"{where}: hồ sơ đã gửi đi nay không còn trong sổ này.")
            continue
        if not ref.startswith(f"{own.code}:") or sent.get(ref) is None:
            report.problems.append(f"{where}: sổ này chưa gửi hồ sơ «{ref}» cho {package.sender.name} "
                                   f"({package.sender.code}).")  # fmt: skip
            continue
        digest = ledger.content_hash(answer)
        if seen.get(ref) == digest:
            report.unchanged += 1
            continue
        nomination_id = sent[ref]
        assert nomination_id is not None
        try:
            line = _apply(db, session, package, nomination_id, answer)
        except DomainError as exc:
            report.problems.append(f"{where}: {exc.message}")
            continue
        except (KeyError, TypeError, ValueError):
            report.problems.append(f"{where}: nội dung trả lời không đọc được (thiếu hoặc sai thông tin).")
            continue
        report.notes.append(f"{where}: {line}")
        report.updated.append(nomination_id)
        items.append((ref, nomination_id, digest))
    if report.unchanged and not items:
        report.notes.append(f"{report.unchanged} hồ sơ đã nhận trả lời này, không có gì thay đổi.")
    return items


def _apply(
    db: Database, session: Session, package: Package, nomination_id: int, answer: dict[str, Any]
) -> str:
    """Take the answer's step on one dossier here; the report's line."""
    from ..services import nominations as N

    n = session.get(Nomination, nomination_id)
    if n is None:
        raise DomainError("hồ sơ đã gửi đi nay không còn trong sổ.")
    status = S(answer.get("status", ""))
    by = f"{package.sender.name} ({package.sender.code})"
    reason = str(answer.get("reason") or "")
    if status in (S.RETURNED, S.REJECTED):
        word = "trả lại" if status is S.RETURNED else "không khen thưởng"
        if n.status is status:
            return f"{word} — lý do: {reason} (đã ghi từ trước)"
        if n.status in (S.DRAFT, S.RETURNED):
            N.submit(db, [n.id])
        step = N.return_for_revision if status is S.RETURNED else N.reject
        step(db, [n.id], f"{by} {word}: {reason}")
        return f"{word} — lý do: {reason}"
    if status is not S.APPROVED:
        raise DomainError(f"trả lời không rõ (trạng thái «{status.value}»).")
    decision = _decision(db, session, answer["decision"])
    attached.unpack(session, package, answer["decision"].get("attachments", []), Owner.decision(decision.id),
                    db.actor.username, where=f"Quyết định {decision.number_text}")  # fmt: skip
    if n.status is S.APPROVED and n.decision_id != decision.id:
        raise DomainError(
            f"hồ sơ ở đây đã khen thưởng theo quyết định khác ({n.decision.number_text if n.decision else '?'})."
        )
    if n.status is not S.APPROVED:
        if n.status in (S.DRAFT, S.RETURNED):
            N.submit(db, [n.id])
        vote = answer.get("vote") or {}
        N.record_votes(db, {n.id: N.Vote(int(vote["for"]), int(vote.get("against") or 0), int(vote["council"]),
                                         dt.date.fromisoformat(vote["on"]))})  # fmt: skip
        N.approve(db, [n.id], decision.id)
    number, on = decision.number_text, f"{decision.signed_on:%d/%m/%Y}"
    reg = answer.get("register")
    book = _register(session, reg, n.id) if reg else None
    codes = ", ".join(str(c) for c in answer.get("certificates") or [])
    # whole sentences, each a template the English UI translates (ui.error_catalogue)
    if book and codes:
        line = f"khen thưởng theo Quyết định số {number} ngày {on}, số sổ {book}, mã xác thực {codes}"
    elif book:
        line = f"khen thưởng theo Quyết định số {number} ngày {on}, số sổ {book}"
    elif codes:
        line = f"khen thưởng theo Quyết định số {number} ngày {on}, mã xác thực {codes}"
    else:
        line = f"khen thưởng theo Quyết định số {number} ngày {on}"
    session.add(NominationEvent(nomination_id=n.id, from_status=S.APPROVED.value, to_status=S.APPROVED.value,
                                reason=f"Theo trả lời của {by} (gói {package.digest[:12]}): {line}.",
                                actor=db.actor.username))  # fmt: skip
    return line


def _decision(db: Database, session: Session, d: dict[str, Any]) -> Decision:
    """The answer's decision in this book: found by number and year (and issuer), else recorded."""
    from ..services.decisions import DecisionInput, create_decision, parse_decision_number

    signed_on = dt.date.fromisoformat(d["signed_on"])
    number = parse_decision_number(d["number"]).text
    found = list(session.scalars(select(Decision).where(Decision.number_text == number,
                                                        Decision.year == signed_on.year)))  # fmt: skip
    same = [x for x in found if x.issuer == d["issuer"]] or found
    if len(same) == 1:
        if same[0].signed_on != signed_on:
            raise DomainError(f"sổ này có quyết định số {number} ngày {same[0].signed_on:%d/%m/%Y}, "
                              f"khác ngày {signed_on:%d/%m/%Y} trong trả lời.")  # fmt: skip
        return same[0]
    if len(same) > 1:
        raise DomainError(f"sổ này có nhiều quyết định số {number} năm {signed_on.year}.")
    issuer_unit = None
    if d.get("issuer_unit"):
        issuer_unit = session.scalar(select(Unit.id).where(Unit.code == d["issuer_unit"]))
    made = create_decision(db, DecisionInput(
        number=number, signed_on=signed_on, issuer=d["issuer"], signer_name=d["signer_name"],
        signer_title=d["signer_title"], signer_authority=d.get("signer_authority") or "",
        issuer_unit_id=issuer_unit, summary=d.get("summary") or "",
    ))  # fmt: skip
    decision = session.get(Decision, made.id)
    assert decision is not None
    return decision


def _register(session: Session, reg: dict[str, Any], nomination_id: int) -> str:
    """Keep the issuing office's register number here, in a book named after that office's."""
    code = f"{reg['office']}-{reg['book']}"[:32]
    number = int(reg["number"])
    book = session.scalar(select(RegisterBook).where(RegisterBook.code == code))
    if book is None:
        book = RegisterBook(code=code, name=f"{reg.get('name') or reg['book']} (số của {reg['office']})"[:300],
                            issuer=str(reg.get("issuer") or reg["office"])[:300], last_number=0)  # fmt: skip
        session.add(book)
        session.flush()
    elif code not in foreign_books(session):
        raise DomainError(f"sổ vàng mã «{code}» của sổ này đã có; không ghi số của {reg['office']} vào đó.")
    mark_foreign(session, code, str(reg["office"]))  # its numbers are never handed out here
    entry = session.scalar(select(RegisterEntry).where(RegisterEntry.nomination_id == nomination_id))
    if entry is not None:
        if (entry.book_id, entry.number) != (book.id, number):
            raise DomainError(f"hồ sơ ở đây đã có số sổ {entry.book.code} số {entry.number}.")
        return f"{code} số {number}"
    taken = session.scalar(select(RegisterEntry.nomination_id).where(
        RegisterEntry.book_id == book.id, RegisterEntry.number == number))  # fmt: skip
    if taken is not None:
        raise DomainError(f"số {number} của sổ {code} đã ghi cho hồ sơ khác (mã {taken}).")
    session.add(RegisterEntry(book_id=book.id, number=number, nomination_id=nomination_id))
    book.last_number = max(book.last_number, number)
    return f"{code} số {number}"
