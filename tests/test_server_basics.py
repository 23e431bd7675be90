"""`intmk serve` as an operator meets it: options, startup errors, problem details, OPTIONS."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.server_process import ROOT, free_port

SERVE_OPTIONS = {
    "--host": "INTMK_HOST",
    "--port": "INTMK_PORT",
    "--base": "INTMK_BASE_URI",
    "--store": "INTMK_STORE",
    "--query-timeout": "INTMK_QUERY_TIMEOUT",
    "--result-limit": "INTMK_RESULT_LIMIT",
    "--query-workers": "INTMK_QUERY_WORKERS",
    "--query-memory": "INTMK_QUERY_MEMORY",
    "--reload-interval": "INTMK_RELOAD_INTERVAL",
    "--access-log": "INTMK_ACCESS_LOG",
}


def intmk(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **environment},
    )


def test_serve_help_names_every_option_and_its_environment_variable() -> None:
    result = intmk("serve", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for option, variable in SERVE_OPTIONS.items():
        assert option in text
        assert f"env {variable}" in text


def test_environment_variables_set_the_defaults_and_bad_ones_are_named() -> None:
    shown = intmk("serve", "--help", INTMK_QUERY_TIMEOUT="3.5", INTMK_QUERY_WORKERS="4")
    text = " ".join(shown.stdout.split())
    assert "env INTMK_QUERY_TIMEOUT (default: 3.5)" in text
    assert "env INTMK_QUERY_WORKERS (default: 4)" in text
    wrong = intmk("serve", INTMK_PORT="eighty")
    assert wrong.returncode == 2
    assert "argument --port: invalid int value: 'eighty'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_serve_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    result = intmk("serve", "--store", str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "no intmk.nq there" in result.stderr
    assert "run `intmk build` first" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_a_base_the_graph_was_not_built_for(built: Path) -> None:
    result = intmk("serve", "--store", str(built), "--base", "https://example.org/intmk/")
    assert result.returncode == 1
    assert "built for the base http://localhost:8000/" in result.stderr


def test_serve_refuses_impossible_options(built: Path) -> None:
    result = intmk("serve", "--store", str(built), "--query-timeout", "0")
    assert result.returncode == 2
    assert "--query-timeout 0.0: expected seconds > 0" in result.stderr


def test_unknown_paths_get_problem_details(client: httpx.Client) -> None:
    response = client.get("/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert problem["title"] == "Not Found"
    assert problem["instance"] == "/no/such/thing"
    assert "Traceback" not in response.text


def test_options_lists_the_allowed_methods(client: httpx.Client) -> None:
    response = client.options("/openapi.json")
    assert response.status_code == 204
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


def test_a_build_too_large_for_the_worker_memory_is_refused_clearly(built: Path) -> None:
    port = str(free_port())
    result = intmk("serve", "--store", str(built), "--port", port, "--query-memory", "64")
    assert result.returncode == 1
    assert "a query worker did not start (exit code -6)" in result.stderr
    assert "loading the build needs more than --query-memory 64 MiB" in result.stderr
    assert "Traceback" not in result.stderr
