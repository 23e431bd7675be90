"""The description of the dataset: VoID statistics and a DCAT-AP.de catalogue record.

Computed from the built data (the N-Quads every dump holds) and the dumps the build
just wrote, so counts, sizes and checksums are those of what is published. It is
published as its own graph `{base}dataset` and is not part of the dumps (they would
have to contain their own checksums).

IRIs: the document is `{base}dataset`; what it describes are fragments of it —
`#dataset` (void:Dataset, dcat:Dataset), `#catalog`, `#sparql-service`, `#contact`
and one `#distribution-…` per way to get the data.

Dates are taken from the data, so the same data gives the same description:
dct:modified is the latest date the data records (meetings, circular procedures,
resolutions), dct:temporal runs from the first to the last
meeting. No dct:issued is stated: the day a deployment first publishes the dataset is
not known to a build (a meeting's date is not it). The build itself is a prov:Activity,
`#build` (mapping/build_activity.py): the dataset and every named graph were
prov:wasGeneratedBy it, and it used each source file (with its SHA-256) at its time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, RDFS, VOID, XSD

from mapping.build_activity import SHA256, BuildActivity, add_activity, build_time
from mapping.dumps import FILE_TYPE, Dump
from mapping.media_types import media_type
from mapping.uris import Uris
from mapping.vocabulary import SPDX, de, en, new_graph

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
AUTHORITY = "http://publications.europa.eu/resource/authority/"
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
"""Datenlizenz Deutschland – Namensnennung – Version 2.0, in the DCAT-AP.de licence list."""
ATTRIBUTION = "Integrationsministerkonferenz (IntMK); IntMK Linked Data"
FEDERAL = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/federal")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
PUBLISHER_PATH = "organisation/intmk-geschaeftsstelle"
GRAPH_TEXTS = {
    "reference-data": (
        (
            "Referenzdaten",
            "Die 16 Länder, die Bundesressorts und andere Organisationen, Orte, "
            "die geprüften Verweise auf Wikidata und die Bezeichnungen der Konferenzen, auf die "
            "Niederschriften nur verweisen: Angaben, die nicht aus einer Niederschrift stammen.",
        ),
        (
            "Reference data",
            "The 16 Länder, the federal ministries and other organisations, places, the "
            "checked links to Wikidata and the labels of conferences the minutes only refer "
            "to: statements not read from any minutes.",
        ),
    ),
    "validation-report": (
        (
            "Prüfbericht",
            "Der SHACL-Prüfbericht der Veröffentlichung: Warnungen und Hinweise "
            "zu den Daten (eine Verletzung verhindert die Veröffentlichung).",
        ),
        (
            "Validation report",
            "The SHACL validation report of this release: warnings and "
            "notes about the data (a violation prevents the release).",
        ),
    ),
    "entailed": (
        (
            "Gefolgerte Typen und Eigenschaften",
            "Was die Ontologie aus den Daten folgert: die Typen und Obereigenschaften aus "
            "ELI-DL, schema.org, PROV-O, FOAF und ORG (RDFS-Regeln rdfs7 und rdfs9), damit "
            "Abfragen in diesen Vokabularen ohne Inferenz antworten.",
        ),
        (
            "Entailed types and properties",
            "What the ontology entails from the data: the types and super-properties of "
            "ELI-DL, schema.org, PROV-O, FOAF and ORG (RDFS rules rdfs7 and rdfs9), so that "
            "queries in those vocabularies answer without inference.",
        ),
    ),
}
LINK_TARGETS = (
    ("wikidata", "http://www.wikidata.org/entity/", "Wikidata", "https://www.wikidata.org/"),
    ("eur-lex", "http://data.europa.eu/eli/", "EUR-Lex (ELI)", "https://eur-lex.europa.eu/"),
    (
        "gesetze-im-internet",
        "https://www.gesetze-im-internet.de/",
        "Gesetze im Internet",
        "https://www.gesetze-im-internet.de/",
    ),
)
"""The datasets the data links to: (name, URI space, title, homepage)."""
DOCUMENT_GRAPH_TEXTS = (
    "Die Angaben, die aus einer Niederschrift gelesen wurden; prov:wasDerivedFrom nennt "
    "das Quelldokument.",
    "The statements read from one minutes document; prov:wasDerivedFrom names the source document.",
)
EXAMPLES = ("conference/18", "conference/18/resolution/6.4", "land/DE-HE")
TITLE = (
    "Beschlüsse der Integrationsministerkonferenz (IntMK) als Linked Open Data",
    "Resolutions of the Integration Ministers' Conference (IntMK) as Linked Open Data",
)
DESCRIPTION = (
    "Die Beschlussniederschriften der Konferenz der für Integration zuständigen "
    "Ministerinnen und Minister, Senatorinnen und Senatoren der Länder (IntMK) als "
    "Wissensgraph: Konferenzen, Sitzungen, Tagesordnungspunkte, antragstellende Länder, "
    "Beschlüsse mit ihrem Text und die Bitten und Forderungen an den Bund, jede Angabe "
    "mit der Zeilenangabe in der Niederschrift, aus der sie stammt.",
    "The minutes of the conference of the Länder ministers and senators responsible for "
    "integration (IntMK) as a knowledge graph: conferences, meetings, agenda items, the "
    "Länder that applied, resolutions with their text and the requests addressed to the "
    "federal level, each statement with the lines of the minutes it comes from.",
)
KEYWORDS = (
    ("Integration", "integration"),
    ("Integrationsministerkonferenz", "Integration Ministers' Conference"),
    ("Migration", "migration"),
    ("Beschlüsse", "resolutions"),
    ("Länder", "federal states"),
    ("Bund", "federal government"),
    ("Linked Open Data", "Linked Open Data"),
)
THEMES = ("SOCI", "GOVE")


@dataclass(frozen=True)
class Statistics:
    """The VoID numbers of the data, all counted over the union of its graphs."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: dict[str, int]
    """Class IRI → number of distinct instances."""
    properties: dict[str, int]
    """Property IRI → number of distinct triples."""
    graphs: dict[str, int]
    """Named graph IRI → number of triples in it."""
    links: dict[tuple[str, str], int]
    """(target name, link predicate IRI) → number of distinct links from our entities."""


