"""Validating a graph against the SHACL shapes in shapes/intmk-shapes.ttl with pyshacl.

The shapes, like the ontology, use relative IRIs resolved against the base URI. Where a
SPARQL constraint must name the base itself, the file says `{{BASE_PLAIN}}`; the loader
fills it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from mapping.prepared_sparql import prepared_queries
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
    with prepared_queries():
        _, report, _ = pyshacl_validate(data, shacl_graph=shapes, **VALIDATOR_OPTIONS)
    assert isinstance(report, Graph)
    tag_messages(report, shapes)
    for prefix, namespace in data.namespaces():
        report.bind(prefix, namespace, override=False)
    results = sorted(read_results(report, shapes), key=sort_key)
    return Validation(tuple(results), report)


def read_results(report: Graph, shapes: Graph) -> Iterable[Result]:
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        assert isinstance(severity, URIRef)
        constraint = report.value(node, SH.sourceConstraint)
        messages = tuple(
            sorted(
                (m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)),
                key=lambda m: (m.language or "", str(m)),
            )
        )
        if constraint is not None:
            # a SPARQL constraint's own messages say more than its node shape's
            own = Templates([m for m in shapes.objects(constraint, SH.message)])
            specific = tuple(m for m in messages if own.match(str(m)) is not None)
            messages = specific or messages
        yield Result(
            severity=severity,
            source_shape=report.value(node, SH.sourceShape) or node,
            source_constraint=constraint,
            focus=report.value(node, SH.focusNode) or node,
            path=report.value(node, SH.resultPath),
            value=report.value(node, SH.value),
            messages=messages,
        )


PLACEHOLDER = re.compile(r"\{[?$][A-Za-z_][A-Za-z0-9_]*\}")


class Templates:
    """sh:message templates, matched against the messages pyshacl filled in."""

    def __init__(self, messages: Iterable[Node]) -> None:
        self.patterns = [
            (message, template_pattern(str(message)))
            for message in messages
            if isinstance(message, Literal)
        ]

    def match(self, text: str) -> Literal | None:
        """The template `text` was made from: the same text, each {?var} filled in."""
        for message, pattern in self.patterns:
            if pattern.fullmatch(text):
                return message
        return None


def template_pattern(template: str) -> re.Pattern[str]:
    """'Die TOP-Nummer {?value} kommt …' → a pattern where each placeholder is any text."""
    parts = PLACEHOLDER.split(template)
    return re.compile("(?s:.*?)".join(re.escape(part) for part in parts))


def tag_messages(report: Graph, shapes: Graph) -> None:
    """Give every sh:resultMessage the language tag of the sh:message it was made from.

    pyshacl copies a shape's sh:message into sh:resultMessage without its language tag.
    Each untagged message is matched against the messages of the result's constraint and
    shape (then of all shapes) with their placeholders filled in, and takes that
    message's tag; a message no shape has is pyshacl's own, which it writes in English.
    """
    everything: Templates | None = None
    for node in list(report.subjects(RDF.type, SH.ValidationResult)):
        sources = (report.value(node, SH.sourceConstraint), report.value(node, SH.sourceShape))
        own = Templates(m for s in sources if s is not None for m in shapes.objects(s, SH.message))
        for message in list(report.objects(node, SH.resultMessage)):
            if not isinstance(message, Literal) or message.language:
                continue
            template = own.match(str(message))
            if template is None:
                everything = everything or Templates(shapes.objects(None, SH.message))
                template = everything.match(str(message))
            language = template.language if template is not None else "en"
            report.remove((node, SH.resultMessage, message))
            report.add((node, SH.resultMessage, Literal(str(message), lang=language)))


def sort_key(result: Result) -> tuple[int, str, str, str]:
    return (
        SEVERITY_ORDER.get(result.severity, 3),
        str(result.shape),
        str(result.focus),
        str(result.value),
    )
