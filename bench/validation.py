"""Validation time of the seed graph and of graphs 10× and 100× its size.

Baseline: pyshacl (the validator `intmk build` uses) on the seed graph, measured in the
same run. Each size is also validated with pyshacl-turbo (a Rust engine with a
pySHACL-compatible API, `pip install pyshacl-turbo`), and the two reports are compared
result by result: (constraint that fired, focus node, severity).

Usage: python bench/validation.py [--sizes 1,10,100] [--budget SECONDS]
Each measurement runs in its own process and is stopped after the budget, so a
validator that cannot finish is reported as such instead of hanging the run.
Writes bench/results/validation.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import re
import sys
import time
from pathlib import Path
from queue import Empty
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Dataset, Graph, URIRef  # noqa: E402
from rdflib.namespace import RDF, SH  # noqa: E402

from mapping.build import build  # noqa: E402
from mapping.shacl import VALIDATOR_OPTIONS, load_shapes  # noqa: E402
from mapping.uris import Uris  # noqa: E402

BASE = "http://localhost:8000/"
SEED_SOURCES = ROOT / "data" / "sources"
RESULTS = ROOT / "bench" / "results"


def seed_graph(work: Path) -> tuple[Graph, Graph]:
    """(data of the seed document, ontology + reference data) from a fresh build."""
    output = work / "graph"
    build(SEED_SOURCES, output, Uris(BASE), report=lambda message: None)
    dataset = Dataset()
    dataset.parse(output / "intmk.nq", format="nquads")
    document, context = Graph(), Graph()
    for s, p, o, g in dataset.quads():
        if str(g).endswith("/graph"):  # the graph of a minutes document
            document.add((s, p, o))
        elif not str(g).endswith(("validation-report", "/entailed")):
            context.add((s, p, o))
    return document, context


def scaled(document: Graph, context: Graph, factor: int) -> Graph:
    """The context plus `factor` copies of the document, copy k as conference 1000+k."""
    graph = Graph()
    for triple in context:
        graph.add(triple)
    pattern = re.compile(r"id/conference/18(?=/|$)")
    for k in range(factor):
        number = 18 if k == 0 else 1000 + k
        for triple in document:
            graph.add(tuple(rename(term, pattern, number) for term in triple))  # type: ignore[arg-type]
    return graph


def rename(term: Any, pattern: re.Pattern[str], number: int) -> Any:
    if isinstance(term, URIRef) and "id/conference/18" in term:
        return URIRef(pattern.sub(f"id/conference/{number}", str(term)))
    return term


def run_validator(engine: str, data_path: str, queue: Any) -> None:
    """Child process: load, validate, send back seconds and the result keys."""
    data = Graph().parse(data_path, format="nt")
    shapes = load_shapes(Uris(BASE))
    if engine == "pyshacl":
        from pyshacl import validate
    else:
        from pyshacl_turbo import validate  # type: ignore[no-redef]
    started = time.perf_counter()
    _, report, _ = validate(data, shacl_graph=shapes, **VALIDATOR_OPTIONS)
    seconds = time.perf_counter() - started
    if not isinstance(report, Graph):
        report = Graph().parse(data=report, format="turtle")
    keys = sorted(result_keys(report))
    queue.put({"seconds": seconds, "results": len(keys), "keys": keys})


def result_keys(report: Graph) -> set[tuple[str, str, str]]:
    keys = set()
    for node in report.subjects(RDF.type, SH.ValidationResult):
        constraint = report.value(node, SH.sourceConstraint) or report.value(node, SH.sourceShape)
        keys.add(
            (
                str(constraint),
                str(report.value(node, SH.focusNode)),
                str(report.value(node, SH.resultSeverity)),
            )
        )
    return keys


def measure(engine: str, data_path: Path, budget: float) -> dict[str, Any]:
    queue: Any = multiprocessing.Queue()
    process = multiprocessing.Process(target=run_validator, args=(engine, str(data_path), queue))
    process.start()
    try:
        outcome: dict[str, Any] = queue.get(timeout=budget)
    except Empty:
        outcome = {"seconds": None, "note": f"did not finish within {budget:.0f} s"}
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
    if (
        "seconds" in outcome
        and outcome.get("seconds") is None
        and process.exitcode not in (None, 0, -9)
    ):
        outcome["note"] = f"failed (exit {process.exitcode})"
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--budget", type=float, default=1800.0, help="seconds per measurement")
    parser.add_argument("--engines", default="pyshacl,pyshacl-turbo")
    arguments = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = RESULTS / "work"
    work.mkdir(exist_ok=True)
    document, context = seed_graph(work)
    rows = []
    baseline = None
    for factor in (int(size) for size in arguments.sizes.split(",")):
        graph = scaled(document, context, factor)
        path = work / f"graph-{factor}x.nt"
        graph.serialize(path, format="nt")
        row: dict[str, Any] = {"factor": factor, "triples": len(graph)}
        for engine in arguments.engines.split(","):
            outcome = measure(engine, path, arguments.budget)
            row[engine] = {k: v for k, v in outcome.items() if k != "keys"}
            row[engine + "_keys"] = outcome.get("keys")
            if engine == "pyshacl" and factor == 1:
                baseline = outcome.get("seconds")
        engines = arguments.engines.split(",")
        if len(engines) == 2 and row[engines[0] + "_keys"] and row[engines[1] + "_keys"]:
            row["reports_agree"] = row[engines[0] + "_keys"] == row[engines[1] + "_keys"]
        for engine in engines:
            row.pop(engine + "_keys", None)
        rows.append(row)
        print(json.dumps(row), flush=True)
    summary = {
        "machine": f"{platform.machine()}, {multiprocessing.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "baseline": "pyshacl on the seed graph (1×)",
        "baseline_seconds": baseline,
        "rows": rows,
    }
    for row in rows:
        for engine in arguments.engines.split(","):
            seconds = row[engine].get("seconds")
            if seconds and baseline:
                row[engine]["ratio_to_baseline"] = round(seconds / baseline, 2)
    (RESULTS / "validation.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
