"""Telling a barcode scanner from a person by the rhythm of the keys.

A USB scanner is a keyboard to the computer: it types a barcode's characters a few
milliseconds apart, then usually Enter. People type 100 ms or more apart, and only now and
then two keys closer than 35 ms (a rolled pair). So a run of four or more keys each within
35 ms of the last is a scan; the scan is over when no key has come for 80 ms, or at its Enter.

Times are in milliseconds, from the key events themselves where the platform gives them (the
keys of a scan may reach a busy program together, but their own times stay apart).
"""

from __future__ import annotations

from dataclasses import dataclass

FAST_GAP_MS = 35.0
QUIET_MS = 80.0
SCAN_KEYS = 4


@dataclass
class BurstTracker:
    """The current run of fast keys."""

    fast_gap_ms: float = FAST_GAP_MS
    last_at: float | None = None
    run: int = 0  # keys in the current run, its first one included

    def key(self, at_ms: float) -> None:
        if self.last_at is not None and 0 <= at_ms - self.last_at <= self.fast_gap_ms:
            self.run += 1
        else:
            self.run = 1
        self.last_at = at_ms

    @property
    def scanning(self) -> bool:
        return self.run >= SCAN_KEYS

    @property
    def fast(self) -> bool:
        """Two or more fast keys: maybe the start of a scan (held back until it is known)."""
        return self.run >= 2

    def ends_run(self, at_ms: float) -> bool:
        """Whether a key at `at_ms` (an Enter) still belongs to the run: a scan's own Enter."""
        return self.last_at is not None and 0 <= at_ms - self.last_at <= QUIET_MS

    def reset(self) -> None:
        self.last_at, self.run = None, 0
