"""The pages for people, read as a browser gets them and parsed: exact facts of the seed
minutes, in German and in English, with links to the data twins and the query editor."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup, Tag

from server.pages import format_amount, format_date, format_literal, format_number

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
SEED_SOURCE = "/dumps/sources/000_7e277fc99396a581.txt"


def page(client: httpx.Client, path: str) -> BeautifulSoup:
    answer = client.get(path, headers=HTML)
    assert answer.status_code == 200, (path, answer.text[:300])
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    return BeautifulSoup(answer.text, "html.parser")


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def agenda_row(soup: BeautifulSoup, top: str) -> Tag:
    row = soup.find("tr", attrs={"data-top": top})
    assert isinstance(row, Tag), f"no agenda row for TOP {top}"
    return row


def test_home_shows_the_agenda_with_outcomes_and_coordinating_lander(
    client: httpx.Client,
) -> None:
    soup = page(client, "/")
    assert soup.html is not None and soup.html["lang"] == "de"
    assert text(soup.h1) == "Beschlüsse der Integrationsministerkonferenz"
    assert text(soup.find(id="conference-18").h3) == "18. IntMK 2023"  # type: ignore[union-attr]
    assert "26. April 2023 – 27. April 2023, Wiesbaden" in text(soup.find(id="conference-18"))
    assert len(soup.select("#agenda-18 tr[data-top]")) == 37
    row = agenda_row(soup, "4.4")
    assert text(row.select_one("td.outcome")) == "angenommen (mehrheitlich)"
    assert row.select_one("td.outcome a")["href"] == "/doc/conference/18/resolution/4.4"  # type: ignore[index]
    coordinating = agenda_row(soup, "5.1").select("a.coordinating")
    assert [text(a) for a in coordinating] == ["Saarland"]
    underlined = [text(u) for u in agenda_row(soup, "5.1").select("u")]
    assert underlined == [
        "Baden-Württemberg",
        "Hamburg",
        "Niedersachsen",
        "Nordrhein-Westfalen",
        "Rheinland-Pfalz",
        "Saarland",
        "Schleswig-Holstein",
    ]
    assert text(agenda_row(soup, "1.2").select_one(".applicants-cell")) == "Alle Länder"
    assert "zurückgezogen" in text(agenda_row(soup, "4.2"))
    assert "zusammengelegt mit TOP 7.2" in text(agenda_row(soup, "7.3"))
    assert len(soup.select("ul.lander a")) == 16
    links = {a["href"] for a in soup.select("main a")}
    assert {"/sparql", "/dataset", "/dumps/", "/ontology"} <= links


def test_home_answers_who_asked_the_bund_for_what(client: httpx.Client) -> None:
    """The issue's question, from the home page alone: one click runs the example query."""
    soup = page(client, "/")
    first = soup.select_one("#questions a")
    assert first is not None
    assert text(first) == "Worum haben die Länder den Bund 2023 gebeten, und wer hat gefragt?"
    answer = page(client, str(first["href"]))
    assert answer.select_one("#row-count")["data-count"] == "33"  # type: ignore[index]
    row = answer.select("table#results tbody tr")[0]
    assert [td.get("data-value") for td in row.find_all("td")][-1] == "Hamburg, Hessen"


def test_home_in_english(client: httpx.Client) -> None:
    soup = page(client, "/?lang=en")
    assert soup.html is not None and soup.html["lang"] == "en"
    assert text(soup.h1) == "Resolutions of the Integration Ministers' Conference"
    assert text(agenda_row(soup, "4.4").select_one("td.outcome")) == "adopted (by majority)"
    assert "26 April 2023 – 27 April 2023" in text(soup.find(id="conference-18"))
    assert "Hesse" in {text(a) for a in soup.select("ul.lander a")}
    assert agenda_row(soup, "4.4").select_one("a")["href"] == "/doc/conference/18/item/4.4?lang=en"  # type: ignore[index]
    switch = soup.find("link", attrs={"hreflang": "de"})
    assert isinstance(switch, Tag) and switch["href"] == "/"


