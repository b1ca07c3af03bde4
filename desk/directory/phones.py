"""Which phone lines a person can call: HSDS phone types (RFC 6350) that are not for voice."""

from __future__ import annotations

# A fax, an SMS-only line, a TTY, a pager or a video line cannot take a spoken call.
NOT_FOR_CALLING = frozenset({"fax", "text", "textphone", "pager", "video"})


def is_for_calling(phone_type: str | None) -> bool:
    """True for voice and cell lines, and for a line whose type is not given."""
    return (phone_type or "").strip().lower() not in NOT_FOR_CALLING
