"""Words desk/ hands over in English that the screens say in their own language: the visit
purposes (the Spanish name the center gave each; the built-in ones come with theirs, a
purpose with none keeps what the center typed), the directory's categories (each has its
Spanish name), the coaching specialties and an anonymous visitor's label."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desk.categories import CATEGORY_BY_CODE, Category
from ui.i18n import screen_language
from ui.words import fill

if TYPE_CHECKING:  # only their shapes: the services' modules load with the pages
    from desk.services.checkin import PurposeOption
    from desk.services.specialty_tags import SpecialtyOption


def purpose_label(option: PurposeOption) -> str:
    if screen_language() == "es" and option.label_es:
        return option.label_es
    return option.label


class PurposeNames:
    """English purpose labels (as the queue has them) to the labels the screens show."""

    def __init__(self) -> None:
        self._shown: dict[str, str] = {}

    def learn(self, options: Iterable[PurposeOption]) -> None:
        self._shown = {option.label: purpose_label(option) for option in options}

    def __call__(self, label: str) -> str:
        """A label, or a label with its count ("Naloxone or harm-reduction supplies ×2", as
        desk/services/checkin.py writes one that counts items), named for the screens."""
        head, times, count = label.rpartition(" ×")
        if times and count.isdigit():
            return f"{self._shown.get(head, head)} ×{count}"
        return self._shown.get(label, label)


def anonymous_label(initials: str | None) -> str:
    """ "Anonymous (M. R.)": an anonymous visitor, by the initials they gave, if any."""
    if initials:
        return fill(QCoreApplication.translate("Anonymous", "Anonymous (%1)"), initials)
    return QCoreApplication.translate("Anonymous", "Anonymous")


def category_name(category: Category) -> str:
    """A directory category's name: its Spanish name on Spanish screens."""
    return category.name_es if screen_language() == "es" else category.name


def category_name_of(code: str) -> str:
    return category_name(CATEGORY_BY_CODE[code])


def specialty_label(tag: SpecialtyOption) -> str:
    """A coaching specialty's name: the Spanish name the center gave it on Spanish screens."""
    if screen_language() == "es" and tag.label_es:
        return tag.label_es
    return tag.label