def test_the_language_parameter_is_declared_and_checked(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/", "/doc/{path}", "/ontology", "/dataset.{extension}"):
        parameters = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        assert parameters["lang"]["schema"]["enum"] == ["de", "en"], path
    answer = client.get("/doc/land/DE-HE?lang=fr", headers=HTML)
    assert answer.status_code == 400
    assert "lang" in answer.text


def test_resolution_page_marks_each_request_with_addressee_and_kind(
    client: httpx.Client,
) -> None:
    soup = page(client, "/doc/conference/18/resolution/6.4")
    assert text(soup.h1) == (
        "Beschluss zu TOP 6.4 Verlängerung Aufenthaltserlaubnis § 24 Aufenthaltsgesetz (AufenthG)"
    )
    assert text(soup.find(id="outcome")).startswith("angenommen ( mehrheitlich )")
    marks = soup.select("blockquote.resolution mark.request")
    assert [m["data-request"] for m in marks] == ["1", "2", "3"]
    assert text(marks[0]).startswith("bei der Europäischen Kommission zu beantragen")
    assert text(marks[2]).startswith("zu prüfen, welche Aufenthaltserlaubnisse")
    for number, kind in (("1", "Bitte"), ("2", "Bitte"), ("3", "Prüfbitte")):
        meta = soup.find(id=f"request-{number}")
        assert isinstance(meta, Tag)
        assert [text(a) for a in meta.select("a.addressee")] == ["Bundesregierung"]
        assert text(meta.select_one("a.kind")) == kind
        assert "an den Bund" in text(meta)
    assert len(soup.select("blockquote.resolution ul.bullets li")) == 3
    source = soup.select_one("a.source")
    assert source is not None and text(source) == "Zeilen 778–790"
    assert source["href"] == f"http://localhost:8000{SEED_SOURCE}#line=777,790"
    applicants = [text(a) for a in soup.select("#applicants a")]
    assert applicants == [
        "Hamburg",
        "Mecklenburg-Vorpommern",
        "Niedersachsen",
        "Rheinland-Pfalz",
        "Sachsen",
        "Thüringen",
    ]


def test_resolution_page_keeps_paragraphs_and_headings(client: httpx.Client) -> None:
    soup = page(client, "/doc/conference/18/resolution/2")
    headings = [text(p) for p in soup.select("blockquote.resolution p.heading")]
    assert "Respektvolles Zusammenleben" in headings
    assert len(soup.select("blockquote.resolution > p")) > 5


def test_item_page_shows_applicants_their_lists_and_the_finding(client: httpx.Client) -> None:
    soup = page(client, "/doc/conference/18/item/4.4")
    assert text(soup.find(id="outcome")) == "angenommen ( mehrheitlich )"
    rows = {
        text(tr.td): [text(td) for td in tr.find_all("td")[1:]]
        for tr in soup.select("#applicant-table tbody tr")
    }
    assert len(rows) == 10
    assert rows["Schleswig-Holstein"] == ["ja", "ja", "Tagesordnung, Beschlussteil"]
    assert rows["Hamburg"] == ["nein", "nein", "Tagesordnung, Beschlussteil"]
    assert rows["Sachsen-Anhalt"] == ["nein", "nein", "Beschlussteil"]
    assert [text(a) for a in soup.select("#applicant-table a.coordinating")] == [
        "Schleswig-Holstein"
    ]
    link = soup.find(id="resolution-link")
    assert isinstance(link, Tag) and link["href"] == "/doc/conference/18/resolution/4.4"
    assert "Nur im Beschlussteil: Sachsen-Anhalt." in text(soup.find(id="findings"))


def test_item_page_shows_withdrawn_merged_and_green_list(client: httpx.Client) -> None:
    withdrawn = page(client, "/doc/conference/18/item/4.2")
    assert text(withdrawn.find(id="withdrawn")) == "zurückgezogen (Berlin)"
    merged = page(client, "/doc/conference/18/item/7.3")
    assert text(merged.find(id="merged")).startswith("zusammengelegt mit TOP 7.2")
    green = page(client, "/doc/conference/18/item/1.3")
    assert text(green.find(id="green-list")) == "Grüne Liste"


def test_land_page_lists_items_requests_and_participants(client: httpx.Client) -> None:
    soup = page(client, "/doc/land/DE-HE")
    assert text(soup.h1) == "Hessen DE-HE"
    assert text(soup.find(id="items")) == "Tagesordnungspunkte als Antragsteller (17)"
    # 9 since issue 15: the Forderung of TOP 7.1, which names no addressee
    assert text(soup.find(id="requests")) == "Mitgezeichnete Bitten (9)"
    coordinated = [
        text(tr.td.a)  # type: ignore[union-attr]
        for tr in soup.select("table.agenda tbody tr")
        if tr.select_one("span.coordinating")
    ]
    assert coordinated == ["7.1"]
    people = [text(li.a) for li in soup.select("#participants + ul li")]
    assert people == ["Kai Klose", "Stephan Hölz", "Ralf Pillok"]
    wikidata = soup.find("a", string="Wikidata")
    assert isinstance(wikidata, Tag) and wikidata["href"] == "http://www.wikidata.org/entity/Q1199"


def test_conference_page_has_meetings_chair_and_agenda(client: httpx.Client) -> None:
    soup = page(client, "/doc/conference/18")
    assert text(soup.h1) == "18. IntMK 2023"
    chair = soup.select_one("dl.pairs")
    assert chair is not None and "Kai Klose (Hessen)" in " ".join(chair.get_text().split())
    assert len(soup.select("#agenda-18 tr[data-top]")) == 37


def test_generic_page_writes_values_as_people_do(client: httpx.Client) -> None:
    meeting = page(client, "/doc/conference/18/meeting/hauptkonferenz")
    cells = [text(td) for td in meeting.select("table.facts td")]
    assert "26. April 2023" in cells and "27. April 2023" in cells
    amount = page(client, "/doc/conference/18/resolution/4.3/paragraph/2/amount/1")
    assert text(amount.find(id="headline")) == "81,5 Mio. €"
    english = page(client, "/doc/conference/18/meeting/hauptkonferenz?lang=en")
    assert "26 April 2023" in [text(td) for td in english.select("table.facts td")]


def test_every_page_links_its_data_twins_and_a_ready_query(client: httpx.Client) -> None:
    for path in ("/doc/conference/18/resolution/6.4", "/doc/land/DE-HE", "/doc/person/kai-klose"):
        soup = page(client, path)
        twins = {a["type"]: a["href"] for a in soup.select("aside.twins a[type]")}
        assert twins["text/turtle"] == f"{path}.ttl"
        assert twins["application/ld+json"] == f"{path}.jsonld"
        navigation = {a["href"] for a in soup.select("header.site nav a")}
        assert {"/", "/sparql", "/dataset", "/dumps/", "/ontology"} <= navigation
        alternates = {link["type"] for link in soup.select("link[rel=alternate][type]")}
        assert {"text/turtle", "application/ld+json"} <= alternates
        query_link = soup.select_one("a.query-link")
        assert query_link is not None
        target = urlsplit(str(query_link["href"]))
        assert target.path == "/sparql"
        query = parse_qs(target.query)["query"][0]
        iri = "http://localhost:8000/id/" + path.removeprefix("/doc/")
        assert f"<{iri}>" in query
        answer = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        assert answer.status_code == 200 and answer.text.count("\n") > 3
        assert client.get(twins["text/turtle"]).headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize(("path", "rows"), [("/", 43), ("/ontology", 500), ("/dataset", 500)])
def test_home_ontology_and_dataset_offer_a_ready_query(
    client: httpx.Client, path: str, rows: int
) -> None:
    link = page(client, path).select_one("a.query-link")
    assert link is not None
    query = parse_qs(urlsplit(str(link["href"])).query)["query"][0]
    answer = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert answer.status_code == 200
    assert len(answer.text.strip().splitlines()) == rows + 1


def test_backlinks_are_paged(client: httpx.Client) -> None:
    soup = page(client, "/doc/conference/18/minutes")
    pager = {a["rel"][0]: a["href"] for a in soup.select("nav.pager a")}
    assert pager["next"] == "/doc/conference/18/minutes?page=2"
    second = page(client, pager["next"])
    assert {a["rel"][0] for a in second.select("nav.pager a")} == {"first", "prev", "last"}
    heading = text(second.select_one("#backlinks h2"))
    count = int(heading.removeprefix("Verweise auf diese Ressource (").removesuffix(")"))
    assert count > 500
    # besides the backlinks, a page lists a few facts about its own document
    assert 500 <= len(soup.select("#backlinks table.facts > tr")) <= 505
    assert count - 500 <= len(second.select("#backlinks table.facts > tr")) <= count - 495


def test_errors_get_a_helpful_page_for_browsers(client: httpx.Client) -> None:
    answer = client.get("/doc/conference/99", headers=HTML)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    soup = BeautifulSoup(answer.text, "html.parser")
    assert text(soup.h1) == "404 – Not Found"
    assert {"/", "/sparql", "/dataset"} <= {a["href"] for a in soup.select("main a")}
    assert "/id/land/DE-HE" in text(soup.main)
    machine = client.get("/doc/conference/99", headers={"Accept": "text/turtle"})
    assert machine.status_code == 404
    assert machine.headers["content-type"] == "application/problem+json"


def test_pages_load_nothing_from_other_sites(client: httpx.Client) -> None:
    for path in ("/", "/doc/conference/18/resolution/6.4", "/doc/land/DE-HE"):
        soup = page(client, path)
        for tag in soup.select("script[src], link[href][rel=stylesheet], img[src]"):
            source = str(tag.get("src") or tag.get("href"))
            assert not urlsplit(source).netloc, (path, source)
        assert client.get("/static/intmk.css").status_code == 200


@pytest.mark.parametrize(
    ("written", "datatype", "lang", "shown"),
    [
        ("2023-03-29", "date", "de", "29. März 2023"),
        ("2023-03-29", "date", "en", "29 March 2023"),
        ("1234567", "integer", "de", "1.234.567"),
        ("1234567", "integer", "en", "1,234,567"),
        ("true", "boolean", "de", "ja"),
        ("12,5", "string", "de", "12,5"),
    ],
)
def test_literals_are_written_as_people_write_them(
    written: str, datatype: str, lang: str, shown: str
) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert format_literal(written, xsd + datatype, lang) == shown  # type: ignore[arg-type]


def test_amounts_dates_and_numbers() -> None:
    assert format_amount("81500000.0", "EUR", "de") == "81,5 Mio. €"
    assert format_amount("81500000.0", "EUR", "en") == "€81.5 m"
    assert format_amount("512000.0", "EUR", "de") == "512.000 €"
    assert format_amount("100000000000.0", "EUR", "de") == "100 Mrd. €"
    assert format_date("not a date", "de") == "not a date"
    assert format_number("0.25", "de") == "0,25"
