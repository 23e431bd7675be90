"""The typed model of one minutes document: what the parser reads, what the emitter writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


@dataclass(frozen=True)
class LineRange:
    """A 1-based inclusive range of lines in the source document."""

    first: int
    last: int


class Outcome(Enum):
    """What the conference decided: the decision's outcome (eli-dl:decision_outcome)."""

    ADOPTED = "angenommen"
    NOTED = "zur-kenntnis-genommen"
    REJECTED = "abgelehnt"  # "Der Beschlussvorschlag fand nicht die erforderliche Mehrheit."
    POSTPONED = "vertagt"
    NO_DECISION = "ohne-beschluss"  # "Eine Beschlussfassung erfolgte nicht."
    WITHDRAWN = "zurueckgezogen"  # withdrawn in the sitting
    SETTLED = "erledigt"  # "hat sich erledigt", "durch TOP 7.2 erledigt"
    UNRESOLVED = "ungeklaert"  # a phrase the grammar does not know (only with --lenient)

    @property
    def is_decision_of_the_conference(self) -> bool:
        """Whether the conference made the text its own (adopted or noted): only then
        does the text carry requests of the conference; otherwise it is a proposal."""
        return self in (Outcome.ADOPTED, Outcome.NOTED)


class VoteChoice(Enum):
    """How one Land voted, where the minutes name it."""

    YES = "ja"
    NO = "nein"
    ABSTAIN = "enthaltung"


class Margin(Enum):
    """How the decision was carried, apart from what was decided: "einstimmig" is a
    margin, not an outcome."""

    UNANIMOUS = "einstimmig"
    MAJORITY = "mehrheitlich"


class RequestKind(Enum):
    PRUEFBITTE = "pruefbitte"
    AUFFORDERUNG = "aufforderung"
    APPELL = "appell"
    BITTE = "bitte"
    ERSUCHEN = "ersuchen"
    # issue 15, point 2: the other request verbs
    FORDERUNG = "forderung"
    EMPFEHLUNG = "empfehlung"
    ANREGUNG = "anregung"
    ERWARTUNG = "erwartung"


class ItemStatus(Enum):
    """What the agenda says became of an item: "vertagt", "zurückgezogen" / "Rücknahme …"."""

    POSTPONED = "postponed"
    WITHDRAWN = "withdrawn"


class ApplicantSource(Enum):
    """Which list of the document named an applicant."""

    AGENDA = "agenda"
    RESOLUTION = "resolution"
    GREEN_LIST = "green-list"


@dataclass(frozen=True)
class SourceInfo:
    file_name: str
    sha256: str
    line_count: int
    reader_text: str | None = None
    """For a PDF: the text the reader made, one line per line of the document, published
    beside the PDF as `{file_name}.txt`; every line number refers to it."""
    running_headers: tuple[str, ...] = ()
    """The distinct texts of the running headers furniture.py learned from this document
    (markup and a page number beside them removed), in the order of first appearance."""
    running_footers: tuple[str, ...] = ()
    printed_title: str = ""
    """The whole title block as printed, with the meetings named after the year (the
    minutes' `title` ends at the year); like the running headers, it tells how the file is
    set, not what the minutes say."""

    @property
    def text_name(self) -> str:
        """The file the line numbers refer to: the text itself, or the text made of a PDF."""
        return f"{self.file_name}.txt" if self.reader_text is not None else self.file_name


@dataclass(frozen=True)
class Meeting:
    kind: str  # key in the meeting-kind scheme, e.g. "hauptkonferenz"
    start: datetime.date | None
    end: datetime.date | None
    place: str | None
    lines: LineRange
    circular_number: str | None = None  # "01/2023" for a circular procedure

    @property
    def key(self) -> str:
        """The meeting's stable local name within its conference."""
        if self.circular_number:
            return "umlauf-" + self.circular_number.replace("/", "-")
        return self.kind


@dataclass(frozen=True)
class UnresolvedMeeting:
    """A meeting phrase of the title the grammar cannot read ("Hauptkonferenz am 21./22.
    Aprill 2022 in …"): published with its wording and a data-quality finding (with
    `--lenient`), never guessed."""

    stated_as: str
    lines: LineRange


