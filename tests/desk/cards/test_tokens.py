"""What a card holds, and what a scan is from its shape alone."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from desk.cards.keystrokes import BurstTracker
from desk.cards.tokens import (
    LENGTH,
    ScanKind,
    card_at_end,
    damm_digit,
    may_become_card,
    new_token,
    read_scan,
    token_hash,
)


def test_a_token_is_rd_seventeen_random_digits_and_a_check_digit() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert re.fullmatch(r"RD\d{18}", token) and len(token) == LENGTH
        assert read_scan(token).kind is ScanKind.CARD
        assert read_scan(token.lower()).token == token  # a scanner typing under Caps Lock


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.integers(0, 16), st.data())
def test_the_check_digit_catches_one_wrong_digit_and_a_swap(digits: str, at: int, data) -> None:
    token = "RD" + digits + damm_digit(digits)
    assert read_scan(token).kind is ScanKind.CARD
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[at]]))
    changed = "RD" + digits[:at] + wrong + digits[at + 1 :] + token[-1]
    assert read_scan(changed).kind is ScanKind.MISREAD
    body = token[2:]
    for i in range(len(body) - 1):
        if body[i] != body[i + 1]:
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2 :]
            assert read_scan("RD" + swapped).kind is ScanKind.MISREAD


def test_what_a_scan_is() -> None:
    token = new_token()
    assert read_scan(token[:9]).kind is ScanKind.PARTIAL  # cut short
    assert read_scan("RD").kind is ScanKind.PARTIAL
    assert read_scan(token + "7").kind is ScanKind.MISREAD  # a stray key at the end
    for foreign in ("012000161155", "9780306406157", "ABC-123", "", "Maria"):
        assert read_scan(foreign).kind is ScanKind.FOREIGN


def test_the_box_holds_its_lookup_only_for_what_may_become_a_card() -> None:
    token = new_token()
    for start in itertools.accumulate(token):
        assert may_become_card(start)
        assert may_become_card(start.lower())
    for typed in ("Ro", "Rosa", "rdx", "508", "1975", "J.D.", token + "1"):
        assert not may_become_card(typed)
    assert card_at_end("ma" + token.lower()) == token
    assert card_at_end(token[:-1]) is None


def test_the_hash_is_of_the_upper_case_token_and_reveals_nothing() -> None:
    token = new_token()
    hashed = token_hash(token)
    assert hashed == token_hash(token.lower()) and len(hashed) == 64
    assert token[2:] not in hashed


def test_a_scanner_is_told_from_a_person_by_the_rhythm() -> None:
    scanner = BurstTracker()
    for n in range(20):
        scanner.key(1000 + n * 6)  # 6 ms apart
    assert scanner.scanning and scanner.ends_run(1000 + 19 * 6 + 10)
    person = BurstTracker()
    for at in (0, 140, 260, 290, 420, 600):  # one rolled pair (30 ms) among 120-180 ms gaps
        person.key(at)
    assert not person.scanning
    assert not person.ends_run(600 + 200)
