"""Phone numbers as a person types them, found by any run of their digits ("0142" finds
(508) 555-0142): every number's digits in one string, searched with str.find, each hit
mapped back to its owner. Part of the people lookup (desk/lookup/person_index.py), which
guards it with its lock."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator

from desk.text_folding import digits_only


def typed_digits(e164: str) -> str:
    """The digits a person would type: US numbers without the leading country code 1."""
    digits = digits_only(e164.split(";", 1)[0])  # an extension is not part of the number
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


class PhoneDigits:
    def __init__(self) -> None:
        self._blob = ""
        self._starts = array("q")  # where each number begins: 8 bytes each, not an int object
        self._owners: list[int] = []
        self.stale = True  # a number changed or went: rebuilt before the next search

    def add(self, person_id: int, phone: str) -> None:
        """A number new to the index; a changed or removed one marks it stale instead."""
        self._starts.append(len(self._blob))
        self._owners.append(person_id)
        self._blob += typed_digits(phone) + "|"

    def rebuild(self, phones: Iterable[tuple[int, str | None]]) -> None:
        chunks: list[str] = []
        starts = array("q")
        owners: list[int] = []
        offset = 0
        for person_id, phone in phones:
            if phone:
                digits = typed_digits(phone)
                starts.append(offset)
                owners.append(person_id)
                chunks.append(digits + "|")
                offset += len(digits) + 1
        self._blob, self._starts, self._owners = "".join(chunks), starts, owners
        self.stale = False

    def owners_of(self, digits: str, most: int = 5000) -> Iterator[int]:
        position = self._blob.find(digits)
        seen = 0
        while position >= 0 and seen < most:
            yield self._owners[bisect.bisect_right(self._starts, position) - 1]
            seen += 1
            position = self._blob.find(digits, position + 1)
