"""The query page people get at /sparql: an editor, example questions and the answer as a
table with downloads.

The page is a plain GET form (textarea `query`), so it works without JavaScript; with it,
CodeMirror 5 (served by this server, see server/assets.py) replaces the textarea. The
route (server/sparql.py) runs the query like any other client's and hands the answer,
or the problem that stopped it, to `render_page`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from server import assets, jsonld, results
from server.examples import examples
from server.pages import Frame, Language, render
from server.problems import Problem
from server.result_table import PAGE_ROWS, Table

EDITOR_PREFIXES = ("intmk", "rdf", "rdfs", "xsd", "dcterms", "skos", "foaf", "org", "schema")
STARTER = """SELECT ?class (COUNT(?thing) AS ?things)
WHERE {
  ?thing a ?class .
}
GROUP BY ?class
ORDER BY DESC(?things)
"""
DOWNLOADS = {
    "solutions": (("csv", "CSV", results.CSV), ("tsv", "TSV", results.TSV)),
    "boolean": (),
    "graph": (
        ("turtle", "Turtle", "text/turtle"),
        ("ntriples", "N-Triples", "application/n-triples"),
    ),
}
"""Per kind of answer: (format= value, name, media type) of its downloads besides JSON and XML."""
EXTENSIONS = {"csv": "csv", "tsv": "tsv", "json": "json", "xml": "xml", "turtle": "ttl"}
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("SPARQL-Abfrage", "SPARQL query"),
    "intro": (
        "Fragen Sie die Beschlüsse der IntMK mit SPARQL ab. Der Standardgraph ist die "
        "Vereinigung aller Graphen; Programme erreichen denselben Endpunkt unter",
        "Ask the IntMK resolutions with SPARQL. The default graph is the union of all "
        "graphs; programs reach the same endpoint at",
    ),
    "description": (
        "SPARQL-Abfragen über die Beschlüsse der IntMK, mit Beispielfragen und Ergebnissen "
        "als Tabelle, CSV oder JSON.",
        "SPARQL queries over the IntMK resolutions, with example questions and answers as "
        "a table, CSV or JSON.",
    ),
    "query": ("Abfrage", "Query"),
    "run": ("Abfrage ausführen", "Run query"),
    "hint": (
        "Strg+Eingabe führt die Abfrage aus. Höchstens {limit} Zeilen je Antwort.",
        "Ctrl+Enter runs the query. At most {limit} rows per answer.",
    ),
    "examples": ("Beispielabfragen", "Example queries"),
    "show_query": ("Abfrage ansehen", "Show the query"),
    "load": ("In den Editor laden", "Load into the editor"),
    "results": ("Ergebnis", "Result"),
    "rows": ("{count} Zeilen", "{count} rows"),
    "one_row": ("1 Zeile", "1 row"),
    "shown": (
        "Angezeigt werden die Zeilen {first} bis {last}; die Downloads enthalten alle.",
        "Rows {first} to {last} are shown; the downloads hold all of them.",
    ),
    "pages": ("Seiten des Ergebnisses", "Pages of the result"),
    "previous": ("vorige Seite", "previous page"),
    "next": ("nächste Seite", "next page"),
    "page_of": ("Seite {page} von {pages}", "page {page} of {pages}"),
    "truncated": (
        "Die Antwort wurde an der Ergebnisgrenze des Servers abgeschnitten (höchstens "
        "{limit} Zeilen und {size} MiB).",
        "The answer was cut at the server's result limit (at most {limit} rows and {size} MiB).",
    ),
    "download": ("Herunterladen", "Download"),
    "yes": ("Ja – die Abfrage trifft zu.", "Yes – the query matches."),
    "no": ("Nein – die Abfrage trifft nicht zu.", "No – the query does not match."),
    "error": ("Die Abfrage konnte nicht beantwortet werden", "The query could not be answered"),
    "no_editor": (
        "Der Editor ist nicht installiert (make assets); das Textfeld funktioniert trotzdem.",
        "The editor is not installed (make assets); the text field works all the same.",
    ),
}


def say(key: str, lang: Language, **values: object) -> str:
    """A text of this page in its language, with values filled in."""
    return TEXTS[key][0 if lang == "de" else 1].format(**values)


def prefix_lines(base: str) -> str:
    """PREFIX lines of the namespaces people need most, from the JSON-LD context."""
    namespaces = jsonld.prefixes(base)
    return "".join(f"PREFIX {name}: <{namespaces[name]}>\n" for name in EDITOR_PREFIXES)


def starter_query(base: str) -> str:
    return prefix_lines(base) + "\n" + STARTER


def page_link(frame: Frame, query: str, page: int = 1) -> str:
    """The query page running `query`, in the frame's language, showing page `page`."""
    return frame.link("sparql", query=query, **({"page": page} if page > 1 else {}))


def downloads(frame: Frame, query: str, kind: str) -> list[tuple[str, str, str, str]]:
    """(name, media type, href, file name) of the answer in other formats."""
    choices = (
        *DOWNLOADS[kind],
        ("json", "JSON", "application/sparql-results+json"),
        ("xml", "XML", "application/sparql-results+xml"),
    )
    if kind == "graph":
        choices = (*DOWNLOADS[kind], ("jsonld", "JSON-LD", "application/ld+json"))
    return [
        (
            name,
            media_type,
            f"{frame.root}sparql?{urlencode({'query': query, 'format': value})}",
            f"intmk-query.{EXTENSIONS.get(value, value)}",
        )
        for value, name, media_type in choices
    ]


@dataclass(frozen=True)
class Place:
    """Where the page is served and what it may say about the endpoint."""

    base: str
    path: str
    """The page's own path, e.g. '/sparql'."""
    endpoint: str
    """The endpoint's absolute URL, for programs (and the form's action)."""
    lang: Language
    version: str
    result_limit: int
    answer_bytes: int = 32 * 1024 * 1024


def page_frame(place: Place, query: str | None, table: Table | None) -> Frame:
    """The page's frame: the answer's downloads are its data twins; the language switch
    keeps the query."""
    frame = Frame(base=place.base, path=place.path, lang=place.lang)
    twins = downloads(frame, query, table.kind) if table is not None and query else []
    return Frame(
        base=place.base,
        path=place.path,
        lang=place.lang,
        version=place.version,
        variants=[(media_type, href) for _, media_type, href, _ in twins],
        extra={"query": query} if query else {},
    )


def render_page(
    place: Place,
    query: str | None = None,
    table: Table | None = None,
    problem: Problem | None = None,
) -> bytes:
    """The query page: the editor holding `query` (or the starter), the examples, and the
    answer or the problem when a query was run."""
    frame = page_frame(place, query, table)
    lang = frame.lang
    return render(
        "query.html",
        frame,
        title=say("title", lang),
        description=say("description", lang),
        say=lambda key, **values: say(key, lang, **values),
        endpoint=place.endpoint,
        text=query if query is not None else starter_query(frame.base),
        examples=[(e, e.query(frame.base)) for e in examples()],
        run_link=lambda text, page=1: page_link(frame, text, page),
        table=table,
        problem=problem,
        downloads=downloads(frame, query, table.kind) if table is not None and query else [],
        page_rows=PAGE_ROWS,
        result_limit=place.result_limit,
        answer_mib=f"{place.answer_bytes / (1024 * 1024):g}",
        editor=assets.editor_available(),
        vendor=lambda name: assets.url(frame.root, name),
    )
