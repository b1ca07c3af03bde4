"""Passwords and PINs: hashed with argon2id (argon2-cffi), checked against a bundled list of
the most common passwords, never logged and never shown.

The rules follow NIST SP 800-63B: a minimum length (a center setting), no composition rules,
and a refusal of passwords that are common, or that are the person's own name or username.
"""

from __future__ import annotations

import functools
import itertools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desk.errors import ValidationError
from desk.messages.staff import (
    CHOOSE_ANOTHER_FEW_UNRELATED_WORDS,
    FEW_UNRELATED_WORDS_MAKE_LONG,
    PASSWORD_CANNOT_BE_YOUR_NAME,
    PASSWORD_HAS_CHARACTERS_IT_NEEDS,
    PASSWORD_IS_EMPTY,
    PASSWORD_IS_LONGER_THAN_CHARACTERS,
    PIN_IS_TO_DIGITS,
    THAT_PASSWORD_IS_ONE_OF,
    THAT_PIN_IS_TOO_EASY,
)
from desk.paths import resources_dir
from desk.text_folding import fold

MAX_PASSWORD_LENGTH = 256  # long passphrases welcome; a 10,000-character paste is not one
PIN_LENGTHS = range(4, 9)

_hasher = PasswordHasher()  # argon2id, the library's (RFC 9106 low-memory) defaults


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """True when `secret` matches `stored_hash`; a missing or damaged hash matches nothing."""
    if not stored_hash or len(secret) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """The hash was made with weaker parameters than today's: store a new one at sign-in."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not anybody's password")


def spend_verification_time(secret: str) -> None:
    """As long as a real check: a username that does not exist takes as long to refuse as a
    wrong password, so the time taken does not tell which usernames exist."""
    verify_secret(_dummy_hash(), secret[:MAX_PASSWORD_LENGTH])


@functools.cache
def common_passwords() -> frozenset[str]:
    path = resources_dir() / "passwords" / "common-passwords.txt"
    return frozenset(
        line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line
    )


def check_new_password(
    password: str, *, min_length: int, login: str = "", display_name: str = ""
) -> None:
    """Refuse a new password that is too short, too long, common, or the person's own name."""
    field = "password"
    if not password.strip():
        raise ValidationError(PASSWORD_IS_EMPTY, field=field)
    if len(password) < min_length:
        raise ValidationError(
            PASSWORD_HAS_CHARACTERS_IT_NEEDS.with_(
                password_count=len(password), min_length=min_length
            ),
            field=field,
            hint=FEW_UNRELATED_WORDS_MAKE_LONG,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            PASSWORD_IS_LONGER_THAN_CHARACTERS.with_(max_password_length=MAX_PASSWORD_LENGTH),
            field=field,
        )
    folded = password.lower()
    if folded in common_passwords() or folded.rstrip("0123456789!.") in common_passwords():
        raise ValidationError(
            THAT_PASSWORD_IS_ONE_OF,
            field=field,
            hint=CHOOSE_ANOTHER_FEW_UNRELATED_WORDS,
        )
    own = {fold(login), *fold(display_name).split(), fold(display_name).replace(" ", "")}
    if fold(password) in {word for word in own if word}:
        raise ValidationError(PASSWORD_CANNOT_BE_YOUR_NAME, field=field)


def check_new_pin(pin: str) -> None:
    """A PIN unlocks only its owner's own lock screen: short, digits, not a plain pattern."""
    field = "pin"
    if not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        raise ValidationError(
            PIN_IS_TO_DIGITS.with_(start=PIN_LENGTHS.start, stop=PIN_LENGTHS.stop - 1), field=field
        )
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {-1}):
        raise ValidationError(THAT_PIN_IS_TOO_EASY, field=field)
