"""Debian's `rapper` dereferences our URIs with its own Accept header and parses the answer."""

from __future__ import annotations

import re
import shutil
import subprocess

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.server_process import RunningServer

RAPPER = shutil.which("rapper")


def rapper(*arguments: str) -> subprocess.CompletedProcess[str]:
    assert RAPPER is not None, "rapper is missing: `make test` installs Debian's raptor2-utils"
    return subprocess.run(
        [RAPPER, *arguments], capture_output=True, text=True, timeout=60, check=True
    )


def counted(result: subprocess.CompletedProcess[str]) -> int:
    """The triple count rapper reports: 'rapper: Parsing returned 111 triples'."""
    found = re.search(r"Parsing returned (\d+) triples", result.stderr)
    assert found, result.stderr
    return int(found.group(1))


def ours(client: httpx.Client, path: str) -> Graph:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.text, format="turtle")


@pytest.mark.parametrize(
    ("uri", "document"),
    [
        ("id/conference/18/item/4.1", "/doc/conference/18/item/4.1"),
        ("id/land/DE-HE", "/doc/land/DE-HE"),
        ("ontology", "/ontology"),
    ],
)
def test_rapper_follows_the_303_and_counts_our_triples(
    server: RunningServer, client: httpx.Client, uri: str, document: str
) -> None:
    expected = len(ours(client, document))
    assert expected > 0
    assert counted(rapper("-c", "-i", "guess", server.url + uri)) == expected


@pytest.mark.parametrize(
    "uri", ["id/conference/18/item/4.1", "id/conference/18/resolution/6.4", "ontology"]
)
def test_rapper_reads_the_same_triples_as_we_publish(
    server: RunningServer, client: httpx.Client, uri: str
) -> None:
    ntriples = rapper("-q", "-i", "turtle", "-o", "ntriples", server.url + uri).stdout
    theirs = Graph().parse(data=ntriples, format="nt")
    document = "/doc/" + uri.removeprefix("id/") if uri.startswith("id/") else "/" + uri
    published = ours(client, document)
    assert len(theirs) == len(published)
    assert isomorphic(theirs, published), f"rapper read other triples from {uri}"
