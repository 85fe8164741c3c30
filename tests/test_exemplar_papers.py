"""Exemplars (issue #15 item 7): the period of each, where it was replicated (nhân rộng), the list
for the conference of advanced exemplars and the citations; and the half-year review's data, limited
to what happened by 30/06 (on a copy of the demo)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.audit.replay import replay_database
from app.auth import SYSTEM, Actor, PermissionDeniedError
from app.documents.bloc_data import bloc_year, half_year_end
from app.documents.exemplar_papers import exemplar_entries, summary
from app.documents.requests import ReportRequest, write_report
from app.errors import DomainError
from app.model import CampaignKind, UserRole
from app.services.campaigns import CampaignInput, create_campaign
from app.services.exemplars import (
    ExemplarInput,
    ReplicationInput,
    add_replication,
    delete_replication,
    exemplar_form,
    list_exemplars,
    list_replications,
    replication_counts,
    save_exemplar,
)
from app.services.standings import bloc_by_code
from app.services.units import list_units
from app.storage.db import Database

APPROVER = Actor("pheduyet", UserRole.APPROVER)
CLERK = Actor("nhaplieu", UserRole.CLERK)


def text_of(path: Path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(path).pages
    )


def pdf(db: Database, tmp_path: Path, kind: str, **options: object) -> str:
    out = tmp_path / f"{kind}.pdf"
    options.setdefault("issuer", "Sở Nội vụ")
    write_report(db, ReportRequest(kind, year=2025, **options), out)  # type: ignore[arg-type]
    return text_of(out)


def unit_id(db: Database, name: str) -> int:
    return next(u.id for u in list_units(db, name) if u.name == name)


def first_exemplar(db: Database) -> int:
    """The demo's second 2025 exemplar: of the KTKT bloc, not yet replicated (the first one is)."""
    eid = sorted(e.id for e in list_exemplars(db, 2025))[1]
    assert list_replications(db, eid) == []
    return eid


# ------------------------------------------------------------------------------- services
def test_replications_are_added_listed_counted_and_deleted_by_an_approver_and_logged(demo_db) -> None:  # type: ignore[no-untyped-def]
    eid = first_exemplar(demo_db)
    hoa_thanh = unit_id(demo_db, "Sở Tài chính")
    with demo_db.acting_as(APPROVER):
        second = add_replication(
            demo_db, eid, ReplicationInput("Tổ chức tọa đàm", place="Huyện Hòa Thành", replicated_on=None)
        )
        first = add_replication(
            demo_db,
            eid,
            ReplicationInput(
                "Áp dụng cách số hóa hồ sơ",
                unit_id=hoa_thanh,
                replicated_on=dt.date(2025, 9, 3),
                result="Xong",
            ),
        )
    rows = list_replications(demo_db, eid)
    assert [r.id for r in rows] == [first.id, second.id]  # dated first, undated last
    assert rows[0].where == "Sở Tài chính" and rows[1].where == "Huyện Hòa Thành"
    assert replication_counts(demo_db, [eid, eid + 1]) == {eid: 2}
    with demo_db.acting_as(APPROVER):
        delete_replication(demo_db, second.id)
    assert [r.id for r in list_replications(demo_db, eid)] == [first.id]
    report = replay_database(demo_db)
    assert not [f for f in report.findings if f.table == "exemplar_replication"], report.findings


def test_a_replication_needs_a_place_and_what_was_done_and_a_clerk_may_not_write_one(demo_db) -> None:  # type: ignore[no-untyped-def]
    eid = first_exemplar(demo_db)
    with demo_db.acting_as(APPROVER):
        with pytest.raises(DomainError) as caught:
            add_replication(demo_db, eid, ReplicationInput("Làm theo"))
        assert caught.value.field == "unit"
        with pytest.raises(DomainError) as caught:
            add_replication(demo_db, eid, ReplicationInput(" ", place="Huyện Châu Thành"))
        assert caught.value.field == "action"
    with demo_db.acting_as(CLERK), pytest.raises(PermissionDeniedError):
        add_replication(demo_db, eid, ReplicationInput("Làm theo", place="Huyện Châu Thành"))
    assert list_replications(demo_db, eid) == []


def test_the_form_saves_the_exemplar_its_period_and_its_replications_in_one_transaction(demo_db) -> None:  # type: ignore[no-untyped-def]
    eid = first_exemplar(demo_db)
    form = exemplar_form(demo_db, eid)
    data = form.data
    data.period_from, data.period_to = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
    with demo_db.acting_as(SYSTEM):
        save_exemplar(demo_db, eid, data, [ReplicationInput("Nhân rộng", place="Xã Long Thành")])
        kept = list_replications(demo_db, eid)[0]
        bad = ExemplarInput(data.year, data.title, data.person_id, period_from=dt.date(2025, 7, 1),
                            period_to=dt.date(2025, 6, 1))  # fmt: skip
        with pytest.raises(DomainError) as caught:  # the period backwards: nothing of the form is saved
            save_exemplar(demo_db, eid, bad, [ReplicationInput("Thêm", place="Xã Khác")], [kept.id])
        assert caught.value.field == "period_to"
    again = exemplar_form(demo_db, eid)
    assert (again.data.period_from, again.data.period_to) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert [r.id for r in again.replications] == [kept.id]
    assert again.subject