UNION = "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""


def rows(store: pyoxigraph.Store, query: str) -> list[tuple[str, ...]]:
    """The solutions of a SELECT as tuples of plain values."""
    results = store.query(PREFIXES + query)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    return [tuple(term.value if term is not None else "" for term in row) for row in results]


def count(store: pyoxigraph.Store, where: str) -> int:
    """COUNT(*) of the solutions of a group graph pattern."""
    return int(rows(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0][0])


def grouped(store: pyoxigraph.Store, key: str, aggregate: str, condition: str) -> dict[str, int]:
    """Counts per value of `key` over the union's distinct triples."""
    query = f"SELECT {key} ({aggregate} AS ?n) WHERE {{ {UNION} {condition} }} GROUP BY {key}"
    return {name: int(n) for name, n in rows(store, query)}


def statistics(store: pyoxigraph.Store, uri_space: str, entailed: str) -> Statistics:
    """Count triples, entities, classes, properties and graphs with SPARQL; links only in
    the asserted graphs (`entailed` names the graph of entailed super-properties)."""
    in_space = f"FILTER (isIRI(?s) && STRSTARTS(STR(?s), {literal(uri_space)}))"
    graphs = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    return Statistics(
        triples=count(store, UNION),
        entities=count(store, f"SELECT DISTINCT ?s WHERE {{ {UNION} {in_space} }}"),
        distinct_subjects=count(store, f"SELECT DISTINCT ?s WHERE {{ {UNION} }}"),
        distinct_objects=count(store, f"SELECT DISTINCT ?o WHERE {{ {UNION} }}"),
        classes=grouped(store, "?o", "COUNT(DISTINCT ?s)", "FILTER (?p = rdf:type)"),
        properties=grouped(store, "?p", "COUNT(*)", ""),
        graphs={name: int(n) for name, n in rows(store, graphs)},
        links=links(store, uri_space, entailed),
    )


def links(store: pyoxigraph.Store, uri_space: str, entailed: str) -> dict[tuple[str, str], int]:
    """Per target dataset and predicate, the distinct asserted triples from an entity of
    ours to an IRI in the target's URI space (rdf:type excluded: a class is no link; an
    entailed super-property is no other link)."""
    found: dict[tuple[str, str], int] = {}
    asserted = (
        f"{{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER (?g != <{entailed}>) }} }}"
    )
    for name, space, _, _ in LINK_TARGETS:
        condition = (
            f"FILTER (?p != rdf:type && isIRI(?s) && STRSTARTS(STR(?s), {literal(uri_space)})"
            f" && isIRI(?o) && STRSTARTS(STR(?o), {literal(space)}))"
        )
        query = f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {asserted} {condition} }} GROUP BY ?p"
        for predicate, number in rows(store, query):
            found[(name, predicate)] = int(number)
    return found


