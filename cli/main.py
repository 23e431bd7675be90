"""`intmk build`, `validate` and `serve`. Bad input ends with a message, never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from rdflib.namespace import SH

from cli.explain import run_explain
from cli.report import counts, display_names, format_results
from cli.validate import UnreadableInput, validate_files
from mapping.build import DEFAULT_OUTPUT, DEFAULT_SOURCES, DocumentSummary, build
from mapping.errors import SourceError
from mapping.ontology_diagram import DiagramError
from mapping.shacl import GraphRefused
from mapping.uris import DEFAULT_BASE, Uris
from server.app import create_app
from server.config import Settings
from server.connections import protocol_class
from server.dataset import DatasetError, inspect_folder

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
EXIT_VIOLATIONS, EXIT_UNREADABLE = 1, 2
SUMMARY_COLUMNS = (
    ("conference", "conf."),
    ("items", "items"),
    ("resolutions", "resolutions"),
    ("requests", "requests"),
    ("requests_to_bund", "to Bund"),
    ("persons", "persons"),
    ("findings", "findings"),
    ("triples", "triples"),
)


SERVE_OPTIONS: tuple[tuple[str, type, str], ...] = (
    ("host", str, "interface to listen on"),
    ("port", int, "TCP port"),
    ("store", Path, "folder of the build to serve"),
    ("query_timeout", float, "seconds a SPARQL query may run before it is stopped"),
    ("result_limit", int, "most rows or triples a query answers with"),
    ("query_workers", int, "worker processes running SPARQL queries"),
    ("query_memory", int, "MiB of memory one query worker may use, the loaded graph included"),
    ("reload_interval", float, "seconds between checks for a new build, 0 = never"),
    ("answer_bytes", int, "most bytes of one query answer (a longer one is cut, marked truncated)"),
    ("client_queries", int, "queries one client address may run at once (more wait in line)"),
    ("body_limit", int, "most bytes of a request body, e.g. a POSTed query (larger: 413)"),
    ("header_timeout", float, "seconds a client may take to send its request headers"),
    ("body_timeout", float, "seconds a client may take to send a body or leave an answer unread"),
    ("connection_limit", int, "most connections and requests at once (more: 503)"),
    ("trusted_proxies", str, "comma-separated proxy addresses whose X-Forwarded-* are trusted"),
    ("cache_memory", int, "MiB all response caches may hold (keys, headers, bodies)"),
    ("cache_entries", int, "most responses the response cache keeps"),
)
"""`intmk serve` options: Settings field, type, help; each also INTMK_{FIELD} in the environment."""


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="intmk", description="IntMK Linked Data: build and serve.")
    commands = main.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser(
        "build",
        help="minutes in data/sources/ → validated graph files in data/graph/",
        description="Parse every minutes file, validate the graph against the SHACL shapes "
        "and write it (Turtle per document, N-Quads with a named graph per document, the "
        "ontology, the validation report). The output is replaced atomically and only when "
        "the whole build succeeds without a violation.",
    )
    build_command.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES,
        help="folder with minutes as .pdf, .txt or .md (default: %(default)s)",
    )
    build_command.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="link to the published build (default: %(default)s)",
    )
    build_command.add_argument(
        "--lenient",
        action="store_true",
        help="publish a document even when single resolution sections cannot be read: each "
        "is left out, reported as a warning and recorded as a data-quality finding",
    )
    add_base(build_command)
    validate_command = commands.add_parser(
        "validate",
        help="validate graph files against the SHACL shapes",
        description="Validate graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) "
        "together with the ontology and the reference data (Länder, organisations). "
        "Exit status: 0 conforms, 1 violations, 2 unreadable input.",
    )
    validate_command.add_argument("files", type=Path, nargs="+", metavar="FILE")
    validate_command.add_argument(
        "--lang",
        choices=("de", "en"),
        default="en",
        help="language of the messages (default: %(default)s)",
    )
    validate_command.add_argument(
        "--violations-only",
        action="store_true",
        help="list only violations, not warnings and notes",
    )
    add_base(validate_command)
    explain_command = commands.add_parser(
        "explain",
        help="print every line of a minutes file and what became of it",
        description="Read one minutes file (.pdf, .txt, .md) and print each line with its "
        "page and what became of it: the fact it is part of, page furniture (which kind), "
        "a footnote, or blank, and the normalisations made to it. Exit status 1 when a "
        "line is not part of any fact, is claimed by two, or the file cannot be read.",
    )
    explain_command.add_argument("file", type=Path, metavar="FILE")
    explain_command.add_argument(
        "--lenient", action="store_true", help="read as `intmk build --lenient` would"
    )
    explain_command.add_argument(
        "--blocks",
        action="store_true",
        help="print the document layer's blocks instead (heading, paragraph, list item, "
        "table row with cells, footnote, furniture; styles and source lines)",
    )
    add_serve(commands)
    return main


def environment(name: str, default: str) -> str:
    return os.environ.get(name, default)


def add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the built graph: SPARQL endpoint and dereferenceable URIs",
        description="Serve the build in --store over HTTP: the SPARQL 1.1 query endpoint at "
        "/sparql and every resource at its URI with content negotiation. A newly published "
        "build is picked up and switched to atomically. Every option can also be set by the "
        "environment variable named in its help.",
    )
    default = Settings()
    for field, kind, text in SERVE_OPTIONS:
        variable = f"INTMK_{field.upper()}"
        serve.add_argument(
            "--" + field.replace("_", "-"),
            type=kind,
            default=os.environ.get(variable, getattr(default, field)),
            help=f"{text}; env {variable} (default: %(default)s)",
        )
    serve.add_argument(
        "--base",
        default=os.environ.get("INTMK_BASE_URI"),
        help="base URI of the resources; must match the build's; env INTMK_BASE_URI "
        "(default: the base the build recorded)",
    )
    serve.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=environment("INTMK_ACCESS_LOG", "") in ("1", "true", "yes"),
        help="log every request; env INTMK_ACCESS_LOG=1 (default: off)",
    )


def add_base(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--base",
        default=os.environ.get("INTMK_BASE_URI", DEFAULT_BASE),
        help="base URI of all resources; env INTMK_BASE_URI (default: %(default)s)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    if arguments.command == "serve":
        return run_serve(arguments)
    if arguments.command == "explain":
        return run_explain(arguments.file, arguments.lenient, arguments.blocks)
    try:
        uris = Uris(arguments.base)
    except ValueError as error:
        print(f"intmk: {error}", file=sys.stderr)
        return EXIT_USAGE
    if arguments.command == "validate":
        return run_validate(arguments.files, uris, arguments.lang, arguments.violations_only)
    return run_build(arguments.sources, arguments.output, uris, arguments.lenient)


def run_serve(arguments: argparse.Namespace) -> int:
    settings = Settings(
        base=arguments.base,
        access_log=arguments.access_log,
        **{field: getattr(arguments, field) for field, _, _ in SERVE_OPTIONS},
    )
    problem = settings_problem(settings)
    if problem:
        print(f"intmk serve: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        inspect_folder(settings.store, settings.base)
    except DatasetError as error:
        print(f"intmk serve: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    uvicorn.run(create_app(settings), **server_options(settings))
    return EXIT_OK


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's settings: forwarded headers only from configured proxies, bounded load,
    and connections closed when a client is too slow (server/connections.py)."""
    proxies = [address.strip() for address in settings.trusted_proxies.split(",")]
    trusted = [address for address in proxies if address]
    return {
        "host": settings.host,
        "port": settings.port,
        "log_level": "info",
        "access_log": settings.access_log,
        # uvicorn trusts X-Forwarded-For/-Proto from 127.0.0.1 unless told otherwise
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or None,
        "limit_concurrency": settings.connection_limit,
        # header_timeout also bounds an idle keep-alive connection (uvicorn's own: 5 s)
        "http": protocol_class(settings),
    }


