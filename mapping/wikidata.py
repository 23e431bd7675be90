"""Links to Wikidata from the checked table data/reference/wikidata.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, SKOS

from mapping.errors import SourceError

WIKIDATA_TABLE = Path(__file__).resolve().parent.parent / "data" / "reference" / "wikidata.tsv"
ENTITY = "http://www.wikidata.org/entity/"
# Länder and places are the same things as their Wikidata items; organisations are
# matched, and "the Bund" (the federal level) is only close to the item for Germany.
CLOSE_MATCHES = {"bund"}


def load_wikidata(path: Path = WIKIDATA_TABLE) -> dict[str, str]:
    """key → QID for every row of the table that has a checked QID."""
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            qid = (row.get("qid") or "").strip()
            if not qid:
                continue
            if not qid.startswith("Q") or not qid[1:].isdigit():
                raise SourceError(
                    path, number, f"'{qid}' in column qid", "a Wikidata ID like Q1199"
                )
            table[row["key"].strip()] = qid
    return table


def link_wikidata(graph: Graph, subject: URIRef, key: str, table: dict[str, str]) -> None:
    """Add the Wikidata link for a key, if the table has one."""
    qid = table.get(key)
    if qid is None:
        return
    target = URIRef(ENTITY + qid)
    if key.startswith("DE-") or key.startswith("place-"):
        graph.add((subject, OWL.sameAs, target))
    elif key in CLOSE_MATCHES:
        graph.add((subject, SKOS.closeMatch, target))
    else:
        graph.add((subject, SKOS.exactMatch, target))
