"""The diagram of the ontology, generated from it: DOT text laid out by Graphviz as SVG.

Classes of the ontology are boxes (label in one language, datatype properties listed
inside), object properties are labelled arrows from domain to range and subclass
relations are arrows with a hollow head. Every box links to its class's IRI,
https://w3id.org/intmk/ontology#LocalName, which is its section of the ontology page
(server/diagram_svg.py makes the link local). The build writes one SVG per language
into the build folder (`write_diagrams`); the server serves them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from html import escape
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

LANGUAGES = ("de", "en")
DOT_TIMEOUT = 60.0
MISSING_DOT = "the ontology diagram needs Graphviz's dot: apt-get install graphviz"
FONT = "Helvetica,Arial,sans-serif"


class DiagramError(Exception):
    """The diagram could not be drawn: the tool is missing, failed or took too long."""


def svg_name(lang: str) -> str:
    """The diagram's file name in the build folder: ontology-de.svg, ontology-en.svg."""
    return f"ontology-{lang}.svg"


def local_name(iri: str, namespace: str) -> str:
    return iri.removeprefix(namespace)


def label(graph: Graph, term: URIRef, lang: str, namespace: str) -> str:
    """The term's rdfs:label in `lang`, else any label, else its local name."""
    labels = [o for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)]
    for literal in sorted(labels, key=lambda o: (o.language != lang, str(o))):
        return str(literal)
    return local_name(str(term), namespace)


def own(graph: Graph, kind: URIRef, namespace: str) -> list[URIRef]:
    """The ontology's own terms of one rdf:type, by IRI."""
    found = {s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    return sorted(s for s in found if str(s).startswith(namespace))


def single(graph: Graph, term: URIRef, predicate: URIRef, namespace: str) -> URIRef | None:
    """The one value of `predicate` among the ontology's classes, if there is exactly one."""
    values = [o for o in graph.objects(term, predicate) if isinstance(o, URIRef)]
    ours = [o for o in values if str(o).startswith(namespace)]
    return ours[0] if len(values) == 1 and ours else None


def class_node(graph: Graph, cls: URIRef, lang: str, namespace: str) -> str:
    """One class as a box: its label as heading, its datatype properties below."""
    name = local_name(str(cls), namespace)
    title = escape(label(graph, cls, lang, namespace))
    rows = [f'<tr><td bgcolor="#dce8f5"><b>{title}</b></td></tr>']
    for prop in own(graph, OWL.DatatypeProperty, namespace):
        if single(graph, prop, RDFS.domain, namespace) == cls:
            text = escape(label(graph, prop, lang, namespace))
            rows.append(f'<tr><td align="left"><font point-size="10">{text}</font></td></tr>')
    table = '<table border="1" cellborder="0" cellspacing="0" cellpadding="4" color="#5b6470">'
    html_label = table + "".join(rows) + "</table>"
    tooltip = dot_string(label(graph, cls, lang, namespace))
    return (
        f"  {dot_string(name)} [label=<{html_label}>, URL={dot_string(str(cls))}, "
        f'tooltip={tooltip}, target="_top", id={dot_string("class-" + name)}];'
    )


def dot_string(text: str) -> str:
    """A quoted DOT identifier."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def property_edges(graph: Graph, lang: str, namespace: str) -> Iterator[str]:
    """Object properties with one domain and one range among our classes, as arrows."""
    for prop in own(graph, OWL.ObjectProperty, namespace):
        domain = single(graph, prop, RDFS.domain, namespace)
        range_ = single(graph, prop, RDFS.range, namespace)
        if domain is None or range_ is None:
            continue
        ends = f"{dot_string(local_name(domain, namespace))} -> "
        ends += dot_string(local_name(range_, namespace))
        text = dot_string(label(graph, prop, lang, namespace))
        name = dot_string("property-" + local_name(str(prop), namespace))
        yield f"  {ends} [label={text}, id={name}];"


def subclass_edges(graph: Graph, namespace: str) -> Iterator[str]:
    """Subclass relations between our classes: a hollow arrowhead, no label."""
    classes = own(graph, OWL.Class, namespace)
    for cls in classes:
        parents = sorted(str(o) for o in graph.objects(cls, RDFS.subClassOf) if o in classes)
        for parent in parents:
            ends = f"{dot_string(local_name(cls, namespace))} -> "
            ends += dot_string(local_name(parent, namespace))
            yield f'  {ends} [arrowhead=empty, style=bold, color="#0b5394", class="subclass"];'


def diagram_dot(graph: Graph, namespace: str, lang: str) -> str:
    """The ontology as DOT text, in a stable order (the same ontology gives the same text)."""
    lines = [
        "digraph intmk {",
        f'  graph [rankdir=TB, fontname="{FONT}", nodesep=0.3, ranksep=0.6];',
        f'  node [shape=plain, fontname="{FONT}", fontsize=12];',
        f'  edge [fontname="{FONT}", fontsize=9, color="#5b6470", fontcolor="#1b1f24"];',
    ]
    lines += [class_node(graph, c, lang, namespace) for c in own(graph, OWL.Class, namespace)]
    lines += property_edges(graph, lang, namespace)
    lines += subclass_edges(graph, namespace)
    return "\n".join([*lines, "}", ""])


def render_svg(dot: str, timeout: float = DOT_TIMEOUT) -> bytes:
    """Lay out DOT text with Graphviz's `dot` as SVG; DiagramError if it cannot."""
    program = shutil.which("dot")
    if program is None:
        raise DiagramError(MISSING_DOT)
    try:
        done = subprocess.run(
            [program, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise DiagramError(f"Graphviz's dot took longer than {timeout:g} s") from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip()
        raise DiagramError(f"Graphviz's dot failed (exit {done.returncode}): {problem}")
    return done.stdout


def write_diagrams(folder: Path, graph: Graph, namespace: str) -> list[Path]:
    """ontology-de.svg and ontology-en.svg of the ontology `graph` into `folder`."""
    written = []
    for lang in LANGUAGES:
        path = folder / svg_name(lang)
        path.write_bytes(render_svg(diagram_dot(graph, namespace, lang)))
        written.append(path)
    return written
