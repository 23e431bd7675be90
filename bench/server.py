"""Our server against the peers a user would pick instead, side by side on the same data.

Servers (all three started at once per data size, loaded one at a time by wrk):
  ours             `intmk serve` (FastAPI/uvicorn, pyoxigraph; /doc/… and /sparql)
  oxigraph         `oxigraph serve-read-only --union-default-graph` (Rust, PyPI `oxigraph`)
  rdflib-endpoint  `rdflib-endpoint serve FILE` (FastAPI + rdflib, union default graph)
Data: the seed build (data/graph) and a synthetic build of the same shape, --factor times
larger (bench/synthetic.py). Workloads (the same query text to every server):
  resource     ours: GET /doc/conference/18/item/4.1 (the document about
               id/conference/18/item/4.1), Accept text/turtle;
               peers: DESCRIBE of that IRI, Accept text/turtle
  aggregation  requests per addressee (COUNT … GROUP BY), Accept sparql-results+json
  text-filter  paragraphs whose text contains "sprach" (CONTAINS(LCASE(…)))
  …-distinct   the same two queries with a LIMIT that differs on every request, so no
               result cache can answer them (informative rows, not targets)
Every server's answer is compared before timing (same rows / isomorphic graphs).

Setup (the only network use): creates bench/.venv-peers with pinned oxigraph,
rdflib-endpoint, uvicorn and py-spy from PyPI, unless already there. Run with the
project's Python (it starts `python -m cli.main serve` with the same interpreter):

    .venv/bin/python bench/server.py [--sizes seed,100x] [--duration 10] [--profile]

Writes bench/results/server.md (the table), server.json, profile-*.txt and server logs.
Needs wrk (Debian package `wrk`). No timing assertion anywhere: it measures and reports.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PEERS_VENV = BENCH / ".venv-peers"
WRK_SCRIPT = BENCH / "wrk" / "request.lua"
SEED_BUILD = ROOT / "data" / "graph"
BASE = "http://localhost:8000/"
PEER_PACKAGES = (
    "oxigraph==0.5.13",
    "rdflib-endpoint==0.6.3",
    "uvicorn==0.54.0",
    "py-spy==0.4.3",
)
SERVERS = ("ours", "oxigraph", "rdflib-endpoint")

RESOURCE = BASE + "id/conference/18/item/4.1"
PREFIX = "PREFIX intmk: <https://w3id.org/intmk/ontology#>\n"
AGGREGATION = PREFIX + (
    "SELECT ?addressee (COUNT(?request) AS ?requests)\n"
    "WHERE { ?request a intmk:Request ; intmk:addressee ?addressee }\n"
    "GROUP BY ?addressee\n"
    "ORDER BY DESC(?requests) ?addressee"
)
TEXT_FILTER = PREFIX + (
    "SELECT ?resolution ?paragraph\n"
    "WHERE {\n"
    "  ?resolution intmk:hasParagraph ?paragraph .\n"
    "  ?paragraph intmk:text ?text .\n"
    '  FILTER(CONTAINS(LCASE(?text), "sprach"))\n'
    "}\n"
    "ORDER BY ?paragraph"
)
DISTINCT_LIMIT = "\nLIMIT 1__N__"
"""Appended to a query: wrk's script puts a number unique per request in place of __N__."""
TURTLE = "text/turtle"
SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Workload:
    key: str
    title: str
    kind: str
    """"graph" (a Turtle answer) or "select" (SPARQL JSON results)."""
    query: str
    accept: str
    target: float | None
    """Least ratio of our requests/s to oxigraph's; None: informative row only."""

    def path(self, server: Server, number: str = "__N__") -> str:
        if server.name == "ours" and self.key == "resource":
            return "/doc/" + RESOURCE.removeprefix(BASE + "id/")
        text = self.query.replace("__N__", number)
        return server.sparql_path + "?query=" + urllib.parse.quote(text, safe="_")


WORKLOADS = (
    Workload("resource", "resource page", "graph", f"DESCRIBE <{RESOURCE}>", TURTLE, 1.5),
    Workload("aggregation", "aggregation", "select", AGGREGATION, SPARQL_JSON, 2.0),
    Workload("text-filter", "text filter", "select", TEXT_FILTER, SPARQL_JSON, 2.0),
    Workload(
        "aggregation-distinct",
        "aggregation, distinct texts",
        "select",
        AGGREGATION + DISTINCT_LIMIT,
        SPARQL_JSON,
        None,
    ),
    Workload(
        "text-filter-distinct",
        "text filter, distinct texts",
        "select",
        TEXT_FILTER + DISTINCT_LIMIT,
        SPARQL_JSON,
        None,
    ),
)
RDFLIB_FACTOR = 10.0
P99_FACTOR = 2.0


