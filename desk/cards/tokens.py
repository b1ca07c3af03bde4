"""What a card holds: "RD", 17 random digits and a check digit; never a name or a number the
center keeps anywhere else.

Digits, after two letters, because a USB scanner types a barcode as keys: digits are typed the
same on every keyboard layout, and Code 128 packs them two to a symbol (the key tag's barcode
stays wide enough for a cheap scanner). The letters say "ours" at once, and the check digit
(Damm's algorithm: every single wrong digit and every swap of two neighbours is caught) tells
a misread card from one that is simply unknown, without asking the database.

Only a SHA-256 hash of the token is stored. The token is random (56 bits), so a hash needs no
salt or stretching to keep it unguessable; and a scan is looked up by its hash in one indexed
probe.
"""

from __future__ import annotations

import enum
import hashlib
import re
import secrets
from dataclasses import dataclass

PREFIX = "RD"
RANDOM_DIGITS = 17
LENGTH = len(PREFIX) + RANDOM_DIGITS + 1
_WHOLE = re.compile(rf"^{PREFIX}(\d{{{RANDOM_DIGITS + 1}}})$")
_START = re.compile(rf"^{PREFIX}\d{{0,{RANDOM_DIGITS}}}$")
_BEGINNING = re.compile(rf"^(R|{PREFIX}\d{{0,{RANDOM_DIGITS + 1}}})$", re.IGNORECASE)
_ANYWHERE = re.compile(rf"{PREFIX}\d{{{RANDOM_DIGITS + 1}}}$", re.IGNORECASE)

# Damm's quasigroup of order 10 (Damm 2004): a check digit that catches every single-digit
# error and every transposition of adjacent digits.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits: str) -> str:
    interim = 0
    for digit in digits:
        interim = _DAMM[interim][int(digit)]
    return str(interim)


def new_token() -> str:
    digits = f"{secrets.randbelow(10**RANDOM_DIGITS):0{RANDOM_DIGITS}d}"
    return PREFIX + digits + damm_digit(digits)


def token_hash(token: str) -> str:
    """What the database keeps of a card: the hex SHA-256 of its (upper-case) token."""
    return hashlib.sha256(token.strip().upper().encode("ascii")).hexdigest()


class ScanKind(enum.Enum):
    CARD = "card"  # one of ours, read whole (it may still be unknown or replaced)
    PARTIAL = "partial"  # the start of one of ours: the scan was cut short
    MISREAD = "misread"  # our letters, but the digits do not add up: read wrongly
    FOREIGN = "foreign"  # some other barcode (a soda can, a library card)


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    token: str = ""  # the token, upper case, when kind is CARD


def read_scan(text: str) -> Scan:
    """What a scanned string is, from its shape alone."""
    cleaned = text.strip().upper()
    whole = _WHOLE.match(cleaned)
    if whole is not None:
        digits = whole.group(1)
        if damm_digit(digits[:-1]) == digits[-1]:
            return Scan(ScanKind.CARD, cleaned)
        return Scan(ScanKind.MISREAD)
    if _START.match(cleaned):
        return Scan(ScanKind.PARTIAL)
    if cleaned.startswith(PREFIX) and cleaned[len(PREFIX) :].isdigit():
        return Scan(ScanKind.MISREAD)  # too long: two scans run together, or a stray key
    return Scan(ScanKind.FOREIGN)


def may_become_card(text: str) -> bool:
    """Whether `text` could still grow into a card's token ("R", "rd12…"): the sign-in box
    holds its lookup back for it, so no list of names flashes up under a scan."""
    return bool(_BEGINNING.match(text.strip()))


def card_at_end(text: str) -> str | None:
    """A whole token at the end of `text` (what staff had typed before the scan stays in front)."""
    found = _ANYWHERE.search(text.strip())
    if found is None:
        return None
    scan = read_scan(found.group(0))
    return scan.token if scan.kind is ScanKind.CARD else None
