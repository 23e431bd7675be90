"""The types and super-properties the ontology entails, written out as a graph of their own.

The ontology aligns its terms with ELI-DL, schema.org, PROV-O, FOAF, ORG and DQV
(`intmk:Resolution rdfs:subClassOf eli-dl:Decision`, `intmk:yesVotes
rdfs:subPropertyOf eli-dl:number_of_votes_favor`, …). A SPARQL endpoint without
inference answers `?d a eli-dl:Decision` only if the data says so, so the build writes
what RDFS entails from the asserted data by two rules:

- rdfs9 (with rdfs11, transitive): `?x a C` and `C rdfs:subClassOf D` give `?x a D`;
- rdfs7 (with rdfs5, transitive): `?x P ?y` and `P rdfs:subPropertyOf Q` give `?x Q ?y`.

Domains and ranges (rdfs2, rdfs3) are not applied: they would type every literal's
subject with classes of other vocabularies the ontology does not claim for it. Nothing
already asserted is repeated. The graph is `id/entailed` (docs/VOCABULARY.md,
"Entailed types and properties"); the asserted graphs stay as the minutes say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

Closure = Mapping[URIRef, frozenset[URIRef]]


def ancestors(ontology: Graph, relation: URIRef) -> dict[URIRef, frozenset[URIRef]]:
    """For each term, every term above it by `relation` (transitively), itself excluded."""
    parents: dict[URIRef, set[URIRef]] = {}
    for child, parent in ontology.subject_objects(relation):
        if isinstance(child, URIRef) and isinstance(parent, URIRef) and child != parent:
            parents.setdefault(child, set()).add(parent)
    closure: dict[URIRef, frozenset[URIRef]] = {}
    for term in parents:
        seen: set[URIRef] = set()
        pending = list(parents[term])
        while pending:
            above = pending.pop()
            if above not in seen and above != term:
                seen.add(above)
                pending.extend(parents.get(above, ()))
        closure[term] = frozenset(seen)
    return closure


def entailed_graph(asserted: Iterable[Graph], ontology: Graph, into: Graph) -> Graph:
    """`into` with every triple rdfs7 and rdfs9 entail from `asserted` that none of them
    states already."""
    classes = ancestors(ontology, RDFS.subClassOf)
    properties = ancestors(ontology, RDFS.subPropertyOf)
    graphs = list(asserted)
    stated = {triple for graph in graphs for triple in graph}
    for subject, predicate, value in stated:
        for triple in entailments(subject, predicate, value, classes, properties):
            if triple not in stated:
                into.add(triple)
    return into


def entailments(
    subject: Node, predicate: Node, value: Node, classes: Closure, properties: Closure
) -> Iterable[tuple[Node, Node, Node]]:
    if predicate == RDF.type and isinstance(value, URIRef):
        for above in classes.get(value, ()):
            yield subject, RDF.type, above
    if isinstance(predicate, URIRef):
        for above in properties.get(predicate, ()):
            yield subject, above, value