@dataclass(frozen=True)
class Person:
    name: str
    form_of_address: str | None  # "Frau", "Herr"
    honorific: str | None  # "Dr.", "Prof. Dr."
    role_title: str | None  # "Staatssekretärin"
    is_chair: bool
    position: int
    lines: LineRange
    remark: str | None = None  # "ab TOP 5", "zeitweise": what the list adds in brackets
    preliminary_chair: bool = False  # "(Vorsitz Vorkonferenz)": chairs the Vorkonferenz
    unread_role: str | None = None  # the wording of a role the grammar cannot read (--lenient)


@dataclass(frozen=True)
class Delegation:
    """The participants of one Land, or one group of federal guests."""

    land: str | None  # ISO code for a Land delegation
    organisations: tuple[str, ...]  # names as printed
    parent_note: str | None  # "(Bundeskanzleramt)"
    persons: tuple[Person, ...]
    extra_organisations: tuple[str, ...]  # "IntMK-Geschäftsstelle" listed with a delegation
    lines: LineRange


@dataclass(frozen=True)
class ApplicantEntry:
    land: str  # ISO 3166-2 code
    coordinating: bool = False
    highlighted: bool = False


@dataclass(frozen=True)
class ApplicantList:
    entries: tuple[ApplicantEntry, ...]
    all_laender: bool
    stated_as: str
    lines: LineRange

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(entry.land for entry in self.entries)


@dataclass(frozen=True)
class AgendaItem:
    top: str
    title: str
    position: int
    group: str | None
    is_group: bool
    green_list: bool
    withdrawn_by: str | None
    merged_into: str | None
    discussion_only: bool
    note: str | None
    applicants: ApplicantList | None
    lines: LineRange
    status: ItemStatus | None = None  # only where the agenda states one


@dataclass(frozen=True)
class Amount:
    """An amount of money: one value, or a range ("10 bis 20 Mio. €": min and max), or a
    bound ("bis zu 5 Mio. €": max only; "mindestens": min only), per period ("P1Y" for
    "jährlich", "P1M" for "monatlich") and for the years it names."""

    value: Decimal | None  # None for a range or a bound
    currency: str
    stated_as: str
    approximate: bool
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    period: str | None = None  # an ISO 8601 duration: "P1Y", "P1M"
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class UnresolvedAmount:
    """An amount phrase whose figure the reader cannot resolve ("mehrere Millionen Euro",
    "einen dreistelligen Millionenbetrag", "mehr als 5 Mio. €"): published with its
    wording and a data-quality finding, never guessed."""

    stated_as: str
    reason: str  # "vague" | "open-bound" | "range" | "year"
    lines: LineRange | None = None  # the lines of the paragraph part that states it


MoneyMention = Amount | UnresolvedAmount


@dataclass(frozen=True)
class LawReference:
    iri: str
    label: str
    stated_as: str


@dataclass(frozen=True)
class ConferenceReference:
    number: int
    year: int | None
    stated_as: str


@dataclass(frozen=True)
class Bullet:
    """An item of a list in a paragraph: a bullet ("-", "–", "•", optionally with "1.") or
    an item of an ordered list ("a)", "aa)", "(1)", "i.", "1." under a lettered item)."""

    position: int  # 1-based, in the order of the text, over all levels
    label: str | None  # the printed label: "1." of "- 1. …", "a)", "(2)"; None for a bullet
    text: str
    lines: LineRange
    level: int = 1  # 1 for the outermost list, 2 for an item under an item, …
    kind: str = "dash"  # mapping/list_items.py KINDS: "dash", "letter", "double-letter", …

    @property
    def printed(self) -> str:
        """The item as the source prints it: "- 1. text", "- text", "a) text"; an item
        under an item indented by two spaces per level."""
        indent = "  " * (self.level - 1)
        if self.kind == "dash":
            return f"{indent}- {self.label + ' ' if self.label else ''}{self.text}"
        return f"{indent}{self.label} {self.text}"


