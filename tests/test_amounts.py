"""Amounts of money: whole number words, figures, scales and the currency before or after."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mapping.amounts import find_amounts
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
    ],
)
def test_amount_forms(text: str, value: str, stated_as: str) -> None:
    (amount,) = find_amounts(text)
    assert (amount.value, amount.stated_as, amount.currency) == (Decimal(value), stated_as, "EUR")


def test_compound_millions_are_not_read_from_inside_the_word() -> None:
    """Regression: "siebzehn Millionen Euro" was read from "zehn" (or "sieben") inside it."""
    text = "Der Bund stellt siebzehn Millionen Euro und dreiundzwanzig Mio. € bereit."
    amounts = find_amounts(text)
    assert [a.value for a in amounts] == [Decimal(17_000_000), Decimal(23_000_000)]


def test_approximate_qualifier() -> None:
    (amount,) = find_amounts("rund dreiundzwanzig Millionen Euro")
    assert amount.approximate and amount.value == Decimal(23_000_000)


@pytest.mark.parametrize(
    "text", ["mehrere Millionen Euro", "einen dreistelligen Millionenbetrag", "5 Mio. Menschen"]
)
def test_unreadable_or_no_money_is_never_guessed(text: str) -> None:
    assert find_amounts(text) == ()
