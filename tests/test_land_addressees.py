"""A Land as addressee (issue 15, point 2, what was left): the object of the request verb
names one Land ("das Land Berlin", "den Freistaat Sachsen", "die Freie und Hansestadt
Hamburg"), several ("die Länder Bayern und Hessen"), all of them as one ("die Länder",
"alle Länder": the registry's `laender`, never 16 guessed links), or Länder the text does
not name ("die übrigen Länder": kept with its wording, unresolved). Each rule with at least
three differently worded instances from the minutes' family; an addressee key of a Land is
its ISO 3166-2 code."""

from __future__ import annotations

import pytest

from mapping.addressees import is_land_code, object_of
from mapping.laender import LAENDER
from mapping.model import ApplicantEntry, ApplicantList, LineRange, Paragraph, RequestKind
from mapping.requests import Found, extract_requests, find_request

K = RequestKind
Rule = tuple[str, RequestKind, tuple[str, ...]]  # sentence, kind, addressee keys


def found(sentence: str, previous: tuple[str, ...] = ()) -> Found:
    result = find_request(sentence, previous)
    assert result is not None, sentence
    return result


ONE_LAND: list[Rule] = [
    ("Die IntMK bittet das Land Berlin, einen Bericht vorzulegen.", K.BITTE, ("DE-BE",)),
    (
        "Die IntMK bittet die Freie und Hansestadt Hamburg, die Ergebnisse vorzustellen.",
        K.BITTE,
        ("DE-HH",),
    ),
    (
        "Die IntMK appelliert an den Freistaat Sachsen, das Modellprojekt fortzuführen.",
        K.APPELL,
        ("DE-SN",),
    ),
    (
        "Die IntMK empfiehlt dem Land Nordrhein-Westfalen, die Erfahrungen zu teilen.",
        K.EMPFEHLUNG,
        ("DE-NW",),
    ),
    (
        "Die IntMK bittet die Freie Hansestadt Bremen zu prüfen, ob das Verfahren übertragbar ist.",
        K.PRUEFBITTE,
        ("DE-HB",),
    ),
    ("Die IntMK bittet das Saarland, die Federführung zu übernehmen.", K.BITTE, ("DE-SL",)),
    (
        "Die IntMK dankt dem Freistaat Bayern und bittet den Freistaat Thüringen, die "
        "Arbeitsgruppe zu leiten.",
        K.BITTE,
        ("DE-TH",),
    ),
    ("Das Land Hessen wird gebeten, die Geschäftsstelle zu unterstützen.", K.BITTE, ("DE-HE",)),
]

SEVERAL_LAENDER: list[Rule] = [
    (
        "Die IntMK fordert die Länder Bayern und Hessen auf, ihre Erfahrungen einzubringen.",
        K.AUFFORDERUNG,
        ("DE-BY", "DE-HE"),
    ),
    (
        "Die IntMK bittet die Länder Berlin, Bremen und Hamburg, gemeinsam zu berichten.",
        K.BITTE,
        ("DE-BE", "DE-HB", "DE-HH"),
    ),
    (
        "Die IntMK empfiehlt den Ländern Sachsen-Anhalt sowie Mecklenburg-Vorpommern, die "
        "Beratung zu bündeln.",
        K.EMPFEHLUNG,
        ("DE-ST", "DE-MV"),
    ),
    (
        "Die IntMK bittet die Länder BY, SN und TH, die Daten zu liefern.",
        K.BITTE,
        ("DE-BY", "DE-SN", "DE-TH"),
    ),
    (
        "Die IntMK bittet das Land Berlin und den Freistaat Sachsen, die Ergebnisse zu bündeln.",
        K.BITTE,
        ("DE-BE", "DE-SN"),
    ),
    (
        "Die IntMK bittet die Länder Bayern und Hessen sowie den Bund, einen Bericht vorzulegen.",
        K.BITTE,
        ("DE-BY", "DE-HE", "bund"),
    ),
]

ALL_LAENDER: list[Rule] = [
    ("Die IntMK bittet die Länder, die Zahlen zu melden.", K.BITTE, ("laender",)),
    ("Die IntMK appelliert an alle Länder, sich zu beteiligen.", K.APPELL, ("laender",)),
    ("Die IntMK empfiehlt allen Ländern, die Kurse zu öffnen.", K.EMPFEHLUNG, ("laender",)),
    ("Die IntMK fordert die Länder auf, die Mittel bereitzustellen.", K.AUFFORDERUNG, ("laender",)),
]


@pytest.mark.parametrize(("sentence", "kind", "keys"), ONE_LAND + SEVERAL_LAENDER + ALL_LAENDER)
def test_a_land_as_addressee_is_linked_to_the_land(
    sentence: str, kind: RequestKind, keys: tuple[str, ...]
) -> None:
    result = found(sentence)
    assert (result.kind, result.addressees, result.unresolved) == (kind, keys, ())
    assert not result.implicit


NOT_NAMED = [
    (
        "Die antragstellenden Länder bitten die übrigen Länder, sich dem Beschluss anzuschließen.",
        "die übrigen Länder",
    ),
    (
        "Die IntMK bittet die anderen Länder, ihre Erfahrungen mitzuteilen.",
        "die anderen Länder",
    ),
    (
        "Die IntMK empfiehlt den nicht antragstellenden Ländern, sich zu beteiligen.",
        "den nicht antragstellenden Ländern",
    ),
    (
        "Die IntMK appelliert an die ostdeutschen Länder, die Programme abzustimmen.",
        "die ostdeutschen Länder",
    ),
]


