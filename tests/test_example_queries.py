"""The example queries of the query page answer their questions exactly, on the seed minutes.

Every expected row was checked against data/sources/000_7e277fc99396a581.txt (the 18th
IntMK 2023): the agenda (lines 211–262, applicants, "(koordinierend)", "(GL)"), the vote
formulas ("Die IntMK hat mehrheitlich beschlossen", 11 times) and the resolution texts.
Values of aggregated lists (GROUP_CONCAT) come in no defined order and are compared as sets.
"""

from __future__ import annotations

import httpx
import pytest

from server.examples import Example, examples
from tests.conftest import BASE

SRJ = "application/sparql-results+json"
VOCABULARY = "https://w3id.org/intmk/ontology#"
OTHER_TERMS = {"13", "14"}  # the examples that ask in ELI-DL and schema.org terms alone
Row = tuple[object, ...]


def run(client: httpx.Client, example: Example) -> list[dict[str, str]]:
    """The example's answer from the server: one dict per row, our IRIs relative to BASE."""
    response = client.get("/sparql", params={"query": example.query(BASE)}, headers={"Accept": SRJ})
    assert response.status_code == 200, response.text
    return [
        {name: term["value"].removeprefix(BASE) for name, term in binding.items()}
        for binding in response.json()["results"]["bindings"]
    ]


def by_slug(prefix: str) -> Example:
    (found,) = [e for e in examples() if e.slug.startswith(prefix)]
    return found


def as_set(text: str) -> frozenset[str]:
    return frozenset(part for part in text.split(", ") if part)


def table(rows: list[dict[str, str]], *columns: str, sets: tuple[str, ...] = ()) -> list[Row]:
    return [tuple(as_set(r[c]) if c in sets else r.get(c, "") for c in columns) for r in rows]


def test_the_examples_are_numbered_with_titles_in_both_languages() -> None:
    """01–14, and from issue 15 on one or two a rule (15, 16: decisions, on fixtures in
    tests/test_decisions.py: the seed names no Land's vote and adopts or notes all)."""
    found = examples()
    numbers = [e.slug[:2] for e in found]
    assert numbers[:14] == [f"{n:02d}" for n in range(1, 15)]
    assert numbers == sorted(set(numbers)) and "22" in numbers  # 15–22: issue 15
    for example in found:
        assert (
            example.title("de")
            and example.title("en")
            and example.title("de") != example.title("en")
        )
        assert example.about("de") and example.about("en")
        # the vocabulary by its persistent IRIs, data IRIs through the base placeholder
        # (13 and 14 ask in ELI-DL and schema.org terms alone)
        in_other_terms = example.slug[:2] in {"13", "14"}
        assert in_other_terms != (
            "PREFIX intmk: <https://w3id.org/intmk/ontology#>" in example.template
        )
        assert "{{BASE}}" not in example.query(BASE) and "localhost:8000" not in example.template


REQUESTS_2023 = [
    ("1.5", "1", "Ersuchen", {"Bund"}),
    ("4.1", "1", "Appell", {"Bundesregierung"}),
    ("4.3", "1", "Aufforderung", {"Bund"}),
    ("4.3", "2", "Aufforderung", {"Bund"}),
    ("4.4", "1", "Prüfbitte", {"Bundesministerium des Innern und für Heimat"}),
    ("4.5", "1", "Bitte", {"Bundesregierung"}),
    ("4.5", "2", "Prüfbitte", {"Bund"}),
    ("4.6", "1", "Prüfbitte", {"Länder", "Bund"}),
    ("4.6", "2", "Prüfbitte", {"Bund"}),
    ("4.7", "1", "Appell", {"Länder", "Bund"}),
    ("5.1", "1", "Aufforderung", {"Bund"}),
    ("5.1", "2", "Appell", {"Bund"}),
    ("5.1", "3", "Prüfbitte", {"Bund"}),
    ("5.1", "4", "Aufforderung", {"Bund"}),
    ("5.1", "5", "Prüfbitte", {"Bund"}),
    ("5.1", "6", "Bitte", {"Bund"}),
    ("5.1", "7", "Bitte", {"Bund"}),
    ("5.2", "1", "Aufforderung", {"Bund"}),
    ("5.3", "1", "Bitte", {"Bund"}),
    ("5.4", "1", "Aufforderung", {"Bund"}),
    ("6.1", "1", "Prüfbitte", {"Bundesregierung"}),
    ("6.2", "1", "Bitte", {"Bundesregierung"}),
    ("6.3", "1", "Appell", {"Bund"}),
    ("6.3", "2", "Prüfbitte", {"Bund"}),
    ("6.3", "3", "Aufforderung", {"Bund"}),
    ("6.3", "4", "Bitte", {"Bund"}),
    ("6.4", "1", "Bitte", {"Bundesregierung"}),
    ("6.4", "2", "Bitte", {"Bundesregierung"}),
    ("6.4", "3", "Prüfbitte", {"Bundesregierung"}),
    ("7.2", "1", "Bitte", {"Bundesministerium für Arbeit und Soziales"}),
    ("7.2", "2", "Bitte", {"Bund"}),
    ("7.2", "3", "Bitte", {"Bund"}),
    ("7.4", "1", "Bitte", {"Bund"}),
]


