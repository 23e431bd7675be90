"""From the typed model of one minutes document to its RDF graph."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from mapping.emit_addressees import REQUEST_LABELS, emit_request_details
from mapping.emit_amounts import emit_amounts
from mapping.emit_meetings import emit_unresolved_meetings
from mapping.emit_notes import emit_footnote
from mapping.emit_people import emit_guest_names, emit_person_roles
from mapping.emit_structure import emit_list_items, emit_table, emit_unread_table
from mapping.laender import BY_CODE
from mapping.media_types import media_type
from mapping.model import (
    AgendaItem,
    ApplicantList,
    ApplicantSource,
    Declaration,
    Delegation,
    Finding,
    ItemStatus,
    LineRange,
    Meeting,
    Minutes,
    Outcome,
    Paragraph,
    Person,
    Request,
    Resolution,
    UnreadItem,
    UnreadLine,
    VoteChoice,
)
from mapping.organisations import organisation_by_name
from mapping.places import english_place_name
from mapping.publications import Publication, publication_of
from mapping.references import celex
from mapping.uris import Uris, slug
from mapping.vocabulary import (
    DQV,
    ELI,
    ELI_DL,
    OA,
    SCHEMA,
    SPDX,
    add_lines,
    boolean,
    de,
    en,
    integer,
    new_graph,
)
from mapping.wikidata import PERSON_PREFIX, link_wikidata


@dataclass
class Applicant:
    """One Land's applicant role on one item, merged from every list that names it."""

    land: str
    coordinating: bool = False
    highlighted: bool = False
    named_in: set[ApplicantSource] = field(default_factory=set)
    stated_as: set[str] = field(default_factory=set)
    lines: list[LineRange] = field(default_factory=list)


# an outcome the conference did not make its own: (German, English) for the decision's label
NOT_ADOPTED = {
    Outcome.REJECTED: ("abgelehnt", "rejected"),
    Outcome.POSTPONED: ("vertagt", "postponed"),
    Outcome.NO_DECISION: ("ohne Beschluss", "no decision"),
    Outcome.WITHDRAWN: ("in der Sitzung zurückgezogen", "withdrawn in the sitting"),
    Outcome.SETTLED: ("erledigt", "settled"),
    Outcome.UNRESOLVED: ("ungeklärt", "unresolved"),
}
VOTE_LABELS = {
    VoteChoice.YES: ("Ja-Stimme", "yes vote"),
    VoteChoice.NO: ("Nein-Stimme", "no vote"),
    VoteChoice.ABSTAIN: ("Enthaltung", "abstention"),
}

# what a finding of each kind finds different: (German, English) for its label
FINDING_SUBJECTS = {
    "applicant-mismatch": ("Antragsteller", "applicants"),
    "title-mismatch": ("Titel", "titles"),
    "green-list-mismatch": ("Grüne-Liste-Kennzeichen", "Green List marks"),
}