@pytest.mark.parametrize(("sentence", "wording"), NOT_NAMED)
def test_laender_the_text_does_not_name_are_kept_with_their_wording(
    sentence: str, wording: str
) -> None:
    """The minutes do not say which Länder are "the others": never guessed (not the
    complement of the applicants, not all 16), kept unresolved with the wording."""
    result = found(sentence)
    assert (result.addressees, result.unresolved, result.implicit) == ((), (wording,), False)


def test_regression_named_laender_are_not_all_laender() -> None:
    """ "die Länder Bayern und Hessen" was read as "die Länder" (all 16), the names dropped."""
    result = found("Die IntMK fordert die Länder Bayern und Hessen auf, zu berichten.")
    assert "laender" not in result.addressees
    assert result.addressees == ("DE-BY", "DE-HE")


def test_regression_a_land_is_no_longer_unresolved() -> None:
    """ "das Land Berlin" and "den Freistaat Sachsen" were unresolved addressees, and "die
    Freie und Hansestadt Hamburg" an unresolved "die Freie"."""
    for sentence in (
        "Die IntMK bittet das Land Berlin, zu berichten.",
        "Die IntMK appelliert an den Freistaat Sachsen, zu berichten.",
        "Die IntMK bittet die Freie und Hansestadt Hamburg, zu berichten.",
    ):
        result = found(sentence)
        assert result.unresolved == (), sentence
        assert len(result.addressees) == 1 and is_land_code(result.addressees[0]), sentence


def test_an_inverted_subject_of_named_laender_is_skipped() -> None:
    for sentence in (
        "Daher bitten die Länder Bayern und Hessen den Bund, die Mittel zu erhöhen.",
        "Deshalb bittet der Freistaat Sachsen die Bundesregierung, zu berichten.",
        "Daher bittet das Land Berlin den Bund, die Mittel zu erhöhen.",
    ):
        result = found(sentence)
        assert result.addressees in {("bund",), ("bundesregierung",)}, sentence


def test_a_land_name_declined_as_dative_is_read() -> None:
    assert object_of(" der Freien und Hansestadt Hamburg, zu berichten").keys == ("DE-HH",)
    assert object_of(" dem Freistaat Bayern, zu berichten").keys == ("DE-BY",)
    assert object_of(" dem Land Brandenburg, zu berichten").keys == ("DE-BB",)


def test_a_passive_after_a_land_takes_the_land() -> None:
    result = found("Darüber hinaus wird gebeten, die Kommunen zu beteiligen.", ("DE-BE",))
    assert (result.addressees, result.implicit) == (("DE-BE",), True)


def test_land_codes_and_organisation_keys_are_told_apart() -> None:
    assert is_land_code("DE-BE") and is_land_code("DE-MV")
    assert not is_land_code("laender") and not is_land_code("bmi") and not is_land_code("DE")


def applicants(*codes: str) -> ApplicantList:
    entries = tuple(ApplicantEntry(code, False, False) for code in codes)
    return ApplicantList(entries, False, ", ".join(codes), LineRange(3, 3))


def requests_of(
    text: str, listed: ApplicantList | None
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    paragraph = Paragraph(1, None, text, False, (), LineRange(10, 10))
    return [(r.addressees, r.unresolved) for r in extract_requests((paragraph,), listed)]


OTHERS = [
    "Die antragstellenden Länder bitten die übrigen Länder, sich dem Beschluss anzuschließen.",
    "Die Antragsteller appellieren an die übrigen Länder, sich zu beteiligen.",
    "Die antragstellenden Länder empfehlen den übrigen Ländern, das Verfahren zu übernehmen.",
    "Die Antragstellerländer fordern die übrigen Länder auf, sich anzuschließen.",
]


@pytest.mark.parametrize("sentence", OTHERS)
def test_the_other_laender_of_the_applicants_are_the_laender_that_did_not_apply(
    sentence: str,
) -> None:
    """The sentence's subject is the applicants and the item names them: "die übrigen
    Länder" are the Länder that did not apply, in the order of the Länder."""
    others = tuple(land.code for land in LAENDER if land.code not in {"DE-HE", "DE-SL"})
    assert requests_of(sentence, applicants("DE-HE", "DE-SL")) == [(others, ())]


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        # the sources do not say which: no applicant list, all Länder applied, or the
        # subject is not the applicants (übrig to what?)
        (OTHERS[0], None),
        (OTHERS[0], ApplicantList((), True, "Alle Länder", LineRange(3, 3))),
        ("Die IntMK bittet die übrigen Länder, sich anzuschließen.", applicants("DE-HE")),
        ("Die Länder Bayern und Hessen bitten die übrigen Länder, zu folgen.", applicants("DE-HE")),
    ],
)
def test_the_other_laender_stay_unresolved_where_the_sources_do_not_say_which(
    sentence: str, listed: ApplicantList | None
) -> None:
    ((keys, unresolved),) = requests_of(sentence, listed)
    assert keys == ()
    assert len(unresolved) == 1 and unresolved[0].endswith(("übrigen Länder", "übrigen Ländern"))
