"""Minting URIs by the contract of docs/DESIGN.md section 2, from the document's numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

DEFAULT_BASE = "http://localhost:8000/"
# The vocabulary (ontology, concept schemes, shapes) has one persistent namespace on every
# deployment: a w3id.org PURL that redirects to the deployment documenting it
# (docs/VOCABULARY.md). The data's base (--base) is the deployment's own.
VOCABULARY = "https://w3id.org/intmk/"
CONCEPT_SCHEMES = (
    "outcome",
    "decision-margin",
    "participation-role",
    "office",
    "request-kind",
    "meeting-kind",
    "applicant-list",
    "finding-kind",
    "item-status",
    "vote-choice",
)
TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)


def slug(text: str) -> str:
    """'Ministerium für Soziales, Gesundheit' → 'ministerium-fuer-soziales-gesundheit'."""
    text = text.translate(TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Uris:
    """All URIs of the dataset below one base."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^https?://[^/]+(/[^?#]*)?/$", self.base):
            raise ValueError(f"base URI must be http(s) and end with '/': {self.base!r}")

    def _id(self, path: str) -> URIRef:
        return URIRef(f"{self.base}id/{path}")

    @property
    def ontology(self) -> str:
        """The vocabulary's namespace, the same for every base."""
        return f"{VOCABULARY}ontology#"

    @property
    def reference_graph(self) -> URIRef:
        return self._id("reference-data")

    @property
    def validation_graph(self) -> URIRef:
        return self._id("validation-report")

    @property
    def entailed_graph(self) -> URIRef:
        """The types and super-properties the ontology entails (mapping/entailment.py)."""
        return self._id("entailed")

    @property
    def ontology_graph(self) -> URIRef:
        """The ontology's IRI, also the name of the graph that holds it."""
        return URIRef(f"{VOCABULARY}ontology")

    def conference(self, number: int) -> URIRef:
        return self._id(f"conference/{number}")

    def minutes(self, number: int) -> URIRef:
        """The source document: the minutes as the text every line number refers to."""
        return self._id(f"conference/{number}/minutes")

    def publication(self, number: int) -> URIRef:
        """The minutes as their publisher published them (prov:hadPrimarySource)."""
        return self._id(f"conference/{number}/minutes/publication")

    def graph(self, number: int) -> URIRef:
        """The named graph of one conference's minutes: a dataset, not the document itself."""
        return self._id(f"conference/{number}/graph")

    def footnote(self, number: int, key: str) -> URIRef:
        """A footnote of the minutes by its printed number ("1"; "1-2" when printed again)."""
        return self._id(f"conference/{number}/minutes/footnote/{key}")

    def source_file(self, file_name: str) -> str:
        return f"{self.base}dumps/sources/{file_name}"

    def meeting(self, number: int, key: str) -> URIRef:
        return self._id(f"conference/{number}/meeting/{key}")

    def item(self, number: int, top: str) -> URIRef:
        return self._id(f"conference/{number}/item/{top}")

    def applicant(self, number: int, top: str, land: str) -> URIRef:
        return self._id(f"conference/{number}/item/{top}/applicant/{land}")

    def declaration(self, number: int, top: str, k: int) -> URIRef:
        """The k-th Protokollerklärung on an item (k = 1, 2, … in text order)."""
        return self._id(f"conference/{number}/item/{top}/declaration/{k}")

    def resolution(self, number: int, top: str) -> URIRef:
        return self._id(f"conference/{number}/resolution/{top}")

    def paragraph(self, number: int, top: str, position: int) -> URIRef:
        return self._id(f"conference/{number}/resolution/{top}/paragraph/{position}")

    def bullet(self, number: int, top: str, paragraph: int, position: int) -> URIRef:
        return self._id(
            f"conference/{number}/resolution/{top}/paragraph/{paragraph}/bullet/{position}"
        )

    def table(self, number: int, top: str, k: int, *rest: str | int) -> URIRef:
        """The k-th table of a resolution's text, or a part of it: `"row", 2`, `"column",
        1`, `"row", 2, "cell", 1`, `"schema"`."""
        tail = "".join(f"/{part}" for part in rest)
        return self._id(f"conference/{number}/resolution/{top}/table/{k}{tail}")

    def amount(self, number: int, top: str, paragraph: int, position: int) -> URIRef:
        return self._id(
            f"conference/{number}/resolution/{top}/paragraph/{paragraph}/amount/{position}"
        )

    def request(self, number: int, top: str, k: int) -> URIRef:
        return self._id(f"conference/{number}/resolution/{top}/request/{k}")

    def addressee(self, number: int, top: str, k: int, organisation: str) -> URIRef:
        """The participation of one addressee in the k-th request on an item."""
        return self._id(
            f"conference/{number}/resolution/{top}/request/{k}/addressee/{organisation}"
        )

    def vote(self, number: int, top: str, land: str) -> URIRef:
        """The vote of one Land on the decision on an item, where the minutes name it."""
        return self._id(f"conference/{number}/resolution/{top}/vote/{land}")

    def finding(self, number: int, key: str) -> URIRef:
        return self._id(f"conference/{number}/finding/{key}")

    def participation(self, number: int, person: str) -> URIRef:
        return self._id(f"conference/{number}/participation/{slug(person)}")

    def person(self, name: str) -> URIRef:
        return self._id(f"person/{slug(name)}")

    def land(self, code: str) -> URIRef:
        return self._id(f"land/{code}")

    def unresolved_addressee(self, number: int, top: str, k: int, j: int) -> URIRef:
        """The j-th addressee of the k-th request that the registry does not know."""
        return self._id(
            f"conference/{number}/resolution/{top}/request/{k}/unresolved-addressee/{j}"
        )

    def organisation(self, key: str) -> URIRef:
        return self._id(f"organisation/{key}")

    def organisation_name(self, key: str, k: int) -> URIRef:
        """The k-th name (in the order of time) an organisation has had since 2006."""
        return self._id(f"organisation/{key}/name/{k}")

    def land_organisation(self, land: str, name: str) -> URIRef:
        return self._id(f"organisation/{land}/{slug(name)}")

    def place(self, name: str) -> URIRef:
        return self._id(f"place/{slug(name)}")

    def concept(self, scheme: str, key: str) -> URIRef:
        """A concept of one of our schemes: vocabulary, under the persistent namespace."""
        return URIRef(f"{VOCABULARY}id/{scheme}/{key}")


def vocabulary_term(path: str) -> bool:
    """Whether `id/{path}` names a concept scheme or concept of the vocabulary."""
    return path.split("/", 1)[0] in CONCEPT_SCHEMES
