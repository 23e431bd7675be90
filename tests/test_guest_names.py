"""A guest organisation printed under a name it did not bear on the meeting day (issue 15,
addressees and people): the organisation stays resolved, its guests' participations name
the name used (`intmk:nameOutsidePeriod`) and one finding `name-outside-period` names the
heading's lines; a name of the day has none. The minutes are the participant list of 2019
(tests/fixtures/layouts/teilnehmende_2019.txt) moved to other years, with the BMI as guest
under its three names (before 2018-03-14, to 2021-12-07, since)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH

from mapping.uris import Uris
from tests.conftest import BASE, CONCEPT, ID, INTMK
from tests.fixture_builds import build_texts, example_rows

BASE_TEXT = Path(__file__).resolve().parent / "fixtures" / "layouts" / "teilnehmende_2019.txt"
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
OUTSIDE = URIRef(INTMK + "nameOutsidePeriod")
BMI_NAME = ID + "organisation/bmi/name/{}"
GUEST = "Bundesministerium für Arbeit und Soziales"

# conference: (number and year, the dates, the BMI's name as printed, the names used outside
# their period: positions in the registry's order)
YEARS = {
    17: (
        "17. IntMK 2022",
        "21./ 22. April 2022",
        "Bundesministerium des Innern, für Bau und Heimat",
        {2},
    ),
    12: (
        "12. IntMK 2017",
        "27./ 28. April 2017",
        "Bundesministerium des Innern und für Heimat",
        {3},
    ),
    14: (
        "14. IntMK 2019",
        "11./ 12. April 2019",
        "Bundesministerium des Innern, für Bau und Heimat (BMI)",
        set(),
    ),
}


def minutes(number: int) -> str:
    title, dates, name, _ = YEARS[number]
    text = BASE_TEXT.read_text(encoding="utf-8")
    return (
        text.replace("14. IntMK 2019", title)
        .replace("11./ 12. April 2019", dates)
        .replace(GUEST, name)
    )


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Graph, subprocess.CompletedProcess[str]]:
    sources = [(f"teilnehmende_{number}.txt", minutes(number)) for number in YEARS]
    return build_texts(tmp_path_factory.mktemp("guest-names"), sources)


@pytest.fixture(scope="module")
def graph(built: tuple[Graph, subprocess.CompletedProcess[str]]) -> Graph:
    return built[0]


def guest(number: int) -> URIRef:
    return Uris(BASE).participation(number, "Beate Beispiel")


def test_the_build_conforms_with_one_finding_per_name_used_outside(
    built: tuple[Graph, subprocess.CompletedProcess[str]],
) -> None:
    assert list(built[0].objects(None, SH.conforms)) == [Literal(True)]
    rows = {line.split()[0]: line.split() for line in built[1].stdout.splitlines()[1:4]}
    findings = {name: row[7] for name, row in rows.items()}
    assert findings == {
        "teilnehmende_12.txt": "1",
        "teilnehmende_14.txt": "0",
        "teilnehmende_17.txt": "1",
    }


@pytest.mark.parametrize("number", sorted(YEARS))
def test_the_guest_keeps_the_organisation_and_names_the_name_used(
    graph: Graph, number: int
) -> None:
    _, _, _, outside = YEARS[number]
    assert graph.value(guest(number), URIRef(INTMK + "onBehalfOf")) == URIRef(
        ID + "organisation/bmi"
    )
    assert set(graph.objects(guest(number), OUTSIDE)) == {
        URIRef(BMI_NAME.format(k)) for k in outside
    }


@pytest.mark.parametrize(
    ("number", "day", "period"),
    [(17, "2022-04-21", "2018-03-14 – 2021-12-07"), (12, "2017-04-27", "2021-12-08 –")],
)
def test_the_finding_names_the_heading_the_day_and_the_period(
    graph: Graph, number: int, day: str, period: str
) -> None:
    (finding,) = set(graph.subjects(OA_TARGET, guest(number)))
    assert graph.value(finding, URIRef(INTMK + "findingKind")) == URIRef(
        CONCEPT + "finding-kind/name-outside-period"
    )
    comments = [c for c in graph.objects(finding, RDFS.comment) if isinstance(c, Literal)]
    german = next(str(c) for c in comments if c.language == "de")
    assert f"„{YEARS[number][2]}“" in german and f"({day})" in german and period in german
    assert "Zeilen 25–27" in german  # the guests' heading and their person


def test_a_name_of_the_day_has_no_finding(graph: Graph) -> None:
    assert set(graph.subjects(OA_TARGET, guest(14))) == set()


def test_the_example_query_names_the_guests_name_used(graph: Graph) -> None:
    """Example 22: the guests' BMI under its name of the meeting day, and where the list
    prints another period's name, that name with its start and end."""
    names = ("organisation", "number", "nameDe", "nameUsed", "usedFrom", "usedTo")
    rows = {row[1:] for row in example_rows(graph, 22, names) if row[0].endswith("/bmi")}
    assert rows == {
        (
            "12",
            "Bundesministerium des Innern",
            "Bundesministerium des Innern und für Heimat",
            "2021-12-08",
            "",
        ),
        ("14", "Bundesministerium des Innern, für Bau und Heimat", "", "", ""),
        (
            "17",
            "Bundesministerium des Innern und für Heimat",
            "Bundesministerium des Innern, für Bau und Heimat",
            "2018-03-14",
            "2021-12-07",
        ),
    }
