"""The ontology diagrams of the build folder: read as files, or made an inline <svg>.

The build draws one SVG per language (mapping/ontology_diagram.py); /ontology/diagram-
{lang}.svg serves the file (server/diagram.py) and the ontology page shows it inline.
"""

from __future__ import annotations

import re

from mapping.ontology_diagram import LANGUAGES, svg_name
from mapping.uris import VOCABULARY
from server.dataset import PublishedDataset

PROLOG = re.compile(rb"^(<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->|\s)+", re.DOTALL)


def read_svg(dataset: PublishedDataset, lang: str) -> bytes | None:
    """The build's diagram in `lang`, None when there is none (unknown language, old build)."""
    if lang not in LANGUAGES:
        return None
    path = dataset.directory / svg_name(lang)
    return path.read_bytes() if path.is_file() else None


def inline_svg(dataset: PublishedDataset, lang: str, caption: str) -> str | None:
    """The diagram as an <svg> element for the ontology page: no XML prolog, named by the
    element with id `caption`, and class links made fragment links to the page's own
    sections (so they keep its ?lang)."""
    svg = read_svg(dataset, lang)
    if svg is None:
        return None
    element = PROLOG.sub(b"", svg).decode("utf-8")
    element = element.replace("<svg ", f'<svg role="group" aria-labelledby="{caption}" ', 1)
    return element.replace(f'xlink:href="{VOCABULARY}ontology#', 'xlink:href="#')
