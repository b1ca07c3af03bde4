"""Idempotency keys for the same thing done again after the database did not answer.

A write whose reply never came (the network froze, the server dropped the connection after
the commit) may or may not have been saved. The desk services take an idempotency key: the
same key sent again finds the first write instead of making a second one. A form keeps its
key with its draft (the intake); actions without a form (a sign-in from the box, giving a
referral sheet) keep one here, per thing being done, while it may be sent again.

Only a write that failed in a way that may have gone through (DatabaseUnavailable, which
includes a deadline passed) leaves its key for a retry of the same thing, for a few
minutes. A write in flight, one that succeeded, or one refused for a reason (a validation,
a conflict) leaves nothing: the next attempt is a new write.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Hashable

from desk.errors import DatabaseUnavailable, DeskError

RETRY_WINDOW_S = 300.0


class RetryKeys:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._pending: dict[Hashable, tuple[str, float]] = {}

    def key_for(self, thing: Hashable | None) -> str:
        """The key for doing `thing` (None: a thing that cannot be told apart from the next
        one, such as a nameless anonymous sign-in, which always gets a new key)."""
        kept = self._pending.get(thing) if thing is not None else None
        if kept is not None and self._clock() - kept[1] <= RETRY_WINDOW_S:
            return kept[0]
        return uuid.uuid4().hex

    def done(self, thing: Hashable | None) -> None:
        self._pending.pop(thing, None)

    def failed(self, thing: Hashable | None, key: str, error: DeskError) -> None:
        if thing is not None and isinstance(error, DatabaseUnavailable):
            self._pending[thing] = (key, self._clock())  # it may have been saved
        else:
            self._pending.pop(thing, None)
