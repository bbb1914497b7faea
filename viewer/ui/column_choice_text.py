"""Which column plays each role, and how the date column was chosen, in words for people: the
Files panel's line and tooltip and the Problems panel read them here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.io.load_report import LoadReport
from viewer.ui.load_messages import translated

# The roles the Files panel's line shows, in order; the tooltip shows every role.
LINE_ROLES = ("start", "end", "title", "lane")
ALL_ROLES = ("start", "end", "title", "excerpt", "lane", "url")


def role_name(role: str) -> str:
    names = {
        "start": QCoreApplication.translate("ColumnChoice", "date"),
        "end": QCoreApplication.translate("ColumnChoice", "end"),
        "title": QCoreApplication.translate("ColumnChoice", "title"),
        "excerpt": QCoreApplication.translate("ColumnChoice", "excerpt"),
        "lane": QCoreApplication.translate("ColumnChoice", "lane"),
        "url": QCoreApplication.translate("ColumnChoice", "link"),
    }
    return names.get(role, role)


def roles_line(report: LoadReport, roles: tuple[str, ...] = LINE_ROLES) -> str:
    """'date: `Date` · end: `End` · title: `Headline` · lane: `Section`'."""
    return " · ".join(
        QCoreApplication.translate("ColumnChoice", "%1: `%2`")
        .replace("%1", role_name(role))
        .replace("%2", report.columns[role])
        for role in roles
        if role in report.columns
    )


def considered_lines(report: LoadReport) -> list[str]:
    """Each date column weighed, the chosen first: 'chosen: `date` — full dates, ...'."""
    lines = []
    for candidate in report.date_candidates:
        reasons = ", ".join(translated(r) for r in candidate.reasons)
        if report.is_chosen(candidate):
            mark = (
                QCoreApplication.translate("ColumnChoice", "chosen by you: `%1`")
                if report.date_chosen_by_user
                else QCoreApplication.translate("ColumnChoice", "chosen: `%1`")
            )
        else:
            mark = "`%1`"
        line = mark.replace("%1", candidate.column)
        lines.append(f"{line} — {reasons}" if reasons else line)
    return lines


def close_note(report: LoadReport) -> str | None:
    """'also a date: `modified`' when the runner-up weighed close to the chosen column."""
    close = report.close_date()
    if close is None:
        return None
    return QCoreApplication.translate("ColumnChoice", "also a date: `%1`").replace("%1", close)


def choice_notes(report: LoadReport) -> list[str]:
    """What the user should know of the choice: a close runner-up, a remembered column gone."""
    close = close_note(report)
    return ([close] if close else []) + [translated(note) for note in report.notes]


def choice_details(report: LoadReport) -> str:
    """The whole story, for a tooltip: every role, the date columns weighed, the notes."""
    lines = [roles_line(report, ALL_ROLES)] if report.columns else []
    considered = considered_lines(report)
    if considered:
        lines.append(QCoreApplication.translate("ColumnChoice", "Date columns considered:"))
        lines.extend(f"  {line}" for line in considered)
    lines.extend(choice_notes(report))
    return "\n".join(lines)
