"""The OpenAPI description is true: valid, complete, and every answer is one it declares."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from openapi_spec_validator import validate

SEED_FILE = "000_7e277fc99396a581.txt"
QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HTML = {"Accept": "text/html"}
NOTHING_FITS = {"Accept": "image/png"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

# (method, path with query, request headers, body): every declared status of every route
SAMPLES: list[tuple[str, str, dict[str, str], str | None]] = [
    ("GET", "/", HTML, None),
    ("GET", "/sparql?query=" + QUERY, {}, None),
    ("GET", "/sparql?query=" + QUERY, {"Accept": "text/csv"}, None),
    ("GET", "/sparql?query=SELEKT", {}, None),
    ("GET", "/sparql?query=" + QUERY, NOTHING_FITS, None),
    ("GET", "/sparql?update=CLEAR ALL", {}, None),
    ("GET", "/sparql", {}, None),
    ("GET", "/sparql", HTML, None),
    ("HEAD", "/sparql?query=" + QUERY, {}, None),
    ("POST", "/sparql", FORM, "query=" + QUERY),
    ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, QUERY),
    ("POST", "/sparql", {"Content-Type": "text/plain"}, QUERY),
    ("POST", "/sparql", FORM, "update=CLEAR ALL"),
    ("GET", "/id/conference/18", {}, None),
    ("GET", "/id/conference/99", {}, None),
    ("HEAD", "/id/conference/18", {}, None),
    ("GET", "/doc/id/conference/18/item/4.1", {}, None),
    ("GET", "/doc/id/conference/18/item/4.1", HTML, None),
    ("GET", "/doc/id/conference/18/item/4.1.jsonld", {}, None),
    ("GET", "/doc/id/conference/18/item/4.1", NOTHING_FITS, None),
    ("GET", "/doc/id/conference/99", {}, None),
    ("GET", "/doc/id/conference/18/minutes?page=0", {}, None),
    ("HEAD", "/doc/id/conference/18/item/4.1", {}, None),
    ("GET", "/ontology", {}, None),
    ("GET", "/ontology", NOTHING_FITS, None),
    ("GET", "/ontology.rdf", {}, None),
    ("GET", "/ontology.pdf", {}, None),
    ("HEAD", "/ontology.ttl", {}, None),
    ("GET", "/shapes", {"Accept": "application/ld+json"}, None),
    ("GET", "/shapes.nt", {}, None),
    ("HEAD", "/shapes", {}, None),
    ("HEAD", "/shapes.ttl", {}, None),
    ("HEAD", "/ontology", {}, None),
    ("GET", "/context.jsonld", {}, None),
    ("HEAD", "/context.jsonld", {}, None),
    ("GET", f"/dumps/sources/{SEED_FILE}", {}, None),
    ("GET", "/dumps/sources/other.txt", {}, None),
    ("HEAD", f"/dumps/sources/{SEED_FILE}", {}, None),
    ("HEAD", "/", {}, None),
    ("GET", "/sparql?query=" + QUERY, HTML, None),
    ("GET", "/sparql?query=SELEKT", HTML, None),
    ("GET", "/sparql?query=CLEAR ALL", HTML, None),
    ("GET", "/dumps/", HTML, None),
    ("GET", "/dumps/", {"Accept": "application/json"}, None),
    ("GET", "/dumps/", NOTHING_FITS, None),
    ("HEAD", "/dumps/", {}, None),
    ("GET", "/dumps/intmk.nq.gz", {}, None),
    ("GET", "/dumps/intmk.ttl", {"Range": "bytes=0-9"}, None),
    ("GET", "/dumps/intmk.rdf", {}, None),
    ("HEAD", "/dumps/intmk.nq.gz", {}, None),
    ("GET", "/dataset", {}, None),
    ("GET", "/dataset", HTML, None),
    ("GET", "/dataset.ttl", {}, None),
    ("GET", "/dataset.xyz", {}, None),
    ("HEAD", "/dataset", {}, None),
    ("HEAD", "/dataset.ttl", {}, None),
    ("GET", "/doc/conference/99", HTML, None),
    ("GET", "/ontology/diagram-de.svg", {}, None),
    ("GET", "/ontology/diagram-fr.svg", {}, None),
    ("HEAD", "/ontology/diagram-en.svg", {}, None),
]


@pytest.fixture(scope="module")
def spec(client: httpx.Client) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    description: dict[str, Any] = response.json()
    return description


def template(path: str) -> re.Pattern[str]:
    """A path template as a pattern: {path} spans slashes, other parameters do not."""
    pattern = re.escape(path).replace(r"\{path\}", "(.+)")
    return re.compile("^" + re.sub(r"\\\{[a-z_]+\\\}", "([^/]+)", pattern) + "$")


def operation_for(spec: dict[str, Any], method: str, url: str) -> tuple[str, dict[str, Any]]:
    path = url.split("?")[0]
    matches = [p for p in spec["paths"] if template(p).match(path)]
    assert matches, f"{path} is answered but not described"
    best = min(matches, key=lambda p: p.count("{"))
    operations = spec["paths"][best]
    assert method.lower() in operations, f"{method} {best} is answered but not described"
    return best, operations[method.lower()]


def test_the_description_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)
    identifiers = [op["operationId"] for ops in spec["paths"].values() for op in ops.values()]
    assert len(identifiers) == len(set(identifiers))


def test_every_described_operation_is_exercised(spec: dict[str, Any]) -> None:
    exercised = {(m.lower(), operation_for(spec, m, url)[0]) for m, url, _, _ in SAMPLES}
    described = {(m, path) for path, ops in spec["paths"].items() for m in ops}
    assert described == exercised


@pytest.mark.parametrize(("method", "url", "headers", "body"), SAMPLES)
def test_every_answer_is_declared(
    spec: dict[str, Any],
    client: httpx.Client,
    method: str,
    url: str,
    headers: dict[str, str],
    body: str | None,
) -> None:
    path, operation = operation_for(spec, method, url)
    response = client.request(method, url, headers=headers, content=body)
    declared = operation["responses"]
    status = str(response.status_code)
    assert status in declared, f"{method} {url} answered {status}; {path} declares {declared}"
    content = declared[status].get("content", {})
    media_type = response.headers.get("content-type", "").split(";")[0]
    if content:
        assert media_type in content, f"{method} {url} answered {media_type}, not declared"
    if response.status_code == 200 and method == "GET":
        again = client.get(url, headers={**headers, "If-None-Match": response.headers["etag"]})
        assert str(again.status_code) in declared and again.status_code == 304
