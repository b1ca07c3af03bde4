"""Folding text for matching: case, accents and scripts set aside, so "lukasz" finds Łukasz.

anyascii transliterates every script to ASCII (Ł→L, ễ→e, Đ→D, Arabic→Latin letters), which
is what a person at the desk types when they cannot type the accent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\D+")


def fold(text: str) -> str:
    """Lower-case ASCII with apostrophes dropped (O'Brien → obrien) and other marks as spaces."""
    ascii_text = anyascii(text).lower()
    return _NOT_ALNUM.sub(" ", _APOSTROPHES.sub("", ascii_text)).strip()


# Names repeat (100,000 people have a few thousand first names): each distinct part of a name
# is folded once, and its words are shared by everyone who has it.
_PART_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_PART_CACHE_SIZE)
def _part_tokens(part: str) -> tuple[str, ...]:
    found: list[str] = []
    ascii_part = _APOSTROPHES.sub("", anyascii(part).lower())
    for word in ascii_part.split():
        pieces = [piece for piece in _NOT_ALNUM.split(word) if piece]
        found.extend(pieces)
        if len(pieces) > 1:
            found.append("".join(pieces))
    return tuple(found)


@lru_cache(maxsize=_PART_CACHE_SIZE)
def fold_words(part: str) -> tuple[str, ...]:
    """`fold(part).split()`, remembered for parts of names that come back."""
    return tuple(fold(part).split())


def name_tokens(*parts: str | None) -> tuple[str, ...]:
    """The searchable words of a name: each folded word, and hyphenated names also joined."""
    found: list[str] = []
    for part in parts:
        if part:
            found.extend(_part_tokens(part))
    return tuple(dict.fromkeys(found))


def digits_only(text: str | None) -> str:
    return _DIGITS.sub("", text or "")
