"""Links to Wikidata from the checked tables data/reference/wikidata.tsv (Länder, places,
organisations) and data/reference/wikidata-persons.tsv (persons).

A row links only with a QID and the evidence that backs it: the stored public source in
which that label stands with that QID. A row without a QID links nothing; a QID without
evidence is refused.

The link predicate says how close the Wikidata item is:

- owl:sameAs for Länder, places and persons: the item is the same thing;
- schema:sameAs for organisations: the item identifies the same organisation, but an OWL
  identity would merge it with everything Wikidata says of the ministry across its renames
  and remits, while our resource is the organisation as the minutes name it;
- rdfs:seeAlso for the Bund: the federal level is not the state Germany (Q183), only about it.

skos:exactMatch and skos:closeMatch are never used for these: they relate SKOS concepts,
and would make a Land or a ministry a skos:Concept by entailment.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDFS

from mapping.errors import SourceError
from mapping.reference_table import REFERENCE, reference_rows
from mapping.vocabulary import SCHEMA

WIKIDATA_TABLE = REFERENCE / "wikidata.tsv"
PERSONS_TABLE = REFERENCE / "wikidata-persons.tsv"
WIKIDATA_COLUMNS = ("key", "label_de", "qid", "evidence")
PERSONS_COLUMNS = ("key", "name", "office", "qid", "evidence")
PERSON_PREFIX = "person-"
"""Keys of the persons table are the person's IRI segment (id/person/{key})."""
ENTITY = "http://www.wikidata.org/entity/"
SEE_ALSO = {"bund"}


def load_wikidata(path: Path = WIKIDATA_TABLE, persons: Path = PERSONS_TABLE) -> dict[str, str]:
    """key → QID for every row of the tables that has a checked QID (persons' keys get
    the prefix "person-")."""
    table = load_table(path, WIKIDATA_COLUMNS)
    linked = load_table(persons, PERSONS_COLUMNS)
    table.update({PERSON_PREFIX + key: qid for key, qid in linked.items()})
    return table


def load_table(path: Path, columns: tuple[str, ...] = WIKIDATA_COLUMNS) -> dict[str, str]:
    """key → QID of one table; a malformed QID or a QID without evidence is an error."""
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    for number, row in reference_rows(path, columns):
        qid = row["qid"]
        if not qid:
            continue
        if not qid.startswith("Q") or not qid[1:].isdigit():
            raise SourceError(path, number, f"'{qid}' in column qid", "a Wikidata ID like Q1199")
        if not row["evidence"]:
            raise SourceError(path, number, f"{qid} without evidence", "the source that shows it")
        table[row["key"]] = qid
    return table


def link_predicate(key: str) -> URIRef:
    """How the resource with this key relates to its Wikidata item (module docstring)."""
    if key.startswith(("DE-", "place-", PERSON_PREFIX)):
        return OWL.sameAs
    if key in SEE_ALSO:
        return RDFS.seeAlso
    return SCHEMA.sameAs


def link_wikidata(graph: Graph, subject: URIRef, key: str, table: dict[str, str]) -> None:
    """Add the Wikidata link for a key, if the table has one."""
    qid = table.get(key)
    if qid is not None:
        graph.add((subject, link_predicate(key), URIRef(ENTITY + qid)))
