"""The endpoint under abuse: memory after a flood of distinct requests, a light client's
latency while others hammer slow queries, and how long a queued query can take.

Each figure is measured for the current tree and, in the same run, for a baseline commit
(default: the last commit before the issue-12 hardening), so the table shows what the
change did on this machine today. Both serve the same build (data/graph) with the same
options; the baseline is checked out into a temporary git worktree and run with this
project's interpreter. Clients are told apart by address: the light client and each
hammering client connect from their own loopback address (127.0.0.0/8 is all loopback).

    .venv/bin/python bench/abuse.py [--baseline COMMIT] [--requests 10000] [--attack 30]

Writes bench/results/abuse.md and abuse.json. No timing assertion anywhere.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BUILD = ROOT / "data" / "graph"
BASELINE = "9d4d279"
SRJ = "application/sparql-results+json"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} # {tag}"
"""Runs far past any timeout on the seed: each one holds a worker until it is killed."""
MEDIUM = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a a ?c . ?d ?e ?f . FILTER(?f != {tag}) }}"
"""About a second or two on the seed."""


@dataclass
class Figures:
    tree: str
    rss_idle_mib: float = 0.0
    rss_after_flood_mib: float = 0.0
    rss_settled_mib: float = 0.0
    flood_statuses: dict[str, int] = field(default_factory=dict)
    light_idle_p50_ms: float = 0.0
    light_idle_p99_ms: float = 0.0
    light_attack_p50_ms: float = 0.0
    light_attack_p99_ms: float = 0.0
    light_attack_requests: int = 0
    queued_longest_s: float = 0.0
    queued_statuses: dict[str, int] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def serving(tree: Path, store: Path, log: Path, timeout: float) -> Iterator[tuple[str, int]]:
    port = free_port()
    command = [sys.executable, "-m", "cli.main", "serve", "--store", str(store)]
    command += ["--port", str(port), "--query-timeout", str(timeout), "--reload-interval", "0"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=tree, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(url + "openapi.json", timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        time.sleep(3)  # the spare worker loads after the start
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def client(url: str, address: str = "127.0.0.1", timeout: float = 60) -> httpx.Client:
    return httpx.Client(
        base_url=url, transport=httpx.HTTPTransport(local_address=address), timeout=timeout
    )


def flood(url: str, requests: int, figures: Figures) -> None:
    """Distinct padded requests of the kinds that used to stay in memory: redirects of
    /id/ (cached 303s), padded distinct queries (cache keys), a few huge POSTs."""
    statuses: dict[str, int] = {}
    padding = "x" * 2000
    lock = threading.Lock()

    def one(n: int) -> None:
        with client(url) as http:
            try:
                if n % 2:
                    answer = http.get(f"/id/conference/18?n={n}&pad={padding}")
                else:
                    query = f"ASK {{ ?s ?p {n} }} # {padding}"
                    answer = http.get("/sparql", params={"query": query}, headers={"Accept": SRJ})
                status = str(answer.status_code)
            except httpx.HTTPError as error:
                status = type(error).__name__
        with lock:
            statuses[status] = statuses.get(status, 0) + 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(requests)))
    big = b"query=" + b"ASK%7B%7D%23" + b"x" * (30 * 1024 * 1024)
    for _ in range(5):
        with client(url) as http:
            try:
                answer = http.post(
                    "/sparql",
                    content=big,
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                status = f"POST 30 MB: {answer.status_code}"
            except httpx.HTTPError as error:
                status = f"POST 30 MB: {type(error).__name__}"
        statuses[status] = statuses.get(status, 0) + 1
    figures.flood_statuses = statuses


def light_latencies(url: str, seconds: float, tag: str) -> list[float]:
    """A light client asking distinct quick questions one after another (ms each)."""
    latencies: list[float] = []
    end = time.monotonic() + seconds
    n = 0
    with client(url, "127.0.0.100") as http:
        while time.monotonic() < end:
            n += 1
            query = f"ASK {{ ?s ?p {n} }} # {tag}"
            started = time.perf_counter()
            http.get("/sparql", params={"query": query}, headers={"Accept": SRJ})
            latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def attack(url: str, seconds: float, hammers: int, figures: Figures) -> None:
    """`hammers` clients each sending slow and medium queries back to back, two at a time,
    while the light client asks; every hammering request's time is kept."""
    stop = threading.Event()
    times: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()

    def hammer(index: int, lane: int) -> None:
        n = 0
        with client(url, f"127.0.0.{10 + index}", timeout=120) as http:
            while not stop.is_set():
                n += 1
                text = (SLOW if n % 2 else MEDIUM).format(tag=f"{index}{lane}{n}")
                started = time.monotonic()
                try:
                    answer = http.get("/sparql", params={"query": text}, headers={"Accept": SRJ})
                    status = str(answer.status_code)
                except httpx.HTTPError as error:
                    status = type(error).__name__
                with lock:
                    times.append(time.monotonic() - started)
                    statuses[status] = statuses.get(status, 0) + 1

    threads = [
        threading.Thread(target=hammer, args=(index, lane), daemon=True)
        for index in range(hammers)
        for lane in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(2)
    latencies = light_latencies(url, seconds, "attack")
    stop.set()
    for thread in threads:
        thread.join(150)
    figures.light_attack_p50_ms = percentile(latencies, 0.5)
    figures.light_attack_p99_ms = percentile(latencies, 0.99)
    figures.light_attack_requests = len(latencies)
    figures.queued_longest_s = max(times, default=0.0)
    figures.queued_statuses = statuses


def measure(tree: Path, name: str, arguments: argparse.Namespace, work: Path) -> Figures:
    figures = Figures(name)
    log = work / f"serve-{name}.log"
    with serving(tree, BUILD.resolve(), log, arguments.timeout) as (url, pid):
        idle = light_latencies(url, 10, "idle")
        figures.light_idle_p50_ms = percentile(idle, 0.5)
        figures.light_idle_p99_ms = percentile(idle, 0.99)
        figures.rss_idle_mib = rss_mib(pid)
        flood(url, arguments.requests, figures)
        figures.rss_after_flood_mib = rss_mib(pid)
        time.sleep(5)
        figures.rss_settled_mib = rss_mib(pid)
        attack(url, arguments.attack, arguments.hammers, figures)
    return figures


@contextlib.contextmanager
def worktree(commit: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="intmk-baseline-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), commit], cwd=ROOT, check=True
    )
    assets = ROOT / "server" / "assets" / "node_modules"
    if assets.exists():
        (folder / "server" / "assets" / "node_modules").symlink_to(assets)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT)
        shutil.rmtree(folder, ignore_errors=True)


