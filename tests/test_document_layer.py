"""The document layer on its own: normalisation, page furniture, footnotes, pages.

Each case is written from what a converter or a typesetter produces, not from the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.document.furniture import find_furniture
from mapping.document.model import LineKind
from mapping.document.normalise import normalise
from mapping.document.read import read_document
from mapping.errors import SourceError

TITLE = [
    "Beschlussniederschrift",
    "über die Hauptkonferenz der 21. IntMK 2026",
    "7./8. Mai 2026 in Erfurt",
    "",
]


def body(page: int) -> list[str]:
    """Twelve lines of running text for one page."""
    return [f"Satz {page}.{n} der Beschlüsse, fortlaufend geschrieben." for n in range(12)]


def kinds(texts: list[str]) -> dict[int, LineKind]:
    return find_furniture(texts)


# normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "kind"),
    [
        ("Bundes\u00adregierung", "Bundesregierung", "soft hyphen"),
        ("Ge\ufb02üchtete", "Geflüchtete", "ligature"),
        (
            "öﬀentlich, ﬁnanziell, Aufenthaltsbeschäﬁgung",
            "öffentlich, finanziell, Aufenthaltsbeschäfigung",
            "ligature",
        ),
        ("26.\u00a0April\u202f2023", "26. April 2023", "space character"),
        ("§\u200945a", "§ 45a", "space character"),
        ("Integra\u200btion\ufeff", "Integration", "zero-width character"),
        ("Mu\u0308ller", "Müller", "NFC"),
    ],
)
def test_normalisation_is_recorded(raw: str, expected: str, kind: str) -> None:
    text, changes = normalise(raw)
    assert text == expected
    assert kind in {change.kind for change in changes}


def test_a_soft_hyphen_at_the_line_end_stays_to_rejoin_the_word() -> None:
    text, changes = normalise("die Integra\u00ad")
    assert text == "die Integra\u00ad"
    assert changes == ()
    text, _ = normalise("Bun\u00addes\u00adregie\u00ad")
    assert text == "Bundesregie\u00ad"


def test_typographic_quotes_and_dashes_stay() -> None:
    assert normalise("„Ebenen übergreifende Kooperation“ – so ‚kurz‘") == (
        "„Ebenen übergreifende Kooperation“ – so ‚kurz‘",
        (),
    )


# page numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["Seite 3", "Seite 3 von 40", "- 3 -", "– 3 –", "3/40", "S. 3"])
def test_a_page_number_in_any_common_form(form: str) -> None:
    texts = [*TITLE, *body(1), "", form, "", *body(2)]
    assert kinds(texts) == {len(TITLE) + 13: LineKind.PAGE_NUMBER}


def test_bare_numbers_a_page_apart_are_page_numbers() -> None:
    texts = [*TITLE, *body(1), "", "2", "", *body(2), "", "3", "", *body(3), "", "4"]
    found = kinds(texts)
    assert sorted(texts[i] for i in found) == ["2", "3", "4"]
    assert set(found.values()) == {LineKind.PAGE_NUMBER}


def test_a_bare_number_as_the_last_line_is_a_page_number() -> None:
    texts = [*TITLE, *body(1), "", "7"]
    assert kinds(texts) == {len(texts) - 1: LineKind.PAGE_NUMBER}


def test_a_lone_number_inside_the_text_is_content() -> None:
    texts = [*TITLE, *body(1), "", "16", "", *body(2)]
    assert kinds(texts) == {}


# running headers --------------------------------------------------------------------------


def test_a_running_header_is_learned_from_repetition() -> None:
    header = "IntMK 2026 · Erfurt – Beschlussniederschrift"
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 5):
        texts += [header, "", *body(page), ""]
    found = kinds(texts)
    assert {texts[i] for i in found} == {header}
    assert len(found) == 4


def test_a_header_beside_its_page_number_on_one_line() -> None:
    texts = [*TITLE, *body(1), "", "Niederschrift 21. IntMK        Seite 1 von 2", "", *body(2)]
    texts += ["", "Niederschrift 21. IntMK        Seite 2 von 2"]
    found = kinds(texts)
    assert len(found) == 2


@pytest.mark.parametrize(
    "repeated",
    ["Die IntMK hat einstimmig beschlossen:", "Antragsteller: Alle Länder", "1. Ausgangslage"],
)
def test_repeated_content_is_not_a_header(repeated: str) -> None:
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 5):
        texts += [f"TOP {page}", "", repeated, "", *body(page), ""]
    assert kinds(texts) == {}


def test_the_title_block_is_never_a_header() -> None:
    texts = [*TITLE, *body(0), ""]
    for page in range(1, 4):
        texts += ["7./8. Mai 2026 in Erfurt", "", *body(page), ""]
    found = kinds(texts)
    assert 2 not in found
    assert len(found) == 3


# footnotes and pages ----------------------------------------------------------------------


def write(tmp_path: Path, lines: list[str], name: str = "minutes.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_footnote_and_its_marker(tmp_path: Path) -> None:
    lines = [*TITLE, "Die Bundesregierung2 wird gebeten, die Mittel zu erhöhen.", *body(1), ""]
    lines += ["2 Vgl. Beschluss der 20. IntMK 2025, TOP 4.", "", "Seite 1 von 2", "", *body(2)]
    document = read_document(write(tmp_path, lines))
    marked = document.lines[len(TITLE)]
    assert marked.text == "Die Bundesregierung wird gebeten, die Mittel zu erhöhen."
    assert "footnote marker" in {change.kind for change in marked.normalisations}
    note = document.lines[len(TITLE) + 14]
    assert note.kind is LineKind.FOOTNOTE
    assert [(n.number, n.text) for n in document.footnotes] == [
        (2, "Vgl. Beschluss der 20. IntMK 2025, TOP 4.")
    ]


def test_a_number_line_without_a_marker_is_not_a_footnote(tmp_path: Path) -> None:
    lines = [*TITLE, *body(1), "", "16 Länder haben zugestimmt.", "", "Seite 1 von 2", *body(2)]
    document = read_document(write(tmp_path, lines))
    assert document.footnotes == ()
    assert document.lines[len(TITLE) + 13].kind is LineKind.CONTENT


def test_form_feeds_give_pages(tmp_path: Path) -> None:
    lines = [*TITLE, *body(1), "\f" + body(2)[0], *body(2)[1:], "\f"]
    document = read_document(write(tmp_path, lines))
    assert document.pages == 2
    assert document.lines[len(TITLE) + 12].page == 2
    assert document.lines[0].page == 1


def test_a_pdf_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(SourceError, match="the file is a PDF"):
        read_document(path)
