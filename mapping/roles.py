"""The head of a person line, read as an open grammar: form of address, role title,
academic title, name.

The lists of 2007 to today print the same offices in many forms ("Staatssekretärin",
"Parlamentarischer Staatssekretär", "Leitende Ministerialrätin", "MinDirig", "StS",
"RL"), so a role title is recognised by its form, not from a closed list: optional
qualifiers ("Parlamentarische", "Leitender", "Stellvertretende"), then one word of a known
stem (-sekretär, -minister, -rat/-rätin, -direktor, -dirigent, -leiter, -präsident,
-bürgermeister, -beauftragte, -referent, senator, …) in masculine or feminine form, or a
known abbreviation. Academic titles ("Dr.", "Prof. Dr.", "Dr. h. c.", "Dipl.-Ing.") are
kept in a field of their own, then the name. Words before an academic title that are no
role title are an unread role (`PersonHead.unread_role`): never part of the name.
A role may also follow the name after a comma ("Dr. Hans Muster, Referatsleiter").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ADDRESS = re.compile(r"^(?P<address>Frau|Herr)\s+(?P<rest>\S.*)$")
QUALIFIER = re.compile(
    r"^(?:(?:Parlamentarisch|Leitend|Stellvertretend|Ständig|Erst|Zweit|Regierend|Ehrenamtlich"
    r"|Kommissarisch|Geschäftsführend|Amtierend)(?:e|er|es)?"
    r"|Parl\.|Stellv\.|stellv\.|Stv\.|Ltd\.|Komm\.)$"  # the qualifiers abbreviated
)
# "a. D." (außer Dienst) after a role title belongs to it: "Minister a. D."
RETIRED = (("a.", "D."), ("a.D.",))
# a word no name begins with: an abbreviation of two letters or more ("Parl.", "Präs."), a
# feminine ending after an apostrophe ("StS’in")
NOT_A_NAME = re.compile(r"^(?:[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]+\.|\S+['’]in)$")
ROLE_STEM = (
    r"sekretär|minister|senator|dirigent|direktor|leiter|präsident|bürgermeister"
    r"|beauftragt|referent|kommissar|vertreter|sachbearbeiter|koordinator|chef"
)
# "-rat" only after a known first part: a name like "Murat" is no role
COUNCIL = (
    r"(?:Staats|Ministerial|Regierungs|Oberregierungs|Verwaltungs|Landes|Senats|Kirchen"
    r"|Oberkirchen|Schul|Stadt|Bau|Justiz|Amts|Legations|Botschafts|Medizinal|Kriminal)"
    r"(?:rat|rätin)"
)
ROLE_WORD = re.compile(
    rf"^(?:{COUNCIL}|[A-ZÄÖÜ][a-zäöüß-]*(?:{ROLE_STEM})|(?:Minister|Senator|Leiter|Referent|Bürgermeister|Direktor"
    r"|Präsident|Beauftragt|Vertreter|Chef))(?:in|innen|er|e|r)?$"
)
ROLE_ABBREVIATION = re.compile(
    r"^(?:P?StS(?:in|['’]in)?|StM(?:in)?|StMin|StR(?:in)?|MinDir(?:ig)?(?:in)?|MDg|MD|MinR(?:in)?|MR(?:in)?|LMR(?:in)?"
    r"|RL(?:in)?|AL(?:in)?|UAL(?:in)?|RD(?:in)?|LRD(?:in)?|ORR(?:in)?|RR(?:in)?|RefL(?:in)?"
    r"|Ref\.-Ltr\.|Sen(?:in)?\.?)$"
)
ACADEMIC = re.compile(
    r"^(?:(?:apl\.)?Prof\.|PD|Priv\.-Doz\.|Dr\.(?:-[A-Za-zäöü]+\.)*|h\.|c\.|h\.c\.|mult\."
    r"|Dipl\.-[A-Za-zÄÖÜäöü]+\.?(?:-[A-Za-zäöü]+\.?)?|M\.A\.|LL\.M\.|MdB|MdL)$"
)
# the words an academic title starts with (a name never holds them)
LEADING_ACADEMIC = re.compile(r"^(?:(?:apl\.)?Prof\.|Priv\.-Doz\.|Dr\.\S*|Dipl\.-\S+)$")


@dataclass(frozen=True)
class PersonHead:
    """A person line without its remarks, split into its fields."""

    form_of_address: str | None  # "Frau", "Herr"
    role_title: str | None  # "Leitende Ministerialrätin", "MinDirig", as printed
    academic_title: str | None  # "Prof. Dr.", "Dr. h. c.", as printed
    name: str
    unread_role: str | None = None  # words in the place of a role the grammar cannot read


def is_role(words: list[str]) -> bool:
    """Whether the words are one role title: qualifiers, then a role word or abbreviation."""
    if not words:
        return False
    *qualifiers, last = words
    return all(QUALIFIER.match(word) for word in qualifiers) and bool(
        ROLE_WORD.match(last) or ROLE_ABBREVIATION.match(last)
    )


def role_length(words: list[str]) -> int:
    """How many of the first words form a role title (0 if they start with none)."""
    qualifiers = 0
    while qualifiers < len(words) and QUALIFIER.match(words[qualifiers]):
        qualifiers += 1
    if qualifiers < len(words) and is_role(words[: qualifiers + 1]):
        return qualifiers + 1 + retired_length(words, qualifiers + 1)
    return 0


def retired_length(words: list[str], index: int) -> int:
    """How many words at `index` say the role is held no longer ("a. D."): 0, 1 or 2."""
    for form in RETIRED:
        if tuple(words[index : index + len(form)]) == form:
            return len(form)
    return 0


def starts_with_role(text: str) -> bool:
    """Whether a line starts with a role title followed by a capitalised word
    ("Ministerin Doreen Denstädt"; not "Senatorin für Soziales", a ministry)."""
    words = text.split()
    length = role_length(words)
    return 0 < length < len(words) and words[length][:1].isupper()


def academic_length(words: list[str]) -> int:
    """How many of the first words are academic titles."""
    count = 0
    while count < len(words) and ACADEMIC.match(words[count]):
        count += 1
    return count


def read_head(head: str) -> PersonHead:
    """The fields of a person line's head ("Frau Staatssekretärin Dr. Ute Leidig")."""
    address_match = ADDRESS.match(head)
    address = address_match.group("address") if address_match else None
    rest = address_match.group("rest") if address_match else head
    rest, trailing_role = split_trailing_role(rest)
    words = rest.split()
    length = role_length(words)
    role, words = " ".join(words[:length]) or None, words[length:]
    unread = None
    first_title = next((n for n, word in enumerate(words) if LEADING_ACADEMIC.match(word)), 0)
    if first_title == 0:  # "Parl. Staatssekretärin Anja Test": no name begins so
        first_title = not_a_name_length(words)
    if first_title > 0:  # words before the academic title or name that are no role title
        unread = " ".join([*([role] if role else []), *words[:first_title]])
        role, words = None, words[first_title:]
    titles = academic_length(words)
    academic = " ".join(words[:titles]) or None
    name = " ".join(words[titles:])
    if trailing_role is not None:
        if is_role(trailing_role.split()) and role is None and unread is None:
            role = trailing_role
        else:
            unread = ", ".join(part for part in (unread or role, trailing_role) if part)
            role = None
    return PersonHead(address, role, academic, name, unread)


def not_a_name_length(words: list[str]) -> int:
    """How many of the first words can begin no name (an abbreviation that is no academic
    title, "StS’in"), with the role-like words that follow them ("Parl. Staatssekretärin"):
    they are an unread role, never part of the name; 0 when the words begin a name."""
    if not words or not begins_no_name(words[0]):
        return 0
    count = 1
    while count < len(words) - 1 and (
        begins_no_name(words[count])
        or ROLE_WORD.match(words[count])
        or QUALIFIER.match(words[count])
    ):
        count += 1
    return count if count < len(words) else 0


def begins_no_name(word: str) -> bool:
    return NOT_A_NAME.match(word) is not None and ACADEMIC.match(word) is None


def split_trailing_role(text: str) -> tuple[str, str | None]:
    """'Dr. Hans Muster, Referatsleiter' gives ('Dr. Hans Muster', 'Referatsleiter')."""
    if ", " not in text:
        return text, None
    name, _, role = text.partition(", ")
    return name, " ".join(role.split()) or None
