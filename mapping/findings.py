"""Data-quality findings: where the agenda and the resolution section disagree."""

from __future__ import annotations

from mapping.model import AgendaItem, Finding, Resolution
from mapping.parse_resolutions import GREEN_LIST_MARKS


def compare(
    agenda: tuple[AgendaItem, ...], resolutions: tuple[Resolution, ...]
) -> tuple[Finding, ...]:
    """Every difference in title or applicants between an item and its resolution."""
    items = {item.top: item for item in agenda}
    findings: list[Finding] = []
    for resolution in resolutions:
        item = items.get(resolution.top)
        if item is None:
            continue
        if normalise(item.title) != normalise(resolution.title):
            findings.append(Finding(item.top, "title-mismatch", item.title, resolution.title))
        if item.applicants and resolution.applicants:
            agenda_codes = set(item.applicants.codes)
            resolution_codes = set(resolution.applicants.codes)
            if agenda_codes != resolution_codes:
                findings.append(
                    Finding(
                        item.top,
                        "applicant-mismatch",
                        item.applicants.stated_as,
                        resolution.applicants.stated_as,
                        only_in_agenda=tuple(sorted(agenda_codes - resolution_codes)),
                        only_in_resolution=tuple(sorted(resolution_codes - agenda_codes)),
                    )
                )
        findings.extend(green_list_mismatch(item, resolution, marks_green_list(resolutions)))
    return tuple(findings)


def marks_green_list(resolutions: tuple[Resolution, ...]) -> bool:
    """Whether the document marks Green List items in its headings ("TOP 2.4 (GL)")."""
    return any(r.heading_mark in GREEN_LIST_MARKS for r in resolutions)


def green_list_mismatch(item: AgendaItem, resolution: Resolution, marking: bool) -> list[Finding]:
    """A heading marked "(GL)" for an item the agenda does not mark; or, in a document that
    marks its Green List headings, an agenda "(GL)" item whose heading lacks the mark."""
    heading_gl = resolution.heading_mark in GREEN_LIST_MARKS
    if heading_gl == item.green_list or not (heading_gl or marking):
        return []
    agenda = f"{item.top} (GL)" if item.green_list else item.top
    mark = f" ({resolution.heading_mark})" if resolution.heading_mark else ""
    return [Finding(item.top, "green-list-mismatch", agenda, f"TOP {resolution.top}{mark}")]


def normalise(title: str) -> str:
    return " ".join(title.split())