@dataclass
class Server:
    name: str
    command: list[str]
    port: int
    sparql_path: str
    log: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Measurement:
    requests_per_second: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    requests: int = 0
    errors: int = 0
    """Non-2xx answers plus socket errors (they are not counted as served requests)."""
    method: str = "wrk"
    """"wrk", or "sequential" when wrk finished too few requests to be meaningful."""
    note: str = ""


@dataclass
class Row:
    workload: str
    size: str
    agree: str = "—"
    same: bool = True
    results: dict[str, Measurement] = field(default_factory=dict)
    verdict: str = ""


# --------------------------------------------------------------------------- setup


def run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, check=True, text=True, **options)


def peer_bin(name: str) -> Path:
    return PEERS_VENV / "bin" / name


def ensure_peers(packages: tuple[str, ...]) -> None:
    """Create bench/.venv-peers with the pinned peer packages (skipped when up to date)."""
    marker = PEERS_VENV / "bench-packages.txt"
    wanted = "\n".join(packages) + "\n"
    if marker.is_file() and marker.read_text() == wanted:
        return
    if not (PEERS_VENV / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", str(PEERS_VENV)])
    run([str(peer_bin("python")), "-m", "pip", "install", "--quiet", *packages])
    marker.write_text(wanted)


def ensure_seed() -> Path:
    if not (SEED_BUILD / "intmk.nq").is_file():
        run([sys.executable, "-m", "cli.main", "build"], cwd=ROOT)
    return SEED_BUILD.resolve()


def ensure_synthetic(seed: Path, factor: int) -> Path:
    """bench/results/synthetic-{factor}x, rewritten when the seed build changed."""
    sys.path.insert(0, str(BENCH))
    from synthetic import make_synthetic

    output = RESULTS / f"synthetic-{factor}x"
    stamp = output / "seed.txt"
    seed_id = f"{seed} {(seed / 'intmk.nq').stat().st_mtime_ns}"
    if not (stamp.is_file() and stamp.read_text() == seed_id):
        print(f"writing {output} ({factor}× the conference graph)", flush=True)
        counts = make_synthetic(seed, output, factor)
        print(f"  {counts}", flush=True)
        stamp.write_text(seed_id)
    return output


def oxigraph_location(build: Path, name: str) -> Path:
    """An on-disk oxigraph store with the build's N-Quads (loaded and optimised once)."""
    location = RESULTS / f"oxigraph-{name}"
    nquads = build / "intmk.nq"
    stamp = RESULTS / f"oxigraph-{name}.loaded"
    seed_id = f"{nquads.resolve()} {nquads.stat().st_mtime_ns} {nquads.stat().st_size}"
    if stamp.is_file() and stamp.read_text() == seed_id and location.is_dir():
        return location
    shutil.rmtree(location, ignore_errors=True)
    oxigraph = str(peer_bin("oxigraph"))
    run([oxigraph, "load", "--location", str(location), "--file", str(nquads)])
    run([oxigraph, "optimize", "--location", str(location)])
    stamp.write_text(seed_id)
    return location


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def make_servers(build: Path, size: str, arguments: argparse.Namespace) -> list[Server]:
    location = oxigraph_location(build, size)
    ours, oxigraph, endpoint = free_port(), free_port(), free_port()
    return [
        Server(
            "ours",
            [
                sys.executable,
                "-m",
                "cli.main",
                "serve",
                "--store",
                str(build),
                "--host",
                "127.0.0.1",
                "--port",
                str(ours),
                "--base",
                BASE,
                "--query-workers",
                str(arguments.query_workers),
                "--query-timeout",
                str(arguments.query_timeout),
                "--result-limit",
                str(arguments.result_limit),
                "--reload-interval",
                "0",
            ],
            ours,
            "/sparql",
            RESULTS / f"log-ours-{size}.txt",
        ),
        Server(
            "oxigraph",
            [
                str(peer_bin("oxigraph")),
                "serve-read-only",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{oxigraph}",
                "--union-default-graph",
                # no --timeout-s: with it, oxigraph 0.5.13 starts a timeout thread per query,
                # and under wrk's load fails with EAGAIN/ENOMEM and then panics
            ],
            oxigraph,
            "/query",
            RESULTS / f"log-oxigraph-{size}.txt",
        ),
        Server(
            "rdflib-endpoint",
            [
                str(peer_bin("rdflib-endpoint")),
                "serve",
                str(build / "intmk.nq"),
                "--host",
                "127.0.0.1",
                "--port",
                str(endpoint),
            ],
            endpoint,
            "/",
            RESULTS / f"log-rdflib-endpoint-{size}.txt",
        ),
    ]


def start(server: Server) -> None:
    log = server.log.open("wb")
    server.process = subprocess.Popen(
        server.command,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_ready(server: Server, timeout: float) -> None:
    """Until the server answers HTTP at all (each listens only once its data is loaded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.process is not None
        if server.process.poll() is not None:
            tail = server.log.read_text(errors="replace")[-2000:]
            raise SystemExit(f"{server.name} exited ({server.process.returncode}):\n{tail}")
        try:
            with urllib.request.urlopen(server.url + "/", timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit(f"{server.name} not ready after {timeout:.0f} s (log: {server.log})")


def stop(server: Server) -> None:
    """Stop the server's process group (its worker processes with it)."""
    process = server.process
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def running(servers: list[Server], timeout: float) -> Iterator[list[Server]]:
    try:
        for server in servers:
            start(server)
        for server in servers:
            started = time.monotonic()
            wait_ready(server, timeout)
            print(f"  {server.name} ready in {time.monotonic() - started:.1f} s", flush=True)
        yield servers
    finally:
        for server in servers:
            stop(server)


# --------------------------------------------------------------------------- answers


def fetch(url: str, accept: str, timeout: float = 600.0) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def graph_of(content_type: str, body: bytes) -> Any:
    from rdflib import Graph

    text = body.lstrip()
    if text.startswith(b"<?xml") or b"<rdf:RDF" in text[:500]:
        syntax = "xml"
    elif "n-triples" in content_type:
        syntax = "nt"
    elif "ld+json" in content_type:
        syntax = "json-ld"
    else:
        syntax = "turtle"
    return Graph().parse(data=body, format=syntax), syntax


def rows_of(body: bytes) -> list[tuple[tuple[str, ...], ...]]:
    bindings = json.loads(body)["results"]["bindings"]
    rows = []
    for binding in bindings:
        cells = []
        for name, term in sorted(binding.items()):
            kind = "literal" if term["type"] == "typed-literal" else term["type"]
            cells.append(
                (name, kind, term["value"], term.get("datatype", ""), term.get("xml:lang", ""))
            )
        rows.append(tuple(cells))
    return rows


@dataclass
class Answer:
    status: int
    summary: str
    value: Any = None
    note: str = ""
    seconds: float = 0.0


def answer_of(server: Server, workload: Workload) -> Answer:
    started = time.monotonic()
    answer = read_answer(server, workload)
    answer.seconds = time.monotonic() - started
    return answer


def read_answer(server: Server, workload: Workload) -> Answer:
    status, content_type, body = fetch(
        server.url + workload.path(server, "000000000"), workload.accept
    )
    if status != 200:
        detail = body[:300].decode(errors="replace")
        with contextlib.suppress(ValueError, AttributeError):
            detail = json.loads(body).get("detail", detail)
        return Answer(status, f"HTTP {status} ({detail[:100]})")
    if workload.kind == "select":
        rows = rows_of(body)
        return Answer(status, f"{len(rows)} rows", rows)
    graph, syntax = graph_of(content_type, body)
    note = ""
    if syntax != "turtle":
        note = f"asked for {TURTLE}, got {syntax} labelled {content_type or 'nothing'}"
    return Answer(status, f"{len(graph)} triples", graph, note)


def compare(workload: Workload, answers: dict[str, Answer]) -> tuple[bool, str]:
    """(no server's content differs, what was found), oxigraph's answer as the reference.

    Our /doc page is a document, not a DESCRIBE: when it holds every triple of the
    DESCRIBE answer plus more (backlinks, labels of linked things, facts about the
    document), that is reported as a superset and does not count as a mismatch.
    Answers in another syntax than asked for are reported but compared by content.
    """
    from rdflib import URIRef
    from rdflib.compare import to_isomorphic

    reference = answers["oxigraph"]
    same = True
    found = []
    for name, answer in answers.items():
        if answer.note:
            found.append(f"{name}: {answer.note}")
        if name == "oxigraph":
            continue
        if answer.status != 200 or reference.status != 200:
            same = False
            found.append(f"{name}: {answer.summary} vs oxigraph {reference.summary}")
        elif workload.kind == "select":
            if answer.value != reference.value:
                same_set = sorted(answer.value) == sorted(reference.value)
                same = same and same_set
                found.append(
                    f"{name}: {answer.summary} vs {reference.summary}"
                    + (", same rows in another order" if same_set else ", different rows")
                )
        else:
            ours, expected = to_isomorphic(answer.value), to_isomorphic(reference.value)
            if ours == expected:
                continue
            missing = expected - ours
            extra = ours - expected
            if len(missing) or name != "ours":
                same = False
                found.append(
                    f"{name}: {answer.summary} vs {reference.summary}, "
                    f"{len(missing)} of oxigraph's triples missing, {len(extra)} others"
                )
                continue
            resource = URIRef(RESOURCE)
            incoming = sum(1 for t in extra if t[2] == resource)
            document = sum(1 for t in extra if str(t[0]).startswith(BASE + "doc/"))
            found.append(
                f"{name}: superset — all {len(expected)} DESCRIBE triples plus {len(extra)} "
                f"({incoming} backlinks, {document} about the document, "
                f"{len(extra) - incoming - document} labels/types of linked resources)"
            )
    return same, "yes" if not found else "; ".join(found)


# --------------------------------------------------------------------------- load


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def milliseconds(value: str, unit: str) -> float:
    return float(value) * UNITS[unit]


def parse_wrk(output: str) -> Measurement:
    measurement = Measurement()
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if done is None:
        measurement.note = "wrk printed no summary"
        return measurement
    requests = int(done.group(1))
    seconds = milliseconds(done.group(2), done.group(3)) / 1000.0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad = int(non_2xx.group(1)) if non_2xx else 0
    socket_errors = sum(int(n) for n in sockets.groups()) if sockets else 0
    measurement.requests = requests - bad
    measurement.errors = bad + socket_errors
    measurement.requests_per_second = (requests - bad) / seconds if seconds else None
    for percentile, value, unit in re.findall(
        r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M
    ):
        if percentile == "50":
            measurement.p50_ms = milliseconds(value, unit)
        else:
            measurement.p99_ms = milliseconds(value, unit)
    return measurement


def wrk(server: Server, workload: Workload, seconds: float, arguments: argparse.Namespace) -> str:
    environment = os.environ | {
        "BENCH_PATH": workload.path(server),
        "BENCH_ACCEPT": workload.accept,
    }
    command = [
        "wrk",
        f"-t{arguments.threads}",
        f"-c{arguments.connections}",
        f"-d{seconds:g}s",
        f"--timeout={arguments.wrk_timeout:g}s",
        "--latency",
        "-s",
        str(WRK_SCRIPT),
        server.url,
    ]
    completed = subprocess.run(
        command, env=environment, capture_output=True, text=True, check=False
    )
    return completed.stdout + completed.stderr


def sequential(server: Server, workload: Workload, budget: float) -> Measurement:
    """One request at a time for a server too slow for wrk's run to finish enough."""
    latencies: list[float] = []
    errors = 0
    started = time.monotonic()
    number = 0
    while time.monotonic() - started < budget or len(latencies) + errors < 1:
        number += 1
        path = workload.path(server, str(900_000_000 + number))
        sent = time.monotonic()
        status, _, _ = fetch(server.url + path, workload.accept)
        if status == 200:
            latencies.append((time.monotonic() - sent) * 1000.0)
        else:
            errors += 1
    elapsed = time.monotonic() - started
    latencies.sort()
    return Measurement(
        requests_per_second=len(latencies) / elapsed,
        p50_ms=latencies[len(latencies) // 2] if latencies else None,
        p99_ms=latencies[-1] if latencies else None,
        requests=len(latencies),
        errors=errors,
        method="sequential",
        note=f"too slow for wrk's run; {len(latencies)} sequential in {elapsed:.0f} s "
        "(p99 = slowest)",
    )


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds used so far by every process of the process group `pgid`."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) == pgid:
                total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def quiesce(servers: list[Server], limit: float = 180.0) -> float:
    """Wait until no server burns CPU (a slow one may still answer an earlier load's
    requests); returns the seconds waited."""
    started = time.monotonic()
    groups = [s.process.pid for s in servers if s.process is not None]
    while time.monotonic() - started < limit:
        before = sum(group_cpu_seconds(g) for g in groups)
        time.sleep(1.0)
        if sum(group_cpu_seconds(g) for g in groups) - before < 0.05:
            break
    return time.monotonic() - started


def measure(
    server: Server,
    workload: Workload,
    size: str,
    arguments: argparse.Namespace,
    single: float,
) -> Measurement:
    """wrk's numbers; sequential ones for a server whose single answer took so long that
    wrk's run could not finish enough requests (and would leave it busy for minutes)."""
    if single * arguments.connections > arguments.duration:
        return sequential(server, workload, arguments.sequential_budget)
    if arguments.warmup > 0:
        wrk(server, workload, arguments.warmup, arguments)
    output = wrk(server, workload, arguments.duration, arguments)
    (RESULTS / "wrk").mkdir(exist_ok=True)
    (RESULTS / "wrk" / f"{size}-{workload.key}-{server.name}.txt").write_text(output)
    measurement = parse_wrk(output)
    if measurement.requests < arguments.connections:
        quiesce([server])
        return sequential(server, workload, arguments.sequential_budget)
    return measurement


# --------------------------------------------------------------------------- profile


def profile(
    server: Server, workload: Workload, size: str, arguments: argparse.Namespace
) -> Path | None:
    """py-spy record of our server (and its query workers) under the same load."""
    assert server.process is not None
    raw = RESULTS / f"profile-{size}-{workload.key}.txt"
    spy = subprocess.Popen(
        [
            str(peer_bin("py-spy")),
            "record",
            "--pid",
            str(server.process.pid),
            "--subprocesses",
            "--nonblocking",
            "--rate",
            "200",
            "--duration",
            str(int(arguments.duration)),
            "--format",
            "raw",
            "--output",
            str(raw),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    wrk(server, workload, arguments.duration, arguments)
    try:
        spy.wait(timeout=arguments.duration + 30)
    except subprocess.TimeoutExpired:
        spy.kill()
        spy.wait()
    return raw if raw.is_file() else None


def frame_name(frame: str) -> str:
    """'handle (server/sparql.py:131)' → 'server/sparql.py:handle'."""
    match = re.match(r"(.*?) \((.*?)(?::\d+)?\)$", frame.strip())
    if not match:
        return frame.strip()
    function, path = match.groups()
    for marker in ("/site-packages/", "/lib/python3", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{function}"


def summarize_profile(raw: Path, top: int = 12) -> str:
    """Samples per process, and the functions with most own and most total samples."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    processes: Counter[str] = Counter()
    samples = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        samples += count
        frames = stack.split(";")
        process = "main"
        if frames and frames[0].startswith("process "):
            process = "worker" if "query_worker" in frames[0] or "spawn" in frames[0] else "main"
            frames = frames[1:]
        frames = [f for f in frames if not f.startswith("thread ")]
        processes[process] += count
        names = [frame_name(f) for f in frames]
        if names:
            own[names[-1]] += count
        for name in set(names):
            total[name] += count
    if samples == 0:
        return "no samples"
    lines = [
        f"{samples} samples; "
        + ", ".join(f"{name}: {100 * n / samples:.0f} %" for name, n in processes.most_common()),
        "most own time:",
        *(f"  {100 * n / samples:5.1f} %  {name}" for name, n in own.most_common(top)),
        "most total time (server/ and the web stack):",
        *[
            f"  {100 * n / samples:5.1f} %  {name}"
            for name, n in total.most_common()
            if name.startswith(("server/", "starlette/", "fastapi/", "uvicorn/", "pyoxigraph"))
        ][:top],
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


def judge(row: Row, workload: Workload) -> str:
    ours, oxigraph, endpoint = (row.results.get(name) for name in SERVERS)
    if ours is None or ours.requests_per_second is None:
        return "not measured"
    checks = []
    if workload.target is not None and oxigraph and oxigraph.requests_per_second:
        ratio = ours.requests_per_second / oxigraph.requests_per_second
        checks.append((f"≥ {workload.target:g}× oxigraph", ratio >= workload.target))
    if endpoint and endpoint.requests_per_second:
        ratio = ours.requests_per_second / endpoint.requests_per_second
        checks.append((f"≥ {RDFLIB_FACTOR:g}× rdflib-endpoint", ratio >= RDFLIB_FACTOR))
    if oxigraph and oxigraph.p99_ms and ours.p99_ms is not None:
        checks.append(
            (f"p99 ≤ {P99_FACTOR:g}× oxigraph", ours.p99_ms <= P99_FACTOR * oxigraph.p99_ms)
        )
    if not row.same:
        checks.append(("same answer", False))
    if workload.target is None:
        return "(info) " + ", ".join(f"{name}: {'yes' if ok else 'no'}" for name, ok in checks)
    missed = [name for name, ok in checks if not ok]
    return "yes" if not missed else "no: " + ", ".join(missed)


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def latency(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def ratio(a: Measurement | None, b: Measurement | None) -> str:
    if not a or not b or not a.requests_per_second or not b.requests_per_second:
        return "—"
    return f"{a.requests_per_second / b.requests_per_second:.2f}×"


def table(rows: list[Row]) -> str:
    header = (
        "| workload | data | req/s ours | req/s oxigraph | req/s rdflib-endpoint "
        "| ours/oxigraph | ours/rdflib-endpoint | p99 ms ours | p99 ms oxigraph "
        "| p99 ms rdflib-endpoint | same answer | targets met |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    )
    lines = [header]
    titles = {w.key: w.title for w in WORKLOADS}
    for row in rows:
        ours, oxigraph, endpoint = (row.results.get(name) for name in SERVERS)

        def cell(m: Measurement | None) -> str:
            if m is None:
                return "—"
            mark = "†" if m.method == "sequential" else ""
            errors = f" ({m.errors} errors)" if m.errors else ""
            return (
                number(m.requests_per_second, 1 if (m.requests_per_second or 0) < 100 else 0)
                + mark
                + errors
            )

        def p99(m: Measurement | None) -> str:
            return (
                "—" if m is None else latency(m.p99_ms) + ("†" if m.method == "sequential" else "")
            )

        lines.append(
            f"| {titles[row.workload]} | {row.size} | {cell(ours)} | {cell(oxigraph)} "
            f"| {cell(endpoint)} | {ratio(ours, oxigraph)} | {ratio(ours, endpoint)} "
            f"| {p99(ours)} | {p99(oxigraph)} | {p99(endpoint)} | {row.agree} | {row.verdict} |"
        )
    return "\n".join(lines)


def versions() -> dict[str, str]:
    found: dict[str, str] = {"python": platform.python_version(), "machine": platform.machine()}
    found["cores"] = str(os.cpu_count())
    with contextlib.suppress(Exception):
        listing = subprocess.run(
            [str(peer_bin("python")), "-m", "pip", "list", "--format=json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for package in json.loads(listing):
            if package["name"].lower() in ("oxigraph", "rdflib-endpoint", "rdflib", "uvicorn"):
                found["peers: " + package["name"].lower()] = package["version"]
    with contextlib.suppress(Exception):
        import pyoxigraph
        import rdflib

        found["ours: pyoxigraph"] = pyoxigraph.__version__
        found["ours: rdflib"] = rdflib.__version__
    with contextlib.suppress(Exception):
        found["wrk"] = (
            subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
            .stdout.split("[")[0]
            .strip()
        )
    return found


# --------------------------------------------------------------------------- main


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="seed,100x", help="seed and/or NNx (default: %(default)s)"
    )
    parser.add_argument("--workloads", default=",".join(w.key for w in WORKLOADS))
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of wrk before each run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-timeout", type=float, default=30.0)
    parser.add_argument("--sequential-budget", type=float, default=30.0)
    parser.add_argument("--query-workers", type=int, default=2)
    parser.add_argument("--query-timeout", type=float, default=30.0)
    parser.add_argument("--result-limit", type=int, default=10_000)
    parser.add_argument("--ready-timeout", type=float, default=1200.0)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="py-spy record our server under every load whose target was missed",
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "server.md")
    return parser.parse_args()


def builds(sizes: list[str], seed: Path) -> list[tuple[str, Path]]:
    chosen = []
    for size in sizes:
        if size == "seed":
            chosen.append((size, seed))
        elif match := re.fullmatch(r"(\d+)x", size):
            chosen.append((size, ensure_synthetic(seed, int(match.group(1)))))
        else:
            raise SystemExit(f"--sizes: {size!r} is neither 'seed' nor a factor like '100x'")
    return chosen


def main() -> None:
    arguments = parse_arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: apt-get install wrk")
    RESULTS.mkdir(parents=True, exist_ok=True)
    ensure_peers(PEER_PACKAGES)
    seed = ensure_seed()
    workloads = [w for w in WORKLOADS if w.key in arguments.workloads.split(",")]
    names = arguments.servers.split(",")
    rows: list[Row] = []
    profiles: dict[str, str] = {}
    loads: list[float] = []
    for size, build in builds(arguments.sizes.split(","), seed):
        servers = [s for s in make_servers(build, size, arguments) if s.name in names]
        print(f"== {size}: {build}", flush=True)
        with running(servers, arguments.ready_timeout):
            by_name = {s.name: s for s in servers}
            for workload in workloads:
                row = Row(workload.key, size)
                answers = {s.name: answer_of(s, workload) for s in servers}
                if "oxigraph" in answers:
                    row.same, row.agree = compare(workload, answers)
                print(
                    f"  {workload.key}: "
                    + ", ".join(f"{n} {a.summary}" for n, a in answers.items())
                    + f" → same answer: {row.agree}",
                    flush=True,
                )
                for server in servers:
                    if answers[server.name].status != 200:
                        row.results[server.name] = Measurement(
                            note=f"not measured: {answers[server.name].summary}"
                        )
                        continue
                    waited = quiesce(servers)
                    if waited > 5:
                        print(f"    (waited {waited:.0f} s for the servers to go idle)")
                    loads.append(os.getloadavg()[0])
                    result = measure(
                        server, workload, size, arguments, answers[server.name].seconds
                    )
                    row.results[server.name] = result
                    print(
                        f"    {server.name:16} {number(result.requests_per_second, 1):>10} req/s"
                        f"  p50 {latency(result.p50_ms):>7} ms  p99 {latency(result.p99_ms):>7} ms"
                        f"  errors {result.errors}  {result.method}",
                        flush=True,
                    )
                row.verdict = judge(row, workload)
                rows.append(row)
                if (
                    arguments.profile
                    and "ours" in by_name
                    and row.verdict != "yes"
                    and row.results.get("ours", Measurement()).requests_per_second
                ):
                    raw = profile(by_name["ours"], workload, size, arguments)
                    if raw is not None:
                        profiles[f"{workload.key} ({size})"] = summarize_profile(raw)
                        print(profiles[f"{workload.key} ({size})"], flush=True)
    write_report(rows, profiles, arguments, loads)


def write_report(
    rows: list[Row], profiles: dict[str, str], arguments: argparse.Namespace, loads: list[float]
) -> None:
    settings = (
        f"wrk -t{arguments.threads} -c{arguments.connections} -d{arguments.duration:g}s "
        f"--latency --timeout {arguments.wrk_timeout:g}s after a {arguments.warmup:g} s warm-up; "
        f"ours with --query-workers {arguments.query_workers}"
    )
    found = versions()
    notes = sorted(
        {
            f"{w} ({r.size}) {n}: {m.note}"
            for r in rows
            for n, m in r.results.items()
            if m.note
            for w in [r.workload]
        }
    )
    text = "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d %H:%M')}; {settings}.",
            "All three servers up at once; wrk loads one server at a time, sharing the "
            f"{found.get('cores')} cores with it. 1-minute load average before the runs: "
            f"{min(loads, default=0):.2f}–{max(loads, default=0):.2f} (other work on the machine "
            "shows here).",
            "Versions: " + ", ".join(f"{k} {v}" for k, v in found.items()) + ".",
            "",
            table(rows),
            "",
            "† measured one request at a time (wrk finished too few requests); p99 is the slowest.",
            *(f"- {note}" for note in notes),
        ]
    )
    print()
    print(text)
    arguments.output.write_text(text + "\n", encoding="utf-8")
    if profiles:
        profile_text = "\n\n".join(
            f"## {key}\n\n```\n{value}\n```" for key, value in profiles.items()
        )
        (RESULTS / "server-profiles.md").write_text(profile_text + "\n", encoding="utf-8")
    (RESULTS / "server.json").write_text(
        json.dumps(
            {
                "settings": settings,
                "versions": found,
                "rows": [
                    {
                        "workload": row.workload,
                        "size": row.size,
                        "same_answer": row.agree,
                        "targets": row.verdict,
                        "results": {n: asdict(m) for n, m in row.results.items()},
                    }
                    for row in rows
                ],
                "profiles": profiles,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
