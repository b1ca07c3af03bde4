"""The station's referral basket, with a signal so every page showing it stays current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.referral_basket import BasketItem, ReferralBasket


class BasketModel(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.basket = ReferralBasket()

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
        self.basket.clear()
        self.changed.emit()
