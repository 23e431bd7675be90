"""People (issue 15, point 4): the role titles of the participant list as an open grammar,
kept apart from academic titles and names; several chair persons and the chair of the
Vorkonferenz; guests by their organisation.

The three fixtures tests/fixtures/layouts/teilnehmende_{2009,2015,2019}.txt word their
lists as other years do: long official ranks with qualifiers (2009), abbreviations without
a form of address (2015), the role after the name behind a comma (2019).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.errors import SourceError
from mapping.model import Minutes
from mapping.parse_document import parse_file
from mapping.roles import PersonHead, read_head, starts_with_role

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
FIXTURES = {year: LAYOUTS / f"teilnehmende_{year}.txt" for year in ("2009", "2015", "2019")}

Row = tuple[str | None, str | None, str | None, str, bool, bool]


def rows(minutes: Minutes) -> list[tuple[str | None, list[Row]]]:
    """Per delegation its Land, then per person address, role, academic title, name, chair,
    chair of the Vorkonferenz."""
    return [
        (
            d.land or d.organisations[0],
            [
                (
                    p.form_of_address,
                    p.role_title,
                    p.honorific,
                    p.name,
                    p.is_chair,
                    p.preliminary_chair,
                )
                for p in d.persons
            ],
        )
        for d in minutes.delegations
    ]


# 1. the grammar rules, one by one ------------------------------------------------------

ROLE_WORDS = [
    # a word of a known stem, masculine and feminine
    ("Frau Staatssekretärin Wenke Christoph", "Staatssekretärin"),
    ("Herr Ministerialdirigent Heinz Probe", "Ministerialdirigent"),
    ("Frau Abteilungsleiterin Eva Muster", "Abteilungsleiterin"),
    ("Herr Referatsleiter Tim Probe", "Referatsleiter"),
    ("Frau Staatsrätin Petra Lotzkat", "Staatsrätin"),
    ("Herr Staatsrat Jan Muster", "Staatsrat"),
    ("Frau Bürgermeisterin Anna Test", "Bürgermeisterin"),
    ("Frau Senatorin Anja Stahmann", "Senatorin"),
    ("Herr Landesbeauftragter Kai Beispiel", "Landesbeauftragter"),
    ("Herr Regierungsdirektor Peter Muster", "Regierungsdirektor"),
]
QUALIFIED_ROLES = [
    ("Frau Leitende Ministerialrätin Anna Beispiel", "Leitende Ministerialrätin"),
    ("Herr Leitender Ministerialrat Uwe Probe", "Leitender Ministerialrat"),
    ("Herr Parlamentarischer Staatssekretär Ole Beispiel", "Parlamentarischer Staatssekretär"),
    ("Frau Stellvertretende Abteilungsleiterin Ina Test", "Stellvertretende Abteilungsleiterin"),
]
ABBREVIATED_ROLES = [
    ("StS Dieter Beispiel", "StS"),
    ("Frau StSin Eva Test", "StSin"),
    ("MinDirig Hanno Probe", "MinDirig"),
    ("Herr MR Karl Test", "MR"),
    ("RLin Ina Test", "RLin"),
]


@pytest.mark.parametrize(("head", "role"), ROLE_WORDS + QUALIFIED_ROLES + ABBREVIATED_ROLES)
def test_a_role_title_is_read_by_its_form(head: str, role: str) -> None:
    fields = read_head(head)
    assert fields.role_title == role
    assert fields.unread_role is None
    assert role not in fields.name and len(fields.name.split()) == 2


@pytest.mark.parametrize(
    ("head", "academic", "name"),
    [
        ("Frau Prof. Dr. Birgit Locher-Finke", "Prof. Dr.", "Birgit Locher-Finke"),
        ("Herr Prof. Dr. Dr. h. c. Karl Muster", "Prof. Dr. Dr. h. c.", "Karl Muster"),
        ("Frau Referatsleiterin Dipl.-Soz. Eva Probe", "Dipl.-Soz.", "Eva Probe"),
        ("Herr Dr.-Ing. Max Muster", "Dr.-Ing.", "Max Muster"),
        ("Herr Minister Dr. Andreas Philippi", "Dr.", "Andreas Philippi"),
    ],
)
def test_academic_titles_have_a_field_of_their_own(head: str, academic: str, name: str) -> None:
    fields = read_head(head)
    assert (fields.academic_title, fields.name) == (academic, name)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Herr Dr. Hans Muster, Referatsleiter",
            PersonHead("Herr", "Referatsleiter", "Dr.", "Hans Muster"),
        ),
        (
            "Frau Dr. Lena Probe, Abteilungsleiterin",
            PersonHead("Frau", "Abteilungsleiterin", "Dr.", "Lena Probe"),
        ),
        ("Herr Jonas Test, Referent", PersonHead("Herr", "Referent", None, "Jonas Test")),
    ],
)
def test_a_role_after_the_name_behind_a_comma(head: str, expected: PersonHead) -> None:
    assert read_head(head) == expected


@pytest.mark.parametrize(
    "text",
    ["Herr Murat Yilmaz", "Frau Ferda Ataman", "Herr Konrad Direktorsohn", "Wiebke Freya Ludwig"],
)
def test_a_name_is_no_role(text: str) -> None:
    fields = read_head(text)
    assert fields.role_title is None and fields.unread_role is None
    assert fields.name == text.removeprefix("Frau ").removeprefix("Herr ")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ministerin Doreen Denstädt", True),
        ("MinDirig Dr. Hanno Probe", True),
        ("Leitende Ministerialrätin Anna Beispiel", True),
        ("Senatorin für Soziales, Jugend, Integration und Sport", False),
        ("Beauftragter der Bundesregierung gegen Antiziganismus", False),
        ("Unabhängige Bundesbeauftragte für Antidiskriminierung (ADS)", False),
    ],
)
def test_a_line_starting_with_a_role_names_a_person(text: str, person: bool) -> None:
    assert starts_with_role(text) is person


UNREAD_ROLES = [
    ("Herr Generalkonsul Dr. Hans Muster", "Generalkonsul", "Hans Muster"),
    ("Frau Vorstandsmitglied Prof. Dr. Eva Test", "Vorstandsmitglied", "Eva Test"),
    ("Herr Staatssekretär a. D. Dr. Karl Probe", "Staatssekretär a. D.", "Karl Probe"),
    ("Herr Dr. Max Muster, Gesandter", "Gesandter", "Max Muster"),
]


@pytest.mark.parametrize(("head", "wording", "name"), UNREAD_ROLES)
def test_a_role_the_grammar_cannot_read_is_kept_apart_from_the_name(
    head: str, wording: str, name: str
) -> None:
    fields = read_head(head)
    assert (fields.role_title, fields.unread_role, fields.name) == (None, wording, name)


# 2. the fixtures, read as written ------------------------------------------------------


def test_the_list_of_2009_long_ranks_with_qualifiers() -> None:
    assert rows(parse_file(FIXTURES["2009"])) == [
        (
            "DE-NW",
            [
                ("Herr", "Minister", None, "Armin Beispiel", True, False),
                ("Herr", "Staatssekretär", None, "Theo Muster", True, False),
                ("Herr", "Ministerialdirigent", "Dr.", "Heinz Probe", False, False),
                ("Frau", "Leitende Ministerialrätin", "Dr.", "Anna Beispiel", False, True),
                ("Frau", "Referatsleiterin", "Dipl.-Soz.", "Eva Probe", False, False),
            ],
        ),
        (
            "DE-BY",
            [
                ("Frau", "Staatsministerin", None, "Christa Muster", False, False),
                ("Herr", "Ministerialrat", "Dr.", "Karl Test", False, False),
                ("Herr", "Regierungsdirektor", None, "Peter Muster", False, False),
            ],
        ),
        (
            "Bundesministerium des Innern",
            [
                ("Herr", "Parlamentarischer Staatssekretär", "Dr.", "Ole Beispiel", False, False),
                ("Herr", "Abteilungsleiter", "Dr.", "Max Muster", False, False),
            ],
        ),
        (
            "Bundesamt für Migration und Flüchtlinge",
            [("Herr", "Präsident", "Dr.", "Albert Test", False, False)],
        ),
    ]


def test_the_list_of_2015_abbreviations_without_address() -> None:
    minutes = parse_file(FIXTURES["2015"])
    assert rows(minutes) == [
        (
            "DE-HH",
            [
                (None, "Senatorin", "Dr.", "Maren Beispiel", True, False),
                (None, "StR", None, "Jan Muster", True, False),
                (None, "MinDirig", "Dr.", "Hanno Probe", False, False),
                (None, "RLin", "Dr.", "Ina Test", False, True),
                (None, "ORR", None, "Tim Muster", False, False),
            ],
        ),
        (
            "DE-BE",
            [
                (None, "StS", None, "Dieter Beispiel", False, False),
                (None, "MRin", "Dr.", "Uta Probe", False, False),
            ],
        ),
        (
            "Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",
            [
                (None, "StMin", None, "Aydan Muster", False, False),
                ("Herr", "MinDir", "Dr.", "Ulrich Test", False, False),
            ],
        ),
    ]
    assert minutes.delegations[-1].parent_note == "Bundeskanzleramt"


def test_the_list_of_2019_roles_after_the_name() -> None:
    assert rows(parse_file(FIXTURES["2019"])) == [
        (
            "DE-SN",
            [
                ("Frau", "Staatsministerin", None, "Petra Beispiel", True, False),
                ("Herr", "Amtschef", "Prof. Dr. Dr. h. c.", "Sebastian Muster", True, False),
                ("Frau", "Abteilungsleiterin", "Dr.", "Lena Probe", False, False),
                ("Herr", "Referent", None, "Jonas Test", False, False),
            ],
        ),
        (
            "DE-SH",
            [
                ("Herr", "Staatssekretär", None, "Torsten Beispiel", False, False),
                ("Frau", "Referatsleiterin", "Dr.", "Kira Muster", False, True),
            ],
        ),
        (
            "Bundesministerium für Arbeit und Soziales",
            [("Frau", "Unterabteilungsleiterin", "Dr.", "Beate Beispiel", False, False)],
        ),
        (
            "Bundesagentur für Arbeit",
            [("Herr", "Bereichsleiter", "Dr.", "Rolf Muster", False, False)],
        ),
    ]


# 3. regressions ------------------------------------------------------------------------


def with_line(fixture: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of a fixture with one line changed."""
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / fixture.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


