"""The names of the files a build folder holds, shared by the build and the server (and
light to import: the server's query workers read them at start)."""

from __future__ import annotations

NQUADS_NAME = "intmk.nq"
"""The data: every document's named graph, the reference data and the ontology."""
DESCRIPTION_NAME = "dataset.ttl"
"""The dataset description (VoID, DCAT-AP.de), not part of the dumps."""
DESCRIPTION_NQUADS_NAME = "dataset.nq"
"""The same description as the named graph {base}dataset, loaded beside the data."""
SOURCES_NAME = "sources"
"""A copy of each source document, which every dcterms:source points into."""
SUMMARY_NAME = "summary.json"
"""The build's summary: documents, dumps, base URI and a record of each file in LOADED."""
LOADED = (NQUADS_NAME, DESCRIPTION_NQUADS_NAME)
"""The files a server loads into its store; summary.json records the SHA-256, the size in
bytes and the quad count of each, and the server refuses a build whose files disagree."""
