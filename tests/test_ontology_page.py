"""The pages for people of /ontology and /shapes: every term and every shape, in German
and English, with the diagram inline and nothing loaded from elsewhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from tests.conftest import BASE, INTMK

ROOT = Path(__file__).resolve().parent.parent
HTML = {"Accept": "text/html"}
ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "intmk.ttl", format="turtle", publicID=BASE)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    text = (ROOT / "shapes" / "intmk-shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text.replace("{{BASE_PLAIN}}", BASE), format="turtle", publicID=BASE)


def page(client: httpx.Client, path: str) -> BeautifulSoup:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def terms(graph: Graph) -> list[URIRef]:
    """Every class and property the ontology file defines."""
    found = {s for kind in KINDS for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(str(INTMK)))


def text_in(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> str:
    values = graph.objects(subject, predicate)
    return next(str(o) for o in values if isinstance(o, Literal) and o.language == lang)


def section(soup: BeautifulSoup, anchor: str) -> Tag:
    found = soup.find(id=anchor)
    assert isinstance(found, Tag), f"no element with id {anchor}"
    return found


def hrefs(element: Tag) -> list[str]:
    return [str(a["href"]) for a in element.find_all("a")]


def test_every_class_and_property_has_its_section_with_both_labels(
    client: httpx.Client, ontology: Graph
) -> None:
    german, english = page(client, "/ontology"), page(client, "/ontology?lang=en")
    defined = terms(ontology)
    # issue 15: addressees 6 terms; people 3; text structure 6 (listLevel, underItem,
    # hasTable, afterParagraph, hasCell, inColumn), listLevel shared with addressees
    # nameOutsidePeriod, printedTitle, the 2 cell amount properties, Office, heldOffice,
    # statedInCell
    assert len(defined) == 31 + 56 + 49 + 4 + 2 + 6 + 3 + 6 - 1 + 7
    for term in defined:
        anchor = str(term).removeprefix(str(INTMK))
        de, en = section(german, anchor), section(english, anchor)
        assert de.name == "article"
        heading = de.find("h3")
        assert isinstance(heading, Tag)
        assert heading.get_text(" ", strip=True).startswith(
            text_in(ontology, term, RDFS.label, "de")
        )
        heading = en.find("h3")
        assert isinstance(heading, Tag)
        assert heading.get_text(" ", strip=True).startswith(
            text_in(ontology, term, RDFS.label, "en")
        )
        assert str(term) in de.get_text()


def test_the_resolution_section(client: httpx.Client, ontology: Graph) -> None:
    soup = page(client, "/ontology")
    resolution = section(soup, "Resolution")
    heading = resolution.find("h3")
    assert isinstance(heading, Tag)
    assert heading.get_text(" ", strip=True) == "Beschluss intmk:Resolution"
    comment = text_in(ontology, INTMK.Resolution, RDFS.comment, "de")
    assert comment in resolution.get_text()
    other = resolution.find("p", lang="en")
    assert isinstance(other, Tag)
    assert other.get_text() == text_in(ontology, INTMK.Resolution, RDFS.comment, "en")
    links = hrefs(resolution)
    assert f"{ELI_DL}Decision" in links
    assert "/ontology#hasResolution" in links and "/ontology#onItem" in links
    facts = resolution.get_text(" ", strip=True)
    assert "eli-dl:Decision" in facts
    assert "Instanzen im Datensatz 30" in facts
    english = section(page(client, "/ontology?lang=en"), "Resolution")
    heading = english.find("h3")
    assert isinstance(heading, Tag)
    assert heading.get_text(" ", strip=True) == "Resolution intmk:Resolution"
    assert "/ontology?lang=en#hasResolution" in hrefs(english)


def test_a_property_links_its_domain_range_and_inverse(client: httpx.Client) -> None:
    has_resolution = section(page(client, "/ontology"), "hasResolution")
    assert hrefs(has_resolution) == [
        "/ontology#AgendaItem",
        "/ontology#Resolution",
        "/ontology#onItem",
    ]
    chair = section(page(client, "/ontology"), "chairLand")
    assert "https://schema.org/organizer" in hrefs(chair)
    assert "schema:organizer" in chair.get_text()


def test_the_restriction_of_request_to_bund_is_written_out(client: httpx.Client) -> None:
    facts = section(page(client, "/ontology"), "RequestToBund").get_text(" ", strip=True)
    assert "Entsprechungen mindestens ein Wert von Adressat aus Bundesstelle" in facts
    assert "Oberklassen Bitte/Aufforderung" in facts


def test_the_ontology_header_and_concept_schemes(client: httpx.Client) -> None:
    soup = page(client, "/ontology")
    heading = soup.find("h1")
    assert isinstance(heading, Tag)
    assert heading.get_text() == "IntMK-Ontologie: Beschlüsse der Integrationsministerkonferenz"
    facts = soup.select("main > dl.pairs")[0].get_text(" ", strip=True)
    assert "Version 0.5.0" in facts
    assert "Namensraum https://w3id.org/intmk/ontology#" in facts
    assert "Präfix intmk" in facts
    assert "Lizenz http://dcat-ap.de/def/licenses/dl-by-de/2.0" in facts
    outcomes = section(soup, "scheme-outcome")
    assert [a.get_text() for a in outcomes.select("dt > a")] == [
        "abgelehnt",
        "angenommen",
        "einstimmig",
        "erledigt",
        "mehrheitlich",
        "ohne Beschluss",
        "ungeklärt",
        "vertagt",
        "zur Kenntnis genommen",
        "in der Sitzung zurückgezogen",  # in the order of the notations (zurueckgezogen)
    ]
    margins = section(soup, "scheme-decision-margin")
    assert [a.get_text() for a in margins.select("dt > a")] == ["einstimmig", "mehrheitlich"]
    toc = soup.find("nav", class_="toc")
    assert isinstance(toc, Tag)
    # issue 15: addressees, people, structure; nameOutsidePeriod, printedTitle, the 2 cell
    # amount properties, Office, heldOffice, statedInCell, the scheme of offices
    assert len(toc.select("ul.terms a")) == 156 + 9 + 8


def test_the_diagram_is_inline_with_a_text_alternative(
    client: httpx.Client, ontology: Graph
) -> None:
    soup = page(client, "/ontology")
    figure = section(soup, "diagram").find("figure")
    assert isinstance(figure, Tag)
    svg = figure.find("svg")
    assert isinstance(svg, Tag)
    assert svg["role"] == "group" and svg["aria-labelledby"] == "diagram-caption"
    caption = figure.find("figcaption")
    assert isinstance(caption, Tag)
    assert caption["id"] == "diagram-caption"
    assert caption.get_text().startswith("Das Diagramm zeigt die 36 Klassen")
    assert "/ontology/diagram-de.svg" in hrefs(caption)
    links = {str(a["xlink:href"]) for a in svg.find_all("a")}
    classes = {s for s in ontology.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}
    assert links == {"#" + str(c).removeprefix(str(INTMK)) for c in classes}
    english = page(client, "/ontology?lang=en").find("figure")
    assert isinstance(english, Tag)
    assert "Request to the federal level" in english.get_text()


def test_the_pages_link_their_data_twins(client: httpx.Client) -> None:
    for path in ("/ontology", "/shapes"):
        soup = page(client, path)
        twins = {
            str(link["type"]): str(link["href"])
            for link in soup.find_all("link", rel="alternate")
            if link.get("type")
        }
        assert twins["text/turtle"] == f"{path}.ttl"
        assert twins["application/ld+json"] == f"{path}.jsonld"
        assert soup.html is not None and soup.html["lang"] == "de"


def test_every_node_shape_is_listed_with_its_messages(client: httpx.Client, shapes: Graph) -> None:
    german, english = page(client, "/shapes"), page(client, "/shapes?lang=en")
    node_shapes = sorted(
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)
    )
    # addressees: UnresolvedAddressee, OrganisationName; people: PreliminaryChairShape,
    # ParticipationPeopleShape; text structure: Table, TableColumn, TableRow, TableCell
    assert len(node_shapes) == 51  # + OfficeShape
    assert len(german.select("article.shape")) == 51
    for shape in node_shapes:
        anchor = str(shape).removeprefix("https://w3id.org/intmk/shapes#")
        de, en = section(german, anchor), section(english, anchor)
        name_de = de.find("h3")
        assert isinstance(name_de, Tag)
        assert name_de.get_text(" ", strip=True).startswith(text_in(shapes, shape, SH.name, "de"))
        name_en = en.find("h3")
        assert isinstance(name_en, Tag)
        assert name_en.get_text(" ", strip=True).startswith(text_in(shapes, shape, SH.name, "en"))
        message = de.find("p", class_="message", lang="de")
        assert isinstance(message, Tag)
        assert message.get_text() == text_in(shapes, shape, SH.message, "de")
        assert text_in(shapes, shape, SH.message, "en") in en.get_text()
        assert text_in(shapes, shape, SH.description, "en") in en.get_text()


def test_a_property_shape_in_words(client: httpx.Client) -> None:
    number = section(page(client, "/shapes"), "Conference-conferenceNumber")
    text = number.get_text(" ", strip=True)
    assert text.startswith("Konferenznummer – Nummer der Konferenz")
    assert "Anzahl: genau 1" in text and "Datentyp: xsd:integer" in text and "Wert ≥ 1" in text
    assert "Eine Konferenz hat genau eine Nummer, als ganze Zahl ab 1." in text
    assert "/ontology#conferenceNumber" in hrefs(number)
    english = section(page(client, "/shapes?lang=en"), "Conference-conferenceNumber")
    text = english.get_text(" ", strip=True)
    assert "Number of values: exactly 1" in text
    assert "A conference has exactly one number, an integer from 1." in text
    assert "/ontology?lang=en#conferenceNumber" in hrefs(english)
    year = section(page(client, "/shapes?lang=en"), "Conference-year")
    assert "Number of values: at most 1" in year.get_text(" ", strip=True)


def test_targets_and_sparql_rules_are_described(client: httpx.Client) -> None:
    soup = page(client, "/shapes")
    conference = section(soup, "ConferenceShape")
    assert "Gilt für alle Instanzen von Konferenz" in conference.get_text(" ", strip=True)
    assert "/ontology#Conference" in hrefs(conference)
    rule = section(soup, "Conference-uniqueTopNumbers")
    assert (
        "Die TOP-Nummer {?value} kommt in dieser Konferenz mehr als einmal vor." in rule.get_text()
    )
    assert rule.find("pre") is not None
    residue = section(soup, "NoConversionResidueShape").get_text(" ", strip=True)
    assert "Gilt für die Ressourcen, die diese SPARQL-Abfrage findet" in residue


@pytest.mark.parametrize("path", ["/ontology", "/ontology?lang=en", "/shapes", "/shapes?lang=en"])
def test_nothing_is_loaded_from_elsewhere_and_no_script_runs(
    client: httpx.Client, path: str
) -> None:
    soup = page(client, path)
    assert soup.find("script") is None
    loaded = [str(tag.get(attribute)) for tag, attribute in resources(soup)]
    assert loaded, "the stylesheets at least"
    assert all(not urlsplit(url).netloc for url in loaded), loaded
    assert "/static/ontology.css" in loaded


def resources(soup: BeautifulSoup) -> list[tuple[Tag, str]]:
    """Every element the browser loads something for, with the attribute naming it."""
    found = []
    for name, attribute in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("object", "data"),
        ("source", "src"),
        ("image", "href"),
        ("image", "xlink:href"),
    ):
        for tag in soup.find_all(name):
            if tag.get(attribute) and (
                name != "link"
                or "stylesheet" in (tag.get("rel") or [])
                or "icon" in (tag.get("rel") or [])
            ):
                found.append((tag, attribute))
    return found