def test_what_the_laender_asked_the_bund_for_in_2023_and_who_asked(client: httpx.Client) -> None:
    rows = run(client, by_slug("01"))
    assert len(rows) == 33
    found = [
        (r["top"], r["request"].rsplit("/", 1)[1], r["kind"], as_set(r["addressees"])) for r in rows
    ]
    assert found == [(top, n, kind, frozenset(to)) for top, n, kind, to in REQUESTS_2023]
    first = rows[0]
    assert first["request"] == "id/conference/18/resolution/1.5/request/1"
    assert first["title"] == "Verstetigung des Bund-Länder-Integrationsbarometers"
    assert first["action"] == "die Zusammenarbeit in den Folgejahren fortzuführen"
    assert as_set(first["applicants"]) == {"Hamburg", "Hessen"}
    asked_64 = {
        "Hamburg", "Mecklenburg-Vorpommern", "Niedersachsen", "Rheinland-Pfalz", "Sachsen",
        "Thüringen",
    }  # fmt: skip
    assert all(as_set(r["applicants"]) == asked_64 for r in rows if r["top"] == "6.4")
    assert {as_set(r["applicants"]) for r in rows if r["top"] == "6.3"} == {
        frozenset({"Baden-Württemberg"})
    }
    assert rows[18]["action"] == "um Kostenübernahme"  # 5.3: "bitten den Bund um Kostenübernahme"


CO_SIGNED = [
    ("DE-HB", "24", "7.4 7.2 6.2 6.1 5.4 5.3 5.2 5.1 4.7 4.6 4.5 4.4 4.3"),
    ("DE-HH", "24", "7.4 7.2 6.4 6.2 6.1 5.2 5.1 4.7 4.5 4.4 4.3 1.5"),
    ("DE-RP", "24", "7.2 6.4 6.1 5.4 5.3 5.2 5.1 4.7 4.5 4.4 4.3 4.1"),
    ("DE-NI", "23", "7.4 7.2 6.4 6.1 5.3 5.2 5.1 4.6 4.4 4.3 4.1"),
    ("DE-TH", "23", "7.2 6.4 6.2 6.1 5.4 5.3 5.2 5.1 4.5 4.4 4.3"),
    ("DE-BE", "21", "7.2 6.2 6.1 5.4 5.3 5.2 5.1 4.7 4.5 4.4 4.3"),
    ("DE-MV", "20", "7.2 6.4 6.1 5.2 5.1 4.7 4.4 4.3 4.1"),
    ("DE-BW", "18", "6.3 5.2 5.1 4.7 4.6 4.3 4.1"),
    ("DE-ST", "18", "7.2 6.1 5.2 5.1 4.7 4.5 4.4 4.3"),
    ("DE-SN", "17", "7.2 6.4 5.2 5.1 4.3 4.1"),
    ("DE-SL", "16", "7.4 7.2 5.2 5.1 4.7 4.3 4.1"),
    ("DE-BB", "15", "6.2 6.1 5.3 5.2 5.1 4.7 4.3 4.1"),
    ("DE-NW", "14", "5.4 5.2 5.1 4.7 4.4 4.3 4.1"),
    ("DE-SH", "14", "6.2 6.1 5.2 5.1 4.7 4.4 4.3"),
    ("DE-HE", "6", "5.2 4.7 4.3 4.1 1.5"),
    ("DE-BY", "4", "5.2 4.3 4.1"),
]


def test_the_requests_each_land_co_signed(client: httpx.Client) -> None:
    rows = run(client, by_slug("02"))
    found = [(r["land"].removeprefix("id/land/"), r["requests"], as_set(r["items"])) for r in rows]
    assert found == [(land, n, frozenset(items.split())) for land, n, items in CO_SIGNED]
    assert rows[0]["name"] == "Bremen" and rows[-1]["name"] == "Bayern"