class MinutesEmitter:
    """Writes the graph of one minutes document."""

    def __init__(
        self,
        minutes: Minutes,
        uris: Uris,
        wikidata: dict[str, str],
        publication: Publication | None = None,
    ) -> None:
        self.m = minutes
        self.publication = publication or publication_of(minutes.source.file_name)
        self.uris = uris
        self.wikidata = wikidata
        self.intmk = Namespace(uris.ontology)
        self.g: Graph = new_graph(uris)
        self.n = minutes.number
        self.conference = uris.conference(self.n)
        self.document = uris.minutes(self.n)
        self.file_url = uris.source_file(minutes.source.text_name)

    def graph(self) -> Graph:
        self.emit_source()
        self.emit_conference()
        self.emit_meetings()
        self.emit_participants()
        self.emit_items()
        for resolution in self.m.resolutions:
            self.emit_resolution(resolution)
        self.emit_green_list()
        for finding in self.m.findings:
            self.emit_finding(finding)
        for unread in self.m.unread:
            self.emit_unread(unread)
        for line in self.m.unread_lines:
            self.emit_unread_line(line)
        for note in self.m.footnotes:
            emit_footnote(self, note)
        return self.g

    # helpers ---------------------------------------------------------------------------

    def add(
        self, subject: URIRef | BNode, predicate: URIRef, obj: URIRef | Literal | BNode
    ) -> None:
        self.g.add((subject, predicate, obj))

    def lines(
        self, subject: URIRef, lines: LineRange, link: URIRef | None = PROV.wasDerivedFrom
    ) -> None:
        add_lines(self.g, subject, lines, self.document, self.file_url, link)

    def label(self, subject: URIRef, german: str, english: str) -> None:
        self.add(subject, RDFS.label, de(german))
        self.add(subject, RDFS.label, en(english))

    def concept(self, scheme: str, key: str) -> URIRef:
        return self.uris.concept(scheme, key)

    # document and conference -----------------------------------------------------------

    def emit_source(self) -> None:
        doc, source = self.document, self.m.source
        i = self.intmk
        self.add(doc, RDF.type, i.SourceDocument)
        self.add(doc, DCTERMS.title, de(self.m.title))
        if self.m.source.printed_title:
            self.add(doc, i.printedTitle, de(self.m.source.printed_title))
        self.label(
            doc,
            f"Niederschrift der {self.n}. IntMK {self.m.year}",
            f"Minutes of the {ordinal(self.n)} IntMK {self.m.year}",
        )
        self.add(doc, i.fileName, Literal(source.text_name))
        if source.reader_text is not None:  # the text was made of this PDF
            self.add(doc, DCTERMS.source, URIRef(self.uris.source_file(source.file_name)))
        self.add(doc, i.lineCount, integer(source.line_count))
        for header in source.running_headers:  # learned from this document (furniture.py)
            self.add(doc, i.runningHeader, Literal(header))
        for footer in source.running_footers:
            self.add(doc, i.runningFooter, Literal(footer))
        self.add(doc, DCTERMS.format, media_type(self.g, "text/plain"))
        self.add(doc, FOAF.page, URIRef(self.file_url))
        self.add(doc, i.recordsConference, self.conference)
        # the minutes carry no date of their own; their heading dates the meeting, which
        # dcterms:coverage names (its dates are the meeting's, not the document's)
        self.add(doc, DCTERMS.coverage, self.uris.meeting(self.n, self.m.meeting.key))
        self.add(doc, PROV.hadPrimarySource, self.emit_publication())
        checksum = BNode(f"checksum-{self.n}")
        self.add(doc, SPDX.checksum, checksum)
        self.add(checksum, RDF.type, SPDX.Checksum)
        self.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
        self.add(checksum, SPDX.checksumValue, Literal(source.sha256, datatype=XSD.hexBinary))

    def emit_publication(self) -> URIRef:
        """The minutes as their publisher published them: what the text says (its title)
        and what data/reference/publications.tsv knows (address, publisher, date, licence)."""
        uri, known = self.uris.publication(self.n), self.publication
        self.add(uri, RDF.type, FOAF.Document)
        self.add(uri, RDF.type, DCTERMS.BibliographicResource)
        self.add(uri, DCTERMS.title, de(self.m.title))
        self.label(
            uri,
            f"Niederschrift der {self.n}. IntMK {self.m.year}, wie veröffentlicht",
            f"Minutes of the {ordinal(self.n)} IntMK {self.m.year} as published",
        )
        if known.url:
            self.add(uri, SCHEMA.url, URIRef(known.url))
        if known.publisher:
            self.add(uri, DCTERMS.publisher, self.uris.organisation(known.publisher))
        if known.issued:
            self.add(uri, DCTERMS.issued, Literal(known.issued, datatype=XSD.date))
        if known.licence:
            self.add(uri, DCTERMS.license, URIRef(known.licence))
        return uri

    def emit_conference(self) -> None:
        c, i = self.conference, self.intmk
        self.add(c, RDF.type, i.Conference)
        self.label(c, *conference_labels(self.n, self.m.year))
        self.add(c, i.conferenceNumber, integer(self.n))
        self.add(c, i.year, Literal(str(self.m.year), datatype=XSD.gYear))
        self.add(c, i.minutes, self.document)  # ⊑ schema:recordedIn: an event, not derived
        self.add(c, i.conferenceOf, self.uris.organisation("intmk"))
        self.lines(c, self.m.title_lines, link=None)

    def emit_meetings(self) -> None:
        meetings = [self.m.meeting, *self.m.other_meetings, *self.circular_meetings()]
        for meeting in meetings:
            self.emit_meeting(meeting)
        emit_unresolved_meetings(self)

    def circular_meetings(self) -> list[Meeting]:
        return [
            Meeting(
                "umlaufverfahren",
                r.vote.circular_date,
                r.vote.circular_date,
                None,
                r.vote.lines or r.lines,
                r.vote.circular_number,
            )
            for r in self.m.resolutions
            if r.vote.circular_number
        ]

    def emit_meeting(self, meeting: Meeting) -> None:
        i = self.intmk
        uri = self.uris.meeting(self.n, meeting.key)
        self.add(uri, RDF.type, i.Meeting)
        self.add(self.conference, i.hasMeeting, uri)
        self.add(uri, i.ofConference, self.conference)
        self.add(uri, i.meetingKind, self.concept("meeting-kind", meeting.kind))
        self.label(uri, *meeting_labels(meeting, self.n, self.m.year))
        if meeting.circular_number:
            self.add(uri, i.circularNumber, Literal(meeting.circular_number))
        if meeting.start and meeting.start == meeting.end:
            self.add(uri, DCTERMS.date, Literal(meeting.start, datatype=XSD.date))
        elif meeting.start and meeting.end:
            self.add(uri, SCHEMA.startDate, Literal(meeting.start, datatype=XSD.date))
            self.add(uri, SCHEMA.endDate, Literal(meeting.end, datatype=XSD.date))
        if meeting.place:
            place = self.uris.place(meeting.place)
            self.add(uri, SCHEMA.location, place)
            self.add(place, RDF.type, SCHEMA.Place)
            self.add(place, RDFS.label, de(meeting.place))
            english = english_place_name(meeting.place)
            if english is not None:  # from the checked table data/reference/places.tsv
                self.add(place, RDFS.label, en(english))
            link_wikidata(self.g, place, "place-" + slug(meeting.place), self.wikidata)
        self.lines(uri, meeting.lines, link=SCHEMA.recordedIn)  # an event, not derived

    # participants ----------------------------------------------------------------------

    def emit_participants(self) -> None:
        position = 0
        for delegation in self.m.delegations:
            orgs = [
                self.delegation_organisation(delegation, name) for name in delegation.organisations
            ]
            for person in delegation.persons:
                position += 1
                self.emit_person(delegation, person, orgs, position)
            if delegation.land is None:  # a guest organisation printed under an old name
                names = [split_abbreviation(printed)[0] for printed in delegation.organisations]
                emit_guest_names(self, delegation, names)
            for name in delegation.extra_organisations:
                self.emit_office(name, delegation)

    def delegation_organisation(self, delegation: Delegation, printed: str) -> URIRef:
        i = self.intmk
        name, abbreviation = split_abbreviation(printed)
        known = organisation_by_name(name)
        if known is not None:
            uri = self.uris.organisation(known.key)
        elif delegation.land:
            uri = self.uris.land_organisation(delegation.land, name)
            self.add(uri, i.ofLand, self.uris.land(delegation.land))
        else:
            uri = self.uris.organisation(slug(name))
            self.add(uri, RDF.type, i.FederalBody)
        self.add(uri, RDF.type, i.Organisation)
        self.add(uri, RDF.type, ORG.Organization)
        if known is None:  # the registry labels a known one, with every name it has had
            self.add(uri, RDFS.label, de(name))
        if abbreviation:
            self.add(uri, SKOS.altLabel, Literal(abbreviation))
        if delegation.parent_note:
            parent = organisation_by_name(delegation.parent_note)
            parent_uri = (
                self.uris.organisation(parent.key)
                if parent
                else self.uris.organisation(slug(delegation.parent_note))
            )
            self.add(uri, ORG.subOrganizationOf, parent_uri)
        # an organisation recurs in the minutes of many years: it names every document
        # it was read from, but no line range (its participations carry those)
        self.add(uri, PROV.wasDerivedFrom, self.document)
        return uri

    def emit_person(
        self, delegation: Delegation, person: Person, orgs: list[URIRef], position: int
    ) -> None:
        i = self.intmk
        uri = self.uris.person(person.name)
        self.add(uri, RDF.type, i.Person)
        self.add(uri, RDF.type, FOAF.Person)
        self.add(uri, FOAF.name, Literal(person.name))
        self.add(uri, RDFS.label, Literal(person.name))
        link_wikidata(self.g, uri, PERSON_PREFIX + slug(person.name), self.wikidata)
        part = self.uris.participation(self.n, person.name)
        self.add(part, RDF.type, i.Participation)
        self.add(self.conference, i.hasParticipation, part)
        self.add(part, i.ofConference, self.conference)
        self.add(part, i.participant, uri)
        self.add(part, i.position, integer(position))
        self.add(part, i.isChair, boolean(person.is_chair))
        self.add(part, i.isGuest, boolean(delegation.land is None))
        for org in orgs:
            self.add(part, i.onBehalfOf, org)
        self.add(part, i.participationRole, self.concept("participation-role", "teilnahme"))
        # one agent in whose name: the Land for its delegates, the office(s) for a guest
        in_name_of = [self.uris.land(delegation.land)] if delegation.land else orgs
        for agent in in_name_of:
            self.add(part, ELI_DL.participation_in_name_of, agent)
        where = BY_CODE[delegation.land].name_de if delegation.land else "Gast"
        self.label(
            part,
            f"{person.name} ({where}) bei der {self.n}. IntMK",
            f"{person.name} ({delegation.land or 'guest'}) at the {ordinal(self.n)} IntMK",
        )
        # how the list of this year addresses the person: said of this attendance
        if person.form_of_address:
            self.add(part, i.participantFormOfAddress, Literal(person.form_of_address))
        if person.honorific:
            self.add(part, i.participantHonorific, Literal(person.honorific))
        if person.role_title:
            self.add(part, i.roleTitle, de(person.role_title))
        if person.remark:  # "ab TOP 5", "zeitweise": said of this attendance
            self.add(part, RDFS.comment, de(person.remark))
        if delegation.land:
            self.add(part, i.delegationOf, self.uris.land(delegation.land))
        if person.is_chair:  # several persons may chair (a minister and an official)
            self.add(self.conference, i.chairPerson, uri)
            if delegation.land:
                self.add(self.conference, i.chairLand, self.uris.land(delegation.land))
        emit_person_roles(self, person, uri, part)
        self.lines(part, person.lines)

    def emit_office(self, name: str, delegation: Delegation) -> None:
        known = organisation_by_name(name)
        uri = self.uris.organisation(known.key if known else slug(name))
        self.add(self.conference, self.intmk.office, uri)
        self.add(uri, RDF.type, self.intmk.Organisation)
        # an organisation recurs in the minutes of many years: it names every document
        # it was read from, but no line range (its participations carry those)
        self.add(uri, PROV.wasDerivedFrom, self.document)

    # agenda ----------------------------------------------------------------------------

    def emit_items(self) -> None:
        items = {item.top: item for item in self.m.agenda}
        for item in self.m.agenda:
            self.emit_item(item)
        for resolution in self.m.resolutions:
            if resolution.top not in items:
                self.emit_item_from_resolution(resolution)
        for top, applicants in self.applicants().items():
            for applicant in applicants.values():
                self.emit_applicant(top, applicant)

    def emit_item(self, item: AgendaItem) -> None:
        i = self.intmk
        uri = self.item_core(item.top, item.title, item.lines)
        self.add(uri, i.position, integer(item.position))
        self.add(uri, i.isGroup, boolean(item.is_group))
        self.add(uri, i.onGreenList, boolean(item.green_list))
        self.add(uri, i.withdrawn, boolean(item.status is ItemStatus.WITHDRAWN))
        if item.status is not None:
            self.add(uri, i.itemStatus, self.concept("item-status", item.status.value))
        self.add(uri, i.discussionOnly, boolean(item.discussion_only))
        if item.group:
            self.add(uri, i.groupItem, self.uris.item(self.n, item.group))
        if item.withdrawn_by:
            self.add(uri, i.withdrawnBy, self.uris.land(item.withdrawn_by))
        if item.merged_into:
            self.add(uri, i.mergedInto, self.uris.item(self.n, item.merged_into))
        if item.note:
            self.add(uri, i.agendaNote, de(item.note))

    def emit_item_from_resolution(self, resolution: Resolution) -> None:
        """An item that only the resolution section names (not in the agenda table)."""
        self.item_core(resolution.top, resolution.title, resolution.title_lines)

    def item_core(self, top: str, title: str, lines: LineRange) -> URIRef:
        """What every agenda item has: type, conference, TOP number, title, labels, lines."""
        i = self.intmk
        uri = self.uris.item(self.n, top)
        self.add(uri, RDF.type, i.AgendaItem)
        self.add(self.conference, i.hasAgendaItem, uri)
        self.add(uri, i.ofConference, self.conference)
        self.add(uri, i.topNumber, Literal(top))
        self.add(uri, DCTERMS.title, de(title))
        # the title is German and has no translation: only the German label quotes it
        self.label(uri, f"TOP {top}: {title}", f"Item {top} of the {ordinal(self.n)} IntMK")
        self.lines(uri, lines)
        return uri

    def applicants(self) -> dict[str, dict[str, Applicant]]:
        """Applicant roles per item, merged from the agenda, resolutions and Green List."""
        merged: dict[str, dict[str, Applicant]] = {}
        lists: list[tuple[str, ApplicantList | None, ApplicantSource]] = [
            *((item.top, item.applicants, ApplicantSource.AGENDA) for item in self.m.agenda),
            *((r.top, r.applicants, ApplicantSource.RESOLUTION) for r in self.m.resolutions),
            *(
                (e.top, e.applicants, ApplicantSource.GREEN_LIST)
                for r in self.m.resolutions
                for e in r.green_list
            ),
        ]
        for top, applicant_list, source in lists:
            if applicant_list is None:
                continue
            for entry in applicant_list.entries:
                role = merged.setdefault(top, {}).setdefault(entry.land, Applicant(entry.land))
                role.named_in.add(source)
                role.lines.append(applicant_list.lines)
                if applicant_list.all_laender:
                    role.stated_as.add(applicant_list.stated_as)
                # "(koordinierend)" in any list counts (a document may have no agenda table)
                role.coordinating = role.coordinating or entry.coordinating
                if source is ApplicantSource.AGENDA:
                    role.highlighted = entry.highlighted
        return merged

    def emit_applicant(self, top: str, applicant: Applicant) -> None:
        i = self.intmk
        uri = self.uris.applicant(self.n, top, applicant.land)
        item = self.uris.item(self.n, top)
        land = BY_CODE[applicant.land]
        self.add(uri, RDF.type, i.Applicant)
        self.add(item, i.hasApplicant, uri)
        self.add(uri, i.applicantFor, item)
        self.add(uri, i.applicantLand, self.uris.land(applicant.land))
        self.add(uri, i.participationRole, self.concept("participation-role", "antragsteller"))
        self.add(uri, i.coordinating, boolean(applicant.coordinating))
        self.add(uri, i.highlighted, boolean(applicant.highlighted))
        for source in sorted(applicant.named_in, key=lambda s: s.value):
            self.add(uri, i.namedIn, self.concept("applicant-list", source.value))
        for stated in sorted(applicant.stated_as):
            self.add(uri, i.statedAs, Literal(stated))
        self.label(
            uri,
            f"{land.name_de}: Antragsteller zu TOP {top}",
            f"{land.name_en}: applicant for item {top}",
        )
        first = min(r.first for r in applicant.lines)
        last = max(r.last for r in applicant.lines)
        add_lines(self.g, uri, LineRange(first, last), self.document, self.file_url)

    # resolutions -----------------------------------------------------------------------

    def emit_resolution(self, resolution: Resolution) -> None:
        i = self.intmk
        top = resolution.top
        uri = self.uris.resolution(self.n, top)
        item = self.uris.item(self.n, top)
        self.add(uri, RDF.type, i.Resolution)
        self.add(item, i.hasResolution, uri)
        self.add(uri, i.onItem, item)
        self.add(uri, i.ofConference, self.conference)
        self.add(uri, DCTERMS.title, de(resolution.title))
        self.label(uri, *self.decision_labels(resolution))
        self.add(uri, i.outcome, self.concept("outcome", resolution.vote.outcome.value))
        if resolution.vote.margin:
            self.add(
                uri, i.decisionMargin, self.concept("decision-margin", resolution.vote.margin.value)
            )
        if resolution.heading_mark:
            self.add(uri, i.headingMark, Literal(resolution.heading_mark))
        if resolution.vote.statement:
            self.add(uri, i.voteStatement, de(resolution.vote.statement))
        self.emit_vote_counts(uri, resolution)
        self.emit_vote_participations(uri, resolution)
        if resolution.vote.settled_by:
            self.add(uri, i.settledBy, self.uris.item(self.n, resolution.vote.settled_by))
        if resolution.vote.outcome is Outcome.UNRESOLVED:
            self.add(uri, RDF.type, i.UnresolvedDecision)
            self.emit_unresolved_decision(resolution)
        if resolution.release:
            self.add(uri, i.released, boolean(resolution.release.released))
            self.add(uri, i.releaseStatement, de(resolution.release.statement))
        meeting = (
            self.uris.meeting(self.n, "umlauf-" + resolution.vote.circular_number.replace("/", "-"))
            if resolution.vote.circular_number
            else self.uris.meeting(self.n, self.m.meeting.key)
        )
        self.add(uri, i.decidedAt, meeting)
        day = self.decision_day(resolution)
        if day:
            self.add(uri, DCTERMS.date, Literal(day, datatype=XSD.date))
        if resolution.paragraphs:  # a proposal's text when the conference did not adopt it
            made = resolution.vote.outcome.is_decision_of_the_conference
            self.add(uri, i.fullText if made else i.proposalText, de(resolution.full_text))
        for paragraph in resolution.paragraphs:
            self.emit_paragraph(top, uri, paragraph)
        for table in resolution.tables:
            emit_table(self, top, uri, table)
        for unread_table in resolution.unread_tables:
            emit_unread_table(self, top, uri, unread_table)
        for request in resolution.requests:
            self.emit_request(top, uri, request)
        for declaration in resolution.declarations:
            self.emit_declaration(top, declaration)
        self.lines(uri, resolution.lines)

    def decision_labels(self, resolution: Resolution) -> tuple[str, str]:
        """A resolution's labels; a decision that adopts nothing names the proposal and
        its outcome."""
        top, title = resolution.top, resolution.title
        if resolution.vote.outcome not in NOT_ADOPTED:
            return (
                f"Beschluss zu TOP {top}: {title}",
                f"Resolution on item {top} of the {ordinal(self.n)} IntMK",
            )
        german, english = NOT_ADOPTED[resolution.vote.outcome]
        return (
            f"Beschlussvorschlag zu TOP {top}: {title} ({german})",
            f"Proposal on item {top} of the {ordinal(self.n)} IntMK ({english})",
        )

    def emit_vote_participations(self, uri: URIRef, resolution: Resolution) -> None:
        """Each Land the vote names, with its vote (ELI-DL's participation in a role);
        "einstimmig" alone names none, and none is invented."""
        i, top = self.intmk, resolution.top
        for vote in resolution.vote.land_votes:
            part = self.uris.vote(self.n, top, vote.land)
            land = BY_CODE[vote.land]
            self.add(part, RDF.type, i.VoteParticipation)
            self.add(uri, i.hasVoteParticipation, part)
            self.add(part, i.votingLand, self.uris.land(vote.land))
            self.add(part, i.voteCast, self.concept("vote-choice", vote.choice.value))
            self.add(part, i.participationRole, self.concept("participation-role", "abstimmend"))
            german, english = VOTE_LABELS[vote.choice]
            self.label(
                part,
                f"{land.name_de}: {german} zu TOP {top}",
                f"{land.name_en}: {english} on item {top}",
            )
            self.lines(part, resolution.vote.lines or resolution.lines)

    def emit_unresolved_decision(self, resolution: Resolution) -> None:
        """A vote phrase the grammar does not know (`--lenient`): a finding on the decision."""
        top = resolution.top
        uri = self.uris.finding(self.n, f"{top}-unresolved-decision")
        self.annotate(uri, "unresolved-decision", self.uris.resolution(self.n, top))
        self.message(
            uri,
            f"Das Abstimmungsergebnis zu TOP {top} lautet „{resolution.vote.wording}“; diesen "
            "Wortlaut kennt die Grammatik nicht. Die Entscheidung ist als ungeklärt und ohne "
            "Bitten veröffentlicht.",
            f"The vote on item {top} is worded in a way the grammar does not know (the German "
            "comment quotes it); the decision is published as unresolved, without requests.",
        )
        self.label(uri, f"TOP {top}: Entscheidung ungeklärt", f"Item {top}: decision unresolved")
        self.lines(uri, resolution.vote.lines or resolution.lines)

    def decision_day(self, resolution: Resolution) -> datetime.date | None:
        """The day the resolution was decided: that of its circular procedure, or of its
        meeting when the meeting lasted one day. Of a meeting of two days the minutes do
        not say on which day an item was decided, and no day is stated."""
        vote = resolution.vote
        if vote.circular_date or vote.circular_number:
            return vote.circular_date
        meeting = self.m.meeting
        return meeting.start if meeting.start and meeting.start == meeting.end else None

    def emit_vote_counts(self, uri: URIRef, resolution: Resolution) -> None:
        counts = resolution.vote.counts
        if counts is None:
            return
        self.add(uri, self.intmk.yesVotes, integer(counts.yes))
        self.add(uri, self.intmk.noVotes, integer(counts.no))
        self.add(uri, self.intmk.abstentions, integer(counts.abstentions))

    def emit_declaration(self, top: str, declaration: Declaration) -> None:
        """A Protokollerklärung: on the item, by the Länder that made it."""
        i = self.intmk
        uri = self.uris.declaration(self.n, top, declaration.position)
        item = self.uris.item(self.n, top)
        self.add(uri, RDF.type, i.ProtocolDeclaration)
        self.add(item, i.hasDeclaration, uri)
        self.add(uri, i.declarationOn, item)
        self.add(uri, i.position, integer(declaration.position))
        self.add(uri, i.text, de(declaration.text))
        for code in declaration.laender:
            self.add(uri, i.declaringLand, self.uris.land(code))
        names_de = ", ".join(BY_CODE[code].name_de for code in declaration.laender)
        names_en = ", ".join(BY_CODE[code].name_en for code in declaration.laender)
        self.label(
            uri,
            f"Protokollerklärung {declaration.position} zu TOP {top} ({names_de})",
            f"Protocol declaration {declaration.position} on item {top} ({names_en})",
        )
        self.lines(uri, declaration.lines)

    def emit_paragraph(self, top: str, resolution: URIRef, paragraph: Paragraph) -> None:
        i = self.intmk
        uri = self.uris.paragraph(self.n, top, paragraph.position)
        self.add(uri, RDF.type, i.Paragraph)
        self.add(resolution, i.hasParagraph, uri)
        self.add(uri, i.position, integer(paragraph.position))
        self.add(uri, i.isHeading, boolean(paragraph.is_heading))
        if paragraph.number is not None:
            self.add(uri, i.paragraphNumber, integer(paragraph.number))
        if paragraph.text:
            self.add(uri, i.text, de(paragraph.text))
        self.label(
            uri,
            f"TOP {top}, Absatz {paragraph.position}",
            f"Item {top}, paragraph {paragraph.position}",
        )
        emit_list_items(self, top, uri, paragraph)
        self.emit_mentions(top, uri, paragraph)
        self.lines(uri, paragraph.lines)

    def emit_mentions(self, top: str, uri: URIRef, paragraph: Paragraph) -> None:
        i = self.intmk
        emit_amounts(self, top, uri, paragraph)
        for law in paragraph.laws:
            target = URIRef(law.iri)
            self.add(uri, i.citesLaw, target)
            self.add(target, RDFS.label, de(law.label))
            number = celex(law.iri)
            if number:
                self.add(target, RDF.type, ELI.LegalResource)
                self.add(target, ELI.id_local, Literal(number))
                self.add(
                    target,
                    OWL.sameAs,
                    URIRef(f"http://publications.europa.eu/resource/celex/{number}"),
                )
        for reference in paragraph.conferences:
            other = self.uris.conference(reference.number)
            self.add(uri, i.refersToConference, other)
            self.add(other, RDF.type, i.Conference)
            self.add(other, i.conferenceNumber, integer(reference.number))
            self.add(other, i.conferenceOf, self.uris.organisation("intmk"))
            if reference.year:
                self.add(other, i.year, Literal(str(reference.year), datatype=XSD.gYear))
            # its labels are the build's (mapping/reference.py: referred_conferences), so
            # this graph does not depend on which other minutes are built

    def emit_request(self, top: str, resolution: URIRef, request: Request) -> None:
        i = self.intmk
        uri = self.uris.request(self.n, top, request.number)
        self.add(uri, RDF.type, i.Request)
        if request.to_bund:
            self.add(uri, RDF.type, i.RequestToBund)
        self.add(resolution, i.hasRequest, uri)
        self.add(uri, i.requestOf, resolution)
        self.add(uri, i.requestNumber, integer(request.number))
        self.add(uri, i.sentence, de(request.sentence))
        self.add(uri, i.requestKind, self.concept("request-kind", request.kind.value))
        self.add(uri, i.requestedAction, de(request.action))
        self.add(uri, i.addresseeImplicit, boolean(request.addressee_implicit))
        if request.cell is not None:  # a request written in a table cell
            place = request.cell
            cell = self.uris.table(self.n, top, place.table, "row", place.row, "cell", place.column)
            self.add(uri, i.statedInCell, cell)
        elif request.paragraph is not None:
            self.add(uri, i.inParagraph, self.uris.paragraph(self.n, top, request.paragraph))
        emit_request_details(self, top, uri, request)
        german, english = REQUEST_LABELS[request.kind.value]
        self.label(
            uri,
            f"{german} {request.number} zu TOP {top}",
            f"{english} {request.number} on item {top}",
        )
        self.lines(uri, request.lines)

    def emit_green_list(self) -> None:
        i = self.intmk
        for resolution in self.m.resolutions:
            bundle = self.uris.resolution(self.n, resolution.top)
            for entry in resolution.green_list:
                self.add(bundle, i.coversItem, self.uris.item(self.n, entry.top))
                adopted = self.uris.resolution(self.n, entry.top)
                if any(r.top == entry.top for r in self.m.resolutions):
                    self.add(adopted, i.adoptedEnBloc, boolean(True))
                    self.add(adopted, i.adoptedWith, bundle)

    def emit_finding(self, finding: Finding) -> None:
        i = self.intmk
        uri = self.uris.finding(self.n, finding.key)
        item = self.uris.item(self.n, finding.top)
        resolution = self.uris.resolution(self.n, finding.top)
        self.annotate(uri, finding.kind, item)
        self.add(uri, i.agendaPlace, item)
        self.add(uri, i.resolutionPlace, resolution)
        self.add(uri, OA.hasTarget, resolution)
        self.add(uri, i.agendaValue, de(finding.agenda_value))
        self.add(uri, i.resolutionValue, de(finding.resolution_value))
        for code in finding.only_in_agenda:
            self.add(uri, i.onlyInAgenda, self.uris.land(code))
        for code in finding.only_in_resolution:
            self.add(uri, i.onlyInResolution, self.uris.land(code))
        self.message(uri, *describe_finding(finding))
        german_what, english_what = FINDING_SUBJECTS[finding.kind]
        self.label(
            uri,
            f"TOP {finding.top}: {german_what} in Tagesordnung und Beschluss verschieden",
            f"Item {finding.top}: {english_what} differ between agenda and resolution section",
        )
        item_lines = next((it.lines for it in self.m.agenda if it.top == finding.top), None)
        if item_lines:
            self.lines(uri, item_lines)

    def annotate(self, uri: URIRef, kind: str, target: URIRef) -> None:
        """`uri` as a data-quality finding of `kind` on `target` (DQV, Web Annotation)."""
        i = self.intmk
        self.add(uri, RDF.type, i.DataQualityFinding)
        self.add(uri, RDF.type, DQV.QualityAnnotation)
        self.add(uri, i.findingKind, self.concept("finding-kind", kind))
        self.add(uri, OA.hasTarget, target)
        self.add(uri, OA.motivatedBy, DQV.qualityAssessment)

    def message(self, uri: URIRef, german: str, english: str) -> None:
        """A finding's message, as a comment and as the annotation's body: one
        oa:TextualBody per language (Web Annotation, DQV), plain text."""
        for text in (de(german), en(english)):
            self.add(uri, RDFS.comment, text)
            body = BNode(f"{uri}-body-{text.language}")
            self.add(uri, OA.hasBody, body)
            self.add(body, RDF.type, OA.TextualBody)
            self.add(body, RDF.value, text)
            self.add(body, DCTERMS.format, media_type(self.g, "text/plain"))

    def emit_unread(self, unread: UnreadItem) -> None:
        """A resolution section that could not be read (`--lenient`): a finding, no guessed fact."""
        top = unread.top
        uri = self.uris.finding(self.n, unread.key)
        in_agenda = any(item.top == top for item in self.m.agenda)
        self.annotate(
            uri, "item-not-read", self.uris.item(self.n, top) if in_agenda else self.document
        )
        span = f"{unread.lines.first}–{unread.lines.last}"
        where = f"line {unread.line}: " if unread.line is not None else ""
        self.message(
            uri,
            f"Der Beschlussteil zu TOP {top} (Zeilen {span}) konnte nicht gelesen werden "
            "und ist nicht veröffentlicht.",
            f"The resolution section of item {top} (lines {span}) could not be read and is "
            f"not published: {where}{unread.problem} (expected {unread.expected}).",
        )
        self.label(uri, f"TOP {top}: Beschluss nicht gelesen", f"Item {top}: resolution not read")
        self.lines(uri, unread.lines)

    def emit_unread_line(self, unread: UnreadLine) -> None:
        """A line no fact was read from (`--lenient`): a finding on the document."""
        number = unread.lines.first
        uri = self.uris.finding(self.n, unread.key)
        self.annotate(uri, "line-not-read", self.document)
        self.message(
            uri,
            f"Zeile {number} wurde nicht gelesen: „{unread.text}“.",
            f"Line {number} was not read ({unread.problem}); the German comment quotes it.",
        )
        self.label(uri, f"Zeile {number}: nicht gelesen", f"Line {number}: not read")
        self.lines(uri, unread.lines)


