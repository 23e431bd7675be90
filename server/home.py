"""The home page: what this service is and where to go next.

Plain server-rendered HTML; the readable pages for people (issue 6) will replace it.
"""

from __future__ import annotations

from html import escape
from typing import Annotated
from urllib.parse import urlsplit

import pyoxigraph
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from server.dataset import Generation
from server.dependencies import generation
from server.http_cache import conditional, validator_headers

router = APIRouter()

CONFERENCES = """
PREFIX intmk: <{base}ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?conference ?label WHERE {{
  ?conference a intmk:Conference ; intmk:conferenceNumber ?number ;
              rdfs:label ?label .
  FILTER(LANG(?label) = "de")
  FILTER EXISTS {{ ?conference intmk:hasAgendaItem ?item }}
}} ORDER BY DESC(?number)
"""

LINKS = (
    ("sparql", "SPARQL-Endpunkt / SPARQL endpoint"),
    ("ontology", "Ontologie / ontology"),
    ("shapes", "SHACL-Shapes"),
    ("api", "HTTP-API (OpenAPI)"),
)


def conferences(current: Generation) -> list[tuple[str, str]]:
    """(IRI, German label) of every conference that has minutes, newest first."""
    query = CONFERENCES.format(base=current.dataset.base)
    results = current.dataset.store.query(query, use_default_graph_as_union=True)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    rows = []
    for row in results:
        iri, label = row["conference"], row["label"]
        if isinstance(iri, pyoxigraph.NamedNode) and isinstance(label, pyoxigraph.Literal):
            rows.append((iri.value, label.value))
    return rows


def local_path(iri: str, base: str) -> str:
    """The path this server answers an IRI of the dataset at."""
    return urlsplit(base).path + iri.removeprefix(base)


def render(current: Generation) -> bytes:
    base = current.dataset.base
    items = "".join(
        f'<li><a href="{escape(local_path(iri, base))}">{escape(label)}</a></li>'
        for iri, label in conferences(current)
    )
    links = "".join(
        f'<li><a href="{escape(local_path(base + path, base))}">{escape(text)}</a></li>'
        for path, text in LINKS
    )
    page = f"""<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>IntMK Linked Data</title></head>
<body>
<main>
<h1>IntMK Linked Data</h1>
<p>Die Beschlüsse der Konferenz der für Integration zuständigen Ministerinnen und Minister,
Senatorinnen und Senatoren der Länder (IntMK) als Linked Open Data: Tagesordnung,
Antragsteller, Abstimmungsergebnisse, Beschlusstexte und die Bitten der Länder an den Bund.</p>
<p lang="en">The resolutions of the German Integration Ministers' Conference
as Linked Open Data.</p>
<h2>Konferenzen</h2>
<ul>{items}</ul>
<h2>Zugänge</h2>
<ul>{links}</ul>
<p>Datenstand / version {escape(current.dataset.version)}, {current.dataset.quads} Quads.</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


@router.api_route(
    "/",
    methods=["GET", "HEAD"],
    response_class=Response,
    summary="Home page",
    responses={
        200: {"content": {"text/html": {}}, "description": "The home page."},
        304: {"description": "Not modified: the client's copy (ETag, date) is current."},
    },
)
def home(request: Request, current: Annotated[Generation, Depends(generation)]) -> Response:
    body = current.representations.get(("home",))
    if body is None:
        body = render(current)
        current.representations.put(("home",), body)
    headers = validator_headers(current.dataset.version, current.dataset.modified, "home")
    return conditional(request, body, "text/html; charset=utf-8", headers, current.dataset.modified)