@pytest.mark.parametrize(
    "line",
    [
        "Herr Ministerialdirigent Dr. Heinz Probe",
        "Herr Leitender Regierungsdirektor Dr. Heinz Probe",
        "Herr Gruppenleiter Prof. Dr. Heinz Probe",
    ],
)
def test_regression_a_role_before_dr_is_never_part_of_the_name(tmp_path: Path, line: str) -> None:
    """Before: `PERSON` knew a closed list of roles and Prof./Dr./h.c. only, so a role it
    did not know, followed by "Dr.", became part of the name ("Ministerialdirigent Dr.
    Heinz Probe")."""
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    person = parse_file(path).delegations[0].persons[2]
    assert person.name == "Heinz Probe"
    assert person.role_title == line.split(" Dr.")[0].split(" Prof.")[0].removeprefix("Herr ")


def test_regression_an_unknown_role_before_dr_is_an_error_naming_the_line(tmp_path: Path) -> None:
    line = "Herr Generalkonsul Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert str(error.value.path) == str(path) and error.value.line == line_of(path, line)
    assert "'Generalkonsul'" in error.value.problem and "--lenient" in error.value.expected


def test_an_unknown_role_with_lenient_keeps_its_wording_apart(tmp_path: Path) -> None:
    line = "Herr Generalkonsul Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, "Herr Ministerialdirigent Dr. Heinz Probe", line)
    person = parse_file(path, lenient=True).delegations[0].persons[2]
    assert (person.name, person.role_title, person.honorific, person.unread_role) == (
        "Heinz Probe",
        None,
        "Dr.",
        "Generalkonsul",
    )


