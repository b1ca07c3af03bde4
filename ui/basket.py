"""The station's referral basket, with a signal so every page showing it stays current.

It also remembers whom the referral is for (a person, or nobody: anonymous), because a
referral can start from the person's record as well as from the directory, and whether the
sheet shows their name.

Nothing chosen or typed for one person reaches another's sheet: choosing a different person
empties the basket (services, notes, next steps) and turns "show their name" off, also when
the sheet was made anonymous in between. Naming the
walk-in an anonymous sheet was being built for (or making a sheet anonymous) keeps the
services and notes, but "show their name" is off again.
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
        self.shows_name = False  # "prepared for" with their name: needs their consent
        # The last person named while this basket was filled: the contents are theirs, even
        # after the sheet was made anonymous, so naming anyone else starts afresh.
        self._filled_for: int | None = None

    def set_person(self, person_id: int | None, label: str = "") -> bool:
        """Whom the sheet is for; True when that is a different person than before, which
        starts the basket afresh."""
        different = (
            person_id is not None and self._filled_for is not None and person_id != self._filled_for
        )
        if different:
            self.basket.clear()
        if person_id is not None:
            self._filled_for = person_id
        if person_id != self.person_id:
            self.shows_name = False
        self.person_id = person_id
        self.person_label = label if person_id is not None else ""
        self.changed.emit()
        return different

    def set_shows_name(self, shows: bool) -> None:
        shows = shows and self.person_id is not None
        if shows != self.shows_name:
            self.shows_name = shows
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
        if text != self.basket.next_steps:
            self.basket.next_steps = text
            self.changed.emit()

    def clear(self) -> None:
        """Empty the basket, forget the person, name off: ready for the next walk-in."""
        self.basket.clear()
        self.person_id = None
        self._filled_for = None
        self.person_label = ""
        self.shows_name = False
        self.changed.emit()
