"""Data-quality findings: where the agenda and the resolution section disagree."""

from __future__ import annotations

from mapping.model import AgendaItem, Finding, Resolution


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
    return tuple(findings)


def normalise(title: str) -> str:
    return " ".join(title.split())
