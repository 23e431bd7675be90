"""Reference data shared by every document: the 16 Länder, the known organisations, and
the labels of the conferences the minutes only refer to."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

from mapping.emit import conference_labels, conference_years
from mapping.laender import LAENDER
from mapping.model import Minutes
from mapping.name_periods import period
from mapping.organisations import ORGANISATIONS, Organisation
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
        graph.add((uri, RDF.type, intmk.Organisation))  # an addressee; without inference
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
        add_names(graph, uris, intmk, org)
        link_wikidata(graph, uri, org.key, wikidata)
    return graph


def add_names(graph: Graph, uris: Uris, intmk: Namespace, org: Organisation) -> None:
    """Every name the organisation has had since 2006, with its period; an earlier name
    is also a skos:altLabel, so a search for it finds the organisation."""
    uri = uris.organisation(org.key)
    for position, name in enumerate(org.history, start=1):
        node = uris.organisation_name(org.key, position)
        graph.add((uri, intmk.hasName, node))
        graph.add((node, RDF.type, intmk.OrganisationName))
        graph.add((node, SCHEMA.name, de(name.name_de)))
        graph.add((node, SCHEMA.name, en(name.name_en)))
        graph.add((node, RDFS.label, de(f"{name.name_de} ({period(name)})")))
        graph.add((node, RDFS.label, en(f"{name.name_en} ({period(name)})")))
        if name.abbreviation:
            graph.add((node, SCHEMA.alternateName, Literal(name.abbreviation)))
        if name.valid_from:
            graph.add((node, SCHEMA.startDate, Literal(name.valid_from, datatype=XSD.date)))
        if name.valid_to:
            graph.add((node, SCHEMA.endDate, Literal(name.valid_to, datatype=XSD.date)))
        if name.name_de != org.name_de:
            graph.add((uri, SKOS.altLabel, de(name.name_de)))


def referred_conferences(graph: Graph, uris: Uris, documents: Sequence[Minutes]) -> None:
    """Label each conference that minutes refer to ("die 16. IntMK") but that has no minutes
    in the build, like one with minutes: "16. IntMK"@de / "16th IntMK"@en, with the year
    when any document states it. Here, not in the referring document's graph: the label
    depends on every document of the build, a document's graph on itself alone."""
    years = conference_years(documents)
    recorded = {minutes.number for minutes in documents}
    referred = {
        reference.number
        for minutes in documents
        for paragraph in (p for r in minutes.resolutions for p in r.paragraphs)
        for reference in paragraph.conferences
    }
    for number in sorted(referred - recorded):
        german, english = conference_labels(number, years.get(number))
        graph.add((uris.conference(number), RDFS.label, de(german)))
        graph.add((uris.conference(number), RDFS.label, en(english)))