def literal(text: str) -> str:
    """A SPARQL string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Dates:
    """The dataset's dates, all taken from the data (ISO dates)."""

    modified: str
    """The latest date the data records."""
    first: str
    """The first day of a meeting."""
    last: str
    """The last day of a meeting."""


def dates(store: pyoxigraph.Store, ontology: str) -> Dates:
    """The dates of the meetings and the latest date the minutes record (not the periods of
    the registry's organisation names); ValueError when the data records no meeting dates."""
    query = f"""SELECT ?kind ?day WHERE {{ GRAPH ?g {{
        {{ ?s a <{ontology}Meeting> ; schema:startDate|dcterms:date ?day .
                 BIND ("start" AS ?kind) }}
        UNION {{ ?s a <{ontology}Meeting> ; schema:endDate|dcterms:date ?day .
                 BIND ("end" AS ?kind) }}
        UNION {{ ?s dcterms:date|schema:startDate|schema:endDate ?day .
                 FILTER NOT EXISTS {{ ?s a <{ontology}OrganisationName> }}
                 BIND ("any" AS ?kind) }}
    }} }}"""
    found: dict[str, list[str]] = {"start": [], "end": [], "any": []}
    for kind, day in rows(store, query):
        found[kind].append(day[:10])
    if not (found["start"] and found["end"]):
        raise ValueError("the data records no meeting dates to date the dataset by")
    return Dates(
        modified=max(found["any"]),
        first=min(found["start"]),
        last=max(found["end"]),
    )


