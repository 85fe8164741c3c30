"""A verdict on one nomination: the findings of the rules in force, and their worst severity."""

from __future__ import annotations

from dataclasses import dataclass

from .checks import BLOCKING, CHECKS, OK, WARNING, Finding
from .facts import NominationFacts
from .spec import Judgement, RuleSet

NO_RULES = "quy_dinh.hieu_luc"


@dataclass(frozen=True)
class Verdict:
    nomination_id: int
    nominee_name: str
    award_name: str
    year: int
    findings: tuple[Finding, ...]
    # Which rules judged it when not the year's own: e.g. "Hồ sơ gửi ngày 20/06/2025, trước
    # 01/07/2025: xét theo … Nghị định 98/2023 (Nghị định 152/2025, Điều 60 khoản 3)".
    era_note: str = ""

    @property
    def status(self) -> str:
        severities = {f.severity for f in self.findings}
        return BLOCKING if BLOCKING in severities else WARNING if WARNING in severities else OK


def no_rules_finding(rules: RuleSet, judgement: Judgement) -> Finding:
    last = rules.last_era()
    ended = (
        f" Quy định cuối cùng trong tệp: {last.name}, hết hiệu lực sau ngày {last.valid_to:%d/%m/%Y}."
        if (last is not None and last.valid_to is not None and last.valid_to < judgement.day)
        else ""
    )
    return Finding(
        NO_RULES,
        "Quy định có hiệu lực",
        BLOCKING,
        f"Không có quy định nào có hiệu lực cho ngày này ({judgement.day:%d/%m/%Y}) — hãy cập nhật tệp quy tắc.{ended}",
        last.legal_basis if last is not None else "",
    )


def evaluate(rules: RuleSet, facts: NominationFacts) -> tuple[Finding, ...]:
    """Every finding of the rules in force on the facts' judgement day (31/12 of the year, or an
    earlier era for a dossier submitted before its decree took effect); a day no era of the file
    covers gets one blocking finding saying the rules are out of date, never a silent verdict (pure)."""
    judgement = rules.judgement(facts.year, facts.submitted_on)
    if not rules.covers(judgement):
        return (no_rules_finding(rules, judgement),)
    findings: list[Finding] = []
    for rule in rules.for_award(facts.award, facts.year, facts.submitted_on):
        findings.extend(CHECKS[rule.kind](rule, facts))
    return tuple(findings)
