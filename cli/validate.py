"""`intmk validate FILE…`: read graph files of any common syntax and validate them."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from mapping.build import ontology_graph, union
from mapping.reference import reference_graph
from mapping.shacl import Validation, load_shapes, validate
from mapping.uris import Uris
from mapping.wikidata import load_wikidata

FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}


class UnreadableInput(Exception):
    """A file that cannot be read as RDF."""


def read_graph_files(paths: list[Path]) -> Graph:
    """The union of all triples (of all named graphs) in the files."""
    dataset = Dataset()
    for path in paths:
        syntax = FORMATS.get(path.suffix.lower())
        if syntax is None:
            raise UnreadableInput(
                f"{path}: unknown file type '{path.suffix}' (expected one of "
                f"{', '.join(sorted(FORMATS))})"
            )
        if not path.is_file():
            raise UnreadableInput(f"{path}: no such file")
        try:
            dataset.parse(path, format=syntax)
        except Exception as error:
            first_line = (
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            )
            raise UnreadableInput(f"{path}: not readable as {syntax}: {first_line}") from None
    merged = Graph()
    for prefix, namespace in dataset.namespaces():
        merged.bind(prefix, namespace, override=False)
    for quad in dataset.quads():
        merged.add(quad[:3])
    return merged


def validate_files(paths: list[Path], uris: Uris) -> Validation:
    """Validate files together with the ontology and the reference data they build on."""
    data = read_graph_files(paths)
    context = union([data, ontology_graph(uris), reference_graph(uris, load_wikidata())])
    return validate(context, load_shapes(uris))