def test_resolutions_adopted_only_by_majority(client: httpx.Client) -> None:
    rows = run(client, by_slug("03"))
    tops = ["4.4", "4.5", "4.7", "5.1", "5.4", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2"]
    assert [r["top"] for r in rows] == tops
    assert [r["resolution"] for r in rows] == [f"id/conference/18/resolution/{t}" for t in tops]
    assert {r["vote"] for r in rows} == {"Die IntMK hat mehrheitlich beschlossen:"}


def test_items_where_agenda_and_resolution_disagree(client: httpx.Client) -> None:
    rows = run(client, by_slug("04"))
    title, applicants = "Titel-Abweichung", "Antragsteller-Abweichung"
    assert table(rows, "top", "kind") == [
        ("A", title), ("1.1", title), ("1.2", title), ("1.3", title),
        ("4.1", applicants), ("4.4", applicants), ("4.6", title), ("7.4", title),
    ]  # fmt: skip
    assert rows[0]["inAgenda"] == "Genehmigung der Tagesordnung"
    assert rows[0]["inResolution"] == "Genehmigung Tagesordnung"
    hesse = rows[4]  # 4.1: Hessen is named only in the resolution section
    assert "Hessen" not in hesse["inAgenda"] and "Hessen" in hesse["inResolution"]


OUTCOMES = (
    "A e B k C e 1.1 k 1.2 e 1.3 e 1.4 e 1.5 e 1.6 k 2 e 3 e 4.1 e 4.3 e 4.4 m 4.5 m 4.6 e "
    "4.7 m 4.8 e 4.9 e 5.1 m 5.2 e 5.3 e 5.4 m 6.1 m 6.2 m 6.3 m 6.4 m 7.1 m 7.2 m 7.4 e"
)
OUTCOME_NAMES = {
    "e": ("angenommen", "einstimmig"),
    "m": ("angenommen", "mehrheitlich"),
    "k": ("zur Kenntnis genommen", ""),
}


def test_every_resolution_of_the_18th_conference_with_its_outcome(client: httpx.Client) -> None:
    rows = run(client, by_slug("05"))
    words = OUTCOMES.split()
    expected = [
        (top, OUTCOME_NAMES[code]) for top, code in zip(words[::2], words[1::2], strict=True)
    ]
    assert table(rows, "top", "outcome", "margin") == [(top, *named) for top, named in expected]
    assert len(rows) == 30
    assert sum(1 for _, (_, margin) in expected if margin == "mehrheitlich") == 11


def test_requests_by_addressee(client: httpx.Client) -> None:
    rows = run(client, by_slug("06"))
    assert table(rows, "addressee", "name", "requests") == [
        ("id/organisation/bund", "Bund", "24"),
        ("id/organisation/bundesregierung", "Bundesregierung", "7"),
        ("id/organisation/laender", "Länder", "2"),
        ("id/organisation/bmi", "Bundesministerium des Innern und für Heimat", "1"),
        ("id/organisation/bmas", "Bundesministerium für Arbeit und Soziales", "1"),
    ]


def test_items_coordinated_by_each_land(client: httpx.Client) -> None:
    rows = run(client, by_slug("07"))
    assert table(rows, "name", "coordinated", "items", sets=("items",)) == [
        ("Saarland", "2", {"5.1", "7.4"}),
        ("Baden-Württemberg", "1", {"4.8"}),
        ("Berlin", "1", {"4.2"}),
        ("Bremen", "1", {"4.5"}),
        ("Hamburg", "1", {"7.2"}),
        ("Hessen", "1", {"7.1"}),
        ("Nordrhein-Westfalen", "1", {"4.1"}),
        ("Rheinland-Pfalz", "1", {"5.3"}),
        ("Schleswig-Holstein", "1", {"4.4"}),
    ]


def test_withdrawn_or_merged_items(client: httpx.Client) -> None:
    rows = run(client, by_slug("08"))
    assert table(rows, "top", "withdrawnBy", "mergedInto") == [
        ("4.2", "id/land/DE-BE", ""),
        ("7.3", "", "id/conference/18/item/7.2"),
    ]
    assert rows[0]["title"].startswith("Modifizierung der Wohnsitzauflage")


def test_items_on_the_green_list(client: httpx.Client) -> None:
    rows = run(client, by_slug("09"))
    assert [r["top"] for r in rows] == ["1.3", "1.4", "1.5", "7.4"]


def test_laws_cited_by_resolutions(client: httpx.Client) -> None:
    rows = run(client, by_slug("10"))
    paragraph = "id/conference/18/resolution/6.4/paragraph/1"
    assert table(rows, "law", "name", "top", "paragraph") == [
        ("http://data.europa.eu/eli/dir/2001/55/oj", "Richtlinie 2001/55/EG", "6.4", paragraph),
        (
            "https://www.gesetze-im-internet.de/aufenthg_2004/__24.html",
            "§ 24 AufenthG",
            "6.4",
            paragraph,
        ),
    ]


def test_the_delegation_of_hesse(client: httpx.Client) -> None:
    rows = run(client, by_slug("11"))
    assert table(rows, "person", "name", "role", "chair") == [
        ("id/person/kai-klose", "Kai Klose", "Minister", "true"),
        ("id/person/stephan-hoelz", "Stephan Hölz", "", "false"),
        ("id/person/ralf-pillok", "Ralf Pillok", "", "false"),
    ]


def test_monetary_amounts_mentioned(client: httpx.Client) -> None:
    rows = run(client, by_slug("12"))
    assert table(rows, "top", "statedAs", "euros", "approximate") == [
        ("1.4", "ca. 512.000 EUR", "512000", "true"),
        ("1.4", "ca. 32.000 EUR", "32000", "true"),
        ("3", "238 Millionen Euro", "238000000", "false"),
        ("3", "neun Millionen Euro", "9000000", "false"),
        ("4.3", "81,5 Mio. €", "81500000", "false"),
        ("4.3", "jährlich 57 Mio. €", "57000000", "false"),
        ("7.1", "fast 100 Milliarden Euro", "100000000000", "true"),
    ]


def test_amounts_as_ranges_periods_or_unresolved(client: httpx.Client) -> None:
    """The seed has one amount per period (line 524, "jährlich 57 Mio. €"), no range, no
    bound and nothing unresolved; tests/test_amount_document.py runs it on all of them."""
    rows = run(client, by_slug("17"))
    assert table(rows, "top", "statedAs", "euros", "period", "unresolved") == [
        ("4.3", "jährlich 57 Mio. €", "57000000", "P1Y", "false"),
    ]


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.slug)
def test_every_example_runs_on_another_base(example: Example) -> None:
    """The base placeholder is all that ties a query to a base URI."""
    other = "https://intmk.example.org/data/"
    assert BASE not in example.query(other)
    assert example.slug[:2] in {
        "13",
        "14",
    } or "<https://w3id.org/intmk/ontology#>" in example.query(other)
    assert f"<{other}ontology#>" not in example.query(other)


