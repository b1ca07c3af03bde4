"""Coaching words on screen, through Qt's translations: reasons, languages, modes, goals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from desk.coaching.ranking import Caution, Criterion, Reason, Suggestion
from desk.directory.languages import language_name as directory_language_name
from desk.models import ContactMode, GoalArea, GoalStatus
from ui.i18n import screen_language
from ui.words import fill


def language_name(code: str | None) -> str:
    """A language's name in the language of the screens ("Haitian Creole", "Criollo
    haitiano"): the directory's own naming (CLDR's names, through langcodes)."""
    return directory_language_name(code, screen_language()) if code else ""


def languages_text(codes: Iterable[str]) -> str:
    return ", ".join(language_name(code) for code in codes)


def tags_text(codes: Iterable[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(code, code) for code in codes)


def reason_text(reason: Reason, labels: Mapping[str, str]) -> str:
    values = list(reason.values)
    first = values[0] if values else ""
    last = values[-1] if values else ""
    templates = {
        Criterion.NAMED: QCoreApplication.translate(
            "Coaching", "they asked for this coach by name"
        ),
        Criterion.WISHED_GENDER: QCoreApplication.translate("Coaching", "a %1, as they asked"),
        Criterion.WISHED_LANGUAGE: QCoreApplication.translate(
            "Coaching", "speaks %1, as they asked"
        ),
        Criterion.SAME_PATHWAY: QCoreApplication.translate("Coaching", "shares their pathway (%1)"),
        Criterion.SPEAKS_THEIR_LANGUAGE: QCoreApplication.translate(
            "Coaching", "speaks their language (%1)"
        ),
        Criterion.SPECIALTY: QCoreApplication.translate("Coaching", "knows %1"),
        Criterion.PLENTY_OF_ROOM: QCoreApplication.translate(
            "Coaching", "plenty of room (%1 of %2 places free)"
        ),
        Criterion.ON_DUTY: QCoreApplication.translate("Coaching", "on duty now"),
        Criterion.CONTINUITY: QCoreApplication.translate("Coaching", "has worked with them before"),
        Caution.FULL: QCoreApplication.translate(
            "Coaching", "caseload full (%1 of %2): only with an override"
        ),
        Caution.NOT_WISHED_GENDER: QCoreApplication.translate(
            "Coaching", "not a %1, which they asked for"
        ),
        Caution.NOT_WISHED_LANGUAGE: QCoreApplication.translate(
            "Coaching", "does not speak %1, which they asked for"
        ),
        Caution.NOT_THEIR_LANGUAGE: QCoreApplication.translate(
            "Coaching", "does not speak their language (%1)"
        ),
        Caution.NOT_ON_DUTY: QCoreApplication.translate("Coaching", "not on duty now"),
        Caution.CURRENT_COACH: QCoreApplication.translate("Coaching", "their coach now"),
    }
    text = templates[reason.code]
    if reason.code in (
        Criterion.WISHED_LANGUAGE,
        Criterion.SPEAKS_THEIR_LANGUAGE,
        Caution.NOT_WISHED_LANGUAGE,
        Caution.NOT_THEIR_LANGUAGE,
    ):
        first = language_name(first)
    if reason.code is Criterion.SPECIALTY:
        first = tags_text(values, labels)
    return fill(text, first, last)


def reasons_text(suggestion: Suggestion, labels: Mapping[str, str]) -> str:
    good = "; ".join(reason_text(r, labels) for r in suggestion.reasons)
    return good or QCoreApplication.translate("Coaching", "no particular match")


def cautions_text(suggestion: Suggestion, labels: Mapping[str, str]) -> str:
    return "; ".join(reason_text(r, labels) for r in suggestion.cautions)


def mode_text(mode: ContactMode) -> str:
    return {
        ContactMode.IN_PERSON: QCoreApplication.translate("Coaching", "In person"),
        ContactMode.PHONE: QCoreApplication.translate("Coaching", "Phone"),
        ContactMode.TEXT: QCoreApplication.translate("Coaching", "Text"),
    }[mode]


def area_text(area: GoalArea) -> str:
    return {
        GoalArea.HOUSING: QCoreApplication.translate("Coaching", "Housing"),
        GoalArea.WORK: QCoreApplication.translate("Coaching", "Work"),
        GoalArea.EDUCATION: QCoreApplication.translate("Coaching", "Education"),
        GoalArea.RELATIONSHIPS: QCoreApplication.translate("Coaching", "Relationships"),
        GoalArea.HEALTH: QCoreApplication.translate("Coaching", "Health"),
        GoalArea.RECOVERY: QCoreApplication.translate("Coaching", "Recovery"),
    }[area]


def status_text(status: GoalStatus) -> str:
    return {
        GoalStatus.NOT_STARTED: QCoreApplication.translate("Coaching", "Not started"),
        GoalStatus.IN_PROGRESS: QCoreApplication.translate("Coaching", "In progress"),
        GoalStatus.ACHIEVED: QCoreApplication.translate("Coaching", "Achieved"),
        GoalStatus.ON_HOLD: QCoreApplication.translate("Coaching", "On hold"),
        GoalStatus.DROPPED: QCoreApplication.translate("Coaching", "Dropped"),
    }[status]
