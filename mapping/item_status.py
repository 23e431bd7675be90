"""What the agenda says became of an item, as data: postponed ("vertagt") or withdrawn
("zurückgezogen", or "Rücknahme <Land>" naming the Land that withdrew it).

parse_agenda.py reads the remarks of a row; the bare words "vertagt" and "zurückgezogen"
come to it as notes. Here they become the item's status and leave the notes; a withdrawal
without a named Land has a status but no `withdrawn_by`.
"""

from __future__ import annotations

from mapping.model import ItemStatus

STATUS_WORDS = {"vertagt": ItemStatus.POSTPONED, "zurückgezogen": ItemStatus.WITHDRAWN}


def item_status(
    notes: tuple[str, ...], withdrawn_by: str | None
) -> tuple[ItemStatus | None, tuple[str, ...]]:
    """The status the remarks state (None if none) and the notes that remain. A row that
    says both keeps the withdrawal as its status and "vertagt" as a note."""
    stated = {STATUS_WORDS[note] for note in notes if note in STATUS_WORDS}
    if withdrawn_by is not None:
        stated.add(ItemStatus.WITHDRAWN)
    if not stated:
        return None, notes
    status = ItemStatus.WITHDRAWN if ItemStatus.WITHDRAWN in stated else ItemStatus.POSTPONED
    return status, tuple(note for note in notes if STATUS_WORDS.get(note) is not status)
