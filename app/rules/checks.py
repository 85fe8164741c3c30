"""One pure check per rule kind: (rule, facts) → findings.

A check returns the findings it has (empty when the rule is met). Each finding names the rule,
its legal basis and the missing fact, in Vietnamese. Conditions inside ``one_of`` rules reuse the
same functions through :func:`condition_met`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import AppraisalRating, AwardTarget, InitiativeKind, InitiativeLevel
from .facts import DRAFTING, HELD, LEVEL_ORDER, PENDING, RATING_ORDER, InitiativeFact, NominationFacts
from .spec import Rule

OK, WARNING, BLOCKING = "ok", "warning", "blocking"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    rule_name: str
    severity: str  # "warning" | "blocking"
    message: str
    legal_basis: str

    def __str__(self) -> str:
        return f"{self.message} — {self.legal_basis}"


def _finding(rule: Rule, message: str, severity: str | None = None) -> Finding:
    return Finding(rule.id, rule.name, severity or rule.severity, message, rule.legal_basis)


def _codes(value: Any) -> frozenset[str]:
    return frozenset([value] if isinstance(value, str) else value)


def _names(f: NominationFacts, value: Any) -> str:
    """The award names of a rule parameter, in the order the rules file lists them."""
    return " hoặc ".join(f.name_of(c) for c in ([value] if isinstance(value, str) else value))


def _pct(x: float) -> str:
    return f"{x * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


# --- single conditions (also used inside one_of) -------------------------------------------------
# Each returns (met, note): met is True, False, or "pending" (met only through nominations that
# are still on their way); note says what is missing.


def _appraisal(p: dict[str, Any], f: NominationFacts) -> tuple[bool | str, str]:
    wanted = AppraisalRating(p.get("min_rating", "excellent"))
    years = int(p.get("years", 1))
    missing = []
    for y in range(f.year - years + 1, f.year + 1):
        rating = f.appraisals.get(y)
        if rating is None or RATING_ORDER[rating] < RATING_ORDER[wanted]:
            missing.append(y)
    if not missing:
        return True, ""
    span = f" ({years} năm liên tục)" if years > 1 else ""
    got = f.appraisals.get(missing[-1])
    have = f"; đang ghi nhận «{got.label}»" if got else "; chưa có kết quả đánh giá"
    return False, f"chưa đạt mức «{wanted.label}» năm {', '.join(map(str, missing))}{span}{have}"


def _eligible_initiatives(
    p: dict[str, Any], f: NominationFacts, kind: InitiativeKind
) -> list[InitiativeFact]:
    level = LEVEL_ORDER[InitiativeLevel(p.get("min_level", "grassroots"))]
    back = int(p.get("years_back", 0))
    return [
        i
        for i in f.initiatives
        if i.kind is kind and LEVEL_ORDER[i.level] >= level and f.year - back <= i.year <= f.year
    ]


def _initiative_condition(
    p: dict[str, Any], f: NominationFacts, kind: InitiativeKind
) -> tuple[bool | str, str]:
    unused = [i for i in _eligible_initiatives(p, f, kind) if not i.used_by]
    count = int(p.get("min_count", 1))
    if len(unused) >= count:
        return True, ""
    level = InitiativeLevel(p.get("min_level", "grassroots")).label.lower()
    back = int(p.get("years_back", 0))
    span = f"năm {f.year}" if back == 0 else f"từ năm {f.year - back} đến {f.year}"
    what = (
        "sáng kiến"
        if kind is InitiativeKind.INITIATIVE
        else "đề tài nghiên cứu khoa học được nghiệm thu, áp dụng"
    )
    many = f"{count} " if count > 1 else ""
    return (
        False,
        f"không đủ {many}{what} được công nhận {level} trở lên {span} chưa dùng cho khen thưởng khác",
    )


def _consecutive(p: dict[str, Any], f: NominationFacts) -> tuple[bool | str, str]:
    codes = _codes(p["award"])
    years = int(p["years"])
    last = f.year if p.get("through", "same_year") == "same_year" else f.year - 1  # "previous_year"
    missing, pending = [], []
    for y in range(last - years + 1, last + 1):
        records = f.records(codes, y)
        void = any(d.kind.severity >= 1 and d.overlaps_year(y) for d in f.disciplines)
        if not void and any(r.status in HELD for r in records):
            continue
        if not void and y == f.year and any(r.status in PENDING for r in records):
            pending.append(y)
            continue
        missing.append((y, void))
    names = _names(f, p["award"])
    if missing:
        parts = [f"năm {y}" + (" (năm bị kỷ luật không được tính)" if void else "") for y, void in missing]
        return False, f"thiếu danh hiệu {names} {', '.join(parts)} (chuỗi {years} năm liên tục)"
    if pending:
        return "pending", f"danh hiệu {names} năm {pending[0]} đang đề nghị cùng đợt"
    return True, ""


def _prerequisite(p: dict[str, Any], f: NominationFacts) -> tuple[bool | str, str]:
    codes = _codes(p["award"])
    year = f.year if p.get("same_year", True) else f.year - 1
    records = f.records(codes, year)
    names = _names(f, p["award"])
    if any(r.status in HELD for r in records):
        return True, ""
    if any(r.status in PENDING for r in records):
        return "pending", f"danh hiệu {names} năm {year} đang đề nghị cùng đợt"
    if any(r.status in DRAFTING for r in records):
        return False, f"hồ sơ {names} năm {year} còn ở dạng nháp hoặc bị trả lại"
    return False, f"thiếu danh hiệu {names} năm {year}"


def _campaign(p: dict[str, Any], f: NominationFacts) -> tuple[bool | str, str]:
    if f.in_campaign:
        return True, ""
    return False, "hồ sơ không gắn với phong trào thi đua nào"


def _all(p: dict[str, Any], f: NominationFacts) -> tuple[bool | str, str]:
    results = [CONDITIONS[c["kind"]](c, f) for c in p["conditions"]]
    notes = [note for met, note in results if met is not True]
    if not notes:
        return True, ""
    if all(met in (True, "pending") for met, _ in results):
        return "pending", "; ".join(notes)
    return False, " và ".join(notes)


CONDITIONS: dict[str, Callable[[dict[str, Any], NominationFacts], tuple[bool | str, str]]] = {
    "all": _all,
    "campaign": _campaign,
    "appraisal": _appraisal,
    "initiative": lambda p, f: _initiative_condition(p, f, InitiativeKind.INITIATIVE),
    "research": lambda p, f: _initiative_condition(p, f, InitiativeKind.RESEARCH),
    "consecutive": _consecutive,
    "prerequisite": _prerequisite,
}


def _simple(kind: str) -> Callable[[Rule, NominationFacts], list[Finding]]:
    def check(rule: Rule, f: NominationFacts) -> list[Finding]:
        met, note = CONDITIONS[kind](rule.params, f)
        if met is True:
            return []
        if met == "pending":
            return [_finding(rule, _cap(note) + "; chỉ đạt khi danh hiệu đó được công nhận", WARNING)]
        return [_finding(rule, _cap(note))]

    return check


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- rule kinds ------------------------------------------------------------------------------------


def check_one_of(rule: Rule, f: NominationFacts) -> list[Finding]:
    notes = []
    pending = None
    for cond in rule.params["conditions"]:
        met, note = CONDITIONS[cond["kind"]](cond, f)
        if met is True:
            return []
        if met == "pending" and pending is None:
            pending = note
        label = cond.get("label")
        notes.append(f"{label}: {note}" if label else note)
    if pending is not None:
        return [_finding(rule, _cap(pending) + "; chỉ đạt khi danh hiệu đó được công nhận", WARNING)]
    return [_finding(rule, "Không đạt điều kiện nào trong các điều kiện: " + "; ".join(notes))]


def check_initiative_once(rule: Rule, f: NominationFacts) -> list[Finding]:
    """An initiative grounds one award only: one cited here and by another live or approved
    nomination is refused."""
    return [
        _finding(
            rule,
            f"Sáng kiến «{i.title}» đã là căn cứ của hồ sơ {award_name} năm {year} (mã {other_id}); "
            "mỗi sáng kiến chỉ dùng cho một lần khen thưởng",
        )
        for i in f.initiatives
        if i.id in f.cited
        for other_id, award_name, year in i.used_by
    ]


def check_initiative(rule: Rule, f: NominationFacts) -> list[Finding]:
    """An initiative at the level and years the rule asks, cited by this nomination (one used for
    another award does not count: see :func:`check_initiative_once`)."""
    p = rule.params
    kind = InitiativeKind(p.get("initiative_kind", "initiative"))
    eligible = [i for i in _eligible_initiatives(p, f, kind) if not i.used_by]
    if any(i.id in f.cited for i in eligible):
        return []
    if eligible:
        return [
            _finding(
                rule, f"Sáng kiến «{eligible[0].title}» đủ điều kiện nhưng chưa được gắn vào hồ sơ", WARNING
            )
        ]
    _met, note = _initiative_condition(p, f, kind)
    return [_finding(rule, _cap(note))]


def check_target(rule: Rule, f: NominationFacts) -> list[Finding]:
    if f.nominee_is_person and f.award_target is AwardTarget.COLLECTIVE:
        return [_finding(rule, f"«{f.award_name}» là khen thưởng cho tập thể, không xét cho cá nhân")]
    if not f.nominee_is_person and f.award_target is not AwardTarget.COLLECTIVE:
        return [_finding(rule, f"«{f.award_name}» không xét cho tập thể")]
    return []


def check_authority(rule: Rule, f: NominationFacts) -> list[Finding]:
    allowed = rule.params["allowed_levels"].get(f.award_authority.value)
    if allowed is None or f.submitting_level.value in allowed:
        return []
    return [
        _finding(
            rule,
            f"«{f.award_name}» do {f.award_authority.label} quyết định; đơn vị cấp "
            f"«{f.submitting_level.label}» không trình trực tiếp",
        )
    ]


def check_collective_shares(rule: Rule, f: NominationFacts) -> list[Finding]:
    c = f.collective
    if c is None:
        return []
    if c.members == 0:
        return [_finding(rule, "Tập thể không có thành viên nào trong năm; không tính được tỷ lệ")]
    p, out = rule.params, []
    if "min_ldtt_share" in p:
        share, floor = c.ldtt / c.members, p["min_ldtt_share"]
        # "trên 50%" (more than) in the old law: exactly the floor is not enough
        above = p.get("ldtt_more_than", False)
        if share < floor - 1e-9 or (above and share <= floor + 1e-9):
            words = f"chưa trên {_pct(floor)}" if above else f"dưới {_pct(floor)}"
            out.append(
                _finding(rule, f"Tỷ lệ Lao động tiên tiến {c.ldtt}/{c.members} = {_pct(share)}, {words}")
            )
    if "min_completed_share" in p and c.completed / c.members < p["min_completed_share"]:
        out.append(
            _finding(
                rule,
                f"Chỉ {c.completed}/{c.members} thành viên hoàn thành nhiệm vụ "
                f"(cần {_pct(p['min_completed_share'])})",
            )
        )
    if c.cstdcs < int(p.get("min_cstdcs", 0)):
        out.append(
            _finding(rule, f"Cần ít nhất {p['min_cstdcs']} cá nhân đạt Chiến sĩ thi đua cơ sở năm {f.year}")
        )
    if p.get("no_discipline_warning_plus", False) and c.disciplined_warning_plus:
        out.append(
            _finding(
                rule,
                f"Có {c.disciplined_warning_plus} thành viên bị kỷ luật từ cảnh cáo trở lên năm {f.year}",
            )
        )
    return out


def check_quota(rule: Rule, f: NominationFacts) -> list[Finding]:
    """Cap on this award as a share of another in the batch; over the cap, the council's agree
    shares decide from the highest down and a tie at the cut goes to the chair (ties prefer women)."""
    p = rule.params
    base = sum(f.batch_counts.get(c, 0) for c in _codes(p["of_award"]))
    mine = f.batch_counts.get(f.award, 0)
    allowed = math.floor(base * p["max_share"] + 1e-9)
    if mine <= allowed:
        return []
    base_names = _names(f, p["of_award"]).replace(" hoặc ", " + ")
    head = (
        f"Vượt tỷ lệ: {mine} {f.award_name} trên {base} {base_names} của đơn vị năm {f.year} "
        f"(tối đa {_pct(p['max_share'])} = {allowed})"
    )
    ranked = [q for q in f.quota_peers if q.share is not None]
    me = next((q for q in f.quota_peers if q.nomination_id == f.id), None)
    if me is None or me.share is None or len(ranked) < mine:
        return [_finding(rule, head + "; chờ kết quả bỏ phiếu để chọn từ cao xuống")]
    if allowed == 0:
        return [_finding(rule, head)]
    ranked.sort(key=lambda q: -(q.share or 0.0))  # every share in ranked is set
    cut = ranked[allowed - 1].share
    if me.share > cut:
        return []
    if me.share < cut:
        return [_finding(rule, head + f"; tỷ lệ phiếu {_pct(me.share)} ngoài số được chọn")]
    # A tie at the cut: slots left for the tied, women first (Decree 152/2025 Art. 4), then the chair.
    tied = [q for q in ranked if q.share == cut]
    slots = allowed - sum(1 for q in ranked if q.share > cut)
    women = sum(1 for q in tied if q.woman)
    if me.woman:
        decided_in = women <= slots
    else:
        left = slots - women
        if left <= 0:
            return [_finding(rule, head + "; đồng tỷ lệ phiếu tại ngưỡng, ưu tiên nữ theo quy định")]
        decided_in = len(tied) - women <= left
    if decided_in:
        return []
    return [
        _finding(
            rule,
            head + f"; đồng tỷ lệ phiếu {_pct(me.share)} tại ngưỡng — Chủ tịch Hội đồng quyết định",
            WARNING,
        )
    ]


def check_council_vote(rule: Rule, f: NominationFacts) -> list[Finding]:
    threshold = rule.params["threshold"]
    if not f.council_size:
        return [
            _finding(
                rule,
                f"Chưa có kết quả bỏ phiếu của Hội đồng (cần từ {_pct(threshold)} tổng số thành viên)",
                WARNING,
            )
        ]
    share = (f.votes_for or 0) / f.council_size
    if share + 1e-9 >= threshold:
        return []
    return [
        _finding(
            rule,
            f"Tỷ lệ đồng ý {f.votes_for}/{f.council_size} = {_pct(share)} tổng số thành viên Hội đồng, "
            f"dưới {_pct(threshold)}",
        )
    ]


def check_exclusion(rule: Rule, f: NominationFacts) -> list[Finding]:
    out = []
    year_end = dt.date(f.year, 12, 31)
    check_day = min(f.today, year_end) if f.today.year == f.year else year_end
    # A proceeding open today stops an award not yet given; an award already given is judged
    # as at the end of its year.
    days = (check_day,) if f.status in HELD else (check_day, f.today)
    for d in f.disciplines:
        if d.kind.is_pending and any(d.open_on(day) for day in days):
            out.append(
                _finding(
                    rule,
                    f"Đang trong thời gian «{d.kind.label}» (từ {d.start:%d/%m/%Y}); chưa xét khen thưởng",
                )
            )
        elif not d.kind.is_pending and d.overlaps_year(f.year):
            out.append(
                _finding(rule, f"Bị kỷ luật «{d.kind.label}» trong năm {f.year} (từ {d.start:%d/%m/%Y})")
            )
    return out


def check_merit_grounds(rule: Rule, f: NominationFacts) -> list[Finding]:
    if f.thematic_campaign and f.award_kinds == {"merit"}:
        return [_finding(rule, "Thành tích theo đợt, chuyên đề không làm căn cứ khen thưởng công trạng")]
    return []


CHECKS: dict[str, Callable[[Rule, NominationFacts], list[Finding]]] = {
    "target": check_target,
    "authority": check_authority,
    "appraisal": _simple("appraisal"),
    "prerequisite": _simple("prerequisite"),
    "consecutive": _simple("consecutive"),
    "one_of": check_one_of,
    "initiative": check_initiative,
    "initiative_once": check_initiative_once,
    "collective_shares": check_collective_shares,
    "quota": check_quota,
    "council_vote": check_council_vote,
    "exclusion": check_exclusion,
    "merit_grounds": check_merit_grounds,
}
