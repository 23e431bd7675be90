"""The page for people of /ontology (placeholder: the generic graph page until it has its own)."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import Triple

from server import html
from server.dataset import PublishedDataset
from server.pages import Frame


def render_page(dataset: PublishedDataset, triples: Sequence[Triple], frame: Frame) -> bytes:
    return html.graph_page("ontology", frame, triples, dataset.store)
