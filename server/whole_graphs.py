"""The documents published as one graph each — /ontology, /shapes, /dataset — and the
module that renders each one's page for people.

`documents.whole_graph` negotiates them like a /doc/ document; this table says, per
path, the graph's IRI, its triples and its HTML page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pyoxigraph import Triple

from server import dataset_page, graphs, ontology_page, shapes_page
from server.dataset import PublishedDataset
from server.pages import Frame


@dataclass(frozen=True)
class WholeGraph:
    summary: str
    iri: Callable[[str], str]
    """The graph's IRI from the base."""
    triples: Callable[[PublishedDataset], Sequence[Triple]]
    page: Callable[[PublishedDataset, Sequence[Triple], Frame], bytes]
    queryable: bool = True
    """Whether the store holds the graph, so its page can offer a query about it."""


WHOLE_GRAPHS = {
    "ontology": WholeGraph(
        "The IntMK ontology (namespace document of intmk:)",
        graphs.ontology_iri,
        graphs.ontology,
        ontology_page.render_page,
    ),
    "shapes": WholeGraph(
        "The SHACL shapes the graph is validated with",
        graphs.shapes_iri,
        lambda dataset: graphs.shapes(dataset.base),
        shapes_page.render_page,
        queryable=False,
    ),
    "dataset": WholeGraph(
        "The dataset description (VoID and DCAT-AP.de)",
        graphs.dataset_iri,
        graphs.dataset_description,
        dataset_page.render_page,
    ),
}
