"""SPARQL query results written from the first N solutions or triples, never the whole answer.

pyoxigraph's `QuerySolutions.serialize` writes every solution, so a result limit cannot be
applied with it; these writers take an already bounded list instead. Formats: SPARQL 1.1
Query Results JSON, XML, CSV and TSV for solutions and booleans, and pyoxigraph's RDF
writers for graphs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
XSD_NUMBERS = {
    "http://www.w3.org/2001/XMLSchema#integer",
    "http://www.w3.org/2001/XMLSchema#decimal",
    "http://www.w3.org/2001/XMLSchema#double",
}

GRAPH_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
    "application/n-quads": pyoxigraph.RdfFormat.N_QUADS,
    "application/trig": pyoxigraph.RdfFormat.TRIG,
}
SOLUTION_FORMATS = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
BOOLEAN_FORMATS = (SPARQL_JSON, SPARQL_XML)
"""The SPARQL 1.1 CSV/TSV formats define no boolean result, so ASK offers JSON and XML only."""

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
Row = Sequence[Term | None]


def write_solutions(variables: Sequence[str], rows: Iterable[Row], media_type: str) -> bytes:
    """The SELECT answer `rows` (values in the order of `variables`) in `media_type`."""
    writers = {SPARQL_JSON: _json_solutions, SPARQL_XML: _xml_solutions, CSV: _csv, TSV: _tsv}
    return writers[media_type](variables, rows)


def write_boolean(value: bool, media_type: str) -> bytes:
    """The ASK answer in SPARQL results JSON or XML."""
    if media_type == SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
        f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
    ).encode()


def write_triples(
    triples: Iterable[pyoxigraph.Triple], media_type: str, prefixes: dict[str, str]
) -> bytes:
    """A CONSTRUCT/DESCRIBE answer; N-Quads and TriG put the triples in the default graph."""
    rdf_format = GRAPH_FORMATS[media_type]
    if rdf_format in (pyoxigraph.RdfFormat.N_QUADS, pyoxigraph.RdfFormat.TRIG):
        quads = (pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
        return pyoxigraph.serialize(quads, format=rdf_format, prefixes=prefixes) or b""
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


# SPARQL 1.1 Query Results JSON Format


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    answer: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        answer["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        answer["datatype"] = term.datatype.value
    return answer


def _json_solutions(variables: Sequence[str], rows: Iterable[Row]) -> bytes:
    bindings = [
        {name: _json_term(value) for name, value in zip(variables, row, strict=True) if value}
        for row in rows
    ]
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode()


# SPARQL Query Results XML Format


def _xml_term(term: Term) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, pyoxigraph.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        datatype = quoteattr(term.datatype.value)
        return f"<literal datatype={datatype}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml_solutions(variables: Sequence[str], rows: Iterable[Row]) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>",
        *(f"<variable name={quoteattr(name)}/>" for name in variables),
        "</head>",
        "<results>",
    ]
    for row in rows:
        lines.append("<result>")
        lines.extend(
            f"<binding name={quoteattr(name)}>{_xml_term(value)}</binding>"
            for name, value in zip(variables, row, strict=True)
            if value
        )
        lines.append("</result>")
    lines += ["</results>", "</sparql>", ""]
    return "\n".join(lines).encode()


# SPARQL 1.1 Query Results CSV and TSV Formats


def _csv_field(term: Term | None) -> str:
    """CSV loses types: IRIs and literals are their plain text, blank nodes `_:label`."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, pyoxigraph.Triple):
        text = _tsv_field(term)
    else:
        text = term.value
    if any(character in text for character in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(variables: Sequence[str], rows: Iterable[Row]) -> bytes:
    lines = [",".join(variables)]
    lines.extend(",".join(_csv_field(value) for value in row) for row in rows)
    return ("\r\n".join(lines) + "\r\n").encode()


def _tsv_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _tsv_field(term: Term | None) -> str:
    """TSV keeps types: terms in their Turtle/N-Triples form, plain numbers unquoted."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Triple):
        parts = (_tsv_field(term.subject), _tsv_field(term.predicate), _tsv_field(term.object))
        return "<< " + " ".join(parts) + " >>"
    if term.datatype.value in XSD_NUMBERS and "\t" not in term.value:
        return term.value
    quoted = f'"{_tsv_string(term.value)}"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype.value != XSD_STRING:
        return f"{quoted}^^<{term.datatype.value}>"
    return quoted


def _tsv(variables: Sequence[str], rows: Iterable[Row]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines.extend("\t".join(_tsv_field(value) for value in row) for row in rows)
    return ("\n".join(lines) + "\n").encode()
