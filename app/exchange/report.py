"""What receiving a package did, or would do on a dry run: the preview the receiving office reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from .package import Office


@dataclass
class ReceiveReport:
    sender: Office
    digest: str
    kind: str = "nominations"
    created: list[int] = field(default_factory=list)  # dossiers added here (local ids)
    updated: list[int] = field(default_factory=list)  # dossiers changed by a newer version
    unchanged: int = 0  # already here as sent
    new_persons: list[str] = field(default_factory=list)
    matched_persons: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # one line per difference a newer version makes
    notes: list[str] = field(default_factory=list)  # other lines of the preview (replies, score sheets)
    problems: list[str] = field(default_factory=list)  # any of these: nothing is imported
    dry_run: bool = True

    def summary(self) -> str:
        head = f"Gói của {self.sender.name} ({self.sender.code}): "
        if self.kind == "nominations":
            body = (f"{len(self.created)} hồ sơ mới, {len(self.updated)} hồ sơ cập nhật, {self.unchanged} hồ sơ đã có; "
                    f"{len(self.new_persons)} cá nhân mới, {len(self.matched_persons)} cá nhân đã có trong sổ.")  # fmt: skip
        else:
            body = " ".join(self.notes) or "không có gì mới."
        return head + body + (" Chạy thử: chưa ghi gì." if self.dry_run else "")

    def lines(self) -> list[str]:
        """The preview, one line per fact: what is new, what matched, what a newer version changes."""
        out = [self.summary()]
        out += [f"Cá nhân mới: {name}" for name in self.new_persons]
        out += [f"Đã có trong sổ: {name}" for name in self.matched_persons]
        out += self.changes
        if self.kind == "nominations":
            out += self.notes
        return out
