"""The page for people of /shapes: every SHACL node shape as a readable list.

A node shape's section (id = its local name, e.g. #ConferenceShape) names its target,
severity and messages in German and English, then each property shape in words in the
page's language — path as a link to the term's section of /ontology, "genau 1" /
"exactly 1", datatype, class, allowed values — and each SPARQL constraint with its
message and query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from mapping.uris import VOCABULARY
from server import pages
from server.dataset import PublishedDataset
from server.pages import Frame
from server.vocabulary_view import Index, Link, Namer, Text, in_language

SH = "http://www.w3.org/ns/shacl#"
OWL = "http://www.w3.org/2002/07/owl#"
DCTERMS = "http://purl.org/dc/terms/"
DESCRIBED = ("name", "description", "message", "severity", "path", "prefixes", "deactivated")
"""Properties of a shape the section shows elsewhere than in its constraint list."""
TEXTS: dict[str, tuple[str, str]] = {
    "contents": ("Inhalt", "Contents"),
    "shapes": ("Node-Shapes", "Node shapes"),
    "target": ("Gilt für", "Applies to"),
    "target_class": ("alle Instanzen von", "every instance of"),
    "target_sparql": (
        "die Ressourcen, die diese SPARQL-Abfrage findet",
        "the resources this SPARQL query finds",
    ),
    "target_node": ("die Ressource", "the resource"),
    "target_subjects": ("alle Subjekte von", "every subject of"),
    "target_objects": ("alle Objekte von", "every object of"),
    "severity": ("Schweregrad", "Severity"),
    "Violation": ("Verletzung: verhindert die Veröffentlichung", "Violation: stops the release"),
    "Warning": ("Warnung: Widerspruch in der Quelle", "Warning: the source contradicts itself"),
    "Info": ("Hinweis", "Note"),
    "message": ("Meldung", "Message"),
    "messages": ("Meldungen", "Messages"),
    "properties": ("Eigenschaften", "Properties"),
    "rules": ("SPARQL-Regeln", "SPARQL rules"),
    "query": ("Abfrage", "Query"),
    "inverse": ("umgekehrt", "inverse of"),
    "count": ("Anzahl", "Number of values"),
    "exactly": ("genau {0}", "exactly {0}"),
    "at_least": ("mindestens {0}", "at least {0}"),
    "at_most": ("höchstens {0}", "at most {0}"),
    "between": ("{0} bis {1}", "{0} to {1}"),
    "datatype": ("Datentyp", "Datatype"),
    "class": ("Instanz von", "Instance of"),
    "nodeKind": ("Art des Werts", "Kind of value"),
    "pattern": ("Muster (regulärer Ausdruck)", "Pattern (regular expression)"),
    "flags": ("Optionen", "flags"),
    "in": ("Einer der Werte", "One of"),
    "hasValue": ("Enthält den Wert", "Has the value"),
    "languageIn": ("Sprachen", "Languages"),
    "uniqueLang": ("Je Sprache höchstens ein Wert", "At most one value per language"),
    "minInclusive": ("Wert ≥", "Value ≥"),
    "maxInclusive": ("Wert ≤", "Value ≤"),
    "minExclusive": ("Wert >", "Value >"),
    "maxExclusive": ("Wert <", "Value <"),
    "minLength": ("Länge ≥", "Length ≥"),
    "maxLength": ("Länge ≤", "Length ≤"),
    "lessThan": ("Kleiner als der Wert von", "Less than the value of"),
    "lessThanOrEquals": ("Höchstens der Wert von", "At most the value of"),
    "equals": ("Gleich dem Wert von", "Equal to the value of"),
    "disjoint": ("Kein Wert gemeinsam mit", "No value in common with"),
    "IRI": ("IRI", "IRI"),
    "Literal": ("Literal", "literal"),
    "BlankNode": ("leerer Knoten", "blank node"),
    "BlankNodeOrIRI": ("leerer Knoten oder IRI", "blank node or IRI"),
    "BlankNodeOrLiteral": ("leerer Knoten oder Literal", "blank node or literal"),
    "IRIOrLiteral": ("IRI oder Literal", "IRI or literal"),
    "version": ("Version", "Version"),
    "licence": ("Lizenz", "Licence"),
    "yes": ("ja", "yes"),
}


@dataclass(frozen=True)
class Constraint:
    """One rule in words: what it constrains and the values it names."""

    label: str
    values: tuple[Link | str, ...] = ()
    code: bool = False
    """Values are code (patterns, literals), shown monospaced."""


@dataclass(frozen=True)
class Rule:
    """A property shape or SPARQL constraint."""

    anchor: str
    name: str
    path: tuple[Link | str, ...]
    description: Text | None
    message: Text | None
    severity: str
    constraints: tuple[Constraint, ...]
    query: str = ""


@dataclass(frozen=True)
class Shape:
    anchor: str
    name: str
    description: Text | None
    targets: tuple[Constraint, ...]
    target_query: str
    severity: str
    messages: tuple[Text, ...]
    properties: tuple[Rule, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class ShapesView:
    title: Text | None
    description: Text | None
    iri: str
    facts: tuple[Constraint, ...]
    shapes: tuple[Shape, ...]


def words(lang: str) -> dict[str, str]:
    """This page's interface texts in the page's language."""
    return in_language(TEXTS, lang)


class ShapesReader:
    """Builds the page's view model from the shapes graph, the store and the frame."""

    def __init__(self, triples: Sequence[Triple], dataset: PublishedDataset, frame: Frame) -> None:
        self.index = Index(triples)
        self.names = Namer(triples, dataset.store, frame)
        self.frame, self.lang = frame, frame.lang
        self.w = words(frame.lang)
        self.shapes_namespace = f"{VOCABULARY}shapes#"

    def view(self) -> ShapesView:
        document = NamedNode(f"{self.frame.base}shapes")
        facts = [
            Constraint(self.w["version"], tuple(self.texts_of(document, OWL + "versionInfo"))),
            Constraint(self.w["licence"], self.links_of(document, DCTERMS + "license")),
        ]
        return ShapesView(
            title=self.index.texts(document, DCTERMS + "title", self.lang)[0],
            description=self.index.texts(document, DCTERMS + "description", self.lang)[0],
            iri=document.value,
            facts=tuple(f for f in facts if f.values),
            shapes=tuple(self.shape(s) for s in self.index.typed(SH + "NodeShape")),
        )

    def anchor(self, node: NamedNode | BlankNode) -> str:
        return node.value.removeprefix(self.shapes_namespace)

    def texts_of(self, node: NamedNode | BlankNode, predicate: str) -> list[str]:
        return [v.value for v in self.index.objects(node, predicate)]

    def links_of(self, node: NamedNode | BlankNode, predicate: str) -> tuple[Link | str, ...]:
        return tuple(self.names.node(v) for v in self.index.objects(node, predicate))

    def name(self, node: NamedNode | BlankNode) -> str:
        found = self.index.texts(node, SH + "name", self.lang)[0]
        return found.value if found else self.anchor(node)

    def severity(self, node: NamedNode | BlankNode) -> str:
        found = self.index.one(node, SH + "severity")
        return found.value.removeprefix(SH) if found is not None else "Violation"

    def shape(self, node: NamedNode) -> Shape:
        messages = tuple(
            t for lang in ("de", "en") if (t := self.index.text(node, SH + "message", lang))
        )
        properties = [
            p for p in self.index.objects(node, SH + "property") if not isinstance(p, Literal)
        ]
        rules = [r for r in self.index.objects(node, SH + "sparql") if not isinstance(r, Literal)]
        return Shape(
            anchor=self.anchor(node),
            name=self.name(node),
            description=self.index.texts(node, SH + "description", self.lang)[0],
            targets=self.targets(node),
            target_query=self.target_query(node),
            severity=self.severity(node),
            messages=messages,
            properties=tuple(self.rule(p) for p in properties),
            rules=tuple(self.rule(r) for r in rules),
        )

    def targets(self, node: NamedNode) -> tuple[Constraint, ...]:
        """What the shape applies to, in words."""
        found = []
        for key, predicate in (
            ("target_class", "targetClass"),
            ("target_node", "targetNode"),
            ("target_subjects", "targetSubjectsOf"),
            ("target_objects", "targetObjectsOf"),
        ):
            values = self.links_of(node, SH + predicate)
            if values:
                found.append(Constraint(self.w[key], values))
        if self.target_query(node):
            found.append(Constraint(self.w["target_sparql"]))
        return tuple(found)

    def target_query(self, node: NamedNode) -> str:
        """The SELECT of a SPARQL-based target (SHACL-AF), if the shape has one."""
        for target in self.index.objects(node, SH + "target"):
            if isinstance(target, BlankNode | NamedNode):
                return "\n".join(self.texts_of(target, SH + "select"))
        return ""

    def rule(self, node: NamedNode | BlankNode) -> Rule:
        """A property shape or SPARQL constraint: path and constraints in words."""
        path = self.path(self.index.one(node, SH + "path"))
        name = self.name(node)
        shown = path[-1].text if path and isinstance(path[-1], Link) else ""
        return Rule(
            anchor=self.anchor(node) if isinstance(node, NamedNode) else "",
            name="" if name.casefold() == shown.casefold() else name,
            path=path,
            description=self.index.texts(node, SH + "description", self.lang)[0],
            message=self.index.texts(node, SH + "message", self.lang)[0],
            severity=self.severity(node),
            constraints=self.constraints(node),
            query="\n".join(self.texts_of(node, SH + "select")),
        )

    def path(self, value: NamedNode | BlankNode | Literal | None) -> tuple[Link | str, ...]:
        """A predicate path as a link; an inverse path as 'inverse of' and the link."""
        if isinstance(value, NamedNode):
            return (self.names.link(value.value),)
        if isinstance(value, BlankNode):
            inverse = self.index.one(value, SH + "inversePath")
            if isinstance(inverse, NamedNode):
                return (self.w["inverse"], self.names.link(inverse.value))
        return ()

    def constraints(self, node: NamedNode | BlankNode) -> tuple[Constraint, ...]:
        """Every constraint of a shape in words, the count first."""
        found = [c for c in (self.count(node),) if c is not None]
        for predicate, values in sorted(self.index.by_subject.get(node, {}).items()):
            name = predicate.removeprefix(SH)
            if not predicate.startswith(SH) or name in (*DESCRIBED, "minCount", "maxCount"):
                continue
            if name in ("property", "sparql", "select", "targetClass", "target", "declare"):
                continue
            found.append(self.constraint(name, values))
        return tuple(found)

    def constraint(self, name: str, values: list[NamedNode | BlankNode | Literal]) -> Constraint:
        """One SHACL constraint parameter and its values, in words."""
        label = self.w.get(name, f"sh:{name}")
        if name == "nodeKind":
            kinds = tuple(self.w.get(v.value.removeprefix(SH), v.value) for v in values)
            return Constraint(label, kinds)
        if name == "uniqueLang":
            return Constraint(label, (self.w["yes"],) if values[0].value == "true" else ())
        if name in ("in", "languageIn"):
            members = [m for v in values for m in self.index.items(v)]
            shown = tuple(self.names.node(m) for m in members)
            return Constraint(label, shown, code=name == "languageIn")
        shown = tuple(self.names.node(v) for v in values if not isinstance(v, BlankNode))
        return Constraint(label, shown, code=name in ("pattern", "flags", "hasValue"))

    def count(self, node: NamedNode | BlankNode) -> Constraint | None:
        """minCount and maxCount together: 'genau 1', 'mindestens 1', 'höchstens 1'."""
        low = self.index.one(node, SH + "minCount")
        high = self.index.one(node, SH + "maxCount")
        if low is None and high is None:
            return None
        if low is not None and high is not None:
            same = low.value == high.value
            text = self.w["exactly" if same else "between"].format(low.value, high.value)
        elif low is not None:
            text = self.w["at_least"].format(low.value)
        else:
            assert high is not None
            text = self.w["at_most"].format(high.value)
        return Constraint(self.w["count"], (text,))


def render_page(dataset: PublishedDataset, triples: Sequence[Triple], frame: Frame) -> bytes:
    """The shapes page in the frame's language."""
    view = ShapesReader(triples, dataset, frame).view()
    return pages.render("shapes.html", frame, page=view, w=words(frame.lang))