def settings_problem(settings: Settings) -> str | None:
    """What is wrong with the options, or None."""
    if settings.base is not None:
        try:
            Uris(settings.base)
        except ValueError as error:
            return str(error)
    if not 0 < settings.port < 65536:
        return f"--port {settings.port}: expected a TCP port 1..65535"
    if settings.query_timeout <= 0:
        return f"--query-timeout {settings.query_timeout}: expected seconds > 0"
    if settings.result_limit < 1:
        return f"--result-limit {settings.result_limit}: expected a number ≥ 1"
    if settings.query_memory < 64:
        return f"--query-memory {settings.query_memory}: expected MiB ≥ 64"
    if settings.query_workers < 1:
        return f"--query-workers {settings.query_workers}: expected a number ≥ 1"
    for name in ("answer_bytes", "client_queries", "body_limit", "connection_limit"):
        if getattr(settings, name) < 1:
            return f"--{name.replace('_', '-')} {getattr(settings, name)}: expected a number ≥ 1"
    for name in ("header_timeout", "body_timeout"):
        if getattr(settings, name) <= 0:
            return f"--{name.replace('_', '-')} {getattr(settings, name)}: expected seconds > 0"
    if settings.cache_memory < 1 or settings.cache_entries < 1:
        return "--cache-memory and --cache-entries: expected numbers ≥ 1"
    return None


def run_build(sources: Path, output: Path, uris: Uris, lenient: bool = False) -> int:
    try:
        result = build(sources, output, uris, lenient=lenient)
    except (SourceError, DiagramError) as error:
        print(f"intmk build: error: {error}", file=sys.stderr)
        if isinstance(error, SourceError) and error.hint:
            print(f"intmk build: hint: {error.hint}", file=sys.stderr)
        print("intmk build: nothing was written; the previous build is unchanged.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except GraphRefused as refused:
        violations = format_results(
            refused.validation, display_names(uris), severities=(SH.Violation,)
        )
        print(violations, file=sys.stderr)
        print(
            f"intmk build: error: the graph violates the shapes ({counts(refused.validation)})",
            file=sys.stderr,
        )
        print("intmk build: nothing was written; the previous build is unchanged.", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(summary_table(result.documents))
    print(f"validation: {counts(result.validation)} (report: {output}/validation-report.ttl)")
    print(f"written to {output}")
    return EXIT_OK


def run_validate(files: list[Path], uris: Uris, language: str, violations_only: bool) -> int:
    try:
        validation = validate_files(files, uris)
    except UnreadableInput as error:
        print(f"intmk validate: error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    severities = (SH.Violation,) if violations_only else (SH.Violation, SH.Warning, SH.Info)
    listing = format_results(validation, display_names(uris), language, severities)
    if listing:
        print(listing)
        print()
    verdict = "conforms" if validation.conforms else "does not conform"
    print(f"{verdict}: {counts(validation)}")
    return EXIT_OK if validation.conforms else EXIT_VIOLATIONS


def summary_table(summaries: list[DocumentSummary]) -> str:
    """A table with one row per document and a total row."""
    header = ["document", *(title for _, title in SUMMARY_COLUMNS)]
    rows = [[s.file_name, *(str(getattr(s, key)) for key, _ in SUMMARY_COLUMNS)] for s in summaries]
    if len(summaries) > 1:
        totals = [str(sum(getattr(s, key) for s in summaries)) for key, _ in SUMMARY_COLUMNS[1:]]
        rows.append(["total", "", *totals])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        for row in [header, *rows]
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