def table(rows: list[Figures], arguments: argparse.Namespace) -> str:
    lines = [
        f"Seed build, --query-timeout {arguments.timeout:g}, defaults otherwise; "
        f"{arguments.requests:,} distinct padded requests + 5 POSTs of 30 MB; "
        f"{arguments.hammers} hammering clients × 2 connections for {arguments.attack:g} s.",
        "",
        "| figure | " + " | ".join(row.tree for row in rows) + " |",
        "|---" * (len(rows) + 1) + "|",
    ]
    figures = [
        ("main process RSS idle (MiB)", "rss_idle_mib", "{:.0f}"),
        ("… after the flood (MiB)", "rss_after_flood_mib", "{:.0f}"),
        ("… 5 s later (MiB)", "rss_settled_mib", "{:.0f}"),
        ("light client p50 idle (ms)", "light_idle_p50_ms", "{:.1f}"),
        ("light client p99 idle (ms)", "light_idle_p99_ms", "{:.1f}"),
        ("light client p50 under attack (ms)", "light_attack_p50_ms", "{:.1f}"),
        ("light client p99 under attack (ms)", "light_attack_p99_ms", "{:.1f}"),
        ("longest answer of a hammering query (s)", "queued_longest_s", "{:.1f}"),
    ]
    for label, key, shape in figures:
        cells = [shape.format(getattr(row, key)) for row in rows]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    ratios = [
        row.light_attack_p99_ms / row.light_idle_p99_ms if row.light_idle_p99_ms else 0.0
        for row in rows
    ]
    lines.append(
        "| p99 under attack / p99 idle | " + " | ".join(f"{r:.1f}×" for r in ratios) + " |"
    )
    lines.append("")
    for row in rows:
        lines.append(f"- {row.tree}: flood {row.flood_statuses}; attack {row.queued_statuses}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help="commit to compare with")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--attack", type=float, default=30.0, help="seconds of attack")
    parser.add_argument("--hammers", type=int, default=2, help="hammering clients")
    parser.add_argument("--timeout", type=float, default=10.0, help="--query-timeout")
    parser.add_argument("--skip-baseline", action="store_true")
    arguments = parser.parse_args()
    if not (BUILD / "intmk.nq").exists():
        subprocess.run([sys.executable, "-m", "cli.main", "build"], cwd=ROOT, check=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = [measure(ROOT, "this tree", arguments, RESULTS)]
    if not arguments.skip_baseline:
        with worktree(arguments.baseline) as tree:
            rows.append(measure(tree, f"baseline {arguments.baseline}", arguments, RESULTS))
    text = table(rows, arguments)
    (RESULTS / "abuse.md").write_text(text)
    (RESULTS / "abuse.json").write_text(json.dumps([asdict(row) for row in rows], indent=2))
    print(text)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
