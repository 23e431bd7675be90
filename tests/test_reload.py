"""A new build is served without a restart, in one switch; a broken one never replaces good data."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.server_process import serve, wait_for

OLD_LABEL = '"18. IntMK 2023"@de'
NEW_LABEL = '"18. IntMK 2023 (Neufassung)"@de'
OLD_ENGLISH = '"18th IntMK 2023"@en'
NEW_ENGLISH = '"18th IntMK 2023 (revised)"@en'
LABELS = """
SELECT ?de ?en WHERE {
  <http://localhost:8000/id/conference/18> <http://www.w3.org/2000/01/rdf-schema#label> ?de, ?en .
  FILTER(LANG(?de) = "de" && LANG(?en) = "en")
}
"""


def publish(link: Path, target: Path) -> None:
    """Switch `link` to `target` atomically, as `intmk build` does."""
    temporary = link.with_name(link.name + ".new")
    temporary.symlink_to(target)
    os.replace(temporary, link)


def variant(built: Path, folder: Path, change: Callable[[str], str]) -> Path:
    """A hand-made variant of the seed build. Its summary.json is left out: the changed
    intmk.nq would not match the records of it, and the server would refuse the folder
    (tests/test_build_safety.py); a folder without summary.json is served unchecked."""
    shutil.copytree(built.resolve(), folder)
    (folder / "summary.json").unlink()
    nquads = folder / "intmk.nq"
    nquads.write_text(change(nquads.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_a_new_build_is_switched_to_and_a_broken_one_is_not(built: Path, tmp_path: Path) -> None:
    first = variant(built, tmp_path / "builds" / "a", lambda text: text)
    second = variant(
        built, tmp_path / "builds" / "b", lambda text: text.replace(OLD_LABEL, NEW_LABEL)
    )
    broken = variant(
        built, tmp_path / "builds" / "c", lambda text: text[: len(text) // 2] + "<broken"
    )
    link = tmp_path / "graph"
    link.symlink_to(first)
    with serve(link, tmp_path / "serve.log", "--reload-interval", "0.2") as server:
        home = server.url
        before = httpx.get(home)
        assert "18. IntMK 2023<" in before.text

        publish(link, second)
        wait_for(lambda: "18. IntMK 2023 (Neufassung)" in httpx.get(home).text)
        switched = httpx.get(home)
        assert switched.headers["etag"] != before.headers["etag"]

        publish(link, broken)
        wait_for(lambda: "new build not served" in server.output())
        assert "not valid N-Quads" in server.output()
        kept = httpx.get(home)
        assert kept.status_code == 200
        assert kept.headers["etag"] == switched.headers["etag"]
        assert "18. IntMK 2023 (Neufassung)" in kept.text


def revised(text: str) -> str:
    return text.replace(OLD_LABEL, NEW_LABEL).replace(OLD_ENGLISH, NEW_ENGLISH)


def labels(url: str) -> tuple[str, str]:
    response = httpx.get(
        url + "sparql",
        params={"query": LABELS},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    row = response.json()["results"]["bindings"][0]
    return row["de"]["value"], row["en"]["value"]


def test_during_a_switch_every_answer_comes_from_one_build(built: Path, tmp_path: Path) -> None:
    first = variant(built, tmp_path / "builds" / "a", lambda text: text)
    second = variant(built, tmp_path / "builds" / "b", revised)
    link = tmp_path / "graph"
    link.symlink_to(first)
    old = ("18. IntMK 2023", "18th IntMK 2023")
    new = ("18. IntMK 2023 (Neufassung)", "18th IntMK 2023 (revised)")
    seen: list[tuple[str, str]] = []
    options = ("--reload-interval", "0.2", "--query-workers", "1")
    with serve(link, tmp_path / "serve.log", *options) as server:
        seen.append(labels(server.url))
        publish(link, second)
        deadline = time.monotonic() + 60
        while seen[-1] != new and time.monotonic() < deadline:
            seen.append(labels(server.url))
    assert seen[0] == old
    assert seen[-1] == new
    assert set(seen) <= {old, new}, "an answer mixed the old build with the new one"