def conference_years(documents: Iterable[Minutes]) -> dict[int, int]:
    """Conference number → year, from each document's own number and year and from every
    reference that states a year (the build checks that they agree)."""
    years: dict[int, int] = {}
    for minutes in documents:
        years[minutes.number] = minutes.year
        for paragraph in (p for r in minutes.resolutions for p in r.paragraphs):
            for reference in paragraph.conferences:
                if reference.year is not None:
                    years.setdefault(reference.number, reference.year)
    return years


def conference_labels(number: int, year: int | None) -> tuple[str, str]:
    """ "18. IntMK 2023" / "18th IntMK 2023"; without a known year "16. IntMK" / "16th IntMK"."""
    when = f" {year}" if year else ""
    return f"{number}. IntMK{when}", f"{ordinal(number)} IntMK{when}"


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def meeting_labels(meeting: Meeting, number: int, year: int) -> tuple[str, str]:
    names = {
        "hauptkonferenz": ("Hauptkonferenz", "main conference"),
        "vorkonferenz": ("Vorkonferenz", "preparatory conference"),
        "sonderkonferenz": ("Sonderkonferenz", "special conference"),
        "videokonferenz": ("Videokonferenz", "video conference"),
        "telefonkonferenz": ("Telefonkonferenz", "telephone conference"),
        "umlaufverfahren": ("Umlaufverfahren", "circular procedure"),
    }
    german, english = names[meeting.kind]
    if meeting.circular_number:
        return (
            f"Umlaufbeschluss {meeting.circular_number} der {number}. IntMK",
            f"Circular resolution {meeting.circular_number} of the {ordinal(number)} IntMK",
        )
    return (
        f"{german} der {number}. IntMK {year}",
        f"{english.capitalize()} of the {ordinal(number)} IntMK {year}",
    )