@dataclass(frozen=True)
class Paragraph:
    position: int
    number: int | None
    text: str
    is_heading: bool
    bullets: tuple[Bullet, ...]
    lines: LineRange
    amounts: tuple[MoneyMention, ...] = ()
    laws: tuple[LawReference, ...] = ()
    conferences: tuple[ConferenceReference, ...] = ()

    def display(self) -> str:
        """The paragraph as the source prints it (number, text, bullets)."""
        head = f"{self.number}. {self.text}" if self.number is not None else self.text
        bullets = [b.printed for b in self.bullets]
        return "\n".join([head, *bullets]) if head else "\n".join(bullets)


@dataclass(frozen=True)
class TableRow:
    """A row of a table in a resolution's text: its cells in the order of the columns."""

    number: int  # 1-based among the table's rows, the header not counted (csvw:rownum)
    cells: tuple[str, ...]  # one per column; "" where the row leaves a column empty
    lines: LineRange
    amounts: tuple[CellAmount, ...] = ()  # the amounts its cells state, in cell order


@dataclass(frozen=True)
class CellAmount:
    """An amount of money a table cell states ("500.000 Euro", "jährlich 2 Mio. €"), read
    as in a paragraph (mapping/amounts.py): its column and its place among the cell's."""

    column: int  # 1-based
    position: int  # 1-based among the amounts of the cell
    mention: MoneyMention


@dataclass(frozen=True)
class Table:
    """A table printed in a resolution's text, between two of its paragraphs."""

    position: int  # 1-based among the resolution's tables
    after_paragraph: int  # the position of the paragraph before it; 0 before the first
    header: tuple[str, ...]  # the column titles; () when the table prints no header row
    rows: tuple[TableRow, ...]
    lines: LineRange
    columns: int


@dataclass(frozen=True)
class UnreadTable:
    """Lines laid out like a table in a resolution's text whose columns cannot be told apart
    (or cannot be told from justified text), kept only with `--lenient`: every line is
    published as text of the resolution, and a data-quality finding names the lines."""

    problem: str
    expected: str
    line: int  # where the cause was found
    lines: LineRange  # the table's lines

    def key(self, top: str) -> str:
        return f"{top}-table-{self.lines.first}-not-read"


@dataclass(frozen=True)
class CellPlace:
    """Where in a table a request stands: the table's position, the row's number, the
    column (all 1-based, as in id/…/table/{k}/row/{r}/cell/{c})."""

    table: int
    row: int
    column: int


@dataclass(frozen=True)
class Request:
    number: int
    sentence: str
    kind: RequestKind
    addressees: tuple[str, ...]  # organisation keys, or ISO 3166-2 codes of Länder
    action: str
    paragraph: int | None  # position of the paragraph it stands in; None in a table cell
    addressee_implicit: bool
    lines: LineRange
    unresolved: tuple[str, ...] = ()  # objects of the verb the registry does not know
    list_label: str | None = None  # "a)", "bb)": the item of a list inside the request
    list_level: int | None = None  # 1 for a) b), 2 for aa) bb)
    stated: tuple[tuple[str, str], ...] = ()  # (addressee key, the words naming it)
    cell: CellPlace | None = None  # the table cell it stands in (then no paragraph)

    @property
    def to_bund(self) -> bool:
        from mapping.organisations import is_federal

        return any(is_federal(key) for key in self.addressees)


@dataclass(frozen=True)
class VoteCount:
    """How many Länder voted yes, no, or abstained ("13:1:2")."""

    yes: int
    no: int
    abstentions: int


@dataclass(frozen=True)
class LandVote:
    """One Land's vote as the vote phrase names it ("gegen die Stimme Bayerns")."""

    land: str  # ISO 3166-2 code
    choice: VoteChoice


@dataclass(frozen=True)
class Vote:
    outcome: Outcome
    statement: str | None  # the sentence stating the vote, if the document has one
    circular_number: str | None
    circular_date: datetime.date | None
    lines: LineRange | None
    counts: VoteCount | None = None
    margin: Margin | None = None  # "einstimmig", "mehrheitlich"; None when not stated
    land_votes: tuple[LandVote, ...] = ()  # only the Länder the phrase names
    settled_by: str | None = None  # the TOP that settled this one ("durch TOP 7.2 erledigt")
    wording: str | None = None  # the phrase as printed, for an unresolved outcome


@dataclass(frozen=True)
class Release:
    """The "Veröffentlichung:" field: whether the resolution's text is released."""

    released: bool
    statement: str
    lines: LineRange


