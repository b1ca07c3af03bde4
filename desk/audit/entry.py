"""One audit event as the Activity page, its CSV export and a person's data export read it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desk.messages import Message


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
    # In words, as a Message (desk/audit/wording.py): the screens say it in the staff
    # member's language, the export and the command line in English.
    words: Message | None = None
    person_label: str | Message = ""  # whose information it touched: a name, or words

    def worded(self, words: Message, person_label: str | Message) -> AuditEntry:
        return replace(self, words=words, person_label=person_label)

    @property
    def description(self) -> str:
        """In English words: "Opened Maria P.'s record"."""
        return self.words.english if self.words is not None else ""

    @property
    def sentence(self) -> str:
        """The whole sentence in English, with who did it: "Rosa Delgado opened Maria P.'s
        record" (the screens put theirs together the same way: ui/models/audit_table.py)."""
        return with_actor(self.actor_name, self.description)


def with_actor(actor_name: str, description: str) -> str:
    return f"{actor_name} {description[:1].lower()}{description[1:]}" if description else actor_name
