"""A build folder of the same shape as the seed build, N times larger.

Every quad of the conference's named graph (`id/conference/18/graph`) is copied once
per further conference number, with the conference IRIs (and so its items, resolutions,
paragraphs, requests, participations and the named graph itself), the person IRIs and
the blank-node labels rewritten, so that the resources multiply. The ontology, the
reference data (Länder, concept schemes), the validation report, the organisations and
the source text links stay shared, once, as in a build of several years' minutes.

The copy keeps conference 18 as it is (so a resource like `id/conference/18/item/4.1`
exists at every size) and adds conferences 1001 … 1000+N-1. Pure text rewriting of the
N-Quads lines: no RDF library needed, about a second for N = 100.

Usage: python bench/synthetic.py SEED_BUILD OUTPUT_FOLDER [--factor 100]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

NQUADS_NAME = "intmk.nq"
SUMMARY_NAME = "summary.json"
SEED_CONFERENCE = 18
FIRST_COPY = 1001


def conference_graph_suffix(number: int) -> str:
    return f"id/conference/{number}/graph> .\n"


LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
BLANK = re.compile(r"(?<![<\"\w])_:([A-Za-z0-9_\-.]+)")


class Rewriter:
    """Rewrites the terms of one N-Quads line for conference `number`; literals untouched."""

    def __init__(self, base: str, number: int) -> None:
        self.conference = re.compile(re.escape(base) + r"id/conference/18(?=[/>#])")
        self.person = re.compile(re.escape(base) + r"id/person/([^>/#]+)>")
        self.conference_iri = f"{base}id/conference/{number}"
        self.person_iri = f"{base}id/person/\\1-{number}>"
        self.blank = f"_:c{number}-\\1"

    def terms(self, text: str) -> str:
        text = self.conference.sub(self.conference_iri, text)
        if "id/person/" in text:
            text = self.person.sub(self.person_iri, text)
        if "_:" in text:
            text = BLANK.sub(self.blank, text)
        return text

    def line(self, line: str) -> str:
        if '"' not in line:
            return self.terms(line)
        pieces: list[str] = []
        start = 0
        for match in LITERAL.finditer(line):
            pieces.append(self.terms(line[start : match.start()]))
            pieces.append(match.group(0))
            start = match.end()
        pieces.append(self.terms(line[start:]))
        return "".join(pieces)


def make_synthetic(seed: Path, output: Path, factor: int) -> dict[str, int]:
    """Write a build folder `factor` times the seed's conference graph; returns counts."""
    seed = seed.resolve()
    summary = json.loads((seed / SUMMARY_NAME).read_text(encoding="utf-8"))
    base: str = summary["base"]
    lines = (seed / NQUADS_NAME).read_text(encoding="utf-8").splitlines(keepends=True)
    graph_suffix = f"<{base}{conference_graph_suffix(SEED_CONFERENCE)}"
    conference_lines = [line for line in lines if line.endswith(graph_suffix)]
    if not conference_lines:
        raise SystemExit(f"{seed}: no quads in the graph {graph_suffix.strip()}")
    if output.exists():
        shutil.rmtree(output)
    output.mkdir(parents=True)
    numbers = [FIRST_COPY + k for k in range(factor - 1)]
    quads = len(lines)
    with (output / NQUADS_NAME).open("w", encoding="utf-8") as nquads:
        nquads.writelines(lines)
        for number in numbers:
            rewriter = Rewriter(base, number)
            copied = [rewriter.line(line) for line in conference_lines]
            nquads.writelines(copied)
            quads += len(copied)
    documents = summary.get("documents", [])
    template = next((d for d in documents if d.get("conference") == SEED_CONFERENCE), None)
    if template is not None:
        documents = [*documents, *({**template, "conference": n} for n in numbers)]
    summary.update(
        {
            "documents": documents,
            "synthetic": {"seed": str(seed), "factor": factor, "copies": numbers},
        }
    )
    (output / SUMMARY_NAME).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    sources = seed / "sources"
    if sources.is_dir():
        shutil.copytree(sources, output / "sources")
    for extra in ("ontology.ttl", "reference-data.ttl"):
        if (seed / extra).is_file():
            shutil.copy2(seed / extra, output / extra)
    return {"quads": quads, "conference_quads": len(conference_lines), "conferences": factor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path, help="folder of a build (e.g. data/graph)")
    parser.add_argument("output", type=Path, help="folder to write (replaced)")
    parser.add_argument("--factor", type=int, default=100)
    arguments = parser.parse_args()
    counts = make_synthetic(arguments.seed, arguments.output, arguments.factor)
    print(f"{arguments.output}: {counts}")


if __name__ == "__main__":
    main()
