"""How a person's name is shown: what they want to be called, and less of it on a shared screen."""

from __future__ import annotations


def called(first_name: str | None, preferred_name: str | None) -> str:
    """The name a person goes by: their preferred name if they gave one."""
    return (preferred_name or first_name or "").strip()


def full_name(
    first_name: str | None, last_name: str | None, preferred_name: str | None = None
) -> str:
    name = " ".join(part for part in (called(first_name, preferred_name), last_name) if part)
    return name.strip()


def private_name(
    first_name: str | None, last_name: str | None, preferred_name: str | None = None
) -> str:
    """First name and last initial only ("María P."), for screens others can see."""
    first = called(first_name, preferred_name)
    initial = (last_name or "").strip()[:1]
    return f"{first} {initial}.".strip() if initial else first


def shown_name(
    first_name: str | None, last_name: str | None, preferred_name: str | None, *, private: bool
) -> str:
    if private:
        return private_name(first_name, last_name, preferred_name)
    return full_name(first_name, last_name, preferred_name)


def anonymous_label(initials: str | None) -> str:
    return f"Anonymous ({initials})" if initials else "Anonymous"
