"""The meetings a title names (mapping/meetings.py, mapping/title_meetings.py): a unit test
per rule of the grammar, each on at least three differently worded instances, and the
whole title of small minutes documents through parse_file.

Rules: kind words; dates (a day, two days, a range over months or years, numeric);
places of one word, of several words, with a qualifier; several meetings in one title;
a phrase the grammar cannot read (an error, or with --lenient its wording and a finding).
Regressions of issue 15: a Vorkonferenz lost its date and place; places with a qualifier
in brackets or of several words were not published; a Sonderkonferenz was published as a
Hauptkonferenz.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mapping.dates import leading_dates
from mapping.errors import SourceError
from mapping.meetings import MeetingPhrase, meeting_kind_of, read_phrases
from mapping.model import Minutes
from mapping.parse_document import parse_file
from tests.test_agenda_layouts import AGENDA_HEAD, FIRST_ROWS, document

D = datetime.date


def phrases(text: str) -> list[tuple[str | None, D | None, D | None, str | None]]:
    return [(p.kind, p.start, p.end, p.place) for p in read_phrases(text)]


def one(text: str) -> MeetingPhrase:
    (phrase,) = read_phrases(text)
    return phrase


# kind words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Hauptkonferenz", "hauptkonferenz"),
        ("Vorkonferenz", "vorkonferenz"),
        ("Sonderkonferenz", "sonderkonferenz"),
        ("Sondersitzung", "sonderkonferenz"),
        ("Videokonferenz", "videokonferenz"),
        ("Video-Konferenz", "videokonferenz"),
        ("Videoschaltkonferenz", "videokonferenz"),
        ("Telefon-/Videokonferenz", "videokonferenz"),
        ("Telefon- und Videokonferenz", "videokonferenz"),
        ("Telefonkonferenz", "telefonkonferenz"),
        ("Telefonschaltkonferenz", "telefonkonferenz"),
        ("Umlaufverfahren", "umlaufverfahren"),
        ("schriftlichen Verfahren", "umlaufverfahren"),
        ("schriftlichem Wege", "umlaufverfahren"),
    ],
)
def test_each_kind_word_names_its_kind(word: str, kind: str) -> None:
    assert meeting_kind_of(word) == kind


def test_the_words_before_a_kind_word_belong_to_its_phrase() -> None:
    assert phrases(" im Umlaufverfahren vom 29. März bis 12. April 2022") == [
        ("umlaufverfahren", D(2022, 3, 29), D(2022, 4, 12), None)
    ]
    assert phrases(" per Telefon-/Videokonferenz am 3. April 2020") == [
        ("videokonferenz", D(2020, 4, 3), D(2020, 4, 3), None)
    ]
    assert phrases(" in Form einer Videokonferenz am 16. April 2021") == [
        ("videokonferenz", D(2021, 4, 16), D(2021, 4, 16), None)
    ]
    assert one(" auf schriftlichem Wege").stated_as == "auf schriftlichem Wege"


# dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("20. April 2022 in Mainz", D(2022, 4, 20), D(2022, 4, 20)),
        ("21./22. April 2022", D(2022, 4, 21), D(2022, 4, 22)),
        ("21./ 22. April 2022 in Ludwigsburg", D(2022, 4, 21), D(2022, 4, 22)),
        ("21. und 22. April 2022", D(2022, 4, 21), D(2022, 4, 22)),
        ("21.–22. April 2022", D(2022, 4, 21), D(2022, 4, 22)),
        ("29. März bis 12. April 2022", D(2022, 3, 29), D(2022, 4, 12)),
        ("30. Dezember 2022 bis 2. Januar 2023", D(2022, 12, 30), D(2023, 1, 2)),
        ("20.04.2022 in Hannover", D(2022, 4, 20), D(2022, 4, 20)),
        ("5.10.2015", D(2015, 10, 5), D(2015, 10, 5)),
    ],
)
def test_a_phrase_begins_with_its_dates(text: str, start: D, end: D) -> None:
    found = leading_dates(text)
    assert found is not None and found[:2] == (start, end)


@pytest.mark.parametrize(
    "text", ["Aprill 2022", "21. Aprill 2022", "31.02.2022", "2. Januar 2023 bis 30. Dezember 2022"]
)
def test_no_date_is_made_of_what_is_no_date(text: str) -> None:
    assert leading_dates(text) is None


def test_am_and_vom_lead_to_the_dates() -> None:
    assert phrases(" am 20. April 2022") == [(None, D(2022, 4, 20), D(2022, 4, 20), None)]
    assert phrases(" vom 29. März bis 12. April 2022") == [
        (None, D(2022, 3, 29), D(2022, 4, 12), None)
    ]
    assert phrases(" , 15. April 2021") == [(None, D(2021, 4, 15), D(2021, 4, 15), None)]


# places -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "place",
    [
        "Wiesbaden",
        "Bad Saarow",
        "Lutherstadt Wittenberg",
        "Halle (Saale)",
        "Frankfurt am Main",
        "Mülheim an der Ruhr",
        "Landau in der Pfalz",
        "Brandenburg an der Havel",
        "Freiburg im Breisgau",
        "Rothenburg ob der Tauber",
        "Halle/Saale",
    ],
)
def test_places_of_several_words_or_with_a_qualifier(place: str) -> None:
    """Regression: "in Halle (Saale)" or "in Frankfurt am Main" gave no place at all."""
    phrase = one(f" am 21./22. April 2022 in {place}")
    assert (phrase.place, phrase.read) == (place, True)
    assert one(f" Vorkonferenz am 20. April 2022 in {place}").place == place


def test_a_place_at_the_end_of_a_line_with_a_comma_or_a_bracket() -> None:
    assert one(" 21./22. April 2022 in Halle (Saale),").place == "Halle (Saale)"
    assert one(" 21./22. April 2022 in Landau in der Pfalz.").place == "Landau in der Pfalz"
    assert one(" 21./22. April 2022 in  Frankfurt  am  Main").place == "Frankfurt am Main"


def test_a_mode_is_no_place() -> None:
    for text in (" am 21. April 2022 in Präsenz", " 21. April 2022 in Form einer Video"):
        phrase = one(text)
        assert phrase.place is None and not phrase.read


# several meetings ----------------------------------------------------------------------------


def test_a_vorkonferenz_and_a_hauptkonferenz_each_with_their_own_dates_and_place() -> None:
    expected = [
        ("vorkonferenz", D(2022, 4, 20), D(2022, 4, 20), "Ludwigsburg"),
        ("hauptkonferenz", D(2022, 4, 21), D(2022, 4, 22), "Ludwigsburg"),
    ]
    assert (
        phrases(
            " Vorkonferenz am 20. April 2022 in Ludwigsburg"
            " Hauptkonferenz am 21./22. April 2022 in Ludwigsburg"
        )
        == expected
    )
    assert (
        phrases(
            " Vorkonferenz am 20. April 2022 in Ludwigsburg,"
            " Hauptkonferenz am 21./22. April 2022 in Ludwigsburg"
        )
        == expected
    )
    assert phrases(
        " Hauptkonferenz am 21./22. April 2022 in Frankfurt am Main"
        " sowie Vorkonferenz am 20. April 2022 in Halle (Saale)"
    ) == [
        ("hauptkonferenz", D(2022, 4, 21), D(2022, 4, 22), "Frankfurt am Main"),
        ("vorkonferenz", D(2022, 4, 20), D(2022, 4, 20), "Halle (Saale)"),
    ]


def test_the_offsets_of_each_phrase() -> None:
    text = " Vorkonferenz am 20. April 2022 in Mainz und Hauptkonferenz am 21. April 2022"
    first, second = read_phrases(text)
    assert text[slice(*first.offsets)].strip() == "Vorkonferenz am 20. April 2022 in Mainz"
    assert second.stated_as == "und Hauptkonferenz am 21. April 2022"


# phrases not read ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        " Hauptkonferenz am 21./22. Aprill 2022 in Ludwigsburg",  # a misspelt month
        " am 21./22. April 2022 im Schloss Ludwigsburg",  # "im", not "in"
        " am 21./22. April 2022 in Ludwigsburg und online",  # words after the place
        " Vorkonferenz irgendwann im Frühjahr",  # no date, no place
    ],
)
def test_a_phrase_with_words_the_grammar_does_not_know_is_not_read(text: str) -> None:
    phrase = one(text)
    assert not phrase.read
    assert (phrase.start, phrase.end, phrase.place) == (None, None, None)
    assert phrase.stated_as == " ".join(text.split())


# whole titles -------------------------------------------------------------------------------


def parse(tmp_path: Path, title: str, lenient: bool = False) -> Minutes:
    path = tmp_path / "minutes.txt"
    path.write_text(document(f"{AGENDA_HEAD}\n{FIRST_ROWS}", title=title), encoding="utf-8")
    return parse_file(path, lenient=lenient)


VORKONFERENZ_TITLES = (
    # the Vorkonferenz first, each meeting on its own line
    "Externe Niederschrift\nüber die Beschlüsse der 17. IntMK 2022\n"
    "Vorkonferenz am 20. April 2022 in Ludwigsburg\n"
    "Hauptkonferenz am 21./22. April 2022 in Ludwigsburg",
    # the Hauptkonferenz first, the Vorkonferenz after "sowie"
    "Ergebnisprotokoll der 17. IntMK 2022\n"
    "Hauptkonferenz am 21./22. April 2022 in Ludwigsburg\n"
    "sowie Vorkonferenz am 20. April 2022 in Ludwigsburg",
    # the kind of the main meeting before "der 17. IntMK", the Vorkonferenz in brackets' stead
    "Beschlussniederschrift der Hauptkonferenz der 17. IntMK 2022\n"
    "21./22. April 2022 in Ludwigsburg,\n"
    "Vorkonferenz am 20.04.2022 in Ludwigsburg",
)


@pytest.mark.parametrize("title", VORKONFERENZ_TITLES)
def test_a_vorkonferenz_keeps_its_own_date_and_place(tmp_path: Path, title: str) -> None:
    """Regression: a Vorkonferenz lost its date and place (only a mention in the resolutions
    made one, without either)."""
    minutes = parse(tmp_path, title)
    main = minutes.meeting
    assert (main.kind, main.start, main.end, main.place) == (
        "hauptkonferenz",
        D(2022, 4, 21),
        D(2022, 4, 22),
        "Ludwigsburg",
    )
    (pre,) = minutes.other_meetings
    assert (pre.kind, pre.start, pre.end, pre.place) == (
        "vorkonferenz",
        D(2022, 4, 20),
        D(2022, 4, 20),
        "Ludwigsburg",
    )
    line = next(n for n, text in enumerate(title.splitlines(), 1) if "Vorkonferenz" in text)
    assert (pre.lines.first, pre.lines.last) == (line, line)
    assert minutes.title.endswith("der 17. IntMK 2022")


@pytest.mark.parametrize(
    ("title", "kind", "place"),
    [
        (
            "Beschlussniederschrift der Sonderkonferenz der 17. IntMK 2022\n"
            "am 5. Oktober 2022 in Frankfurt am Main",
            "sonderkonferenz",
            "Frankfurt am Main",
        ),
        (
            "Externe Niederschrift der 17. IntMK 2022\n"
            "Sondersitzung am 5. Oktober 2022 in Landau in der Pfalz",
            "sonderkonferenz",
            "Landau in der Pfalz",
        ),
        (
            "Ergebnisprotokoll der 17. IntMK 2022\nTelefonkonferenz am 5. Oktober 2022",
            "telefonkonferenz",
            None,
        ),
        (
            "Ergebnisprotokoll der 17. IntMK 2022\nper Telefon-/Videokonferenz am 5. Oktober 2022",
            "videokonferenz",
            None,
        ),
    ],
)
def test_the_kind_of_the_meeting_the_minutes_record(
    tmp_path: Path, title: str, kind: str, place: str | None
) -> None:
    """Regression: a Sonderkonferenz was published as a Hauptkonferenz."""
    minutes = parse(tmp_path, title)
    main = minutes.meeting
    assert (main.kind, main.start, main.place) == (kind, D(2022, 10, 5), place)
    assert minutes.other_meetings == ()


@pytest.mark.parametrize(
    "place",
    ["Halle (Saale)", "Frankfurt am Main", "Mülheim an der Ruhr", "Landau in der Pfalz"],
)
def test_a_place_of_several_words_in_the_title_is_the_meetings_place(
    tmp_path: Path, place: str
) -> None:
    """Regression: places with a qualifier in brackets or of several words were not published."""
    minutes = parse(
        tmp_path,
        f"Externe Niederschrift\nüber die Beschlüsse der Hauptkonferenz der 17. IntMK 2022\n"
        f"21./ 22. April 2022 in {place}",
    )
    assert minutes.meeting.place == place


def test_a_phrase_not_read_is_an_error_naming_its_line(tmp_path: Path) -> None:
    title = (
        "Externe Niederschrift\nüber die Beschlüsse der 17. IntMK 2022\n"
        "Vorkonferenz am 20. Aprill 2022 in Ludwigsburg\n"
        "Hauptkonferenz am 21./22. April 2022 in Ludwigsburg"
    )
    with pytest.raises(SourceError) as caught:
        parse(tmp_path, title)
    assert caught.value.line == 3
    assert "'Vorkonferenz am 20. Aprill 2022 in Ludwigsburg'" in caught.value.problem


def test_with_lenient_a_phrase_not_read_keeps_its_wording(tmp_path: Path) -> None:
    title = (
        "Externe Niederschrift\nüber die Beschlüsse der 17. IntMK 2022\n"
        "Hauptkonferenz am 21./22. April 2022 in Ludwigsburg\n"
        "Vorkonferenz am 20. Aprill 2022 in Ludwigsburg"
    )
    minutes = parse(tmp_path, title, lenient=True)
    assert (minutes.meeting.kind, minutes.meeting.place) == ("hauptkonferenz", "Ludwigsburg")
    (phrase,) = minutes.unresolved_meetings
    assert phrase.stated_as == "Vorkonferenz am 20. Aprill 2022 in Ludwigsburg"
    assert (phrase.lines.first, phrase.lines.last) == (4, 4)
    assert minutes.other_meetings == ()  # nothing of it is guessed


def test_the_main_meeting_not_read_keeps_its_kind_but_no_date(tmp_path: Path) -> None:
    title = "Ergebnisprotokoll der 17. IntMK 2022\nSonderkonferenz am 5. Oktobr 2022 in Mainz"
    minutes = parse(tmp_path, title, lenient=True)
    main = minutes.meeting
    assert (main.kind, main.start, main.place) == ("sonderkonferenz", None, None)
    assert [p.stated_as for p in minutes.unresolved_meetings] == [
        "Sonderkonferenz am 5. Oktobr 2022 in Mainz"
    ]


def test_two_meetings_of_one_kind_are_an_error(tmp_path: Path) -> None:
    title = (
        "Ergebnisprotokoll der 17. IntMK 2022\n"
        "Vorkonferenz am 19. April 2022 in Mainz\n"
        "Vorkonferenz am 20. April 2022 in Mainz\n"
        "Hauptkonferenz am 21. April 2022 in Mainz"
    )
    with pytest.raises(SourceError) as caught:
        parse(tmp_path, title)
    assert caught.value.line == 3
    assert "second meeting of the kind 'vorkonferenz'" in caught.value.problem
