"""Words for search: accent- and case-insensitive ("Désintox" finds "desintox" and back)."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII, punctuation kept: "Ñandú Café" -> "nandu cafe", "Mon-Fri" ->
    "mon-fri" (hours parsing reads the dashes; desk.text_folding.fold, for names, drops them)."""
    return anyascii(text).casefold()


def words(text: str | None) -> list[str]:
    if not text:
        return []
    return _WORD.findall(fold(text))
