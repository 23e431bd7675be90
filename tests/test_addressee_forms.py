"""Addressees named by their office, an earlier name or their full form are found.

Regressions from minutes of other years in the seed's own layout (issue 15, point 2):
requests to a federal agency, to a federal minister named by her office, to a federal
commissioner and to the BMI under an earlier name were silently not published.
"""

from __future__ import annotations

import pytest

from mapping.model import RequestKind
from mapping.requests import find_request


@pytest.mark.parametrize(
    ("sentence", "kind", "addressees", "action"),
    [
        (
            "Die IntMK bittet die Bundesagentur für Arbeit, die Beratung auszubauen.",
            RequestKind.BITTE,
            ("ba",),
            "die Beratung auszubauen",
        ),
        (
            "Die Länder fordern die Bundesministerin des Innern auf, die Mittel zu erhöhen.",
            RequestKind.AUFFORDERUNG,
            ("bmi",),
            "die Mittel zu erhöhen",
        ),
        (
            "Die IntMK bittet den Bundesminister für Arbeit und Soziales zu prüfen, "
            "ob die Frist verlängert werden kann.",
            RequestKind.PRUEFBITTE,
            ("bmas",),
            "zu prüfen, ob die Frist verlängert werden kann",
        ),
        (
            "Die IntMK appelliert an die Beauftragte der Bundesregierung für Migration, "
            "Flüchtlinge und Integration, den Bericht vorzulegen.",
            RequestKind.APPELL,
            ("integrationsbeauftragte",),
            "den Bericht vorzulegen",
        ),
        (
            "Die Länder ersuchen die Integrationsbeauftragte, die Länder zu beteiligen.",
            RequestKind.ERSUCHEN,
            ("integrationsbeauftragte",),
            "die Länder zu beteiligen",
        ),
        (
            "Die IntMK bittet das Bundesministerium des Innern, für Bau und Heimat, "
            "die Kurse fortzuführen.",
            RequestKind.BITTE,
            ("bmi",),
            "die Kurse fortzuführen",
        ),
        (
            "Die IntMK bittet das Bundesministerium des Innern um einen Bericht.",
            RequestKind.BITTE,
            ("bmi",),
            "um einen Bericht",
        ),
        (
            "Die IntMK bittet die Kultusministerkonferenz um Unterstützung.",
            RequestKind.BITTE,
            ("kmk",),
            "um Unterstützung",
        ),
    ],
)
def test_addressee_forms(
    sentence: str, kind: RequestKind, addressees: tuple[str, ...], action: str
) -> None:
    found = find_request(sentence, ())
    assert found is not None
    assert (found.kind, found.addressees, found.action) == (kind, addressees, action)


def test_the_current_bmi_name_is_not_cut_to_an_earlier_one() -> None:
    found = find_request(
        "Die IntMK bittet das Bundesministerium des Innern und für Heimat um einen Bericht.", ()
    )
    assert found is not None
    assert (found.addressees, found.action) == (("bmi",), "um einen Bericht")
