"""Interface texts of the pages, German first and English: key → (de, en)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "site": ("IntMK Linked Data", "IntMK Linked Data"),
    "skip": ("Zum Inhalt springen", "Skip to content"),
    "nav.home": ("Konferenzen", "Conferences"),
    "nav.query": ("Abfrage", "Query"),
    "nav.dataset": ("Datensatz", "Dataset"),
    "nav.ontology": ("Ontologie", "Ontology"),
    "nav.shapes": ("Shapes", "Shapes"),
    "nav.dumps": ("Downloads", "Downloads"),
    "nav.api": ("API", "API"),
    "nav.main": ("Hauptnavigation", "Main navigation"),
    "lang.other": ("English", "Deutsch"),
    "as_data": ("Als Daten", "As data"),
    "open_query": ("Im Abfrage-Editor öffnen", "Open in the query editor"),
    "footer.source": (
        "Quelle: Beschlussniederschriften der Integrationsministerkonferenz (IntMK).",
        "Source: minutes of the Integration Ministers' Conference (IntMK).",
    ),
    "footer.licence": (
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "Data licence Germany – attribution – version 2.0",
    ),
    "footer.version": ("Datenstand", "Data version"),
    "backlinks": ("Verweise auf diese Ressource", "Links to this resource"),
    "pages": ("Seiten", "Pages"),
    "page.first": ("erste", "first"),
    "page.prev": ("vorige", "previous"),
    "page.next": ("nächste", "next"),
    "page.last": ("letzte", "last"),
    "all_facts": ("Alle Angaben", "All statements"),
    "this_document": ("Dieses Dokument", "This document"),
    "error.title": ("Fehler", "Error"),
    "error.home": ("Zur Startseite", "To the home page"),
    "error.search": (
        "Alle Ressourcen lassen sich im Abfrage-Editor finden",
        "Every resource can be found with the query editor",
    ),
    "error.not_found": (
        "Unter dieser Adresse ist nichts veröffentlicht. Die Adressen folgen einem festen "
        "Muster, z. B. /id/conference/18/item/4.1 für TOP 4.1 der 18. IntMK oder "
        "/id/land/DE-HE für Hessen.",
        "Nothing is published at this address. Addresses follow one pattern, e.g. "
        "/id/conference/18/item/4.1 for item 4.1 of the 18th IntMK or /id/land/DE-HE for "
        "Hesse.",
    ),
    "error.available": ("Verfügbare Formate:", "Available formats:"),
    "crumbs": ("Pfad", "Breadcrumbs"),
    "resolution": ("Beschluss", "Resolution"),
    "resolution_on": ("Beschluss zu", "Resolution on"),
    "agenda_item": ("Tagesordnungspunkt", "Agenda item"),
    "agenda": ("Tagesordnung", "Agenda"),
    "outcome": ("Ergebnis", "Outcome"),
    "decided_at": ("Beschlossen in", "Decided at"),
    "applicants": ("Antragsteller", "Applicants"),
    "applicant": ("Antragsteller", "Applicant"),
    "all_lander": ("Alle Länder", "All Länder"),
    "coordinating": ("koordinierend", "coordinating"),
    "underlined": ("unterstrichen", "underlined"),
    "named_in": ("genannt in", "named in"),
    "only_in": ("nur in der Liste", "only in the list"),
    "source": ("Quelle", "Source"),
    "lines": ("Zeilen", "lines"),
    "line": ("Zeile", "line"),
    "text": ("Beschlusstext", "Text of the resolution"),
    "proposal_text": (
        "Text des Beschlussvorschlags (nicht angenommen)",
        "Text of the proposal (not adopted)",
    ),
    "settled_by": ("Erledigt durch", "Settled by"),
    "land_votes": ("Stimmen der Länder", "Votes of the Länder"),
    "requests_in_text": (
        "Bitten und Aufforderungen sind im Text hervorgehoben.",
        "requests are highlighted in the text.",
    ),
    "addressee": ("Adressat", "Addressee"),
    "kind": ("Art", "Kind"),
    "to_bund": ("an den Bund", "to the Bund"),
    "cites": ("Zitiert", "Cites"),
    # issue 15, text structure: tables and footnotes of a resolution's text
    "table": ("Tabelle", "Table"),
    "table_of_item": ("im Beschluss zu TOP", "in the resolution on item"),
    "row_number": ("Zeile", "Row"),
    "footnotes": ("Fußnoten", "Footnotes"),
    "footnote": ("Fußnote", "Footnote"),
    "amount": ("Betrag", "Amount"),
    "approximately": ("ungefähr", "approximately"),
    "up_to": ("bis zu", "up to"),
    "at_least": ("mindestens", "at least"),
    "per_P1Y": ("jährlich", "per year"),
    "per_P1M": ("monatlich", "per month"),
    "not_resolved": ("nicht aufgelöst", "not resolved"),
    "no_addressee_named": ("kein Adressat genannt", "no addressee named"),
    "meeting_not_read": ("Sitzungsangabe nicht gelesen", "Meeting phrase not read"),
    "findings": ("Datenqualitätsbefunde", "Data-quality findings"),
    "green_list": ("Grüne Liste", "Green List"),
    "withdrawn": ("zurückgezogen", "withdrawn"),
    "merged_into": ("zusammengelegt mit", "merged into"),
    "discussion_only": ("nur Aussprache", "discussion only"),
    "no_resolution": ("kein Beschluss", "no resolution"),
    "note": ("Vermerk", "Note"),
    "land": ("Land", "Land"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "title": ("Titel", "Title"),
    "role": ("Rolle", "Role"),
    "land_intro": (
        "Ein Land der Bundesrepublik Deutschland in der IntMK.",
        "A Land (state) of the Federal Republic of Germany in the IntMK.",
    ),
    "items_applied": ("Anträge", "items applied for"),
    "items_coordinated": ("koordiniert", "coordinated"),
    "requests_cosigned": ("mitgezeichnete Bitten", "requests co-signed"),
    "participants_count": ("Teilnehmende", "participants"),
    "items_of_land": ("Tagesordnungspunkte als Antragsteller", "Items applied for"),
    "requests_cosigned_title": ("Mitgezeichnete Bitten", "Requests co-signed"),
    "participants": ("Delegation", "Delegation"),
    "chair": ("Vorsitz", "Chair"),
    # issue 15, people
    "preliminary_chair": ("Vorsitz der Vorkonferenz", "Chair of the preliminary conference"),
    "guests_by_organisation": ("Gäste nach Organisation", "Guests by organisation"),
    "role_not_read": ("Amtsbezeichnung nicht gelesen", "Role title not read"),
    "person_intro": (
        "Eine Person, die an der IntMK teilgenommen hat. Anrede, Titel und Amt stehen in der "
        "Teilnehmendenliste jedes Jahres und gehören zur Teilnahme.",
        "A person who attended the IntMK. Form of address, honorific and office stand in the "
        "list of participants of each year and belong to the participation.",
    ),
    "attendances": ("Teilnahmen", "Participations"),
    "conference": ("Konferenz", "Conference"),
    "year": ("Jahr", "Year"),
    "form_of_address": ("Anrede", "Form of address"),
    "honorific": ("Titel", "Honorific"),
    "delegation": ("Delegation", "Delegation"),
    "guest": ("Gast", "guest"),
    "minutes": ("Niederschrift", "Minutes"),
    "home.title": (
        "Beschlüsse der Integrationsministerkonferenz",
        "Resolutions of the Integration Ministers' Conference",
    ),
    "home.lead": (
        "Die Beschlüsse der Konferenz der für Integration zuständigen Ministerinnen und "
        "Minister, Senatorinnen und Senatoren der Länder (IntMK) als Linked Open Data: wer "
        "teilgenommen hat, die Tagesordnung, welche Länder jeden Punkt beantragt haben, wie "
        "entschieden wurde, die Beschlusstexte und die Bitten der Länder an den Bund.",
        "The resolutions of the German Integration Ministers' Conference (IntMK) as Linked "
        "Open Data: who attended, the agenda, which Länder proposed each item, how it was "
        "decided, the resolution texts and the requests the Länder address to the federal "
        "government.",
    ),
    "home.legend": (
        "Fett mit „koordinierend“: das koordinierende Land; unterstrichen: in der Tagesordnung "
        "hervorgehoben.",
        "Bold with “coordinating”: the coordinating Land; underlined: highlighted in the agenda.",
    ),
    "home.access": ("Zugänge", "Ways in"),
    "home.query": (
        "Abfrage-Editor mit Beispielen (SPARQL)",
        "Query editor with examples (SPARQL)",
    ),
    "home.dataset": (
        "Datensatzbeschreibung (DCAT-AP.de, VoID)",
        "Dataset description (DCAT-AP.de, VoID)",
    ),
    "home.dumps": ("Gesamtdaten zum Herunterladen", "Download the whole dataset"),
    "home.ontology": ("Ontologie und Datenmodell", "Ontology and data model"),
    "home.lander": ("Länder", "Länder"),
    "home.questions": ("Fragen an die Daten", "Questions the data answers"),
    "home.more_questions": ("Alle Beispielabfragen …", "All example queries …"),
    "home.conferences": ("Konferenzen", "Conferences"),
}
