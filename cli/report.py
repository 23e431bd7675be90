"""Validation results for people: grouped by shape, one block per result."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from mapping.shacl import Result, Validation
from mapping.uris import VOCABULARY, Uris
from mapping.vocabulary import new_graph

SEVERITY_NAMES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "note"}
MAX_VALUE = 120


def counts(validation: Validation) -> str:
    """'0 violations, 8 warnings, 1 note'."""
    tally: dict[str, int] = defaultdict(int)
    for result in validation.results:
        tally[SEVERITY_NAMES.get(result.severity, "other")] += 1
    parts = [(tally[name], name) for name in ("violation", "warning", "note")]
    return ", ".join(f"{n} {name}{'' if n == 1 else 's'}" for n, name in parts)


def format_results(
    validation: Validation,
    names: NamespaceManager,
    language: str = "en",
    severities: tuple[URIRef, ...] = (SH.Violation, SH.Warning, SH.Info),
) -> str:
    """Every result of the wanted severities, grouped under the shape that fired."""
    groups: dict[tuple[str, Node], list[Result]] = defaultdict(list)
    for result in validation.results:
        if result.severity in severities:
            severity = SEVERITY_NAMES.get(result.severity, "other")
            groups[(severity, result.shape)].append(result)
    blocks = []
    for (severity, shape), results in groups.items():
        title = f"{short(shape, names)} — {severity}, {len(results)} result" + (
            "" if len(results) == 1 else "s"
        )
        lines = [title]
        for result in results:
            lines.append(f"  focus    {short(result.focus, names)}")
            if result.path is not None:
                lines.append(f"  path     {short(result.path, names)}")
            if result.value is not None:
                lines.append(f"  value    {short(result.value, names)}")
            lines.append(f"  message  {result.message(language)}")
            lines.append("")
        blocks.append("\n".join(lines))
    return "\n".join(blocks).rstrip()


def display_names(uris: Uris) -> NamespaceManager:
    """The prefixes results are shown with: the project's and `shapes:`."""
    names = new_graph(uris).namespace_manager
    names.bind("shapes", VOCABULARY + "shapes#")
    return names


def short(node: Node, names: NamespaceManager) -> str:
    """A node as a person reads it: prefixed name, <IRI> or a shortened literal."""
    if isinstance(node, URIRef):
        try:
            return names.normalizeUri(node)
        except Exception:
            return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        text = text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
        suffix = (
            f"@{node.language}"
            if node.language
            else (f"^^{short(node.datatype, names)}" if node.datatype else "")
        )
        return f'"{text}"{suffix}'
    return str(node)
