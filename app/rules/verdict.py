"""A verdict on one nomination: the findings of the rules in force, and their worst severity."""

from __future__ import annotations

from dataclasses import dataclass

from .checks import BLOCKING, CHECKS, OK, WARNING, Finding
from .facts import NominationFacts
from .spec import RuleSet


@dataclass(frozen=True)
class Verdict:
    nomination_id: int
    nominee_name: str
    award_name: str
    year: int
    findings: tuple[Finding, ...]

    @property
    def status(self) -> str:
        severities = {f.severity for f in self.findings}
        return BLOCKING if BLOCKING in severities else WARNING if WARNING in severities else OK



def evaluate(rules: RuleSet, facts: NominationFacts) -> tuple[Finding, ...]:
    """Every finding of the rules in force for the facts' award and year (pure)."""
    findings: list[Finding] = []
    for rule in rules.for_award(facts.award, facts.year):
        findings.extend(CHECKS[rule.kind](rule, facts))
    return tuple(findings)
