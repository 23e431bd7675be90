"""`intmk validate FILE…`: read graph files of any common syntax and validate them."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

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


def read_graph_files(paths: list[Path], skip_graphs: frozenset[URIRef] = frozenset()) -> Graph:
    """The union of all triples of the files' named graphs but `skip_graphs`."""
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
    for s, p, o, graph in dataset.quads():
        if graph not in skip_graphs:
            merged.add((s, p, o))
    return merged


def validate_files(paths: list[Path], uris: Uris) -> Validation:
    """Validate files together with the ontology and the reference data they build on."""
    # a published intmk.nq holds what the build derived: the shapes speak of the asserted data
    data = read_graph_files(paths, frozenset({uris.validation_graph, uris.entailed_graph}))
    context = union([data, ontology_graph(uris), reference_graph(uris, load_wikidata())])
    return validate(context, load_shapes(uris))
