"""The query page browsers get at /sparql: editor, examples, answers as tables, downloads.

Everything the page loads comes from this server (/static/…); the editor's files are
served from /static/vendor/ and the page works as a plain form without them.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup, Tag

from server import assets
from server.examples import examples
from server.pages import Language
from server.query_page import Place, render_page
from tests.conftest import BASE
from tests.server_process import serve

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
MAJORITY = next(e for e in examples() if e.slug.startswith("03")).query(BASE)
MAJORITY_TOPS = ["4.4", "4.5", "4.7", "5.1", "5.4", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2"]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def page(client: httpx.Client, status: int = 200, /, **params: str) -> BeautifulSoup:
    response = client.get("/sparql", params=params, headers=BROWSER)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return BeautifulSoup(response.text, "html.parser")


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, f"no {selector}"
    return found


def loaded_urls(soup: BeautifulSoup) -> list[str]:
    """Every URL the page makes the browser load: scripts, stylesheets, icons, images."""
    urls = [str(tag["src"]) for tag in soup.find_all(["script", "img", "iframe"], src=True)]
    urls += [str(tag["href"]) for tag in soup.find_all("link", href=True)]
    return urls


def column(table: Tag, index: int) -> list[str]:
    return [str(row.find_all("td")[index]["data-value"]) for row in table.select("tbody tr")]


def test_the_form_holds_the_prefixes_and_a_starter_query(client: httpx.Client) -> None:
    soup = page(client)
    form = one(soup, "#query-form form")
    assert form["method"] == "get" and str(form["action"]).endswith("/sparql")
    textarea = one(form, "textarea#query")
    assert textarea["name"] == "query"
    text = textarea.get_text()
    for prefix, namespace in (
        ("intmk", "https://w3id.org/intmk/ontology#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ):
        assert f"PREFIX {prefix}: <{namespace}>\n" in text
    assert "SELECT ?class (COUNT(?thing) AS ?things)" in text
    assert one(form, "button#run[type=submit]").get_text() == "Abfrage ausführen"
    assert soup.html is not None and soup.html["lang"] == "de"


def test_the_examples_are_numbered_without_gaps() -> None:
    numbers = [int(e.slug.split("-", 1)[0]) for e in examples()]
    assert numbers == list(range(1, 26))  # 24: state secretaries; 25: requests in cells


def test_every_example_in_german_and_in_english(client: httpx.Client) -> None:
    languages: tuple[tuple[Language, str, dict[str, str]], ...] = (
        ("de", "Welche Bitten an den Bund hat jedes Land mitgezeichnet?", {}),
        ("en", "Which requests to the Bund did each Land co-sign?", {"lang": "en"}),
    )
    for lang, title, params in languages:
        soup = page(client, **params)
        items = soup.select("#examples li[data-example]")
        assert len(items) == len(examples())
        titles = [one(item, "a.run").get_text() for item in items]
        assert titles == [e.title(lang) for e in examples()]
        assert title in titles
        assert [item["data-example"] for item in items] == [e.slug for e in examples()]
        for item, example in zip(items, examples(), strict=True):
            href = urlsplit(str(one(item, "a.run")["href"]))
            assert href.path == "/sparql"
            assert parse_qs(href.query)["query"] == [example.query(BASE)]
            assert one(item, "pre code").get_text() == example.query(BASE)
            assert one(item, "button.load").has_attr("hidden"), "shown by the script only"
    english = page(client, lang="en")
    assert english.html is not None and english.html["lang"] == "en"
    assert one(english, "input[type=hidden][name=lang]")["value"] == "en"


def test_the_page_loads_the_editor_from_this_server_only(client: httpx.Client) -> None:
    soup = page(client)
    urls = loaded_urls(soup)
    assert all(url.startswith("/") and not url.startswith("//") for url in urls), urls
    scripts = [str(tag["src"]) for tag in soup.find_all("script", src=True)]
    assert scripts == [
        "/static/vendor/codemirror/codemirror.js",
        "/static/vendor/codemirror/sparql.js",
        "/static/vendor/codemirror/matchbrackets.js",
        "/static/query.js",
    ]
    assert "/static/vendor/codemirror/codemirror.css" in urls
    assert "/static/query.css" in urls
    assert not soup.find_all("script", src=False), "no inline scripts"


@pytest.mark.parametrize(
    ("path", "media_type", "starts"),
    [
        ("/static/vendor/codemirror/codemirror.js", "text/javascript", "// CodeMirror, copyright"),
        ("/static/vendor/codemirror/sparql.js", "text/javascript", "// CodeMirror, copyright"),
        ("/static/vendor/codemirror/codemirror.css", "text/css", "/* BASICS */"),
        ("/static/query.js", "text/javascript", "// The query page's editor"),
        ("/static/query.css", "text/css", "/* The query page"),
    ],
)
def test_the_assets_are_served(
    client: httpx.Client, path: str, media_type: str, starts: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.text.startswith(starts)


def test_only_the_listed_vendor_files_are_served(client: httpx.Client) -> None:
    for path in (
        "/static/vendor/codemirror/package.json",
        "/static/vendor/codemirror/lib/codemirror.js",
        "/static/vendor/../assets/package.json",
        "/static/vendor/",
    ):
        assert client.get(path).status_code == 404, path


def test_an_example_answers_as_a_table_with_links(client: httpx.Client) -> None:
    soup = page(client, query=MAJORITY)
    assert one(soup, "textarea#query").get_text() == MAJORITY
    assert one(soup, "#row-count")["data-count"] == "11"
    assert one(soup, "#row-count").get_text().strip() == "11 Zeilen."
    assert soup.select_one("#truncated") is None
    table = one(soup, "table#results")
    assert [th.get_text() for th in table.select("thead th")] == [
        "top",
        "title",
        "resolution",
        "vote",
    ]
    assert column(table, 0) == MAJORITY_TOPS
    assert column(table, 2) == [f"{BASE}id/conference/18/resolution/{t}" for t in MAJORITY_TOPS]
    links = [str(a["href"]) for a in table.select("tbody tr td:nth-of-type(3) a")]
    assert links == [f"/doc/conference/18/resolution/{t}" for t in MAJORITY_TOPS]
    first = table.select("tbody tr")[8].find_all("td")
    assert first[0].get_text() == "6.4"
    assert one(first[2], "a").get_text() == (
        "Beschluss zu TOP 6.4: Verlängerung Aufenthaltserlaubnis § 24 Aufenthaltsgesetz (AufenthG)"
    )
    assert one(first[2], ".iri").get_text() == "id/conference/18/resolution/6.4"
    assert one(first[3], ".note").get_text() == "de", "the literal's language is noted"


def test_the_csv_download_holds_the_same_rows(client: httpx.Client) -> None:
    soup = page(client, query=MAJORITY)
    formats = {str(a["data-format"]): a for a in soup.select("#downloads a")}
    assert list(formats) == ["CSV", "TSV", "JSON", "XML"]
    link = formats["CSV"]
    assert link["download"] == "intmk-query.csv" and link["type"] == "text/csv"
    response = client.get(str(link["href"]), headers=BROWSER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["top", "title", "resolution", "vote"]
    assert [row[0] for row in rows[1:]] == MAJORITY_TOPS
    alternates = {str(tag["type"]) for tag in soup.select("link[rel=alternate][type]")}
    assert {"text/csv", "application/sparql-results+json"} <= alternates


def test_ask_and_construct_answers(client: httpx.Client) -> None:
    ask = page(client, query=f"ASK {{ <{BASE}id/conference/18/resolution/6.4> ?p ?o }}", lang="en")
    assert one(ask, "#boolean")["data-value"] == "true"
    assert one(ask, "#boolean").get_text() == "Yes – the query matches."
    graph = page(
        client,
        query="PREFIX intmk: <https://w3id.org/intmk/ontology#> "
        "CONSTRUCT { ?r intmk:outcome ?o } WHERE { "
        "?r intmk:onItem/intmk:topNumber '6.4' ; intmk:outcome ?o }",
    )
    table = one(graph, "table#results")
    assert [th.get_text() for th in table.select("thead th")] == ["subject", "predicate", "object"]
    assert [column(table, i) for i in range(3)] == [
        [f"{BASE}id/conference/18/resolution/6.4"],
        ["https://w3id.org/intmk/ontology#outcome"],
        ["https://w3id.org/intmk/id/outcome/angenommen"],
    ]
    assert one(table, "tbody td:nth-of-type(2) .iri").get_text() == "intmk:outcome"
    formats = [str(a["data-format"]) for a in graph.select("#downloads a")]
    assert formats == ["Turtle", "N-Triples", "JSON-LD"]


def test_a_syntax_error_is_shown_with_the_query_kept(client: httpx.Client) -> None:
    broken = "SELECT ?s WHERE { ?s ?p }"
    soup = page(client, 400, query=broken)
    assert one(soup, "textarea#query").get_text() == broken
    error = one(soup, "#query-error")
    assert error["role"] == "alert"
    assert "The query is not valid SPARQL 1.1: error at 1:" in one(error, "pre").get_text()
    assert soup.select_one("table#results") is None
    assert len(soup.select("#examples li")) == len(examples())


def test_an_update_and_an_empty_query_are_shown_on_the_page(client: httpx.Client) -> None:
    update = page(client, 403, query="CLEAR ALL")
    assert "read-only" in one(update, "#query-error pre").get_text()
    empty = page(client, 400, query="")
    assert "The query is empty" in one(empty, "#query-error pre").get_text()


def test_programs_still_get_the_protocol(client: httpx.Client) -> None:
    plain = client.get("/sparql", params={"query": MAJORITY})
    assert plain.headers["content-type"].startswith("application/sparql-results+json")
    wanted = client.get("/sparql", params={"query": MAJORITY, "format": "xml"}, headers=BROWSER)
    assert wanted.headers["content-type"].startswith("application/sparql-results+xml")


def test_result_pages_are_cached_per_language(client: httpx.Client) -> None:
    german = client.get("/sparql", params={"query": MAJORITY}, headers=BROWSER)
    english = client.get("/sparql", params={"query": MAJORITY, "lang": "en"}, headers=BROWSER)
    assert german.headers["etag"] != english.headers["etag"]
    assert "Accept" in german.headers["vary"].split(", ")
    again = client.get(
        "/sparql",
        params={"query": MAJORITY},
        headers={**BROWSER, "If-None-Match": german.headers["etag"]},
    )
    assert again.status_code == 304


def test_api_loads_swagger_ui_from_this_server(client: httpx.Client) -> None:
    response = client.get("/api")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    urls = loaded_urls(soup)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in urls
    assert "/static/vendor/swagger-ui/swagger-ui.css" in urls
    assert all(url.startswith("/") and not url.startswith("//") for url in urls), urls
    assert "validatorUrl" in response.text and "validator.swagger.io" not in response.text
    for url in urls:
        assert client.get(url).status_code == 200, url


# A server with a two-second timeout and a result limit of 3


@pytest.fixture(scope="module")
def tight(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    log = tmp_path_factory.mktemp("tight") / "serve.log"
    options = ("--query-timeout", "2", "--query-workers", "1", "--result-limit", "3")
    with (
        serve(built, log, *options) as running,
        httpx.Client(base_url=running.url, timeout=30) as http,
    ):
        yield http


def test_the_page_says_when_the_result_limit_cut_the_answer(tight: httpx.Client) -> None:
    soup = page(tight, query=MAJORITY)
    assert column(one(soup, "table#results"), 0) == MAJORITY_TOPS[:3]
    assert one(soup, "#truncated").get_text() == (
        "Die Antwort wurde an der Ergebnisgrenze des Servers abgeschnitten (höchstens 3 "
        "Zeilen und 32 MiB)."
    )


def test_a_timeout_is_shown_on_the_page(tight: httpx.Client) -> None:
    soup = page(tight, 503, query=SLOW)
    assert one(soup, "textarea#query").get_text() == SLOW
    assert one(soup, "#query-error pre").get_text() == (
        "The query ran longer than the limit of 2 seconds and was stopped."
    )


def test_without_the_assets_the_page_is_a_plain_form(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """npm skipped: one warning, no editor tags, the form and the examples still there."""
    monkeypatch.setattr(assets, "MODULES", tmp_path / "node_modules")
    assets.missing.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="intmk.server"):
            assert len(assets.missing()) == len(assets.VENDOR)
            assert not assets.editor_available()
        assert len(caplog.records) == 1
        assert "run `make assets`" in caplog.records[0].getMessage()
        place = Place(BASE, "/sparql", BASE + "sparql", "de", "v1", 10_000)
        soup = BeautifulSoup(render_page(place), "html.parser")
    finally:
        assets.missing.cache_clear()
    assert [str(tag["src"]) for tag in soup.find_all("script", src=True)] == ["/static/query.js"]
    assert all("/vendor/" not in url for url in loaded_urls(soup))
    assert one(soup, "#no-editor").get_text().startswith("Der Editor ist nicht installiert")
    assert one(soup, "#query-form textarea#query")["name"] == "query"
    assert len(soup.select("#examples li[data-example]")) == len(examples())
