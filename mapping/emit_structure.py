"""The structure of a resolution text in its graph: the items of a paragraph's lists with
their printed label, level and the item they stand under (`intmk:BulletPoint`), and the
tables between its paragraphs (CSVW, `csvw:Table`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from mapping.list_items import DASH, parents
from mapping.model import Paragraph
from mapping.vocabulary import de, integer

if TYPE_CHECKING:
    from mapping.emit import MinutesEmitter


def emit_list_items(
    emitter: MinutesEmitter, top: str, paragraph_uri: URIRef, paragraph: Paragraph
) -> None:
    """Every item of the paragraph's lists, in order, with its level and its parent item."""
    i, uris, n = emitter.intmk, emitter.uris, emitter.n
    under = parents([bullet.level for bullet in paragraph.bullets])
    for bullet, parent in zip(paragraph.bullets, under, strict=True):
        b = uris.bullet(n, top, paragraph.position, bullet.position)
        emitter.add(b, RDF.type, i.BulletPoint)
        emitter.add(paragraph_uri, i.hasBullet, b)
        emitter.add(b, i.position, integer(bullet.position))
        emitter.add(b, i.text, de(bullet.text))
        if bullet.label:
            emitter.add(b, i.bulletLabel, Literal(bullet.label))
        emitter.add(b, i.listLevel, integer(bullet.level))
        if parent is not None:
            emitter.add(b, i.underItem, uris.bullet(n, top, paragraph.position, parent))
        where_de, where_en = (
            f"TOP {top}, Absatz {paragraph.position}",
            f"Item {top}, paragraph {paragraph.position}",
        )
        if bullet.kind == DASH:
            emitter.label(
                b,
                f"{where_de}, Spiegelstrich {bullet.position}",
                f"{where_en}, bullet {bullet.position}",
            )
        else:
            emitter.label(
                b,
                f"{where_de}, Listenpunkt {bullet.label}",
                f"{where_en}, list item {bullet.label}",
            )
        emitter.lines(b, bullet.lines)
