"""Builds never break what is served (mapping/publish.py, server/dataset.py).

Real `intmk build` and `intmk serve` processes: two builds at the same time publish one
after the other; a build the server refuses does not remove the build it serves; a
build whose files are not what the build recorded is never served; what killed builds
left behind is removed by the next one.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import httpx
import pytest

from mapping.build_layout import NQUADS_NAME, SUMMARY_NAME
from mapping.publish import builds_folder, lock_path, remove_old_builds
from server.dataset import BuildLease, DatasetError, inspect_folder, load_dataset
from tests.conftest import BASE, ROOT, SEED
from tests.server_process import free_port, serve, wait_for
from tests.test_build import run_build

SEVENTEENTH = ROOT / "tests" / "fixtures" / "documents" / "017_intmk_2022.txt"
OTHER_BASE = "http://example.org/other/"
WAITING = "waiting for another build to finish publishing to"
REFUSED = "new build not served, the previous one stays"
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
INTMK = (sys.executable, "-m", "cli.main")
# issue 15: addressees (registry names, terms), people, text structure; addressees
# (session 11): +88 — the 37 addressee participations' intmk:statedAs, the 16 Länder typed
# intmk:Organisation (and entailed schema:Organization), nameOutsidePeriod and the finding
# kind name-outside-period in the vocabulary
SEED_QUADS = 14_886  # + the scheme of offices, each participation's office, statedInCell
"""intmk.nq and dataset.nq of the seed build (the vocabulary included)."""


def relink(link: Path, target: Path) -> None:
    """Switch `link` to `target` atomically, as `intmk build` does."""
    temporary = link.with_name(link.name + ".new")
    temporary.symlink_to(target)
    os.replace(temporary, link)


def lockable(path: Path) -> bool:
    """Whether no one holds a lock on `path`: what `intmk build` asks before removing."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


def logged(log: Path, text: str, times: int) -> bool:
    """Whether `text` is in the server's log `times` times."""
    return log.read_text(encoding="utf-8", errors="replace").count(text) == times


