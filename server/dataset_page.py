"""The page for people of /dataset: the DCAT-AP.de record and the VoID statistics.

Everything shown is read from the graph {base}dataset the build wrote (see
mapping/dataset_description.py): titles in the page's language, the distributions with
size and checksum, the SPARQL endpoint, and the counts of classes and properties with
their labels linking to the ontology.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from server import pages
from server.dataset import PublishedDataset
from server.html import Labels
from server.pages import Frame
from server.sizes import human_size

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
VOID = "http://rdfs.org/ns/void#"
SPDX = "http://spdx.org/rdf/terms#"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
DCATDE = "http://dcat-ap.de/def/dcatde/"
IANA = "https://www.iana.org/assignments/media-types/"
LICENCE_PAGE = "https://www.govdata.de/dl-de/by-2-0"

Node = NamedNode | BlankNode | Literal


class Facts:
    """The description's triples by subject and predicate."""

    def __init__(self, triples: Sequence[Triple]) -> None:
        self.index: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
        for triple in triples:
            if not isinstance(triple.object, Triple):
                self.index[str(triple.subject)][triple.predicate.value].append(triple.object)

    def all(self, subject: Node | None, predicate: str) -> list[Node]:
        if subject is None:
            return []
        return sorted(self.index[str(subject)][predicate], key=str)

    def one(self, subject: Node | None, predicate: str) -> Node | None:
        found = self.all(subject, predicate)
        return found[0] if found else None

    def value(self, subject: Node | None, predicate: str) -> str:
        found = self.one(subject, predicate)
        return found.value if found is not None and not isinstance(found, BlankNode) else ""

    def text(self, subject: Node | None, predicate: str, lang: str) -> str:
        """The literal in the page's language, else any."""
        literals = [o for o in self.all(subject, predicate) if isinstance(o, Literal)]
        for literal in literals:
            if literal.language == lang:
                return literal.value
        return literals[0].value if literals else ""

    def count(self, subject: Node | None, predicate: str) -> int:
        value = self.value(subject, predicate)
        return int(float(value)) if value else 0


@dataclass(frozen=True)
class Distribution:
    title: str
    url: str
    media_type: str
    compression: str
    size: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Partition:
    iri: str
    name: str
    href: str
    count: int


def distributions(facts: Facts, dataset: NamedNode, lang: str) -> list[Distribution]:
    """The downloads of the dataset (the SPARQL endpoint's distribution is shown apart)."""
    found = []
    for node in facts.all(dataset, DCAT + "distribution"):
        url = facts.value(node, DCAT + "downloadURL")
        if not url:
            continue
        size = facts.count(node, DCAT + "byteSize")
        checksum = facts.one(node, SPDX + "checksum")
        found.append(
            Distribution(
                title=facts.text(node, DCT + "title", lang),
                url=url,
                media_type=facts.value(node, DCAT + "mediaType").removeprefix(IANA),
                compression=facts.value(node, DCAT + "compressFormat").removeprefix(IANA),
                size=human_size(size, lang),
                bytes=size,
                sha256=facts.value(checksum, SPDX + "checksumValue"),
            )
        )
    return found


def partitions(
    facts: Facts, dataset: NamedNode, link: str, key: str, measure: str, labels: Labels
) -> list[Partition]:
    """Class or property partitions, largest first."""
    found = []
    for node in facts.all(dataset, VOID + link):
        term = facts.value(node, VOID + key)
        found.append(
            Partition(term, labels.name(term), labels.href(term), facts.count(node, VOID + measure))
        )
    return sorted(found, key=lambda p: (-p.count, p.name))


@dataclass(frozen=True)
class LinkCount:
    """One void:Linkset: links of one predicate into one other dataset."""

    target: str
    homepage: str
    predicate: str
    name: str
    href: str
    count: int


def linksets(facts: Facts, dataset: NamedNode, labels: Labels) -> list[LinkCount]:
    """The linksets of the dataset, by target and predicate."""
    found = []
    for node in facts.all(dataset, VOID + "subset"):
        target = facts.one(node, VOID + "objectsTarget")
        predicate = facts.value(node, VOID + "linkPredicate")
        if target is None or not predicate:
            continue
        found.append(
            LinkCount(
                facts.value(target, DCT + "title"),
                facts.value(target, FOAF + "homepage"),
                predicate,
                labels.name(predicate),
                labels.href(predicate),
                facts.count(node, VOID + "triples"),
            )
        )
    return sorted(found, key=lambda link: (link.target, link.predicate))


