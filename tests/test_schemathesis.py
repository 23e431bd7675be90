"""schemathesis against a real `intmk serve`: generated requests for every operation of
/openapi.json, valid and invalid, get no status ≥ 500 and leave no traceback in the log.

The budget is small and the seed fixed, so the run is the same each time and takes well
under two minutes on two cores. For a longer run by hand (the same checks):

    .venv/bin/schemathesis run http://127.0.0.1:8000/openapi.json \\
        --checks not_a_server_error --max-examples 2000 --max-time 600 --workers 2
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.server_process import serve

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
MAX_EXAMPLES = 15
SEED = 12


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is not installed")
def test_generated_requests_get_no_server_error(built: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    har = tmp_path / "requests.har"
    with serve(built, log) as running:
        run = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                running.url + "openapi.json",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--seed",
                str(SEED),
                "--workers",
                "2",
                "--request-timeout",
                "30",
                "--generation-database",
                "none",
                "--no-color",
                "--report",
                "har",
                "--report-har-path",
                str(har),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
    entries = json.loads(har.read_text(encoding="utf-8"))["log"]["entries"]
    statuses = Counter(int(entry["response"]["status"]) for entry in entries)
    errors = {status: n for status, n in statuses.items() if status >= 500}
    assert len(entries) > 500, run.stdout[-3000:]
    assert not errors, run.stdout[-3000:]
    assert run.returncode == 0, run.stdout[-3000:]
    output = running.output()
    assert "Traceback" not in output
    assert "Exception in ASGI application" not in output
