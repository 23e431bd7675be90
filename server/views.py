"""Which page a /doc/ resource gets: a view for resolutions, items, Länder and
conferences, the generic page (server/html.py) for everything else."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode

from server import html
from server.dataset import PublishedDataset
from server.describe import Description
from server.pages import Frame


def query_about(resource: NamedNode) -> str:
    """The ready query "open in the query editor" offers on a resource's page."""
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?property ?value ?label WHERE {\n"
        f"  <{resource.value}> ?property ?value .\n"
        "  OPTIONAL { ?value rdfs:label ?label }\n"
        "}\nORDER BY ?property ?value\nLIMIT 500\n"
    )


def page(
    dataset: PublishedDataset,
    description: Description,
    frame: Frame,
    pager: Sequence[tuple[str, str]],
) -> bytes:
    return html.resource_page(description, dataset.store, frame, pager)
