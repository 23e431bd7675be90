"""JSON-LD that reads like ordinary JSON: triples compacted with the one published context.

The context's source is ontology/context.jsonld; like the shapes it names the base URI as
`{{BASE_PLAIN}}`. Every JSON-LD answer refers to it by URL ({base}context.jsonld), and
pyld gets it from memory through a document loader that refuses every other URL: turning
a description into JSON-LD never touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyld import jsonld
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

CONTEXT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class RemoteContextRefused(Exception):
    """pyld asked for a document other than our context: never fetched."""


def context_url(base: str) -> str:
    return f"{base}context.jsonld"


@lru_cache(maxsize=8)
def context_text(base: str) -> str:
    """The published context for `base`, as served at /context.jsonld."""
    return CONTEXT_FILE.read_text(encoding="utf-8").replace("{{BASE_PLAIN}}", base)


def context(base: str) -> dict[str, Any]:
    """The context document (an object with one "@context" member)."""
    parsed: dict[str, Any] = json.loads(context_text(base))
    return parsed


@lru_cache(maxsize=8)
def prefixes(base: str) -> dict[str, str]:
    """The namespace prefixes the context declares; Turtle and RDF/XML use the same ones."""
    terms = context(base)["@context"]
    return {
        name: value
        for name, value in terms.items()
        if isinstance(value, str) and not name.startswith("@") and value[-1:] in ("#", "/")
    }


@lru_cache(maxsize=8)
def loader(base: str) -> Any:
    """A pyld document loader that knows exactly one document: our context."""
    url, document = context_url(base), context(base)

    def load(requested: str, options: Any = None) -> dict[str, Any]:
        if requested != url:
            raise RemoteContextRefused(f"refusing to load {requested}: only {url} is known")
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


def rdf_term(term: NamedNode | BlankNode | Literal | Triple) -> dict[str, str]:
    """A term in pyld's internal RDF dataset form (JSON-LD has no quoted triples)."""
    if isinstance(term, Triple):
        raise ValueError(f"a quoted triple cannot be written as JSON-LD: {term}")
    if isinstance(term, NamedNode):
        return {"type": "IRI", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "blank node", "value": f"_:{term.value}"}
    if term.language:
        return {
            "type": "literal",
            "value": term.value,
            "datatype": RDF_LANG_STRING,
            "language": term.language,
        }
    return {"type": "literal", "value": term.value, "datatype": term.datatype.value}


def compact(triples: Iterable[Triple], base: str, first: str | None = None) -> dict[str, Any]:
    """Compacted JSON-LD of `triples`; integers and booleans become JSON numbers and booleans.

    The node `first` (the primary topic) leads the @graph, the rest follow in IRI order.
    """
    dataset = {
        "@default": [
            {
                "subject": rdf_term(t.subject),
                "predicate": rdf_term(t.predicate),
                "object": rdf_term(t.object),
            }
            for t in triples
        ]
    }
    expanded = jsonld.from_rdf(dataset, {"useNativeTypes": True})
    compacted: dict[str, Any] = jsonld.compact(
        expanded,
        context_url(base),
        {"skipExpansion": True, "documentLoader": loader(base), "base": None},
    )
    graph = compacted.get("@graph")
    if first is not None and isinstance(graph, list):
        graph.sort(key=lambda node: node.get("id") != first)
    return compacted


def serialize(triples: Iterable[Triple], base: str, first: str | None = None) -> bytes:
    return json.dumps(compact(triples, base, first), ensure_ascii=False, indent=2).encode("utf-8")
