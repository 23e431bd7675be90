"""The page for people of /ontology: the ontology documented term by term, with its diagram.

Every class and property of the ontology graph as published gets a section whose id is
its local name, so {base}ontology#Resolution opens at the section about intmk:Resolution.
A section gives the labels, the definition in both languages, the super terms, domain
and range, alignments and — for a class — the properties used with it and how many
instances the dataset holds (one SPARQL count over the store). The concept schemes the
ontology graph carries follow; the diagram is the build's SVG, shown inline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import BlankNode, NamedNode, Store, Triple

from mapping.uris import VOCABULARY
from server import pages
from server.dataset import PublishedDataset
from server.diagram_svg import inline_svg
from server.pages import Frame
from server.vocabulary_view import RDF, RDFS, Index, Link, Namer, Text, in_language

OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
VANN = "http://purl.org/vocab/vann/"
ALIGNMENTS = (
    "equivalentClass equivalentProperty sameAs",
    "exactMatch closeMatch broadMatch narrowMatch relatedMatch",
)
KINDS = (  # (rdf:type, text key): the order of the page's groups
    (OWL + "Class", "classes"),
    (OWL + "ObjectProperty", "object_properties"),
    (OWL + "DatatypeProperty", "datatype_properties"),
    (OWL + "AnnotationProperty", "annotation_properties"),
)
CAPTION = "diagram-caption"
COUNT_INSTANCES = """
SELECT ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE {{
  ?thing a ?class . FILTER(STRSTARTS(STR(?class), "{namespace}"))
}} GROUP BY ?class
"""
TEXTS: dict[str, tuple[str, str]] = {
    "contents": ("Inhalt", "Contents"),
    "overview": ("Überblick", "Overview"),
    "diagram": ("Diagramm", "Diagram"),
    "diagram_alt": (
        "Das Diagramm zeigt die {classes} Klassen als Kästen mit ihren Datentyp-Eigenschaften, "
        "die Objekt-Eigenschaften als beschriftete Pfeile vom Definitions- zum Wertebereich "
        "und Unterklassen als Pfeile mit hohler Spitze. Jeder Kasten führt zum Abschnitt der "
        "Klasse; dieselben Angaben stehen unten als Text.",
        "The diagram shows the {classes} classes as boxes with their datatype properties, the "
        "object properties as labelled arrows from domain to range, and subclasses as arrows "
        "with a hollow head. Each box leads to the class's section; the same facts are "
        "written out below.",
    ),
    "diagram_open": ("Diagramm in voller Größe (SVG)", "Diagram at full size (SVG)"),
    "diagram_missing": (
        "Dieser Build enthält kein Diagramm.",
        "This build contains no diagram.",
    ),
    "classes": ("Klassen", "Classes"),
    "object_properties": ("Objekt-Eigenschaften", "Object properties"),
    "datatype_properties": ("Datentyp-Eigenschaften", "Datatype properties"),
    "annotation_properties": ("Annotations-Eigenschaften", "Annotation properties"),
    "schemes": ("Begriffssysteme", "Concept schemes"),
    "version": ("Version", "Version"),
    "created": ("Erstellt", "Created"),
    "licence": ("Lizenz", "Licence"),
    "namespace": ("Namensraum", "Namespace"),
    "prefix": ("Präfix", "Prefix"),
    "label_de": ("Bezeichnung (deutsch)", "Label (German)"),
    "label_en": ("Bezeichnung (englisch)", "Label (English)"),
    "iri": ("IRI", "IRI"),
    "superclasses": ("Oberklassen", "Superclasses"),
    "subclasses": ("Unterklassen", "Subclasses"),
    "superproperties": ("Übergeordnete Eigenschaften", "Superproperties"),
    "domain": ("Definitionsbereich (domain)", "Domain"),
    "range": ("Wertebereich (range)", "Range"),
    "inverse": ("Invers zu", "Inverse of"),
    "alignments": ("Entsprechungen", "Equivalences and alignments"),
    "properties_of": ("Eigenschaften dieser Klasse", "Properties of this class"),
    "properties_to": (
        "Eigenschaften mit dieser Klasse als Wert",
        "Properties with this class as value",
    ),
    "instances": ("Instanzen im Datensatz", "Instances in the dataset"),
    "query_instances": ("abfragen", "query"),
    "concepts": ("Begriffe", "Concepts"),
    "some_values": ("mindestens ein Wert von", "some value of"),
    "all_values": ("alle Werte von", "all values of"),
    "has_value": ("der Wert von", "the value of"),
    "from_class": ("aus", "from"),
    "is": ("ist", "is"),
}


@dataclass(frozen=True)
class Term:
    """One class or property, as its section shows it."""

    anchor: str
    iri: str
    label: str
    label_de: str
    label_en: str
    definition: Text | None
    other_definition: Text | None
    facts: tuple[tuple[str, tuple[Link | str, ...]], ...]
    """(text key, values) rows: super terms, domain, range, alignments, usage."""
    instances: int | None = None


@dataclass(frozen=True)
class Group:
    key: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Concept:
    link: Link
    notation: str
    definition: Text | None


@dataclass(frozen=True)
class Scheme:
    anchor: str
    iri: str
    title: str
    definition: Text | None
    concepts: tuple[Concept, ...]


@dataclass(frozen=True)
class OntologyView:
    title: Text | None
    description: Text | None
    other_description: Text | None
    iri: str
    facts: tuple[tuple[str, tuple[Link | str, ...]], ...]
    groups: tuple[Group, ...]
    schemes: tuple[Scheme, ...]
    diagram: str | None
    diagram_href: str
    diagram_alt: str


def words(lang: str) -> dict[str, str]:
    """This page's interface texts in the page's language."""
    return in_language(TEXTS, lang)


def instance_counts(store: Store, namespace: str) -> dict[str, int]:
    """How many things of each of our classes the dataset holds (one query)."""
    query = COUNT_INSTANCES.format(namespace=namespace)
    results = store.query(query, use_default_graph_as_union=True)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    counts = {}
    for row in results:
        cls, n = row["class"], row["n"]
        if isinstance(cls, NamedNode) and isinstance(n, pyoxigraph.Literal):
            counts[cls.value] = int(n.value)
    return counts


class OntologyReader:
    """Builds the page's view model from the ontology graph, the store and the frame."""

    def __init__(self, triples: Sequence[Triple], store: Store, frame: Frame) -> None:
        self.index = Index(triples)
        self.names = Namer(triples, store, frame)
        self.frame, self.lang = frame, frame.lang
        self.w = words(frame.lang)
        self.counts = instance_counts(store, self.names.namespace)

    def view(self, diagram: str | None) -> OntologyView:
        ontology = NamedNode(f"{VOCABULARY}ontology")
        description, other = self.index.texts(ontology, DCTERMS + "description", self.lang)
        groups = tuple(
            Group(key, tuple(self.term(t) for t in self.own(kind))) for kind, key in KINDS
        )
        classes = len(groups[0].terms)
        return OntologyView(
            title=self.index.texts(ontology, DCTERMS + "title", self.lang)[0],
            description=description,
            other_description=other,
            iri=ontology.value,
            facts=self.ontology_facts(ontology),
            groups=tuple(g for g in groups if g.terms),
            schemes=tuple(self.scheme(s) for s in self.index.typed(SKOS + "ConceptScheme")),
            diagram=diagram,
            diagram_href=self.frame.link(f"ontology/diagram-{self.lang}.svg"),
            diagram_alt=self.w["diagram_alt"].format(classes=classes),
        )

    def own(self, kind: str) -> list[NamedNode]:
        """Our terms of one kind, by local name."""
        return [n for n in self.index.typed(kind) if self.names.local(n.value) is not None]

    def ontology_facts(self, ontology: NamedNode) -> tuple[tuple[str, tuple[Link | str, ...]], ...]:
        """Version, date, licence, namespace and prefix of the ontology."""
        rows: list[tuple[str, tuple[Link | str, ...]]] = []
        for key, predicate in (
            ("version", OWL + "versionInfo"),
            ("created", DCTERMS + "created"),
            ("licence", DCTERMS + "license"),
            ("namespace", VANN + "preferredNamespaceUri"),
            ("prefix", VANN + "preferredNamespacePrefix"),
        ):
            values = self.index.objects(ontology, predicate)
            shown: tuple[Link | str, ...] = tuple(
                Link(v.value, v.value, v.value)
                if isinstance(v, NamedNode)
                else pages.format_date(v.value, self.lang)
                for v in values
            )
            if shown:
                rows.append((key, shown))
        return tuple(rows)

    def term(self, node: NamedNode) -> Term:
        iri = node.value
        label_de = self.index.text(node, RDFS + "label", "de")
        label_en = self.index.text(node, RDFS + "label", "en")
        definition, other = self.index.texts(node, RDFS + "comment", self.lang)
        if definition is None and other is None:
            definition, other = self.index.texts(node, SKOS + "definition", self.lang)
        is_class = OWL + "Class" in self.index.iris(node, RDF + "type")
        local = self.names.local(iri) or iri
        return Term(
            anchor=local,
            iri=iri,
            label=self.names.link(iri).text,
            label_de=label_de.value if label_de else "",
            label_en=label_en.value if label_en else "",
            definition=definition,
            other_definition=other,
            facts=self.class_facts(node) if is_class else self.property_facts(node),
            instances=self.counts.get(iri, 0) if is_class else None,
        )

    def class_facts(self, node: NamedNode) -> tuple[tuple[str, tuple[Link | str, ...]], ...]:
        subclasses = self.index.subjects(RDFS + "subClassOf", node)
        rows = (
            ("superclasses", self.names.links(self.index.iris(node, RDFS + "subClassOf"))),
            (
                "subclasses",
                self.names.links(s.value for s in subclasses if isinstance(s, NamedNode)),
            ),
            ("alignments", self.alignments(node)),
            ("properties_of", self.used_with(RDFS + "domain", node)),
            ("properties_to", self.used_with(RDFS + "range", node)),
        )
        return tuple((key, values) for key, values in rows if values)

    def property_facts(self, node: NamedNode) -> tuple[tuple[str, tuple[Link | str, ...]], ...]:
        inverse = self.index.iris(node, OWL + "inverseOf")
        inverse += [
            s.value
            for s in self.index.subjects(OWL + "inverseOf", node)
            if isinstance(s, NamedNode)
        ]
        rows = (
            ("superproperties", self.names.links(self.index.iris(node, RDFS + "subPropertyOf"))),
            ("domain", self.names.links(self.index.iris(node, RDFS + "domain"))),
            ("range", self.names.links(self.index.iris(node, RDFS + "range"))),
            ("inverse", self.names.links(sorted(set(inverse)))),
            ("alignments", self.alignments(node)),
        )
        return tuple((key, values) for key, values in rows if values)

    def used_with(self, predicate: str, node: NamedNode) -> tuple[Link, ...]:
        """The properties whose domain (or range) the class is."""
        found = self.index.subjects(predicate, node)
        return self.names.links(s.value for s in found if isinstance(s, NamedNode))

    def alignments(self, node: NamedNode) -> tuple[Link | str, ...]:
        """Equivalences and SKOS mappings; an OWL restriction written out in words."""
        shown: list[Link | str] = []
        for namespace, names in ((OWL, ALIGNMENTS[0]), (SKOS, ALIGNMENTS[1])):
            for name in names.split():
                for value in self.index.objects(node, namespace + name):
                    if isinstance(value, BlankNode):
                        shown.append(self.restriction(value))
                    elif isinstance(value, NamedNode):
                        shown.append(self.names.link(value.value))
        return tuple(shown)

    def restriction(self, node: BlankNode) -> str:
        """owl:Restriction on P someValuesFrom C → 'some value of P from C'."""
        on = self.index.one(node, OWL + "onProperty")
        for key, predicate in (
            ("some_values", "someValuesFrom"),
            ("all_values", "allValuesFrom"),
            ("has_value", "hasValue"),
        ):
            value = self.index.one(node, OWL + predicate)
            if on is not None and value is not None:
                prop, target = self.names.node(on), self.names.node(value)
                prop_text = prop.text if isinstance(prop, Link) else prop
                target_text = target.text if isinstance(target, Link) else target
                return f"{self.w[key]} {prop_text} {self.w['from_class']} {target_text}"
        return "owl:Restriction"

    def scheme(self, node: NamedNode) -> Scheme:
        concepts = self.index.subjects(SKOS + "inScheme", node)
        title = self.names.link(node.value).text
        return Scheme(
            anchor="scheme-" + node.value.rstrip("/").rpartition("/")[2],
            iri=node.value,
            title=title,
            definition=self.index.texts(node, SKOS + "definition", self.lang)[0],
            concepts=tuple(self.concept(c) for c in concepts if isinstance(c, NamedNode)),
        )

    def concept(self, node: NamedNode) -> Concept:
        notation = self.index.one(node, SKOS + "notation")
        return Concept(
            link=self.names.link(node.value),
            notation=notation.value if notation is not None else "",
            definition=self.index.texts(node, SKOS + "definition", self.lang)[0],
        )


def render_page(dataset: PublishedDataset, triples: Sequence[Triple], frame: Frame) -> bytes:
    """The ontology page in the frame's language."""
    view = OntologyReader(triples, dataset.store, frame).view(
        inline_svg(dataset, frame.lang, CAPTION)
    )
    return pages.render("ontology.html", frame, page=view, w=words(frame.lang), caption=CAPTION)
