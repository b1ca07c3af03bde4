"""A suggestion's reasons in plain English, as kept with the assignment and in the activity
log. (The screen words come from the interface's translations.)"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desk.coaching.ranking import Caution, Criterion, Reason, Suggestion


def _names(codes: tuple[str, ...], name: Callable[[str], str]) -> str:
    return ", ".join(name(code) for code in codes)


def reason_words(
    reason: Reason,
    *,
    languages: Mapping[str, str] | None = None,
    specialties: Mapping[str, str] | None = None,
) -> str:
    language = (languages or {}).get
    tag = (specialties or {}).get
    values = reason.values
    first = values[0] if values else ""
    words = {
        Criterion.NAMED: "they asked for this coach by name",
        Criterion.WISHED_GENDER: f"a {first}, as they asked",
        Criterion.WISHED_LANGUAGE: f"speaks {language(first, first)}, as they asked",
        Criterion.SAME_PATHWAY: f"shares their pathway ({first})",
        Criterion.SPEAKS_THEIR_LANGUAGE: f"speaks their language ({language(first, first)})",
        Criterion.SPECIALTY: "knows " + _names(values, lambda c: tag(c, c)),
        Criterion.PLENTY_OF_ROOM: f"plenty of room ({first} of {values[-1] if values else ''} "
        "places free)",
        Criterion.ON_DUTY: "on duty now",
        Criterion.CONTINUITY: "has worked with them before",
        Caution.FULL: f"caseload full ({first} of {values[-1] if values else ''}): only with "
        "an override",
        Caution.NOT_WISHED_GENDER: f"not a {first}, which they asked for",
        Caution.NOT_WISHED_LANGUAGE: f"does not speak {language(first, first)}, which they "
        "asked for",
        Caution.NOT_THEIR_LANGUAGE: f"does not speak their language ({language(first, first)})",
        Caution.NOT_ON_DUTY: "not on duty now",
        Caution.CURRENT_COACH: "their coach now",
    }
    return words[reason.code]


def suggestion_words(
    suggestion: Suggestion,
    *,
    languages: Mapping[str, str] | None = None,
    specialties: Mapping[str, str] | None = None,
) -> str:
    """ "#1 of 6, score 200: a woman, as they asked; speaks Spanish … (not on duty now)"."""
    good = "; ".join(
        reason_words(r, languages=languages, specialties=specialties) for r in suggestion.reasons
    )
    bad = "; ".join(
        reason_words(r, languages=languages, specialties=specialties) for r in suggestion.cautions
    )
    text = f"#{suggestion.rank}, score {suggestion.score}: {good or 'no particular match'}"
    return f"{text} ({bad})" if bad else text