def namespace(iri: str) -> str:
    """The namespace of a term: up to its last '#' or '/'."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


PREFIX_NAMES = {
    "http://www.w3.org/2002/07/owl#": "owl",
    "https://schema.org/": "schema",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2004/02/skos/core#": "skos",
}


def term_name(iri: str) -> str:
    """A readable name of a predicate for a fragment: "owl-sameAs", "intmk-citesLaw"."""
    space = namespace(iri)
    prefix = PREFIX_NAMES.get(space, "intmk" if space.startswith("https://w3id.org/intmk/") else "")
    local = iri[len(space) :]
    return f"{prefix}-{local}" if prefix else local


def typed(value: int, datatype: URIRef = XSD.integer) -> Literal:
    return Literal(str(value), datatype=datatype)


@dataclass(frozen=True)
class Names:
    """The IRIs the description mints under the base."""

    base: str

    @property
    def document(self) -> URIRef:
        return URIRef(f"{self.base}dataset")

    def part(self, name: str) -> URIRef:
        return URIRef(f"{self.base}dataset#{name}")

    @property
    def dataset(self) -> URIRef:
        return self.part("dataset")


class DescriptionWriter:
    """Adds the description's triples to one graph, part by part."""

    def __init__(
        self, uris: Uris, store: pyoxigraph.Store, dumps: list[Dump], activity: BuildActivity
    ) -> None:
        self.uris = uris
        self.activity = activity
        self.names = Names(uris.base)
        self.store = store
        self.dumps = dumps
        self.graph = new_graph(uris)
        for prefix, space in (("dcat", DCAT), ("void", VOID), ("dcatde", DCATDE)):
            self.graph.bind(prefix, space)
        self.graph.bind("vcard", VCARD)
        self.graph.bind("sd", SD)

    def add(
        self, subject: URIRef | BNode, predicate: URIRef, *objects: URIRef | BNode | Literal
    ) -> None:
        for value in objects:
            self.graph.add((subject, predicate, value))

    def texts(self, subject: URIRef | BNode, predicate: URIRef, text: tuple[str, str]) -> None:
        self.add(subject, predicate, de(text[0]), en(text[1]))

    def write(self) -> Graph:
        """The whole description."""
        stats = statistics(self.store, f"{self.uris.base}id/", self.uris.entailed_graph)
        when = dates(self.store, self.uris.ontology)
        self.document()
        self.catalog(when)
        self.dataset(when)
        self.void(stats)
        generated = [self.names.dataset, *self.graph_names(), *self.document_graphs()]
        add_activity(self.graph, self.uris.base, self.activity, build_time(), generated)
        self.distributions()
        self.service()
        return self.graph

    def document(self) -> None:
        names = self.names
        self.add(names.document, RDF.type, VOID.DatasetDescription, FOAF.Document)
        self.texts(
            names.document, DCTERMS.title, ("Beschreibung des Datensatzes", "Dataset description")
        )
        self.add(names.document, FOAF.primaryTopic, names.dataset)

    def catalog(self, when: Dates) -> None:
        catalog, names = self.names.part("catalog"), self.names
        self.add(catalog, RDF.type, DCAT.Catalog)
        self.texts(catalog, DCTERMS.title, ("IntMK Linked Data", "IntMK Linked Data"))
        self.texts(catalog, DCTERMS.description, DESCRIPTION)
        self.add(catalog, DCTERMS.publisher, self.publisher())
        self.add(catalog, DCAT.dataset, names.dataset)
        self.add(catalog, DCAT.service, names.part("sparql-service"))
        self.add(catalog, FOAF.homepage, URIRef(self.uris.base))
        self.add(catalog, DCTERMS.license, LICENCE)
        self.add(catalog, DCTERMS.language, *languages())
        self.dated(catalog, when)

    def publisher(self) -> URIRef:
        """The IntMK office (reference data), described as a foaf:Agent with its names."""
        agent = URIRef(f"{self.uris.base}id/{PUBLISHER_PATH}")
        self.add(agent, RDF.type, FOAF.Agent, FOAF.Organization)
        self.texts(agent, FOAF.name, ("IntMK-Geschäftsstelle", "IntMK office"))
        return agent

    def dataset(self, when: Dates) -> None:
        dataset, base = self.names.dataset, self.uris.base
        self.add(dataset, RDF.type, DCAT.Dataset, VOID.Dataset)
        self.texts(dataset, DCTERMS.title, TITLE)
        self.texts(dataset, DCTERMS.description, DESCRIPTION)
        self.add(dataset, DCTERMS.identifier, Literal(str(dataset)))
        self.add(dataset, DCTERMS.publisher, self.publisher())
        self.add(dataset, DCAT.contactPoint, self.contact())
        self.add(dataset, DCAT.landingPage, URIRef(base))
        self.add(dataset, DCTERMS.license, LICENCE)
        self.add(dataset, DCTERMS.spatial, URIRef(f"{AUTHORITY}country/DEU"))
        self.add(dataset, DCATDE.politicalGeocodingLevelURI, FEDERAL)
        self.add(dataset, DCTERMS.temporal, self.period(when.first, when.last))
        for german, english in KEYWORDS:
            self.add(dataset, DCAT.keyword, de(german), en(english))
        self.add(dataset, DCAT.theme, *(URIRef(f"{AUTHORITY}data-theme/{t}") for t in THEMES))
        self.dated(dataset, when)
        self.add(dataset, DCTERMS.accrualPeriodicity, URIRef(f"{AUTHORITY}frequency/ANNUAL"))
        self.add(dataset, DCTERMS.language, *languages())
        self.add(dataset, DCTERMS.accessRights, URIRef(f"{AUTHORITY}access-right/PUBLIC"))

    def dated(self, subject: URIRef, when: Dates) -> None:
        self.add(subject, DCTERMS.modified, Literal(when.modified, datatype=XSD.date))

    def contact(self) -> URIRef:
        """A contact point: the project's pages (no e-mail address is published)."""
        contact = self.names.part("contact")
        self.add(contact, RDF.type, VCARD.Organization, VCARD.Kind)
        self.add(contact, VCARD.fn, Literal("IntMK Linked Data"))
        self.add(contact, VCARD.hasURL, URIRef(self.uris.base))
        return contact

    def period(self, first: str, last: str) -> BNode:
        period = BNode("temporal")
        self.add(period, RDF.type, DCTERMS.PeriodOfTime)
        self.add(period, DCAT.startDate, Literal(first, datatype=XSD.date))
        self.add(period, DCAT.endDate, Literal(last, datatype=XSD.date))
        return period

    def void(self, stats: Statistics) -> None:
        dataset, base = self.names.dataset, self.uris.base
        self.add(dataset, VOID.triples, typed(stats.triples))
        self.add(dataset, VOID.entities, typed(stats.entities))
        self.add(dataset, VOID.distinctSubjects, typed(stats.distinct_subjects))
        self.add(dataset, VOID.distinctObjects, typed(stats.distinct_objects))
        self.add(dataset, VOID.classes, typed(len(stats.classes)))
        self.add(dataset, VOID.properties, typed(len(stats.properties)))
        self.add(dataset, VOID.sparqlEndpoint, URIRef(f"{base}sparql"))
        self.add(dataset, VOID.uriSpace, Literal(f"{base}id/"))
        self.add(dataset, VOID.feature, FORMATS.Turtle, FORMATS["N-Quads"])
        self.add(dataset, VOID.exampleResource, *(URIRef(f"{base}id/{e}") for e in EXAMPLES))
        self.add(dataset, VOID.dataDump, *(self.download(d) for d in self.dumps))
        spaces = sorted({namespace(t) for t in [*stats.classes, *stats.properties]})
        self.add(dataset, VOID.vocabulary, *(URIRef(s) for s in spaces))
        partitions = (
            (VOID.classPartition, "class", stats.classes, VOID["class"], VOID.entities),
            (VOID.propertyPartition, "property", stats.properties, VOID.property, VOID.triples),
            (VOID.subset, "graph", stats.graphs, SD.name, VOID.triples),
        )
        for link, kind, counts, key, measure in partitions:
            self.add(dataset, link, *self.partition(kind, counts, key, measure))
        self.linksets(stats.links)

    def linksets(self, counts: dict[tuple[str, str], int]) -> None:
        """One void:Linkset per target dataset and link predicate, with its count; each
        target is described once (title, homepage, URI space)."""
        dataset = self.names.dataset
        for name, space, title, homepage in LINK_TARGETS:
            found = sorted((p, n) for (target, p), n in counts.items() if target == name)
            if not found:
                continue
            target = self.names.part(name)
            self.add(target, RDF.type, VOID.Dataset)
            self.add(target, DCTERMS.title, Literal(title))
            self.add(target, FOAF.homepage, URIRef(homepage))
            self.add(target, VOID.uriSpace, Literal(space))
            for predicate, number in found:
                linkset = self.names.part(f"linkset-{name}-{term_name(predicate)}")
                self.add(linkset, RDF.type, VOID.Linkset)
                self.add(dataset, VOID.subset, linkset)
                self.add(linkset, VOID.subjectsTarget, dataset)
                self.add(linkset, VOID.objectsTarget, target)
                self.add(linkset, VOID.linkPredicate, URIRef(predicate))
                self.add(linkset, VOID.triples, typed(number))

    def graph_names(self) -> list[URIRef]:
        """The graphs that hold no minutes, as resources a link can follow: what each holds."""
        named = []
        for graph, (german, english) in (
            (self.uris.reference_graph, GRAPH_TEXTS["reference-data"]),
            (self.uris.validation_graph, GRAPH_TEXTS["validation-report"]),
            (self.uris.entailed_graph, GRAPH_TEXTS["entailed"]),
        ):
            self.add(graph, RDF.type, VOID.Dataset)
            self.texts(graph, RDFS.label, (german[0], english[0]))
            self.texts(graph, DCTERMS.description, (german[1], english[1]))
            self.add(graph, DCTERMS.isPartOf, self.names.dataset)
            named.append(graph)
        return named

    def document_graphs(self) -> list[URIRef]:
        """The graph of each minutes document: a dataset of its own IRI, derived from the
        document (the source document and the graph are two resources)."""
        query = f"""SELECT ?g ?document ?german ?english WHERE {{ GRAPH ?g {{
            ?document a <{self.uris.ontology}SourceDocument> ;
                rdfs:label ?german , ?english .
            FILTER (LANG(?german) = "de" && LANG(?english) = "en") }} }} ORDER BY ?g"""
        named = []
        for graph_name, document, german, english in rows(self.store, query):
            graph = URIRef(graph_name)
            self.add(graph, RDF.type, VOID.Dataset, PROV.Entity)
            self.texts(graph, RDFS.label, (f"Graph: {german}", f"Graph: {english}"))
            self.texts(graph, DCTERMS.description, DOCUMENT_GRAPH_TEXTS)
            self.add(graph, PROV.wasDerivedFrom, URIRef(document))
            self.add(graph, DCTERMS.isPartOf, self.names.dataset)
            named.append(graph)
        return named

    def partition(
        self, kind: str, counts: dict[str, int], key: URIRef, measure: URIRef
    ) -> Iterator[BNode]:
        """One blank node per counted term: a void:Dataset with the term and its count."""
        for index, (iri, number) in enumerate(sorted(counts.items()), start=1):
            node = BNode(f"{kind}-{index}")
            self.add(node, RDF.type, VOID.Dataset)
            self.add(node, key, URIRef(iri))
            self.add(node, measure, typed(number))
            yield node

    def download(self, dump: Dump) -> URIRef:
        return URIRef(f"{self.uris.base}dumps/{dump.file}")

    def distributions(self) -> None:
        dataset = self.names.dataset
        for dump in self.dumps:
            node = self.names.part(f"distribution-{dump.file.replace('.', '-')}")
            self.add(dataset, DCAT.distribution, node)
            self.distribution(node, dump)
        endpoint = self.names.part("distribution-sparql")
        self.add(dataset, DCAT.distribution, endpoint)
        self.add(endpoint, RDF.type, DCAT.Distribution)
        self.texts(endpoint, DCTERMS.title, ("SPARQL-Endpunkt", "SPARQL endpoint"))
        self.add(endpoint, DCAT.accessURL, URIRef(f"{self.uris.base}sparql"))
        self.add(endpoint, DCAT.accessService, self.names.part("sparql-service"))
        self.licensed(endpoint)

    def distribution(self, node: URIRef, dump: Dump) -> None:
        """One dump: where, what format, how large, its checksum and licence."""
        spec, url = dump.format, self.download(dump)
        self.add(node, RDF.type, DCAT.Distribution)
        self.texts(node, DCTERMS.title, spec.title)
        self.add(node, DCAT.accessURL, url)
        self.add(node, DCAT.downloadURL, url)
        self.add(node, DCAT.mediaType, media_type(self.graph, spec.media_type))
        if spec.compression:
            self.add(node, DCAT.compressFormat, media_type(self.graph, spec.compression))
        self.add(node, DCTERMS.format, URIRef(FILE_TYPE + spec.file_type))
        self.add(node, DCAT.byteSize, typed(dump.bytes, XSD.decimal))
        checksum = BNode(f"checksum-{dump.file.replace('.', '-')}")
        self.add(node, SPDX.checksum, checksum)
        self.add(checksum, RDF.type, SPDX.Checksum)
        self.add(checksum, SPDX.algorithm, SHA256)
        self.add(checksum, SPDX.checksumValue, Literal(dump.sha256, datatype=XSD.hexBinary))
        self.licensed(node)

    def licensed(self, node: URIRef) -> None:
        self.add(node, DCTERMS.license, LICENCE)
        self.add(node, DCATDE.licenseAttributionByText, Literal(ATTRIBUTION))

    def service(self) -> None:
        service, endpoint = self.names.part("sparql-service"), URIRef(f"{self.uris.base}sparql")
        self.add(service, RDF.type, DCAT.DataService)
        self.texts(
            service,
            DCTERMS.title,
            ("SPARQL-1.1-Endpunkt der IntMK-Daten", "SPARQL 1.1 endpoint of the IntMK data"),
        )
        self.add(service, DCAT.endpointURL, endpoint)
        self.add(service, DCAT.endpointDescription, endpoint)
        self.add(service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/"))
        self.add(service, DCAT.servesDataset, self.names.dataset)
        self.add(service, DCTERMS.accessRights, URIRef(f"{AUTHORITY}access-right/PUBLIC"))
        self.add(service, DCTERMS.license, LICENCE)


def languages() -> list[URIRef]:
    return [URIRef(f"{AUTHORITY}language/{code}") for code in ("DEU", "ENG")]


def describe_dataset(
    uris: Uris, nquads: bytes, dumps: list[Dump], activity: BuildActivity
) -> Graph:
    """The VoID and DCAT-AP.de description of the data in `nquads` and its dumps, and the
    build that made them (PROV)."""
    store = pyoxigraph.Store()
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return DescriptionWriter(uris, store, dumps, activity).write()
