"""What in a note would identify the person on a sheet that does not show their name.

A referral sheet printed without the person's name (the default, and the only kind allowed
without a signed consent) must not name them by the back door: in a service's note or the
next steps. This finds, in free text:

- any of their names, whole words, accents and case set aside, also in the possessive
  ("for María's sister", "Chris' ride", "O'Brien’s case") and whole hyphenated words only
  (a person called Al is not named by "Al-Anon");
- their phone number, however it is written (phonenumbers' matcher, extensions and all),
  and their email address;
- their birth date, in the usual ways of writing a date in English or Spanish.

A birth year alone, or a first name shorter than three letters inside a longer name, are
not refused: they identify no one, and notes are full of years and short words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers
from anyascii import anyascii

_TOKEN = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*'?")
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
# Name particles that are everyday words in notes ("de la", "van"), checked only as part of
# the whole name they belong to.
_PARTICLES = frozenset({"del", "della", "van", "von", "der", "den", "dos", "das", "bin", "ibn"})


def _fold(text: str) -> str:
    return anyascii(_APOSTROPHES.sub("'", text)).lower()


def word_forms(text: str) -> list[frozenset[str]]:
    """The folded words of `text`, each with the forms it may stand for: as written
    (apostrophes dropped: "O'Brien" is "obrien") and without a possessive ending
    ("María's" is also "maria", "Chris'" also "chris", "the Haddads'" also "haddad")."""
    forms = []
    for token in _TOKEN.findall(_fold(text)):
        variants = {token.replace("'", "")}
        if token.endswith("'s"):
            variants.add(token[:-2].replace("'", ""))
        elif token.endswith("'"):  # "Chris' ride", and the family's: "the Haddads' van"
            variants.add(token[:-1].replace("'", ""))
            if token.endswith("s'"):
                variants.add(token[:-2].replace("'", ""))
        forms.append(frozenset(v for v in variants if v))
    return forms


def name_words(name: str) -> tuple[str, ...]:
    """A name as folded words: "Nguyễn Pérez" is ("nguyen", "perez")."""
    return tuple(token.replace("'", "") for token in _TOKEN.findall(_fold(name)))


def name_phrases(names: list[tuple[str | None, bool]]) -> list[tuple[str, tuple[str, ...]]]:
    """(as written, folded words) for each name that a note could give away; `names` is
    (name, whether its parts count alone): a last name's "Pérez" gives away "Nguyễn Pérez",
    a hyphenated first name's "Jean" gives away "Jean-Luc"."""
    phrases: list[tuple[str, tuple[str, ...]]] = []
    for name, split in names:
        name = (name or "").strip()
        words = name_words(name)
        if not words:
            continue
        phrases.append((name, words))
        if split:
            for part in sorted({p for w in words for p in (w, *w.split("-"))}):
                if len(part) >= 3 and part not in _PARTICLES and (part,) != words:
                    phrases.append((part, (part,)))
    return phrases


def contains_phrase(forms: list[frozenset[str]], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(
        all(phrase[j] in forms[i + j] for j in range(size)) for i in range(len(forms) - size + 1)
    )


def phone_in_text(phone_e164: str | None, text: str, region: str = "US") -> bool:
    """Whether `text` holds this phone number, written in any way the matcher reads."""
    if not phone_e164:
        return False
    try:
        wanted = phonenumbers.parse(phone_e164, None)
    except phonenumbers.NumberParseException:
        return False
    for match in phonenumbers.PhoneNumberMatcher(
        text, region, leniency=phonenumbers.Leniency.POSSIBLE
    ):
        number = match.number
        if (number.country_code, number.national_number) == (
            wanted.country_code,
            wanted.national_number,
        ):
            return True
    # Digits run together with other text ("tel5085550142") escape the matcher.
    digits = re.sub(r"\D", "", text)
    return str(wanted.national_number) in digits and len(str(wanted.national_number)) >= 7


_MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def _date_patterns(day: date) -> list[re.Pattern[str]]:
    m, d, y = day.month, day.day, day.year
    month_names = {
        _MONTHS_EN[m - 1],
        _MONTHS_EN[m - 1][:3],
        _MONTHS_ES[m - 1],
        _MONTHS_ES[m - 1][:3],
    }
    if m == 9:
        month_names |= {"sept", "setiembre"}
    months = "|".join(sorted(month_names, key=len, reverse=True))
    sep = r"\s*[/\-.]\s*"
    mm, dd = rf"0?{m}", rf"0?{d}"
    years = rf"(?:{y}|{y % 100:02d})"
    numeric = [
        rf"\b{mm}{sep}{dd}{sep}{years}\b",  # 3/14/1990, 03-14-90
        rf"\b{dd}{sep}{mm}{sep}{years}\b",  # 14/3/1990 (day first, as Spanish writes it)
        rf"\b{y}{sep}{mm}{sep}{dd}\b",  # 1990-03-14
    ]
    words = [
        rf"\b(?:{months})\.?\s+{dd}(?:st|nd|rd|th)?,?\s+(?:of\s+)?{y}\b",  # March 14, 1990
        rf"\b{dd}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?:{months})\.?,?\s+(?:de\s+|del\s+)?{y}\b",
    ]
    return [re.compile(pattern) for pattern in numeric + words]


def birth_date_in_text(birth_date: date | None, text: str) -> bool:
    if birth_date is None:
        return False
    folded = _fold(text)
    return any(pattern.search(folded) for pattern in _date_patterns(birth_date))


@dataclass(frozen=True)
class Identifying:
    """What was found, and where: for a message that says what to remove."""

    where: str
    what: str  # "their name (“María”)", "their phone number", "their birth date"


def identifying_detail(
    names: list[tuple[str | None, bool]],
    phone_e164: str | None,
    birth_date: date | None,
    texts: dict[str, str],
    *,
    email: str | None = None,
) -> Identifying | None:
    """The first thing in `texts` (where → text) that identifies the person, or None."""
    phrases = name_phrases(names)
    for where, text in texts.items():
        if email and email.strip().lower() in text.lower():
            return Identifying(where, "their email address")
        forms = word_forms(text)
        for written, phrase in phrases:
            if contains_phrase(forms, phrase):
                return Identifying(where, f"their name (“{written}”)")
        if phone_in_text(phone_e164, text):
            return Identifying(where, "their phone number")
        if birth_date_in_text(birth_date, text):
            return Identifying(where, "their birth date")
    return None
