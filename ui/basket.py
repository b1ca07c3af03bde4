"""The station's referral basket, with a signal so every page showing it stays current.

It also remembers whom the referral is for (a person, or nobody: anonymous), because a
referral can start from the person's record as well as from the directory.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.referral_basket import BasketItem, ReferralBasket


class BasketModel(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.basket = ReferralBasket()
        self.person_id: int | None = None
        self.person_label = ""  # the name they go by, for the screen

    def set_person(self, person_id: int | None, label: str = "") -> None:
        self.person_id = person_id
        self.person_label = label if person_id is not None else ""
        self.changed.emit()

    @property
    def items(self) -> tuple[BasketItem, ...]:
        return self.basket.items

    def add(self, service_id: str, service_name: str) -> bool:
        added = self.basket.add(service_id, service_name)
        if added:
            self.changed.emit()
        return added

    def remove(self, service_id: str) -> None:
        self.basket.remove(service_id)
        self.changed.emit()

    def move(self, service_id: str, offset: int) -> None:
        self.basket.move(service_id, offset)
        self.changed.emit()

    def set_note(self, service_id: str, note: str) -> None:
        self.basket.set_note(service_id, note)
        self.changed.emit()

    def set_next_steps(self, text: str) -> None:
        self.basket.next_steps = text
        self.changed.emit()

    def clear(self) -> None:
        """Empty the basket and forget the person: ready for the next walk-in."""
        self.basket.clear()
        self.person_id = None
        self.person_label = ""
        self.changed.emit()
