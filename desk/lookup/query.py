"""Reading what was typed into the sign-in box: name words, a birth year, phone digits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk.text_folding import fold

_PHONE_LIKE = re.compile(r"^[\d\s().+\-]+$")
MIN_PHONE_DIGITS = 4


@dataclass(frozen=True)
class LookupQuery:
    words: tuple[str, ...]  # folded name words, the last possibly half typed
    birth_year: int | None
    phone_digits: str  # "" when no phone number was typed

    @property
    def is_empty(self) -> bool:
        return not self.words and self.birth_year is None and not self.phone_digits


def parse_query(text: str, *, this_year: int) -> LookupQuery:
    """Split the box's text. Digits typed alone or with phone punctuation are a phone number,
    unless they are four digits that make a plausible birth year; digits among words are the
    birth year ("maria 1985") or phone digits ("maria 0142")."""
    stripped = text.strip()
    if stripped and _PHONE_LIKE.match(stripped):
        digits = re.sub(r"\D", "", stripped)
        if len(digits) == 4 and 1900 <= int(digits) <= this_year:
            return LookupQuery((), int(digits), digits)
        return LookupQuery((), None, digits if len(digits) >= MIN_PHONE_DIGITS else "")
    words: list[str] = []
    birth_year = None
    phone = ""
    for word in fold(stripped).split():
        if word.isdigit():
            if len(word) == 4 and 1900 <= int(word) <= this_year:
                birth_year = int(word)
            elif len(word) >= MIN_PHONE_DIGITS:
                phone = word
            continue
        words.append(word)
    return LookupQuery(tuple(words), birth_year, phone)
