"""In-memory or on-disk pyoxigraph store for the SPARQL workers: load and query timings.

    .venv/bin/python bench/store_choice.py [data/graph/intmk.nq]

Loads the build's N-Quads (seed, 1×) and a 100× copy (the quads of conference 18 repeated
as conferences 1000…1099) into a `Store()` and a `Store(path)`, and times the bulk load and
two queries the endpoint sees often (an aggregation and a text filter), best of 3 runs.
Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

SEED = Path(__file__).resolve().parent.parent / "data" / "graph" / "intmk.nq"
QUERIES = {
    "aggregation": "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } "
    "GROUP BY ?type ORDER BY DESC(?n)",
    "text filter": "SELECT ?s ?text WHERE { ?s ?p ?text "
    'FILTER(CONTAINS(STR(?text), "Sprachkurs")) }',
}


def replicate(seed: bytes, copies: int) -> bytes:
    """The seed's quads plus `copies` copies with conference 18 renamed to 1000, 1001, …"""
    text = seed.decode("utf-8")
    parts = [text]
    parts += [
        text.replace("/id/conference/18", f"/id/conference/{n}") for n in range(1000, 1000 + copies)
    ]
    return "".join(parts).encode("utf-8")


def best(action: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(data: bytes, store_factory: Callable[[], pyoxigraph.Store]) -> dict[str, float]:
    """Load time (a fresh store each run) and query times on the last loaded store."""
    stores: list[pyoxigraph.Store] = []

    def load() -> None:
        store = store_factory()
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
        stores.append(store)

    results = {"load": best(load)}
    store = stores[-1]
    for name, query in QUERIES.items():
        results[name] = best(lambda q=query: list(store.query(q, use_default_graph_as_union=True)))  # type: ignore[misc,arg-type]
    results["quads"] = len(store)
    return results


def on_disk(folder: Path) -> Callable[[], pyoxigraph.Store]:
    """A factory of fresh on-disk stores, each in its own subfolder of `folder`."""
    counter = iter(range(1_000))
    return lambda: pyoxigraph.Store(str(folder / str(next(counter))))


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    data = seed.read_bytes()
    print("| graph | quads | store | bulk load | aggregation | text filter |")
    print("|---|---:|---|---:|---:|---:|")
    for label, payload in (("seed (1×)", data), ("100×", replicate(data, 100))):
        with tempfile.TemporaryDirectory() as folder:
            kinds = {"in memory": pyoxigraph.Store, "on disk": on_disk(Path(folder))}
            for kind, factory in kinds.items():
                r = measure(payload, factory)
                print(
                    f"| {label} | {int(r['quads']):,} | {kind} | {r['load']:.2f} s | "
                    f"{r['aggregation'] * 1000:.1f} ms | {r['text filter'] * 1000:.1f} ms |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
