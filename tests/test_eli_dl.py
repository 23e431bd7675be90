"""ELI-DL, schema.org and PROV terms hold in the served data (issue 14, points 3 and 4).

The endpoint does no inference: the build writes what the ontology entails into the
graph id/entailed (mapping/entailment.py). Every expected number is read from the seed
(data/sources/000_7e277fc99396a581.txt, the 18th IntMK 2023): 30 resolutions, of which
3 are noted (TOP B, 1.1, 1.6) and 27 adopted, 11 of them "mehrheitlich"; 36 requests,
24 of them to "den Bund"; 58 persons in the list of participants; Hessen chairs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from mapping.build import build, ontology_graph
from mapping.entailment import ancestors, entailed_graph
from mapping.uris import Uris
from tests.conftest import BASE, CONCEPT, ID, INTMK, asserted, select

ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
PREFIXES = (
    f"PREFIX eli-dl: <{ELI_DL}>\nPREFIX schema: <{SCHEMA}>\nPREFIX intmk: <{INTMK}>\n"
    f"PREFIX prov: <{PROV}>\n"
)
C18 = ID + "conference/18"
ENTAILED = URIRef(ID + "entailed")
SRJ = "application/sparql-results+json"
LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def ask(client: httpx.Client, query: str) -> list[dict[str, str]]:
    """A SELECT through the public endpoint, as a client without inference sends it."""
    response = client.get("/sparql", params={"query": PREFIXES + query}, headers={"Accept": SRJ})
    assert response.status_code == 200, response.text
    return [
        {name: term["value"].removeprefix(BASE) for name, term in row.items()}
        for row in response.json()["results"]["bindings"]
    ]


# what a client asks in ELI-DL and schema.org terms -------------------------------------


def test_the_decisions_are_eli_dl_decisions_with_their_outcomes(client: httpx.Client) -> None:
    assert ask(client, "SELECT (COUNT(*) AS ?n) { ?d a eli-dl:Decision }") == [{"n": "30"}]
    rows = ask(
        client,
        "SELECT ?outcome (COUNT(?d) AS ?n) { ?d a eli-dl:Decision ; "
        "eli-dl:decision_outcome ?outcome } GROUP BY ?outcome ORDER BY ?outcome",
    )
    assert rows == [
        {"outcome": CONCEPT + "outcome/angenommen", "n": "27"},
        {"outcome": CONCEPT + "outcome/zur-kenntnis-genommen", "n": "3"},
    ]


def test_each_decision_executes_its_foreseen_activity(client: httpx.Client) -> None:
    rows = ask(
        client,
        "SELECT ?activity { <id/conference/18/resolution/6.4> eli-dl:executed ?activity . "
        "?activity a eli-dl:ForeseenActivity ; eli-dl:forms_part_of ?group }".replace(
            "<id/", f"<{ID}"
        ),
    )
    assert rows == [{"activity": "id/conference/18/item/6.4"}]


def test_the_requests_are_schema_org_ask_actions_with_recipients(client: httpx.Client) -> None:
    rows = ask(
        client,
        "SELECT ?recipient (COUNT(DISTINCT ?ask) AS ?n) { ?ask a schema:AskAction ; "
        "schema:recipient ?recipient } GROUP BY ?recipient ORDER BY DESC(?n) ?recipient",
    )
    assert [(r["recipient"], r["n"]) for r in rows[:3]] == [
        ("id/organisation/bund", "24"),
        ("id/organisation/bundesregierung", "7"),
        ("id/organisation/laender", "2"),
    ]
    assert ask(client, "SELECT (COUNT(*) AS ?n) { ?a a schema:AskAction }") == [{"n": "37"}]


def test_the_conference_is_a_schema_org_event_organised_by_the_intmk_and_its_chair(
    client: httpx.Client,
) -> None:
    rows = ask(
        client,
        f"SELECT ?organizer {{ <{C18}> a schema:Event , prov:Activity , eli-dl:Activity ; "
        "schema:organizer ?organizer } ORDER BY ?organizer",
    )
    assert rows == [{"organizer": "id/land/DE-HE"}, {"organizer": "id/organisation/intmk"}]


def test_people_and_documents_carry_the_types_of_other_vocabularies(
    client: httpx.Client,
) -> None:
    assert ask(client, "SELECT (COUNT(*) AS ?n) { ?p a schema:Person }") == [{"n": "58"}]
    rows = ask(client, "SELECT ?d { ?d a prov:Entity , schema:CreativeWork }")
    assert rows == [{"d": "id/conference/18/minutes"}]


# ELI-DL mapped right -------------------------------------------------------------------


def test_outcome_and_margin_are_apart(store: pyoxigraph.Store) -> None:
    rows = select(
        store,
        PREFIXES + "SELECT ?margin (COUNT(?r) AS ?n) { ?r a intmk:Resolution ; intmk:outcome ?o "
        "OPTIONAL { ?r intmk:decisionMargin ?margin } } GROUP BY ?margin ORDER BY ?margin",
    )
    assert rows == [
        ("", "3"),
        (CONCEPT + "decision-margin/einstimmig", "16"),
        (CONCEPT + "decision-margin/mehrheitlich", "11"),
    ]
    noted = select(
        store,
        PREFIXES + "SELECT ?r { ?r intmk:decisionMargin ?m ; intmk:outcome "
        f"<{CONCEPT}outcome/zur-kenntnis-genommen> }}",
    )
    assert noted == []


def test_the_old_outcome_concepts_are_deprecated_and_unused(graph: Graph) -> None:
    for key, margin in (("einstimmig", "einstimmig"), ("mehrheitlich", "mehrheitlich")):
        old = URIRef(f"{CONCEPT}outcome/{key}")
        assert (old, OWL.deprecated, Literal(True)) in graph
        assert set(graph.objects(old, URIRef("http://purl.org/dc/terms/isReplacedBy"))) == {
            URIRef(CONCEPT + "outcome/angenommen"),
            URIRef(f"{CONCEPT}decision-margin/{margin}"),
        }
        assert list(graph.subjects(INTMK.outcome, old)) == []


def test_one_agent_in_whose_name_each_participation_takes_part(store: pyoxigraph.Store) -> None:
    """A delegate in the name of the Land (not also of its ministry); a guest in the name
    of the office(s) the list names: one, except the joint delegation of the Integration
    and the Anti-Racism Commissioner (one person holds both offices, lines 171–176)."""
    rows = select(
        store,
        PREFIXES + "SELECT ?p (COUNT(?agent) AS ?n) { ?p a intmk:Participation ; "
        "eli-dl:participation_in_name_of ?agent } GROUP BY ?p",
    )
    assert len(rows) == 58
    several = sorted(p.removeprefix(C18 + "/participation/") for p, n in rows if n != "1")
    assert several == ["sabine-eilert-blanc", "thorsten-quasbarth", "volker-meier"]
    delegates = select(
        store,
        PREFIXES + "SELECT ?p { ?p intmk:delegationOf ?land ; "
        "eli-dl:participation_in_name_of ?agent FILTER(?agent != ?land) }",
    )
    assert delegates == []
    (hessen,) = select(
        store,
        PREFIXES + "SELECT (COUNT(?p) AS ?n) { ?p eli-dl:participation_in_name_of "
        f"<{ID}land/DE-HE> }}",
    )
    assert hessen == ("3",)


def test_participations_have_their_roles(store: pyoxigraph.Store) -> None:
    rows = select(
        store,
        PREFIXES + "SELECT ?role (COUNT(?p) AS ?n) { ?p a eli-dl:Participation ; "
        "intmk:participationRole ?role } GROUP BY ?role ORDER BY ?role",
    )
    assert rows == [
        (CONCEPT + "participation-role/adressat", "38"),
        (CONCEPT + "participation-role/antragsteller", "235"),
        (CONCEPT + "participation-role/teilnahme", "58"),
    ]


def test_every_addressee_is_an_addressee_participation(graph: Graph) -> None:
    request = URIRef(C18 + "/resolution/6.4/request/1")  # "bittet die Bundesregierung"
    participations = set(graph.objects(request, INTMK.hasAddresseeParticipation))
    assert participations == {URIRef(f"{request}/addressee/bundesregierung")}
    (participation,) = participations
    federal_government = URIRef(ID + "organisation/bundesregierung")
    assert (participation, INTMK.addressedOrganisation, federal_government) in graph
    assert (participation, RDF.type, ELI_DL.Participation) in graph
    assert (request, ELI_DL.had_participation, participation) in graph
    for asking, organisation in graph.subject_objects(INTMK.addressee):
        roles = [
            p
            for p in graph.objects(asking, INTMK.hasAddresseeParticipation)
            if (p, INTMK.addressedOrganisation, organisation) in graph
        ]
        assert len(roles) == 1, (asking, organisation)


def test_the_intmk_is_a_body_with_its_conferences(graph: Graph) -> None:
    intmk = URIRef(ID + "organisation/intmk")
    assert (intmk, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")) in graph
    assert (intmk, RDFS.label, Literal("Integrationsministerkonferenz", lang="de")) in graph
    conferences = sorted(str(c).removeprefix(ID) for c in graph.subjects(INTMK.conferenceOf, intmk))
    assert conferences == [f"conference/{n}" for n in (16, 17, 18, 20)]
    office = URIRef(ID + "organisation/intmk-geschaeftsstelle")
    assert (office, URIRef("http://www.w3.org/ns/org#subOrganizationOf"), intmk) in graph


def test_vote_counts_are_eli_dl_numbers_of_votes(tmp_path: Path) -> None:
    """The written procedure of 2022 says "mit 14 Ja-Stimmen, 1 Nein-Stimme, 1 Enthaltung"
    for TOP 2 and "12:2:2" for TOP 3."""
    sources = tmp_path / "sources"
    sources.mkdir()
    source = LAYOUTS / "ergebnisprotokoll_umlauf_2022.txt"
    shutil.copy(source, sources / source.name)
    build(sources, tmp_path / "graph", report=lambda message: None)
    store = pyoxigraph.Store()
    store.bulk_load(path=str(tmp_path / "graph" / "intmk.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    rows = select(
        store,
        PREFIXES + "SELECT ?d ?favor ?against ?abstention { ?d a eli-dl:Decision ; "
        "eli-dl:number_of_votes_favor ?favor ; eli-dl:number_of_votes_against ?against ; "
        "eli-dl:number_of_votes_abstention ?abstention } ORDER BY ?d",
    )
    resolution = ID + "conference/17/resolution/"
    assert rows == [(resolution + "2", "14", "1", "1"), (resolution + "3", "12", "2", "2")]


# the entailed graph --------------------------------------------------------------------


def test_the_closure_is_transitive_and_excludes_the_term_itself() -> None:
    ontology = Graph()
    a, b, c = (URIRef(f"urn:x:{n}") for n in "abc")
    ontology.add((a, RDFS.subClassOf, b))
    ontology.add((b, RDFS.subClassOf, c))
    ontology.add((c, RDFS.subClassOf, a))  # a cycle ends the walk
    assert ancestors(ontology, RDFS.subClassOf) == {
        a: frozenset({b, c}),
        b: frozenset({a, c}),
        c: frozenset({a, b}),
    }


def test_entailment_adds_types_and_super_properties_once() -> None:
    ontology, data = Graph(), Graph()
    cls, upper, prop, super_prop = (URIRef(f"urn:x:{n}") for n in ("C", "D", "p", "q"))
    thing, other = URIRef("urn:x:thing"), URIRef("urn:x:other")
    ontology.add((cls, RDFS.subClassOf, upper))
    ontology.add((prop, RDFS.subPropertyOf, super_prop))
    data.add((thing, RDF.type, cls))
    data.add((thing, prop, other))
    data.add((other, RDF.type, cls))
    data.add((other, RDF.type, upper))  # asserted already: not repeated
    entailed = entailed_graph([data], ontology, Graph())
    assert set(entailed) == {(thing, RDF.type, upper), (thing, super_prop, other)}


def test_the_published_entailments_are_exactly_what_rdfs7_and_rdfs9_give(
    built: Path,
) -> None:
    dataset = Dataset()
    dataset.parse(built / "intmk.nq", format="nquads")
    stated = asserted(dataset)
    published = set(dataset.graph(ENTAILED))
    expected = set(entailed_graph([stated], ontology_graph(Uris(BASE)), Graph()))
    assert published == expected
    # issue 15: six outcomes, meetings; the organisations of the registry (their
    # schema.org and ORG types), the Forderung of TOP 7.1 as a schema:AskAction
    # addressees (session 11): the 16 Länder, now intmk:Organisation, as schema:Organization
    assert len(published) == 2138
    assert not published & set(stated)


def test_documents_say_what_the_minutes_say_not_what_is_entailed(
    client: httpx.Client,
) -> None:
    response = client.get(
        "/doc/conference/18/resolution/6.4", headers={"Accept": "application/n-triples"}
    )
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="nt")
    resolution = URIRef(C18 + "/resolution/6.4")
    assert set(graph.objects(resolution, RDF.type)) == {INTMK.Resolution}
    assert (resolution, INTMK.outcome, URIRef(CONCEPT + "outcome/angenommen")) in graph
    assert (resolution, ELI_DL.decision_outcome, None) not in graph


def test_the_entailed_graph_is_described_and_dereferences(client: httpx.Client) -> None:
    response = client.get("/id/entailed", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith("/doc/entailed")
    page = client.get("/doc/entailed", headers={"Accept": "text/turtle"})
    assert page.status_code == 200
    described = Graph().parse(data=page.text, format="turtle")
    labels = {str(o) for o in described.objects(ENTAILED, RDFS.label)}
    assert labels == {"Gefolgerte Typen und Eigenschaften", "Entailed types and properties"}


@pytest.mark.parametrize("slug", ["13", "14"])
def test_the_example_queries_in_other_vocabularies_use_no_intmk_term(slug: str) -> None:
    path = next((Path(__file__).parent.parent / "server" / "queries").glob(f"{slug}-*.rq"))
    query = path.read_text(encoding="utf-8")
    assert "intmk" not in query.split("\nPREFIX", 1)[1]
