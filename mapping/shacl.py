"""Validating a graph against the SHACL shapes in shapes/intmk-shapes.ttl with pyshacl.

The shapes, like the ontology, use relative IRIs resolved against the base URI. Where a
SPARQL constraint must name the base itself, the file says `{{BASE_PLAIN}}`; the loader
fills it in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from mapping.uris import VOCABULARY, Uris
from mapping.vocabulary import new_graph

SHAPES_FILE = Path(__file__).resolve().parent.parent / "shapes" / "intmk-shapes.ttl"
SEVERITY_ORDER = {SH.Violation: 0, SH.Warning: 1, SH.Info: 2}


@dataclass(frozen=True)
class Result:
    """One validation result, as a person reads it."""

    severity: URIRef
    source_shape: Node
    source_constraint: Node | None
    focus: Node
    path: Node | None
    value: Node | None
    messages: tuple[Literal, ...]

    def message(self, language: str) -> str:
        """The message in the wanted language, else any message."""
        for message in self.messages:
            if message.language == language:
                return str(message)
        return str(self.messages[0]) if self.messages else ""

    @property
    def shape(self) -> Node:
        """The constraint that fired: the SPARQL constraint if any, else the source shape."""
        return self.source_constraint if self.source_constraint is not None else self.source_shape


@dataclass(frozen=True)
class Validation:
    """The outcome of one validation: the results and the report as RDF."""

    results: tuple[Result, ...]
    report: Graph

    @property
    def violations(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == SH.Violation)

    @property
    def conforms(self) -> bool:
        """No violations; warnings and notes are published, not refused."""
        return not self.violations


class GraphRefused(Exception):
    """The graph violates the shapes; nothing may be published."""

    def __init__(self, validation: Validation) -> None:
        self.validation = validation
        super().__init__(f"the graph violates the shapes ({len(validation.violations)} violations)")


def load_shapes(uris: Uris, path: Path = SHAPES_FILE) -> Graph:
    """The shapes graph with the base URI filled in."""
    text = path.read_text(encoding="utf-8").replace("{{BASE_PLAIN}}", uris.base)
    graph = new_graph(uris)
    graph.bind("shapes", Namespace(VOCABULARY + "shapes#"))
    graph.parse(data=text, format="turtle", publicID=uris.base)
    return graph


# No inference: the data graph carries the ontology (subclass triples included), which is
# all SHACL's class targets need. Warnings and notes do not make a graph non-conforming.
# advanced: SHACL-AF SPARQL targets for the two whole-graph checks.
class ValidatorOptions(TypedDict):
    inference: str
    allow_warnings: bool
    allow_infos: bool
    advanced: bool
    abort_on_first: bool


VALIDATOR_OPTIONS: ValidatorOptions = {
    "inference": "none",
    "allow_warnings": True,
    "allow_infos": True,
    "advanced": True,
    "abort_on_first": False,
}


def validate(data: Graph, shapes: Graph) -> Validation:
    """Validate a data graph (which includes the ontology) against the shapes."""
    _, report, _ = pyshacl_validate(data, shacl_graph=shapes, **VALIDATOR_OPTIONS)
    assert isinstance(report, Graph)
    for prefix, namespace in data.namespaces():
        report.bind(prefix, namespace, override=False)
    results = sorted(read_results(report, shapes), key=sort_key)
    return Validation(tuple(results), report)


def read_results(report: Graph, shapes: Graph) -> Iterable[Result]:
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        assert isinstance(severity, URIRef)
        constraint = report.value(node, SH.sourceConstraint)
        focus = report.value(node, SH.focusNode) or node
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        messages = tuple(
            m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)
        )
        if constraint is not None:
            # pyshacl drops the language tags of SPARQL constraint messages: take the
            # tagged messages from the shapes graph and fill in the result's values
            own = [m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)]
            if own:
                messages = tuple(fill_in(m, focus, path, value) for m in own)
        yield Result(
            severity=severity,
            source_shape=report.value(node, SH.sourceShape) or node,
            source_constraint=constraint,
            focus=focus,
            path=path,
            value=value,
            messages=messages,
        )


def fill_in(message: Literal, focus: Node, path: Node | None, value: Node | None) -> Literal:
    """Replace {$this}, {?path}, {?value} (either sigil) in a message template."""
    text = str(message)
    for name, node in (("this", focus), ("path", path), ("value", value)):
        for sigil in ("$", "?"):
            text = text.replace("{" + sigil + name + "}", "" if node is None else str(node))
    return Literal(text, lang=message.language)


def sort_key(result: Result) -> tuple[int, str, str, str]:
    return (
        SEVERITY_ORDER.get(result.severity, 3),
        str(result.shape),
        str(result.focus),
        str(result.value),
    )
