"""No conversion residue and no broken words in any published literal; serialisations agree."""

from __future__ import annotations

import re

from rdflib import Graph, Literal

RESIDUE = re.compile(
    r"\*\*|</?u>|</?p>|\t|  |\n[^\n-]|Integrationsminister\*?(?:innen)?konferenz \d{4}"
)
BROKEN_WORD = re.compile(r"[a-zäöüß]- (?!und |oder |bzw\. |sowie )[a-zäöüß]")


def literals(graph: Graph) -> list[str]:
    return [str(o) for o in graph.objects() if isinstance(o, Literal)]


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
