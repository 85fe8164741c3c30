"""Yearly appraisals (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ) of persons and collectives.

Most titles start from this rating ("hoàn thành tốt nhiệm vụ" for Lao động tiên tiến, "xuất sắc"
for the higher ones), so the rules need it as a fact of its own.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamps, enum_column
from .enums import AppraisalRating


class Appraisal(Timestamps, Base):
    __tablename__ = "appraisal"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    rating: Mapped[AppraisalRating] = mapped_column(enum_column(AppraisalRating, "appraisal_rating"))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_subject"),
        CheckConstraint("year BETWEEN 1945 AND 2200", name="year_range"),
        Index("uq_appraisal_person_year", "person_id", "year", unique=True),
        Index("uq_appraisal_unit_year", "unit_id", "year", unique=True),
    )
