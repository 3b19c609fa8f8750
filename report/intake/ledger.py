"""The ledger: per file and overall, rows read = accepted + rejected + outside the report year."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from report.intake.ingest import Submission
from report.intake.validate import ACCEPTED, OUTSIDE, REJECTED, Activity


@dataclass
class LedgerLine:
    source_file: str
    department: str
    read: int = 0
    accepted: int = 0
    rejected: int = 0
    outside: int = 0
    file_rejected: bool = False
    reasons: Counter = field(default_factory=Counter)  # error code -> rejected rows (or the file's reason)

    @property
    def balanced(self) -> bool:
        return self.read == self.accepted + self.rejected + self.outside

    def add(self, other: "LedgerLine") -> None:
        self.read += other.read
        self.accepted += other.accepted
        self.rejected += other.rejected
        self.outside += other.outside
        self.file_rejected = self.file_rejected or other.file_rejected
        self.reasons.update(other.reasons)


@dataclass
class Ledger:
    lines: list[LedgerLine]

    @property
    def total(self) -> LedgerLine:
        total = LedgerLine("", "")
        for line in self.lines:
            total.add(line)
        return total

    @property
    def balanced(self) -> bool:
        return all(line.balanced for line in self.lines) and self.total.balanced

    @property
    def files_rejected(self) -> int:
        return sum(line.file_rejected for line in self.lines)

    def by_department(self) -> dict[str, LedgerLine]:
        """One line per department (files of the same department added together)."""
        merged: dict[str, LedgerLine] = {}
        for line in self.lines:
            merged.setdefault(line.department, LedgerLine("", line.department)).add(line)
        return merged


def build_ledger(submissions: list[Submission], activities: list[Activity]) -> Ledger:
    """Count every row read by outcome, per file in submission order."""
    lines = {sub.name: LedgerLine(sub.name, sub.department, read=len(sub.rows), file_rejected=sub.rejected)
             for sub in submissions}
    for sub in submissions:
        if sub.rejected:
            lines[sub.name].reasons.update(f.code for f in sub.findings if f.severity == "error")
    for act in activities:
        line = lines[act.source_file]
        if act.outcome == ACCEPTED:
            line.accepted += 1
        elif act.outcome == OUTSIDE:
            line.outside += 1
        elif act.outcome == REJECTED:
            line.rejected += 1
            line.reasons.update({f.code for f in act.findings if f.severity == "error"})
        if act.department and not line.department:
            line.department = act.department
    return Ledger(list(lines.values()))
