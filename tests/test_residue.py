"""No conversion residue and no broken words in any published literal; serialisations agree."""

from __future__ import annotations

import re

from rdflib import Graph, Literal

from tests.conftest import INTMK

RESIDUE = re.compile(
    r"\*\*|</?u>|</?p>|\t|  |\n[^\n-]|Integrationsminister\*?(?:innen)?konferenz \d{4}"
)
BROKEN_WORD = re.compile(r"[a-zäöüß]- (?!und |oder |bzw\. |sowie )[a-zäöüß]")
# the running headers a document taught, published as such on its description
HEADERS = (INTMK.runningHeader, INTMK.runningFooter)


def literals(graph: Graph) -> list[str]:
    return [str(o) for _, p, o in graph if isinstance(o, Literal) and p not in HEADERS]


def test_the_headers_are_published_only_as_headers(graph: Graph) -> None:
    """The two headers this test's pattern knows are among the eight the seed taught; no
    other literal carries them (below)."""
    headers = sorted(str(o) for _, p, o in graph if p in HEADERS)
    assert len(headers) == 8
    assert [text for text in headers if RESIDUE.search(text)] == [
        "18. Integrationsminister*innenkonferenz 2023",
        "18. Integrationsministerkonferenz 2023",
    ]


def test_no_literal_contains_conversion_residue(graph: Graph) -> None:
    offending = [
        text
        for text in literals(graph)
        if RESIDUE.search(text.replace("\n\n", " ").replace("\n- ", " "))
    ]
    assert offending == []


def test_no_word_is_left_hyphenated_across_a_line(graph: Graph) -> None:
    assert [t for t in literals(graph) if BROKEN_WORD.search(t)] == []


def test_hyphenated_lander_are_whole(graph: Graph) -> None:
    texts = "\n".join(literals(graph))
    assert "Branden-burg" not in texts and "Nord-rhein" not in texts and "Saar-land" not in texts
    assert "Mecklenburg-Vorpommern" in texts and "Bund-Länder-Arbeitsgruppe" in texts


def test_turtle_and_json_ld_serialisations_are_isomorphic(graph: Graph) -> None:
    turtle = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    json_ld = Graph().parse(data=graph.serialize(format="json-ld"), format="json-ld")
    assert len(turtle) == len(graph) == len(json_ld)
    assert turtle.isomorphic(json_ld)