@dataclass(frozen=True)
class Declaration:
    """A Protokollerklärung: a statement of one or more Länder on an item."""

    position: int
    laender: tuple[str, ...]  # ISO 3166-2 codes
    heading: str
    text: str
    lines: LineRange


@dataclass(frozen=True)
class GreenListEntry:
    top: str
    title: str
    applicants: ApplicantList


@dataclass(frozen=True)
class Resolution:
    top: str
    title: str
    applicants: ApplicantList | None
    vote: Vote
    paragraphs: tuple[Paragraph, ...]
    requests: tuple[Request, ...]
    green_list: tuple[GreenListEntry, ...]
    title_lines: LineRange
    lines: LineRange
    release: Release | None = None
    declarations: tuple[Declaration, ...] = ()
    heading_mark: str | None = None  # "GL", "neu": the mark in brackets of "TOP 2.4 (GL)"
    tables: tuple[Table, ...] = ()  # the tables of the text, in order
    unread_tables: tuple[UnreadTable, ...] = ()  # tables published as text (--lenient)

    @property
    def published(self) -> bool:
        """Whether the text may be published (no release field means released)."""
        return self.release is None or self.release.released

    @property
    def full_text(self) -> str:
        return "\n\n".join(paragraph.display() for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Finding:
    top: str
    kind: str  # "applicant-mismatch" | "title-mismatch" | "green-list-mismatch"
    agenda_value: str
    resolution_value: str
    only_in_agenda: tuple[str, ...] = ()
    only_in_resolution: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.top}-{self.kind}"


@dataclass(frozen=True)
class UnreadItem:
    """A TOP whose resolution section could not be read (kept only with `--lenient`).

    Nothing of its resolution is published; a data-quality finding says why."""

    top: str
    problem: str
    expected: str
    line: int | None  # where the parser stopped
    lines: LineRange  # the whole section

    @property
    def key(self) -> str:
        return f"{self.top}-item-not-read"


@dataclass(frozen=True)
class Structure:
    """Lines that only structure the document (a heading, a table's header row, the legend,
    the table of contents): no fact, but read, so the line map knows them."""

    label: str
    lines: LineRange


@dataclass(frozen=True)
class UnreadLine:
    """A line no fact was read from (kept only with `--lenient`): a data-quality finding."""

    text: str
    problem: str
    lines: LineRange

    @property
    def key(self) -> str:
        return f"line-{self.lines.first}-not-read"


@dataclass(frozen=True)
class Annotated:
    """What a footnote annotates: the smallest published part of the minutes whose lines
    hold the marker line, or the minutes document itself (kind "minutes")."""

    kind: str  # "bullet" | "paragraph" | "declaration" | "resolution" | "item" |
    #            "participation" | "minutes"
    top: str | None = None
    position: int | None = None  # the paragraph's or the declaration's position
    bullet: int | None = None  # the bullet's position in its paragraph
    person: str | None = None  # the participant's name


@dataclass(frozen=True)
class Footnote:
    """A footnote of the minutes: its printed number, its text, the lines of the note, the
    line whose word carried the marker, and what that line belongs to."""

    number: int
    text: str
    lines: LineRange
    marker_line: int  # 1-based
    annotates: Annotated
    occurrence: int = 1  # 2, 3, … when a number is printed again (numbering per page)

    @property
    def key(self) -> str:
        return str(self.number) if self.occurrence == 1 else f"{self.number}-{self.occurrence}"


@dataclass(frozen=True)
class Minutes:
    """Everything one minutes document says."""

    source: SourceInfo
    title: str
    number: int
    year: int
    meeting: Meeting
    other_meetings: tuple[Meeting, ...]
    delegations: tuple[Delegation, ...]
    agenda: tuple[AgendaItem, ...]
    resolutions: tuple[Resolution, ...]
    findings: tuple[Finding, ...] = field(default=())
    title_lines: LineRange = LineRange(1, 1)
    unread: tuple[UnreadItem, ...] = ()
    structure: tuple[Structure, ...] = ()
    unread_lines: tuple[UnreadLine, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    unresolved_meetings: tuple[UnresolvedMeeting, ...] = ()
