"""The structure of a resolution text in its graph: the items of a paragraph's lists with
their printed label, level and the item they stand under (`intmk:BulletPoint`), and the
tables between its paragraphs (CSVW, `csvw:Table`), and a finding `unread-table` for lines
laid out like a table whose columns could not be told apart (`--lenient`: the lines are
the resolution's text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import CSVW, RDF

from mapping.emit_amounts import emit_amount, emit_unresolved
from mapping.list_items import DASH, parents
from mapping.model import Amount, CellAmount, Paragraph, Table, TableRow, UnreadTable
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


def emit_table(emitter: MinutesEmitter, top: str, resolution: URIRef, table: Table) -> None:
    """A table as CSVW's annotated table: `csvw:Table` with its schema of columns (titled by
    the header row), `csvw:row` each `csvw:Row` with `csvw:rownum`, and a `csvw:Cell` per
    cell that is not empty, with its column and its text (`rdf:value`)."""
    i, uris, n, k = emitter.intmk, emitter.uris, emitter.n, table.position
    uri = uris.table(n, top, k)
    emitter.add(uri, RDF.type, CSVW.Table)
    emitter.add(resolution, i.hasTable, uri)
    emitter.add(uri, i.position, integer(k))
    if table.after_paragraph:
        emitter.add(uri, i.afterParagraph, uris.paragraph(n, top, table.after_paragraph))
    emitter.label(uri, f"TOP {top}, Tabelle {k}", f"Item {top}, table {k}")
    schema = uris.table(n, top, k, "schema")
    emitter.add(uri, CSVW.tableSchema, schema)
    emitter.add(schema, RDF.type, CSVW.Schema)
    emitter.label(
        schema, f"TOP {top}, Spalten der Tabelle {k}", f"Item {top}, columns of table {k}"
    )
    for c in range(1, table.columns + 1):
        column = uris.table(n, top, k, "column", c)
        emitter.add(schema, CSVW.column, column)
        emitter.add(column, RDF.type, CSVW.Column)
        emitter.add(column, i.position, integer(c))
        emitter.add(column, CSVW.name, Literal(f"column-{c}"))
        if table.header and table.header[c - 1]:
            emitter.add(column, CSVW.title, de(table.header[c - 1]))
        emitter.label(
            column, f"TOP {top}, Tabelle {k}, Spalte {c}", f"Item {top}, table {k}, column {c}"
        )
    for row in table.rows:
        emit_row(emitter, top, uri, k, row)
    emitter.lines(uri, table.lines)


def emit_row(emitter: MinutesEmitter, top: str, table: URIRef, k: int, row: TableRow) -> None:
    i, uris, n = emitter.intmk, emitter.uris, emitter.n
    uri = uris.table(n, top, k, "row", row.number)
    emitter.add(table, CSVW.row, uri)
    emitter.add(uri, RDF.type, CSVW.Row)
    emitter.add(uri, CSVW.rownum, integer(row.number))
    emitter.label(
        uri,
        f"TOP {top}, Tabelle {k}, Zeile {row.number}",
        f"Item {top}, table {k}, row {row.number}",
    )
    for c, text in enumerate(row.cells, start=1):
        if not text:
            continue  # an empty cell states nothing
        cell = uris.table(n, top, k, "row", row.number, "cell", c)
        emitter.add(uri, i.hasCell, cell)
        emitter.add(cell, RDF.type, CSVW.Cell)
        emitter.add(cell, i.inColumn, uris.table(n, top, k, "column", c))
        emitter.add(cell, RDF.value, de(text))
        for amount in (a for a in row.amounts if a.column == c):
            emit_cell_amount(emitter, top, (k, row), cell, amount)
    emitter.lines(uri, row.lines)


def emit_cell_amount(
    emitter: MinutesEmitter, top: str, where: tuple[int, TableRow], cell: URIRef, found: CellAmount
) -> None:
    """An amount a cell states, as a paragraph's (mapping/emit_amounts.py), at
    …/cell/{c}/amount/{m}; an unresolved one with its finding naming the row's lines."""
    i, (k, row) = emitter.intmk, where
    a = emitter.uris.table(
        emitter.n, top, k, "row", row.number, "cell", found.column, "amount", found.position
    )
    if isinstance(found.mention, Amount):
        emit_amount(emitter, a, found.mention)
        emitter.add(cell, i.cellMentionsAmount, a)
        emitter.lines(a, row.lines)
        return
    place = f"table-{k}-row-{row.number}-cell-{found.column}-{found.position}"
    emit_unresolved(emitter, top, a, found.mention, place, row.lines)
    emitter.add(cell, i.cellMentionsUnresolvedAmount, a)
    emitter.lines(a, row.lines)


def emit_unread_table(
    emitter: MinutesEmitter, top: str, resolution: URIRef, unread: UnreadTable
) -> None:
    """Lines laid out like a table whose columns cannot be told apart (`--lenient`): their
    text is the resolution's text; a finding on the resolution names the lines and why."""
    uri = emitter.uris.finding(emitter.n, unread.key(top))
    emitter.annotate(uri, "unread-table", resolution)
    span = f"{unread.lines.first}–{unread.lines.last}"
    emitter.message(
        uri,
        f"Die Zeilen {span} zu TOP {top} sind wie eine Tabelle gesetzt, ihre Spalten lassen "
        "sich aber nicht sicher trennen: Sie sind als Text des Beschlusses veröffentlicht, "
        "ohne Tabelle.",
        f"Lines {span} of item {top} are laid out like a table whose columns cannot be told "
        f"apart; they are published as text of the resolution, without a table: line "
        f"{unread.line}: {unread.problem} (expected {unread.expected}).",
    )
    emitter.label(
        uri,
        f"TOP {top}: Tabelle in Zeilen {span} nicht gelesen",
        f"Item {top}: table in lines {span} not read",
    )
    emitter.lines(uri, unread.lines)
