"""Reference data shared by every document: the 16 Länder and the known organisations."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from mapping.laender import LAENDER
from mapping.organisations import ORGANISATIONS
from mapping.uris import Uris
from mapping.vocabulary import SCHEMA, de, en, new_graph
from mapping.wikidata import link_wikidata


def reference_graph(uris: Uris, wikidata: dict[str, str]) -> Graph:
    """Länder with ISO codes and labels; organisations with labels and hierarchy."""
    graph = new_graph(uris)
    intmk = Namespace(uris.ontology)
    for land in LAENDER:
        uri = uris.land(land.code)
        graph.add((uri, RDF.type, intmk.Land))
        graph.add((uri, RDF.type, SCHEMA.AdministrativeArea))
        graph.add((uri, intmk.isoCode, Literal(land.code)))
        graph.add((uri, SKOS.notation, Literal(land.code)))
        for label in (RDFS.label, SKOS.prefLabel):
            graph.add((uri, label, de(land.name_de)))
            graph.add((uri, label, en(land.name_en)))
        link_wikidata(graph, uri, land.code, wikidata)
    for org in ORGANISATIONS:
        uri = uris.organisation(org.key)
        graph.add((uri, RDF.type, intmk.Organisation))
        graph.add((uri, RDF.type, ORG.Organization))
        if org.federal:
            graph.add((uri, RDF.type, intmk.FederalBody))
        for label in (RDFS.label, SKOS.prefLabel):
            graph.add((uri, label, de(org.name_de)))
            graph.add((uri, label, en(org.name_en)))
        if org.abbreviation:
            graph.add((uri, SKOS.altLabel, Literal(org.abbreviation)))
        if org.parent:
            graph.add((uri, ORG.subOrganizationOf, uris.organisation(org.parent)))
        link_wikidata(graph, uri, org.key, wikidata)
    return graph
