"""One audit event as the Activity page, its CSV export and a person's data export read it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: datetime
    actor_id: int
    actor_name: str
    action: str
    entity_type: str
    entity_id: str | None
    person_id: int | None
    station: str | None
    detail: dict[str, Any] = field(default_factory=dict)
    description: str = ""  # in words: "Opened Maria P.'s record"
    person_label: str = ""  # whose information it touched, as the Activity page names them

    def worded(self, description: str, person_label: str) -> AuditEntry:
        return replace(self, description=description, person_label=person_label)

    @property
    def sentence(self) -> str:
        """The whole sentence, with who did it: "Rosa Delgado opened Maria P.'s record"."""
        text = self.description
        return f"{self.actor_name} {text[:1].lower()}{text[1:]}" if text else self.actor_name
