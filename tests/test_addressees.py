"""The grammar of requests and addressees (issue 15, point 2), one rule at a time, each
with at least three differently worded instances from the minutes' family: the addressee
is the object of the request verb, resolved against the registry
data/reference/organisations.tsv; an object the registry does not know is kept with its
wording; a list inside a request gives one request per item; a request to no one named
has an implicit addressee."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapping.addressees import object_of
from mapping.errors import SourceError
from mapping.model import RequestKind
from mapping.organisations import (
    BY_KEY,
    ORGANISATIONS,
    forms,
    load_organisations,
    normal_words,
    organisation_by_name,
)
from mapping.requests import Found, find_request, list_items

K = RequestKind
Rule = tuple[str, RequestKind, tuple[str, ...]]  # sentence, kind, registry keys


def found(sentence: str, previous: tuple[str, ...] = ()) -> Found:
    result = find_request(sentence, previous)
    assert result is not None, sentence
    return result


def read(sentence: str) -> tuple[RequestKind, tuple[str, ...], tuple[str, ...], str]:
    result = found(sentence)
    return result.kind, result.addressees, result.unresolved, result.action


# --- the rules, each with (sentence, kind, keys, unresolved wordings, requested action) ---

OFFICE_FORMS: list[Rule] = [
    (
        "Die IntMK bittet die Bundesministerin für Arbeit und Soziales, die Berufssprachkurse "
        "zu verstetigen.",
        K.BITTE,
        ("bmas",),
    ),
    (
        "Die Länder bitten den Bundesminister für Gesundheit, Sprachmittlung zu finanzieren.",
        K.BITTE,
        ("bmg",),
    ),
    (
        "Die IntMK fordert den Bundesminister des Innern auf, die Mittel zu erhöhen.",
        K.AUFFORDERUNG,
        ("bmi",),
    ),
    (
        "Die IntMK bittet die Bundesministerin für Familie, Senioren, Frauen und Jugend, "
        "das Programm fortzuführen.",
        K.BITTE,
        ("bmfsfj",),
    ),
]

EARLIER_NAMES: list[Rule] = [
    (
        "Die IntMK bittet das Bundesministerium des Innern, für Bau und Heimat, die "
        "Kurse auszuweiten.",
        K.BITTE,
        ("bmi",),
    ),
    (
        "Die IntMK bittet das Bundesministerium des Innern, die Kurse auszuweiten.",
        K.BITTE,
        ("bmi",),
    ),
    (
        "Die IntMK bittet das Bundesministerium für Wirtschaft und Technologie, die "
        "Anerkennung zu erleichtern.",
        K.BITTE,
        ("bmwi",),
    ),
    (
        "Die IntMK bittet das Bundesministerium der Justiz und für Verbraucherschutz, "
        "das Verfahren zu vereinfachen.",
        K.BITTE,
        ("bmj",),
    ),
]

AGENCIES_AND_COMMISSIONERS: list[Rule] = [
    (
        "Die IntMK fordert das Bundesamt für Migration und Flüchtlinge auf, die Zulassung zu "
        "beschleunigen.",
        K.AUFFORDERUNG,
        ("bamf",),
    ),
    ("Die IntMK bittet das BAMF, die Träger zu informieren.", K.BITTE, ("bamf",)),
    (
        "Die IntMK bittet die Bundesagentur für Arbeit, die Beratung auszubauen.",
        K.BITTE,
        ("ba",),
    ),
    (
        "Die IntMK ersucht die Beauftragte der Bundesregierung für Migration, Flüchtlinge und "
        "Integration, den Aktionsplan fortzuschreiben.",
        K.ERSUCHEN,
        ("integrationsbeauftragte",),
    ),
    (
        "Die IntMK bittet die Integrationsbeauftragte der Bundesregierung, die Länder zu "
        "beteiligen.",
        K.BITTE,
        ("integrationsbeauftragte",),
    ),
    (
        "Die IntMK bittet das Bundesverwaltungsamt, die Anträge zügig zu bearbeiten.",
        K.BITTE,
        ("bva",),
    ),
]

EUROPE_AND_PARLIAMENTS: list[Rule] = [
    (
        "Die IntMK appelliert an die Europäische Kommission, den Fonds fortzuführen.",
        K.APPELL,
        ("europaeische-kommission",),
    ),
    (
        "Die IntMK bittet die EU-Kommission, die Mittel bereitzustellen.",
        K.BITTE,
        ("europaeische-kommission",),
    ),
    (
        "Die IntMK appelliert an das Europäische Parlament, die Richtlinie zu ändern.",
        K.APPELL,
        ("europaeisches-parlament",),
    ),
    (
        "Die IntMK bittet den Deutschen Bundestag, das Gesetz zu ändern.",
        K.BITTE,
        ("bundestag",),
    ),
    ("Die IntMK bittet den Bundesrat, dem Gesetz zuzustimmen.", K.BITTE, ("bundesrat",)),
]

CONFERENCES: list[Rule] = [
    (
        "Die IntMK bittet die Kultusministerkonferenz, die Sprachförderung zu stärken.",
        K.BITTE,
        ("kmk",),
    ),
    ("Die IntMK bittet die ASMK, sich mit dem Thema zu befassen.", K.BITTE, ("asmk",)),
    (
        "Die IntMK bittet die Ministerpräsidentenkonferenz, das Thema aufzugreifen.",
        K.BITTE,
        ("mpk",),
    ),
    (
        "Die IntMK bittet die Jugend- und Familienministerkonferenz, sich anzuschließen.",
        K.BITTE,
        ("jfmk",),
    ),
]

VERBS: list[Rule] = [
    (
        "Die IntMK ersucht die Bundesregierung, die Frist zu verlängern.",
        K.ERSUCHEN,
        ("bundesregierung",),
    ),
    ("Die IntMK empfiehlt dem Bund, die Kurse zu öffnen.", K.EMPFEHLUNG, ("bund",)),
    (
        "Die Länder empfehlen der Bundesregierung, die Frist zu verlängern.",
        K.EMPFEHLUNG,
        ("bundesregierung",),
    ),
    ("Die IntMK regt gegenüber dem Bund an, die Mittel zu erhöhen.", K.ANREGUNG, ("bund",)),
    ("Die IntMK erwartet vom Bund, dass die Mittel erhöht werden.", K.ERWARTUNG, ("bund",)),
    (
        "Die Länder erwarten von der Bundesregierung, dass sie handelt.",
        K.ERWARTUNG,
        ("bundesregierung",),
    ),
    ("Der Bund wird gebeten, die Kurse zu öffnen.", K.BITTE, ("bund",)),
    (
        "Die Bundesregierung wird aufgefordert, die Mittel zu erhöhen.",
        K.AUFFORDERUNG,
        ("bundesregierung",),
    ),
    ("Das BMI wird ersucht, die Frist zu verlängern.", K.ERSUCHEN, ("bmi",)),
]

SEVERAL_OBJECTS: list[Rule] = [
    (
        "Die IntMK empfiehlt dem Bund und den Ländern, Standards zu entwickeln.",
        K.EMPFEHLUNG,
        ("bund", "laender"),
    ),
    (
        "Die IntMK bittet die Bundesregierung sowie die Europäische Kommission, den Fonds "
        "fortzuführen.",
        K.BITTE,
        ("bundesregierung", "europaeische-kommission"),
    ),
    (
        "Die IntMK appelliert an den Bund, die Länder und die Bundesagentur für Arbeit, "
        "zusammenzuarbeiten.",
        K.APPELL,
        ("bund", "laender", "ba"),
    ),
]


@pytest.mark.parametrize(
    ("sentence", "kind", "keys"),
    OFFICE_FORMS
    + EARLIER_NAMES
    + AGENCIES_AND_COMMISSIONERS
    + EUROPE_AND_PARLIAMENTS
    + CONFERENCES
    + VERBS
    + SEVERAL_OBJECTS,
)
def test_the_addressee_is_the_object_of_the_verb_resolved_by_the_registry(
    sentence: str, kind: RequestKind, keys: tuple[str, ...]
) -> None:
    result = found(sentence)
    assert (result.kind, result.addressees, result.unresolved) == (kind, keys, ())
    assert not result.implicit


UNKNOWN = [
    (
        "Die IntMK bittet den Deutschen Städtetag, die Erfahrungen zu bündeln.",
        "den Deutschen Städtetag",
    ),
    (
        "Die IntMK fordert die Stiftung für Integration auf, ein Programm aufzulegen.",
        "die Stiftung für Integration",
    ),
    (
        "Die IntMK appelliert an die Wohlfahrtsverbände, Beratung anzubieten.",
        "die Wohlfahrtsverbände",
    ),
    (
        "Die IntMK bittet die Kommunalen Spitzenverbände, sich zu beteiligen.",
        "die Kommunalen Spitzenverbände",
    ),
]


@pytest.mark.parametrize(("sentence", "wording"), UNKNOWN)
def test_an_object_the_registry_does_not_know_is_kept_with_its_wording(
    sentence: str, wording: str
) -> None:
    result = found(sentence)
    assert (result.addressees, result.unresolved, result.implicit) == ((), (wording,), False)


def test_a_known_and_an_unknown_object_are_both_kept() -> None:
    result = found("Die IntMK bittet den Bund und den Deutschen Städtetag, zu beraten.")
    assert (result.addressees, result.unresolved) == (("bund",), ("den Deutschen Städtetag",))


NO_ADDRESSEE = [
    ("Die IntMK fordert einen leichteren Zugang zu Sprachkursen.", K.FORDERUNG),
    ("Die Länder fordern eine auskömmliche Finanzierung der Beratung.", K.FORDERUNG),
    ("Die IntMK regt an, die Beratung zu bündeln.", K.ANREGUNG),
    ("Die IntMK erwartet, dass die Mittel verstetigt werden.", K.ERWARTUNG),
]


@pytest.mark.parametrize(("sentence", "kind"), NO_ADDRESSEE)
def test_a_request_to_no_one_named_has_an_implicit_addressee(
    sentence: str, kind: RequestKind
) -> None:
    result = found(sentence)
    assert (result.kind, result.addressees, result.unresolved, result.implicit) == (
        kind,
        (),
        (),
        True,
    )


def test_a_passive_without_subject_takes_the_addressee_before_it() -> None:
    for sentence in (
        "Darüber hinaus wird gebeten, die Länder zu beteiligen.",
        "Es wird darum gebeten, frühzeitig zu informieren.",
        "Zudem wird gebeten, die Mittel zu verstetigen.",
    ):
        result = found(sentence, ("bmi",))
        assert (result.addressees, result.implicit) == (("bmi",), True), sentence


LISTS = [
    (
        "Die IntMK bittet den Bund, a) die Mittel zu erhöhen, b) zu prüfen, ob die Kurse "
        "ausgeweitet werden können, und c) die Länder zu beteiligen.",
        [
            ("a)", 1, K.BITTE, "die Mittel zu erhöhen"),
            ("b)", 1, K.PRUEFBITTE, "zu prüfen, ob die Kurse ausgeweitet werden können"),
            ("c)", 1, K.BITTE, "die Länder zu beteiligen"),
        ],
    ),
    (
        "Die IntMK fordert die Bundesregierung auf, a) die Frist zu verlängern; b) die "
        "Beratung zu sichern.",
        [
            ("a)", 1, K.AUFFORDERUNG, "die Frist zu verlängern"),
            ("b)", 1, K.AUFFORDERUNG, "die Beratung zu sichern"),
        ],
    ),
    (
        "Die IntMK bittet das BMI, a) im Bereich der Kurse aa) die Mittel zu erhöhen und bb) "
        "zu prüfen, wie Wartezeiten sinken, b) die Länder zu beteiligen.",
        [
            ("aa)", 2, K.BITTE, "die Mittel zu erhöhen"),
            ("bb)", 2, K.PRUEFBITTE, "zu prüfen, wie Wartezeiten sinken"),
            ("b)", 1, K.BITTE, "die Länder zu beteiligen"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "items"), LISTS)
def test_a_list_inside_a_request_gives_one_request_per_item(
    sentence: str, items: list[tuple[str, int, RequestKind, str]]
) -> None:
    result = list_items(found(sentence))
    assert [(r.list_label, r.list_level, r.kind, r.action) for r in result] == items
    assert {r.addressees for r in result} == {found(sentence).addressees}


def test_a_request_without_a_list_stays_one_request() -> None:
    sentence = "Die IntMK bittet den Bund, die Mittel a priori zu erhöhen."
    assert [r.list_label for r in list_items(found(sentence))] == [None]


# --- regressions: requests that were silently not published before (issue 15) ---------

REGRESSIONS = [
    ("Die IntMK bittet das Bundesverwaltungsamt, Anträge zügig zu bearbeiten.", ("bva",)),
    ("Die IntMK bittet die Bundesministerin für Gesundheit, zu handeln.", ("bmg",)),
    ("Die IntMK bittet die Europäische Kommission, zu handeln.", ("europaeische-kommission",)),
    ("Die IntMK bittet das Bundesministerium der Finanzen, zu handeln.", ("bmf",)),
    (
        "Die IntMK bittet die Antirassismusbeauftragte der Bundesregierung, zu handeln.",
        ("antirassismusbeauftragte",),
    ),
    ("Die IntMK bittet das Bundesministerium des Innern, zu handeln.", ("bmi",)),
]


@pytest.mark.parametrize(("sentence", "keys"), REGRESSIONS)
def test_regression_requests_once_silently_dropped_are_read(
    sentence: str, keys: tuple[str, ...]
) -> None:
    assert found(sentence).addressees == keys


def test_regression_a_list_inside_a_request_is_not_one_request() -> None:
    sentence = "Die IntMK bittet den Bund, a) die Mittel zu erhöhen, b) die Frist zu verlängern."
    assert len(list_items(found(sentence))) == 2


# --- the object grammar on its own -----------------------------------------------------


def test_an_inverted_subject_before_the_object_is_skipped() -> None:
    assert object_of(" die Länder den Bund, die Mittel zu erhöhen").keys == ("bund",)
    assert object_of(" daher erneut den Bund, zu handeln").keys == ("bund",)
    assert object_of(" die IntMK die Bundesregierung, zu handeln").keys == ("bundesregierung",)


def test_no_object_is_no_addressee() -> None:
    for text in (" einen leichteren Zugang", " eine Finanzierung der Kurse", ", dass es gelingt"):
        assert not object_of(text).found, text


# --- the registry ----------------------------------------------------------------------


def test_every_written_form_names_one_organisation() -> None:
    owners: dict[tuple[str, ...], set[str]] = {}
    for org in ORGANISATIONS:
        for form in forms(org):
            owners.setdefault(normal_words(form), set()).add(org.key)
    shared = {form: keys for form, keys in owners.items() if len(keys) > 1}
    assert shared == {}


def test_the_names_of_an_organisation_follow_each_other_in_time() -> None:
    for org in ORGANISATIONS:
        for earlier, later in zip(org.history, org.history[1:], strict=False):
            assert earlier.valid_to is not None, org.key
            assert later.valid_from is not None, org.key
            assert earlier.valid_to < later.valid_from, org.key


def test_the_bmi_has_had_three_names_since_2006() -> None:
    names = [(n.name_de, n.valid_from, n.valid_to) for n in BY_KEY["bmi"].history]
    assert names == [
        ("Bundesministerium des Innern", None, "2018-03-13"),
        ("Bundesministerium des Innern, für Bau und Heimat", "2018-03-14", "2021-12-07"),
        ("Bundesministerium des Innern und für Heimat", "2021-12-08", None),
    ]


def test_every_federal_ministry_resolves_by_its_name_of_today() -> None:
    for org in ORGANISATIONS:
        if org.name_de.startswith("Bundesministerium"):
            assert organisation_by_name(org.name_de) == org, org.key


@pytest.mark.parametrize(
    ("row", "cause"),
    [
        ("bmx\tBundesministerium X\tX\tbund\t\t\t2020-01-01\t2019-01-01\t", "valid_from after"),
        ("bmx\tBundesministerium X\tX\tstaat\t\t\t\t\t", "level 'staat'"),
        ("bmx\tBundesministerium X\tX\tbund\t\tunbekannt\t\t\t", "parent 'unbekannt'"),
        ("bmx\tBundesministerium X\tX\tbund\t\t\t1.1.2020\t\t", "'1.1.2020' in valid_from"),
    ],
)
def test_a_malformed_registry_row_is_an_error_naming_its_line(
    tmp_path: Path, row: str, cause: str
) -> None:
    table = tmp_path / "organisations.tsv"
    header = "key\tname_de\tname_en\tlevel\tabbreviation\tparent\tvalid_from\tvalid_to\talso"
    table.write_text(f"{header}\nbund\tBund\tBund\tbund\t\t\t\t\t\n{row}\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_organisations(table)
    assert "organisations.tsv" in str(error.value)
    assert ":3" in str(error.value) or "line 3" in str(error.value)
    assert cause in str(error.value)
