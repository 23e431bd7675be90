"""Amounts of money: whole number words, figures, scales and the currency before or after;
ranges, bounds, periods, years, and the phrases that stay unresolved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mapping.amount_years import read_years
from mapping.amounts import find_amounts, lower_bound
from mapping.model import Amount, UnresolvedAmount
from mapping.number_words import read_number_word


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("siebzehn", "17"),
        ("zweihundertachtzig", "280"),
        ("dreiundzwanzig", "23"),
        ("zweieinhalb", "2.5"),
        ("eineinhalb", "1.5"),
        ("einer", "1"),
        ("Zwei", "2"),
        ("hundertfünfzig", "150"),
        ("dreitausendvierhundert", "3400"),
        ("neunundneunzig", "99"),
        ("hundertundzwanzig", "120"),
        ("zweihundertundfünfzig", "250"),
        ("tausendundeins", "1001"),
        ("anderthalb", "1.5"),
    ],
)
def test_whole_number_words_and_compounds(word: str, value: str) -> None:
    assert read_number_word(word) == Decimal(value)


@pytest.mark.parametrize("word", ["mehrere", "einige", "siebenzehnt", "zehnte", "Euro", "und"])
def test_words_that_are_no_number_words(word: str) -> None:
    assert read_number_word(word) is None


@pytest.mark.parametrize(
    ("text", "value", "stated_as"),
    [
        ("Der Bund stellt EUR 500.000 bereit.", "500000", "EUR 500.000"),
        ("Es werden 500.000 Euro bereitgestellt.", "500000", "500.000 Euro"),
        ("Dafür sind € 1,5 Mio. vorgesehen.", "1500000", "€ 1,5 Mio."),
        ("Dafür sind 1,5 Mio. € vorgesehen.", "1500000", "1,5 Mio. €"),
        ("Das Programm umfasst 2,5 Mrd. Euro.", "2500000000", "2,5 Mrd. Euro"),
        ("Ein Zuschuss von 500 Tsd. Euro.", "500000", "500 Tsd. Euro"),
        ("mit zwei Millionen Euro", "2000000", "zwei Millionen Euro"),
        ("mit einer Milliarde Euro", "1000000000", "einer Milliarde Euro"),
        ("mit zweieinhalb Millionen Euro", "2500000", "zweieinhalb Millionen Euro"),
        ("mit 1.234.567,89 Euro", "1234567.89", "1.234.567,89 Euro"),
        ("Dafür sind 1,5 Mio € vorgesehen.", "1500000", "1,5 Mio €"),
        ("Das Programm hat 2 Mrd Euro.", "2000000000", "2 Mrd Euro"),
        ("Auf Hessen entfallen 300 Tsd € davon.", "300000", "300 Tsd €"),
        ("Es werden hundertundzwanzig Euro erstattet.", "120", "hundertundzwanzig Euro"),
        ("je Person zweihundertundfünfzig Euro", "250", "zweihundertundfünfzig Euro"),
    ],
)
def test_amount_forms(text: str, value: str, stated_as: str) -> None:
    amount = only(text)
    assert (amount.value, amount.stated_as, amount.currency) == (Decimal(value), stated_as, "EUR")


def test_compound_millions_are_not_read_from_inside_the_word() -> None:
    """Regression: "siebzehn Millionen Euro" was read from "zehn" (or "sieben") inside it."""
    text = "Der Bund stellt siebzehn Millionen Euro und dreiundzwanzig Mio. € bereit."
    amounts = find_amounts(text)
    assert [a.value if isinstance(a, Amount) else a for a in amounts] == [
        Decimal(17_000_000),
        Decimal(23_000_000),
    ]


def test_approximate_qualifier() -> None:
    amount = only("rund dreiundzwanzig Millionen Euro")
    assert amount.approximate and amount.value == Decimal(23_000_000)


def only(text: str) -> Amount:
    (mention,) = find_amounts(text)
    assert isinstance(mention, Amount)
    return mention


def bounds(amount: Amount) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    return amount.value, amount.min_value, amount.max_value


M = Decimal(1_000_000)


@pytest.mark.parametrize(
    ("text", "stated_as", "low", "high"),
    [
        ("Der Bund stellt 10 bis 20 Mio. € bereit.", "10 bis 20 Mio. €", 10 * M, 20 * M),
        ("zwischen 10 und 20 Millionen Euro", "zwischen 10 und 20 Millionen Euro", 10 * M, 20 * M),
        ("Kosten von 10–20 Mio. Euro", "von 10–20 Mio. Euro", 10 * M, 20 * M),
        ("insgesamt 1,5 - 2 Mrd. €", "1,5 - 2 Mrd. €", 1500 * M, 2000 * M),
        ("zwischen zehn und zwanzig Millionen Euro", "zwischen zehn und zwanzig Millionen Euro",
         10 * M, 20 * M),
        ("ein bis zwei Millionen Euro jährlich", "ein bis zwei Millionen Euro jährlich", M, 2 * M),
        ("von 800 Tsd. Euro bis 1,2 Mio. Euro", "von 800 Tsd. Euro bis 1,2 Mio. Euro",
         Decimal(800_000), Decimal(1_200_000)),
        ("500.000 bis 1 Mio. € (Stand 2024)", "500.000 bis 1 Mio. €", Decimal(500_000), M),
        ("€ 10 – 20 Mio. für Sprachkurse", "€ 10 – 20 Mio.", 10 * M, 20 * M),
    ],
)  # fmt: skip
def test_a_range_is_one_amount_with_min_and_max(
    text: str, stated_as: str, low: Decimal, high: Decimal
) -> None:
    amount = only(text)
    assert (amount.stated_as, *bounds(amount)) == (stated_as, None, low, high)


def test_regression_a_range_gave_only_its_upper_end() -> None:
    """Regression (issue 15, point 3): "10 bis 20 Mio. €" was published as 20 Mio. €."""
    amount = only("Der Bund stellt 10 bis 20 Mio. € bereit.")
    assert amount.value is None
    assert (amount.min_value, amount.max_value) == (10 * M, 20 * M)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("bis zu 5 Mio. €", None, 5 * M),
        ("maximal 300.000 Euro", None, Decimal(300_000)),
        ("höchstens zwei Millionen Euro", None, 2 * M),
        ("Zuschüsse bis 20.000 Euro je Projekt", None, Decimal(20_000)),
        ("mindestens 3 Mio. Euro", 3 * M, None),
        ("wenigstens EUR 50.000", Decimal(50_000), None),
        ("mind. 1,5 Mio € für die Beratung", Decimal(1_500_000), None),
    ],
)
def test_a_bound_gives_only_its_end(text: str, low: Decimal | None, high: Decimal | None) -> None:
    assert bounds(only(text)) == (None, low, high)


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("rund 5 Mio. €", True),
        ("ca. 512.000 EUR", True),
        ("etwa zwei Millionen Euro", True),
        ("circa 40 Mio. Euro", True),
        ("bis zu rund 5 Mio. €", True),
        ("5 Mio. €", False),
    ],
)
def test_approximate_qualifiers(text: str, approximate: bool) -> None:
    assert only(text).approximate is approximate


@pytest.mark.parametrize(
    ("text", "stated_as", "period"),
    [
        ("ab 2024 (jährlich 57 Mio. €)", "jährlich 57 Mio. €", "P1Y"),
        ("57 Mio. € pro Jahr", "57 Mio. € pro Jahr", "P1Y"),
        ("mit 57 Mio. € p. a. gefördert", "57 Mio. € p. a.", "P1Y"),
        ("mit 57 Mio. Euro p.a. gefördert", "57 Mio. Euro p.a.", "P1Y"),
        ("zusätzlich 2 Mio. € je Jahr", "2 Mio. € je Jahr", "P1Y"),
        ("10 Mio. Euro jährlich bis 2027", "10 Mio. Euro jährlich", "P1Y"),
        ("monatlich 500 Euro je Kind", "monatlich 500 Euro", "P1M"),
        ("ein Zuschuss von 300 Euro pro Monat", "300 Euro pro Monat", "P1M"),
        ("die jährlichen 57 Mio. € der Beratung", "jährlichen 57 Mio. €", "P1Y"),
        ("ein Betrag von 500 Euro", "500 Euro", None),
    ],
)
def test_the_period_of_an_amount(text: str, stated_as: str, period: str | None) -> None:
    amount = only(text)
    assert (amount.stated_as, amount.period) == (stated_as, period)


@pytest.mark.parametrize(
    ("text", "years", "period"),
    [
        ("5 Mio. € für die Jahre 2024 und 2025", (2024, 2025), None),
        ("für die Jahre 2024 und 2025 jeweils 5 Mio. €", (2024, 2025), "P1Y"),
        ("im Jahr 2025 Euro 500.000 zusätzlich", (2025,), None),
        ("3 Mio. Euro für das Haushaltsjahr 2023", (2023,), None),
        ("7 Mio. € für die Jahre 2024 bis 2026", (2024, 2025, 2026), None),
        ("für 2019, 2020 und 2021 jeweils 1 Mio. €", (2019, 2020, 2021), "P1Y"),
        ("das Finanzvolumen für 2023 (81,5 Mio. €)", (), None),
    ],
)
def test_the_years_of_an_amount(text: str, years: tuple[int, ...], period: str | None) -> None:
    amount = only(text)
    assert (amount.years, amount.period) == (years, period)


def test_read_years_expands_a_span() -> None:
    assert read_years("2024 bis 2026") == (2024, 2025, 2026)
    assert read_years("2024, 2025 und 2027") == (2024, 2025, 2027)


@pytest.mark.parametrize(
    "text",
    [
        "im Jahr 2025 Euro-Mittel des Bundes",
        "die 2025 Euro-Mittel",
        "seit 2015 Euro-Programme",
        "ab 2026 Euro-Beträge",
    ],
)
def test_a_year_before_euro_is_no_amount(text: str) -> None:
    assert find_amounts(text) == ()


def test_a_year_before_euro_leaves_the_amount_after_it() -> None:
    """Regression: "im Jahr 2025 Euro 500.000" must not read as 2025 €."""
    amount = only("Der Bund stellt im Jahr 2025 Euro 500.000 bereit.")
    assert (amount.value, amount.stated_as, amount.years) == (
        Decimal(500_000),
        "Euro 500.000",
        (2025,),
    )


def test_lower_bound_takes_the_scale_of_the_upper_end_only_when_smaller() -> None:
    assert lower_bound("10", "20", "Mio.") == 10 * M
    assert lower_bound("500.000", "1", "Mio.") == Decimal(500_000)
    assert lower_bound("800 Tsd.", "1,2", "Mio.") == Decimal(800_000)


@pytest.mark.parametrize(
    ("text", "stated_as", "reason"),
    [
        ("Der Bund gibt mehrere Millionen Euro.", "mehrere Millionen Euro", "vague"),
        ("Es fehlen einige Milliarden Euro.", "einige Milliarden Euro", "vague"),
        ("Dafür sind Millionen Euro nötig.", "Millionen Euro", "vague"),
        ("einen dreistelligen Millionenbetrag", "einen dreistelligen Millionenbetrag", "vague"),
        ("Kosten im mittleren sechsstelligen Eurobereich",
         "im mittleren sechsstelligen Eurobereich", "vague"),
        ("ein Zuschuss in Millionenhöhe", "in Millionenhöhe", "vague"),
        ("mehr als 5 Mio. €", "mehr als 5 Mio. €", "open-bound"),
        ("weniger als 100.000 Euro", "weniger als 100.000 Euro", "open-bound"),
        ("ein Scheck über 500 Euro", "über 500 Euro", "open-bound"),
        ("Es stehen 2025 Euro bereit.", "2025 Euro", "year"),
        ("20 bis 10 Mio. €", "20 bis 10 Mio. €", "range"),
        ("900 bis 1,2 Mio. €", "900 bis 1,2 Mio. €", "range"),
    ],
)  # fmt: skip
def test_what_cannot_be_resolved_is_published_unresolved(
    text: str, stated_as: str, reason: str
) -> None:
    assert find_amounts(text) == (UnresolvedAmount(stated_as, reason),)


@pytest.mark.parametrize(
    "text", ["5 Mio. Menschen", "Euro ein", "rund zwei Millionen Arbeitsplätze"]
)
def test_no_money_no_amount(text: str) -> None:
    assert find_amounts(text) == ()


def test_resolved_and_unresolved_keep_their_order() -> None:
    text = "Neben mehreren Millionen Euro stellt der Bund bis zu 5 Mio. € und 2 Mio. € bereit."
    kinds = [(type(m).__name__, m.stated_as) for m in find_amounts(text)]
    assert kinds == [
        ("UnresolvedAmount", "mehreren Millionen Euro"),
        ("Amount", "bis zu 5 Mio. €"),
        ("Amount", "2 Mio. €"),
    ]
