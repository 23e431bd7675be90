"""The lines each fact of the typed model was read from, as claims for the line map."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from mapping.document.line_map import Claim
from mapping.model import LineRange, Minutes

LABEL_FIELDS = ("top", "land", "name", "number", "position", "kind")


def minutes_claims(minutes: Minutes) -> list[Claim]:
    """Every fact's lines, and the lines the grammar read for the document's structure."""
    return list(model_claims(minutes))


def model_claims(value: object, path: str = "") -> Iterator[Claim]:
    """Every LineRange in the model, labelled by where it stands ("Resolution top=4.1")."""
    if isinstance(value, tuple):
        for item in value:
            yield from model_claims(item, path)
        return
    if not is_dataclass(value) or isinstance(value, type | LineRange):
        return
    label = describe(value)
    for field in fields(value):
        item = getattr(value, field.name)
        if isinstance(item, LineRange):
            name = label if field.name == "lines" else f"{label} {field.name}"
            yield Claim(f"{path}{name}", item.first, item.last)
        else:
            yield from model_claims(item, f"{path}{label} / " if path or label else "")


def describe(value: object) -> str:
    """A class name with the first field that names the instance."""
    name = type(value).__name__
    for field in LABEL_FIELDS:
        if hasattr(value, field) and getattr(value, field) not in (None, ""):
            return f"{name} {field}={getattr(value, field)}"
    return name