def view(dataset: PublishedDataset, facts: Facts, frame: Frame) -> dict[str, Any]:
    """Everything the template shows, in the page's language."""
    lang, base = frame.lang, dataset.base
    thing = NamedNode(f"{base}dataset#dataset")
    labels = Labels((), dataset.store, frame)
    period = facts.one(thing, DCT + "temporal")
    publisher = facts.one(thing, DCT + "publisher")
    contact = facts.one(thing, DCAT + "contactPoint")
    return {
        "title": facts.text(thing, DCT + "title", lang),
        "description": facts.text(thing, DCT + "description", lang),
        "iri": thing.value,
        "publisher": facts.text(publisher, FOAF + "name", lang),
        "publisher_href": frame.href(publisher.value) if isinstance(publisher, NamedNode) else "",
        "contact": facts.value(contact, VCARD + "fn"),
        "contact_url": facts.value(contact, VCARD + "hasURL"),
        "licence": facts.value(thing, DCT + "license"),
        "licence_page": LICENCE_PAGE,
        "attribution": facts.value(
            facts.one(thing, DCAT + "distribution"), DCATDE + "licenseAttributionByText"
        ),
        "spatial": facts.value(thing, DCT + "spatial"),
        "start": pages.format_date(facts.value(period, DCAT + "startDate"), lang),
        "end": pages.format_date(facts.value(period, DCAT + "endDate"), lang),
        "keywords": [
            k.value
            for k in facts.all(thing, DCAT + "keyword")
            if isinstance(k, Literal) and k.language == lang
        ],
        "themes": [t.value for t in facts.all(thing, DCAT + "theme")],
        "issued": pages.format_date(facts.value(thing, DCT + "issued"), lang),
        "modified": pages.format_date(facts.value(thing, DCT + "modified"), lang),
        "distributions": distributions(facts, thing, lang),
        "endpoint": facts.value(thing, VOID + "sparqlEndpoint"),
        "statistics": [
            (key, pages.format_number(str(facts.count(thing, VOID + key)), lang))
            for key in (
                "triples",
                "entities",
                "distinctSubjects",
                "distinctObjects",
                "classes",
                "properties",
            )
        ],
        "examples": [
            (labels.name(e.value), frame.href(e.value))
            for e in facts.all(thing, VOID + "exampleResource")
        ],
        "classes": partitions(facts, thing, "classPartition", "class", "entities", labels),
        "properties": partitions(facts, thing, "propertyPartition", "property", "triples", labels),
        "linksets": linksets(facts, thing, labels),
        "number": lambda n: pages.format_number(str(n), lang),
        "text": lambda key: TEXTS[key][0 if lang == "de" else 1],
    }


def render_page(dataset: PublishedDataset, triples: Sequence[Triple], frame: Frame) -> bytes:
    """The /dataset page; a build without a description gets a page that says so."""
    return pages.render("dataset.html", frame, **view(dataset, Facts(triples), frame))


TEXTS: dict[str, tuple[str, str]] = {
    "heading": ("Datensatz", "Dataset"),
    "missing": (
        "Dieser Build enthält keine Beschreibung des Datensatzes; `intmk build` schreibt sie.",
        "This build holds no dataset description; `intmk build` writes it.",
    ),
    "publisher": ("Herausgeber", "Publisher"),
    "contact": ("Kontakt", "Contact"),
    "licence": ("Lizenz", "Licence"),
    "attribution": ("Namensnennung", "Attribution"),
    "spatial": ("Räumliche Abdeckung", "Spatial coverage"),
    "germany": ("Deutschland (Bund)", "Germany (federal level)"),
    "temporal": ("Zeitraum", "Temporal coverage"),
    "keywords": ("Schlagwörter", "Keywords"),
    "themes": ("Kategorien", "Themes"),
    "issued": ("Veröffentlicht", "Issued"),
    "modified": ("Zuletzt geändert", "Modified"),
    "distributions": ("Downloads", "Downloads"),
    "file": ("Datei", "File"),
    "media_type": ("Medientyp", "Media type"),
    "size": ("Größe", "Size"),
    "sha256": ("SHA-256", "SHA-256"),
    "endpoint": ("SPARQL-Endpunkt", "SPARQL endpoint"),
    "statistics": ("Statistik (VoID)", "Statistics (VoID)"),
    "triples": ("Tripel", "Triples"),
    "entities": ("Entitäten (URIs unter id/)", "Entities (URIs under id/)"),
    "distinctSubjects": ("verschiedene Subjekte", "Distinct subjects"),
    "distinctObjects": ("verschiedene Objekte", "Distinct objects"),
    "classes": ("Klassen", "Classes"),
    "properties": ("Eigenschaften", "Properties"),
    "class": ("Klasse", "Class"),
    "property": ("Eigenschaft", "Property"),
    "instances": ("Instanzen", "Instances"),
    "examples": ("Beispiele", "Examples"),
    "links": (
        "Verweise auf andere Datensätze (VoID-Linksets)",
        "Links to other datasets (VoID linksets)",
    ),
    "target": ("Datensatz", "Dataset"),
    "link_predicate": ("Verweis", "Link"),
    "links_count": ("Verweise", "Links"),
}
