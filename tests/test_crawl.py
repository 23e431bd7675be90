"""A crawl of the whole graph: every thing the published data names under `id/` — data
under the base, concepts under the vocabulary's namespace — dereferences on the server
(303 to its document, which describes it), and every vocabulary term is documented at
/ontology. Not a sample, not depth 2: every IRI once."""

from __future__ import annotations

from pathlib import Path

import httpx
from rdflib import Dataset, Graph, URIRef

from mapping.uris import VOCABULARY
from tests.conftest import BASE

OWN_THINGS = (f"{BASE}id/", f"{VOCABULARY}id/")


def named_things(built: Path) -> set[str]:
    """Every IRI in a subject or object position of the published graphs under id/."""
    dataset = Dataset()
    for name in ("intmk.nq", "dataset.nq"):
        dataset.parse(built / name, format="nquads")
    found: set[str] = set()
    for subject, _, obj, _ in dataset.quads():
        for term in (subject, obj):
            if isinstance(term, URIRef) and str(term).startswith(OWN_THINGS):
                found.add(str(term))
    return found


def path_of(iri: str) -> str:
    for own in OWN_THINGS:
        if iri.startswith(own):
            return iri[len(own) :]
    raise AssertionError(iri)


def test_every_thing_the_graph_names_dereferences(built: Path, client: httpx.Client) -> None:
    things = named_things(built)
    assert len(things) > 600
    failures = []
    for iri in sorted(things):
        path = path_of(iri)
        redirect = client.get(f"/id/{path}", headers={"Accept": "text/turtle"})
        if redirect.status_code != 303 or redirect.headers["location"] != f"/doc/{path}":
            failures.append(f"{iri}: /id/ answered {redirect.status_code}")
            continue
        document = client.get(f"/doc/{path}", headers={"Accept": "text/turtle"})
        if document.status_code != 200:
            failures.append(f"{iri}: /doc/ answered {document.status_code}")
            continue
        described = Graph().parse(data=document.text, format="turtle")
        if next(iter(described.predicate_objects(URIRef(iri))), None) is None:
            failures.append(f"{iri}: its document says nothing about it")
    assert failures == [], f"{len(failures)} of {len(things)}: " + "; ".join(failures[:10])


def test_every_vocabulary_term_the_graph_uses_is_documented(
    built: Path, client: httpx.Client
) -> None:
    dataset = Dataset()
    dataset.parse(built / "intmk.nq", format="nquads")
    namespace = f"{VOCABULARY}ontology#"
    used = {
        str(term)
        for quad in dataset.quads()
        for term in quad[:3]
        if isinstance(term, URIRef) and str(term).startswith(namespace)
    }
    ontology = Graph().parse(data=client.get("/ontology.ttl").text, format="turtle")
    undocumented = [t for t in used if next(ontology.predicate_objects(URIRef(t)), None) is None]
    assert len(used) > 50 and undocumented == []
