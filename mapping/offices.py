"""The office a role title names, whatever the spelling: the scheme `id/office` of the
vocabulary (ontology/intmk-concepts.ttl) gives each office its general title as
skos:prefLabel and the feminine form and the abbreviations the lists print as
skos:altLabel ("Staatssekretär", "Staatssekretärin", "StS").

A role title as printed (mapping/roles.py) names an office when, with its spaces
normalised, it is one of these labels exactly: "Leitende Ministerialrätin" is
`leitender-ministerialrat`, "MinDirig" `ministerialdirigent`. A qualifier that changes
the office stays part of it: "Parlamentarischer Staatssekretär" is an office of its own,
"Stellvertretende Referatsleiterin" is not the head of division. A title the scheme does
not know names no office: the build publishes it as printed with a finding
`unresolved-office` (mapping/emit_people.py), never the nearest office.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

CONCEPTS = Path(__file__).resolve().parent.parent / "ontology" / "intmk-concepts.ttl"
SCHEME_PATH = "id/office"
SPACES = re.compile(r"\s+")


def normal_title(text: str) -> str:
    """A role title with runs of spaces as one space, without spaces at its ends."""
    return SPACES.sub(" ", text).strip()


@cache
def office_index(path: Path = CONCEPTS) -> dict[str, str]:
    """Every German label of every office of the scheme (normalised) → the office's key."""
    graph = Graph().parse(path, format="turtle")
    index: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, None):
        scheme = graph.value(concept, SKOS.inScheme)
        if not isinstance(scheme, URIRef) or not str(scheme).endswith("/" + SCHEME_PATH):
            continue
        key = str(graph.value(concept, SKOS.notation))
        labels = (*graph.objects(concept, SKOS.prefLabel), *graph.objects(concept, SKOS.altLabel))
        for label in labels:
            if isinstance(label, Literal) and label.language == "de":
                form = normal_title(str(label))
                if index.setdefault(form, key) != key:
                    raise ValueError(f"{path}: the label {form!r} names {index[form]} and {key}")
    return index


def office_of(role_title: str) -> str | None:
    """The key of the office the role title names, or None when the scheme does not know it."""
    return office_index().get(normal_title(role_title))