def quad_count(url: str) -> int:
    response = httpx.get(
        url + "sparql",
        params={"query": QUADS},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def builds_in(store: Path) -> list[Path]:
    return sorted(p for p in store.iterdir() if p.name.startswith("build-"))


# two builds at the same time, and what a killed build left


@dataclass(frozen=True)
class Race:
    output: Path
    killed: Path
    """A staging folder as a build killed with kill -9 while publishing leaves it."""
    killed_link: Path
    """The temporary link a build killed while switching the output link leaves."""
    waited: list[bool]
    published_while_locked: bool
    results: list[tuple[int, str]]
    """Exit status and stderr of each build."""


@contextmanager
def build_lock_held(output: Path) -> Iterator[None]:
    """Hold the build lock of `output` as a build that is publishing does."""
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


@pytest.fixture(scope="module")
def race(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Race:
    """Two `intmk build` at once into one output, the seed and the seed with the 17th IntMK,
    over the leftovers of a killed build. While the test holds the build lock (as a third
    build publishing would) both must come to wait for it; then they race for it."""
    work = tmp_path_factory.mktemp("race")
    seed, seed_and_17 = work / "seed", work / "seed-and-17"
    for folder, files in ((seed, [SEED]), (seed_and_17, [SEED, SEVENTEENTH])):
        folder.mkdir()
        for path in files:
            shutil.copy(path, folder / path.name)
    output = work / "graph"
    killed = builds_folder(output) / "staging-k1ll3d"
    killed.mkdir(parents=True)
    data = (built / NQUADS_NAME).read_bytes()
    (killed / NQUADS_NAME).write_bytes(data[: data.index(b"\n", len(data) // 2) + 1])
    an_hour_ago = time.time() - 3600
    os.utime(killed, (an_hour_ago, an_hour_ago))
    killed_link = work / ".graph.new-4242"
    killed_link.symlink_to(".builds/graph/staging-k1ll3d")
    logs = [work / "seed.log", work / "seed-and-17.log"]
    command = [*INTMK, "build", "--output", str(output), "--sources"]
    with build_lock_held(output):
        processes = []
        for sources, log in zip((seed, seed_and_17), logs, strict=True):
            with log.open("wb") as sink:
                processes.append(
                    subprocess.Popen(
                        [*command, str(sources)],
                        cwd=ROOT,
                        stdout=subprocess.DEVNULL,
                        stderr=sink,
                    )
                )

        def settled() -> bool:
            return all(
                WAITING in log.read_text() or process.poll() is not None
                for log, process in zip(logs, processes, strict=True)
            )

        wait_for(settled, seconds=300)
        waited = [WAITING in log.read_text() for log in logs]
        published = output.is_symlink() or bool(builds_in(builds_folder(output)))
    results = [
        (process.wait(timeout=300), log.read_text())
        for process, log in zip(processes, logs, strict=True)
    ]
    return Race(output, killed, killed_link, waited, published, results)


def test_two_builds_at_once_publish_one_after_the_other(race: Race, built: Path) -> None:
    assert race.waited == [True, True], "a build published while another held the lock"
    assert not race.published_while_locked
    for status, stderr in race.results:
        assert status == 0, stderr
        assert "Traceback" not in stderr
    store = builds_folder(race.output)
    target = race.output.resolve()
    assert target.is_dir() and target.parent == store
    inspect_folder(race.output, BASE)  # complete: every file as its build recorded
    builds = builds_in(store)
    assert len(builds) == 2, "the build published first is kept beside the second"
    assert target == max(builds, key=lambda path: path.stat().st_mtime_ns)
    seed_only = [
        b for b in builds if (b / NQUADS_NAME).read_bytes() == (built / NQUADS_NAME).read_bytes()
    ]
    with_17 = [b for b in builds if b"/id/conference/17/minutes>" in (b / NQUADS_NAME).read_bytes()]
    assert len(seed_only) == 1 and len(with_17) == 1 and seed_only != with_17
    assert target in seed_only + with_17
    for build in builds:
        inspect_folder(build, BASE)
    assert [p.name for p in store.iterdir() if p.name.startswith("staging-")] == []


def test_what_a_killed_build_left_is_removed_by_the_next_build(race: Race) -> None:
    assert not race.killed.exists()
    assert not race.killed_link.is_symlink()
    assert [p.name for p in race.output.parent.glob(".graph.new-*")] == []


# a build the server refuses


def query_workers(server_pid: int) -> list[int]:
    """The query worker processes of a server (children started by multiprocessing)."""
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == server_pid and b"spawn_main" in command:
            workers.append(int(entry.name))
    return workers


def test_a_build_the_server_refuses_does_not_remove_the_build_it_serves(
    built: Path, tmp_path: Path
) -> None:
    """The server serves build A and refuses a build for another base. The two builds
    before that one were refused as well (stand-ins, published after A): so A is not one
    of the builds kept as recent, only the server's lock keeps it."""
    work = tmp_path / "work"
    shutil.copytree(built.parent, work, symlinks=True)
    link = work / "graph"
    served = link.resolve()
    store = served.parent
    os.utime(served, (time.time() - 3600, time.time() - 3600))
    for number in (1, 2):
        refused = store / f"build-refused{number}"
        refused.mkdir()
        (refused / SUMMARY_NAME).write_text('{"base": "http://example.org/older/"}\n')
        os.utime(refused, (time.time() - 600 + number, time.time() - 600 + number))
    options = ("--base", BASE, "--reload-interval", "0.2")
    with serve(link, tmp_path / "serve.log", *options) as server:
        url = server.url
        assert quad_count(url) == SEED_QUADS
        result = run_build(work / "sources", link, "--base", OTHER_BASE)
        assert result.returncode == 0, result.stderr
        assert link.resolve() != served
        wait_for(lambda: REFUSED in server.output())
        assert f"built for the base {OTHER_BASE}, not {BASE}" in server.output()
        assert served.is_dir(), "the build the server serves was removed"
        inspect_folder(served, BASE)
        assert {p.name for p in builds_in(store)} == {
            served.name,
            link.resolve().name,
            "build-refused1",
            "build-refused2",
        }

        listing = httpx.get(url + "dumps/", headers={"Accept": "application/json"}, timeout=30)
        assert listing.status_code == 200
        assert sorted(e["file"] for e in listing.json()["dumps"]) == ["intmk.nq.gz", "intmk.ttl"]
        dump = httpx.get(url + "dumps/intmk.nq.gz", headers={"Accept-Encoding": "identity"})
        assert dump.status_code == 200
        assert dump.content == (served / "dumps" / "intmk.nq.gz").read_bytes()
        source = httpx.get(f"{url}dumps/sources/{SEED.name}", timeout=30)
        assert source.status_code == 200 and source.content == SEED.read_bytes()
        diagram = httpx.get(url + "ontology/diagram-de.svg", timeout=30)
        assert diagram.status_code == 200 and b"<svg" in diagram.content
        assert quad_count(url) == SEED_QUADS

        workers = query_workers(server.process.pid)
        assert workers, "no query worker found"
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        answers: list[int] = []

        def answered() -> bool:
            response = httpx.get(
                url + "sparql",
                params={"query": QUADS},
                headers={"Accept": "application/sparql-results+json"},
                timeout=30,
            )
            answers.append(response.status_code)
            return response.status_code == 200

        wait_for(answered)  # workers started again from the N-Quads of the served build
        assert quad_count(url) == SEED_QUADS
        assert server.process.poll() is None


# a build whose files are not what the build recorded


def cut(path: Path, lines: int | None) -> None:
    """Keep the first `lines` lines of `path` (a cut at a line boundary); None empties it."""
    kept = path.read_bytes().splitlines(keepends=True)[:lines] if lines else []
    path.write_bytes(b"".join(kept))


def changed(folder: Path) -> None:
    """The same size, other quads: the 18th conference made the 19th."""
    path = folder / NQUADS_NAME
    path.write_bytes(path.read_bytes().replace(b"/18", b"/19"))


def without_records(folder: Path) -> None:
    """The summary.json of a build from before the records were written."""
    path = folder / SUMMARY_NAME
    summary = json.loads(path.read_text())
    del summary["loaded"]
    path.write_text(json.dumps(summary, indent=2) + "\n")


DAMAGES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "cut": (lambda f: cut(f / NQUADS_NAME, 3861), NQUADS_NAME, "bytes"),
    "emptied": (lambda f: cut(f / NQUADS_NAME, None), NQUADS_NAME, "found 0 bytes"),
    "description cut": (lambda f: cut(f / "dataset.nq", 100), "dataset.nq", "bytes"),
    "changed": (changed, NQUADS_NAME, "found SHA-256"),
    "older build": (without_records, SUMMARY_NAME, "rebuild with `intmk build`"),
}


def damaged(built: Path, folder: Path, damage: str) -> Path:
    shutil.copytree(built.resolve(), folder)
    DAMAGES[damage][0](folder)
    return folder


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_intmk_serve_refuses_a_build_whose_files_are_not_as_recorded(
    built: Path, tmp_path: Path, damage: str
) -> None:
    folder = damaged(built, tmp_path / "build", damage)
    _, named, found = DAMAGES[damage]
    result = subprocess.run(
        [*INTMK, "serve", "--store", str(folder), "--port", str(free_port()), "--base", BASE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith(f"intmk serve: error: {folder / named}: "), message
    assert found in message
    assert "rebuild with `intmk build`" in message
    if damage != "older build":
        recorded = next(
            entry
            for entry in json.loads((folder / SUMMARY_NAME).read_text())["loaded"]
            if entry["file"] == named
        )
        assert f"expected {recorded['bytes']} bytes with SHA-256 {recorded['sha256']}" in message
    else:
        assert "records no SHA-256, size and quad count of intmk.nq and dataset.nq" in message


def test_a_quad_count_that_is_not_the_recorded_one_is_refused(built: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(built.resolve(), tmp_path / "build")
    summary = json.loads((folder / SUMMARY_NAME).read_text())
    recorded = summary["loaded"][0]["quads"]
    summary["loaded"][0]["quads"] += 1
    (folder / SUMMARY_NAME).write_text(json.dumps(summary))
    with pytest.raises(DatasetError) as refused:
        load_dataset(folder, BASE)
    assert str(refused.value).startswith(f"{folder / NQUADS_NAME}: expected ")
    message = str(refused.value)
    assert f"and {recorded + 1} quads" in message and f"found {recorded} quads in it" in message
    assert lockable(folder / NQUADS_NAME), "a build that failed to load is still locked"


def test_a_folder_without_summary_is_served_unchecked(built: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(built.resolve(), tmp_path / "build")
    (folder / SUMMARY_NAME).unlink()
    published = load_dataset(folder, None)
    assert published.quads == SEED_QUADS
    assert not lockable(folder / NQUADS_NAME), "the loaded build is not locked"
    published.lease.release()
    assert lockable(folder / NQUADS_NAME)


def test_a_running_server_does_not_switch_to_a_cut_or_emptied_build(
    built: Path, tmp_path: Path
) -> None:
    good = shutil.copytree(built.resolve(), tmp_path / "builds" / "good")
    bad = [damaged(built, tmp_path / "builds" / name, name) for name in ("cut", "emptied")]
    later = shutil.copytree(built.resolve(), tmp_path / "builds" / "later")
    link = tmp_path / "graph"
    link.symlink_to(good)
    options = ("--reload-interval", "0.2", "--query-timeout", "1")
    with serve(link, tmp_path / "serve.log", *options) as server:
        page = httpx.get(server.url + "doc/conference/18", headers={"Accept": "text/turtle"})
        assert page.status_code == 200
        assert quad_count(server.url) == SEED_QUADS
        for number, folder in enumerate(bad, start=1):
            relink(link, folder)
            wait_for(partial(logged, server.log, REFUSED, number))
            assert f"{folder / NQUADS_NAME}: expected " in server.output()
            again = httpx.get(server.url + "doc/conference/18", headers={"Accept": "text/turtle"})
            assert again.status_code == 200
            assert again.headers["etag"] == page.headers["etag"]
            assert again.content == page.content
            assert quad_count(server.url) == SEED_QUADS
            assert lockable(folder / NQUADS_NAME), "a refused build stays locked"
        assert not lockable(good / NQUADS_NAME), "the served build is not locked"

        relink(link, later)
        wait_for(partial(logged, server.log, "serving build", 2))
        assert not lockable(later / NQUADS_NAME), "the served build is not locked"
        wait_for(lambda: lockable(good / NQUADS_NAME), seconds=30)  # retired after 1 + 1 s
        assert quad_count(server.url) == SEED_QUADS


# which builds are removed


def test_only_builds_neither_recent_nor_in_use_are_removed(tmp_path: Path) -> None:
    store = tmp_path / ".builds" / "graph"
    builds = []
    for number in range(1, 6):
        build = store / f"build-{number}"
        build.mkdir(parents=True)
        (build / NQUADS_NAME).write_bytes(b"")
        os.utime(build, (1_000_000 + number, 1_000_000 + number))
        builds.append(build)
    oldest, second, third, fourth, newest = builds
    lease = BuildLease(oldest / NQUADS_NAME)  # a server serves the oldest
    assert remove_old_builds(store, keep=newest) == [second]
    assert builds_in(store) == [oldest, third, fourth, newest]
    lease.release()
    assert remove_old_builds(store, keep=newest) == [oldest]
    assert builds_in(store) == [third, fourth, newest]
