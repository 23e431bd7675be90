"""The lines each fact of the typed model was read from, as claims for the line map."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from mapping.document.line_map import Claim
from mapping.model import LineRange, Minutes, Resolution, Structure

# the field that names an instance in a label: "Person Ute Leidig", "Resolution 4.1"
LABEL_FIELDS = ("top", "land", "name", "number", "position", "kind")


def minutes_claims(minutes: Minutes) -> list[Claim]:
    """Every fact's lines, and the lines the grammar read for the document's structure."""
    title = minutes.title_lines
    claims = [Claim("title", title.first, title.last)]  # first: it names the title's lines
    for field in fields(minutes):
        if field.name not in ("title_lines", "source", "footnotes"):  # notes: the document layer's
            claims.extend(model_claims(getattr(minutes, field.name), ""))
    return claims


def model_claims(value: object, parent: str) -> Iterator[Claim]:
    """Every LineRange in a part of the model, labelled by what it belongs to."""
    if isinstance(value, tuple):
        for item in value:
            yield from model_claims(item, parent)
        return
    if not is_dataclass(value) or isinstance(value, type | LineRange):
        return
    label = describe(value)
    where = f"{label} ({parent})" if parent else label
    for field in fields(value):
        item = getattr(value, field.name)
        if isinstance(value, Resolution) and field.name == "lines":
            # the section's range holds the other parts' lines: it claims its heading only
            yield Claim(f"{label} heading", item.first, item.first)
        elif isinstance(item, LineRange):
            name = where if field.name == "lines" else f"{label} {field.name} ({parent})"
            yield Claim(name.replace(" ()", ""), item.first, item.last)
        else:
            yield from model_claims(item, label)


def describe(value: object) -> str:
    """What a part of the model is: "structure: agenda heading", "Person Ute Leidig"."""
    if isinstance(value, Structure):
        return f"structure: {value.label}"
    name = type(value).__name__
    for field in LABEL_FIELDS:
        if getattr(value, field, None) not in (None, ""):
            return f"{name} {getattr(value, field)}"
    return name