# ------------------------------------------------------------------------------- papers
def test_the_conference_list_prints_each_exemplar_of_the_bloc_with_its_replications(
    demo_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    eid = first_exemplar(demo_db)
    with demo_db.acting_as(SYSTEM):
        add_replication(demo_db, eid, ReplicationInput("Áp dụng", place="Huyện Hòa Thành"))
        add_replication(demo_db, eid, ReplicationInput("Áp dụng", place="Huyện Gò Dầu"))
    form = exemplar_form(demo_db, eid)
    text = pdf(demo_db, tmp_path, "dien-hinh", bloc="KTKT")
    assert "SỞ NỘI VỤ" in text and "DANH SÁCH" in text
    assert "gương điển hình tiên tiến Khối Kinh tế - Kỹ thuật năm 2025" in text
    assert "Hội nghị điển hình tiên tiến" in text and "Nhân rộng" in text
    replicated = sum(1 for e in exemplar_entries(demo_db, 2025, bloc_code="KTKT")[1] if e.replications)
    assert form.subject in text and f"{replicated} gương đã được nhân rộng" in text
    assert summary(form.data.story)[:40] in text


def test_the_citations_give_one_block_per_exemplar_with_its_period_and_places(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    eid = first_exemplar(demo_db)
    form = exemplar_form(demo_db, eid)
    data = form.data
    data.period_from, data.period_to = dt.date(2024, 1, 1), dt.date(2025, 6, 30)
    with demo_db.acting_as(SYSTEM):
        save_exemplar(
            demo_db, eid, data, [ReplicationInput("Số hóa hồ sơ", place="Huyện Gò Dầu", result="Đạt")]
        )
    text = pdf(demo_db, tmp_path, "trich-ngang", bloc="KTKT", issuer="Sở Xây dựng")
    assert "SỞ XÂY DỰNG" in text and "TRÍCH NGANG THÀNH TÍCH" in text
    assert f". {form.subject}" in text
    assert "Thời gian đạt thành tích: 01/01/2024 – 30/06/2025." in text
    assert "Nhân rộng (1 nơi): - Huyện Gò Dầu: Số hóa hồ sơ; kết quả: Đạt." in text
    assert "Chưa ghi nhận nơi nhân rộng." in text  # the others


def test_a_units_list_and_a_refusal_without_bloc_or_unit(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = pdf(demo_db, tmp_path, "dien-hinh", unit="STC")
    assert "gương điển hình tiên tiến Sở Tài chính năm 2025" in text
    with pytest.raises(DomainError) as caught:
        pdf(demo_db, tmp_path, "trich-ngang")
    assert caught.value.field == "bloc"


# ------------------------------------------------------------------------------- the half-year review
def test_the_half_year_review_counts_only_what_happened_by_30_june(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bloc = bloc_by_code(demo_db, "KTKT")
    with demo_db.acting_as(SYSTEM):
        create_campaign(demo_db, CampaignInput("Thi đua nước rút cuối năm", CampaignKind.THEMATIC, 2025,
                                               dt.date(2025, 8, 1), dt.date(2025, 12, 31)))  # fmt: skip
    year, half = (
        bloc_year(demo_db, bloc.id, 2025),
        bloc_year(demo_db, bloc.id, 2025, until=half_year_end(2025)),
    )
    assert half.until == dt.date(2025, 6, 30) and year.until is None
    names = [c.name for c in half.campaigns]
    assert (
        "Thi đua nước rút cuối năm" in [c.name for c in year.campaigns]
        and "Thi đua nước rút cuối năm" not in names
    )
    # The demo's 2025 awards were decided in November and December; its exemplars honoured in August.
    assert sum(sum(v.values()) for v in year.awards.values()) > 0
    assert sum(sum(v.values()) for v in half.awards.values()) == 0
    assert year.exemplars and not half.exemplars
    assert sum(r.total for r in half.registrations) <= sum(r.total for r in year.registrations)

    text = pdf(demo_db, tmp_path, "so-ket-khoi", bloc="KTKT")
    assert "Số liệu 6 tháng đầu năm tính từ ngày 01/01/2025 đến hết ngày 30/06/2025" in text
    assert "khen thưởng theo quyết định ký đến ngày đó" in text
    assert "Thi đua nước rút cuối năm" not in text
    assert "Chưa ghi nhận gương điển hình tiên tiến nào của khối năm 2025." in text
    whole = pdf(demo_db, tmp_path, "tong-ket-khoi", bloc="KTKT")
    assert "Thi đua nước rút cuối năm" in whole and "Số liệu 6 tháng đầu năm" not in whole
