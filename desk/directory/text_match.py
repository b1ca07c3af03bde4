"""Words for search: accent- and case-insensitive ("Désintox" finds "desintox" and back)."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits: "Ñandú Café" -> "nandu cafe"."""
    return anyascii(text).casefold()


def words(text: str | None) -> list[str]:
    if not text:
        return []
    return _WORD.findall(fold(text))
