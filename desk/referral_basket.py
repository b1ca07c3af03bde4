"""The referral basket: the services chosen for one person's referral sheet, in order.

It lives at a station while staff build a referral (from the directory, or a person's record)
and becomes a referral when the sheet is given. Plain Python; the screen wraps it in signals.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class BasketItem:
    service_id: str
    service_name: str
    note: str = ""


class ReferralBasket:
    def __init__(self) -> None:
        self._items: list[BasketItem] = []
        self.next_steps = ""

    @property
    def items(self) -> tuple[BasketItem, ...]:
        return tuple(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, service_id: object) -> bool:
        return any(item.service_id == service_id for item in self._items)

    def add(self, service_id: str, service_name: str) -> bool:
        """Add a service at the end; False (and nothing changes) if it is already there."""
        if service_id in self:
            return False
        self._items.append(BasketItem(service_id, service_name))
        return True

    def remove(self, service_id: str) -> None:
        self._items = [item for item in self._items if item.service_id != service_id]

    def move(self, service_id: str, offset: int) -> None:
        """Move a service up (negative offset) or down, stopping at either end."""
        index = self._index(service_id)
        target = max(0, min(len(self._items) - 1, index + offset))
        item = self._items.pop(index)
        self._items.insert(target, item)

    def set_note(self, service_id: str, note: str) -> None:
        index = self._index(service_id)
        self._items[index] = replace(self._items[index], note=note)

    def clear(self) -> None:
        self._items.clear()
        self.next_steps = ""

    def _index(self, service_id: str) -> int:
        for index, item in enumerate(self._items):
            if item.service_id == service_id:
                return index
        raise KeyError(service_id)
