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
        "Alle Ressourcen lassen sich auch über den Abfrage-Editor finden.",
        "Every resource can also be found with the query editor.",
    ),
}