def test_the_decisions_in_eli_dl_terms(client: httpx.Client) -> None:
    """27 resolutions adopted, 3 noted (TOP B, 1.1, 1.6), each on its own agenda item."""
    rows = run(client, by_slug("13"))
    assert table(rows, "outcome", "decisions", "activities") == [
        ("adopted", "27", "27"),
        ("noted", "3", "3"),
    ]


def test_the_requests_in_schema_org_terms(client: httpx.Client) -> None:
    """The addressees of query 06 (by schema:recipient), and the three the shortcut
    intmk:RequestToBund leaves out: the IntMK office, the KMK, "alle Verantwortlichen"."""
    rows = run(client, by_slug("14"))
    assert table(rows, "recipient", "name", "requests") == [
        ("id/organisation/bund", "Bund", "24"),
        ("id/organisation/bundesregierung", "Bundesregierung", "7"),
        ("id/organisation/laender", "Länder", "2"),
        ("id/organisation/bmi", "Bundesministerium des Innern und für Heimat", "1"),
        ("id/organisation/bmas", "Bundesministerium für Arbeit und Soziales", "1"),
        ("id/organisation/intmk-geschaeftsstelle", "IntMK-Geschäftsstelle", "1"),
        ("id/organisation/kmk", "Kultusministerkonferenz", "1"),
        ("id/organisation/alle-verantwortlichen", "alle Verantwortlichen", "1"),
    ]


def test_addressees_with_the_words_that_name_them(client: httpx.Client) -> None:
    rows = run(client, by_slug("19"))
    assert len({r["request"] for r in rows}) == 37  # every request of the seed
    by_request = {(r["top"], r["request"].rsplit("/", 1)[1]): r for r in rows}
    # the minutes call the BMI by its short form (its name of the day: example 22)
    assert by_request[("4.4", "1")]["statedAs"] == "das BMI"
    # "Die IntMK fordert einen leichteren Zugang …": no addressee named
    assert by_request[("7.1", "2")].get("noneNamed") == "true"
    assert "addressee" not in by_request[("7.1", "2")]
    assert not any("unresolved" in r for r in rows)


def test_organisations_with_the_names_of_the_meeting_day(client: httpx.Client) -> None:
    """Example 22 on the seed: each organisation the 18th IntMK addresses or has guests of,
    by its name of 26 April 2023; the seed uses no name of another period."""
    rows = run(client, by_slug("22"))
    names = {r["organisation"]: r.get("nameDe", "") for r in rows}
    # the BMI of April 2023 had its name of 8 December 2021 (today's too)
    assert names["id/organisation/bmi"] == "Bundesministerium des Innern und für Heimat"
    assert names["id/organisation/laender"] == "Länder"
    assert {r["number"] for r in rows} == {"18"}
    assert not any("nameUsed" in r for r in rows)
    assert {"das BMI", "den Bund", "die Bundesregierung"} <= {r.get("statedAs", "") for r in rows}