def test_chairs_of_two_laender_are_an_error_naming_the_line(tmp_path: Path) -> None:
    line = "Frau Staatsministerin Christa Muster (Vorsitz)"
    path = with_line(FIXTURES["2009"], tmp_path, "Frau Staatsministerin Christa Muster", line)
    with pytest.raises(SourceError) as error:
        parse_file(path)
    assert error.value.line == line_of(path, line)
    assert "DE-NW and DE-BY" in error.value.problem


@pytest.mark.parametrize(
    ("remark", "chair", "preliminary"),
    [
        ("Vorsitz", True, False),
        ("Vorsitzende", True, False),
        ("Vorsitzender der IntMK", True, False),
        ("Vorsitz Vorkonferenz", False, True),
        ("Vorsitz der Vorkonferenz", False, True),
        ("Vorsitzende der Vorkonferenz", False, True),
    ],
)
def test_the_chair_remarks(tmp_path: Path, remark: str, chair: bool, preliminary: bool) -> None:
    old = "Herr Ministerialdirigent Dr. Heinz Probe"
    path = with_line(FIXTURES["2009"], tmp_path, old, f"{old} ({remark})")
    person = parse_file(path).delegations[0].persons[2]
    assert (person.is_chair, person.preliminary_chair, person.remark) == (chair, preliminary, None)
