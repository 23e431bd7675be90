"""The URI and HTTP contract lives in the repository (docs/DESIGN.md), and what cites it
points there: a clone needs nothing outside itself to know what it promises."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

DESIGN = ROOT / "docs" / "DESIGN.md"
CITING = ("README.md", "mapping/uris.py", "docs/VOCABULARY.md", "shapes/intmk-shapes.ttl")


def test_the_contract_names_every_uri_pattern_the_minter_makes() -> None:
    text = DESIGN.read_text(encoding="utf-8")
    for pattern in (
        "id/conference/{n}",
        "id/conference/{n}/item/{top}",
        "id/conference/{n}/resolution/{top}",
        "id/conference/{n}/resolution/{top}/request/{k}",
        "id/land/{ISO 3166-2 code}",
        "`context.jsonld`",
        "`sparql`",
        "`dataset`",
        "`shapes`",
        "303 See Other",
        "406",
    ):
        assert pattern in text, pattern


def test_every_citation_of_the_design_names_the_file_in_the_repository() -> None:
    for name in CITING:
        text = (ROOT / name).read_text(encoding="utf-8")
        cited = re.findall(r"(\S*)DESIGN\.md", text)
        assert cited, f"{name} no longer cites the design"
        for prefix in cited:
            assert prefix.endswith("docs/"), f"{name} cites '{prefix}DESIGN.md'"


def test_nothing_in_the_code_reads_outside_the_repository() -> None:
    for folder in ("mapping", "server", "cli", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == Path(__file__).name:
                continue
            assert "../" + "shared" not in path.read_text(encoding="utf-8"), path
    assert Path(ROOT / "docs" / "DESIGN.md").is_file()