def split_abbreviation(printed: str) -> tuple[str, str | None]:
    """'Unabhängige Bundesbeauftragte für Antidiskriminierung (ADS)' → name, 'ADS'."""
    if printed.endswith(")") and " (" in printed:
        name, _, abbreviation = printed[:-1].rpartition(" (")
        if abbreviation.isupper():
            return name, abbreviation
    return printed, None


def describe_finding(finding: Finding) -> tuple[str, str]:
    if finding.kind == "green-list-mismatch":
        return (
            f"Die Tagesordnung führt TOP {finding.top} als „{finding.agenda_value}“, die "
            f"Überschrift im Beschlussteil lautet „{finding.resolution_value}“: nur eine von "
            "beiden kennzeichnet ihn als Punkt der Grünen Liste (GL).",
            f"The agenda and the heading in the resolution section differ on item {finding.top}: "
            "only one of them marks it as an item of the Green List (GL). Both readings are "
            "recorded in German as the agenda value and the resolution value.",
        )
    if finding.kind == "title-mismatch":
        return (
            f"Die Tagesordnung nennt TOP {finding.top} „{finding.agenda_value}“, der Beschlussteil "
            f"„{finding.resolution_value}“.",
            f"The agenda and the resolution section title item {finding.top} differently; both "
            "German titles are recorded as the agenda value and the resolution value.",
        )
    only_agenda = ", ".join(BY_CODE[c].name_de for c in finding.only_in_agenda) or "keine"
    only_resolution = ", ".join(BY_CODE[c].name_de for c in finding.only_in_resolution) or "keine"
    only_agenda_en = ", ".join(BY_CODE[c].name_en for c in finding.only_in_agenda) or "none"
    only_resolution_en = ", ".join(BY_CODE[c].name_en for c in finding.only_in_resolution) or "none"
    return (
        f"Tagesordnung und Beschlussteil nennen für TOP {finding.top} verschiedene Antragsteller. "
        f"Nur in der Tagesordnung: {only_agenda}. Nur im Beschlussteil: {only_resolution}.",
        f"The agenda and the resolution section name different applicants for item {finding.top}. "
        f"Only in the agenda: {only_agenda_en}. Only in the resolution section: "
        f"{only_resolution_en}.",
    )
