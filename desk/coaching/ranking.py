"""Ranking recovery coaches for one peer, with every reason stated in words.

The peer's own choice comes first ("you are the expert of your recovery"). The score weighs,
in this order, each criterion outweighing all of the ones after it together:

    the peer's stated wishes: a coach they named, a gender, a language, the same pathway;
    the coach speaks the peer's preferred language;
    a matching specialty;
    plenty of room in the caseload;
    on duty now;
    continuity: a coach they had, or met, before.

Room is also a gate: a coach whose caseload is full can only be assigned with an audited
override, so full coaches are listed after every coach with room, unless the peer named them.
A named coach is listed first whatever their caseload. When reassigning, the peer's coach now
is listed last: they are not a choice.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desk.text_folding import fold

PLENTY_OF_ROOM = 0.75  # at most three quarters full
_PATHWAY_FILLER = {"recovery", "the", "a", "and", "of", "based", "supported", "step"}
_GENDER_WORDS = {
    "woman": "woman",
    "women": "woman",
    "female": "woman",
    "f": "woman",
    "man": "man",
    "men": "man",
    "male": "man",
    "m": "man",
    "nonbinary": "nonbinary",
    "non binary": "nonbinary",
    "enby": "nonbinary",
}


class Criterion(enum.Enum):
    """What counts for a coach."""

    NAMED = "named"  # the peer asked for this coach: listed first, whatever else
    WISHED_GENDER = "wished_gender"
    WISHED_LANGUAGE = "wished_language"
    SAME_PATHWAY = "same_pathway"
    SPEAKS_THEIR_LANGUAGE = "speaks_their_language"
    SPECIALTY = "specialty"
    PLENTY_OF_ROOM = "plenty_of_room"
    ON_DUTY = "on_duty"
    CONTINUITY = "continuity"


# Powers of two, so each criterion outweighs every one after it put together.
WEIGHTS = {
    Criterion.NAMED: 0,
    Criterion.WISHED_GENDER: 128,
    Criterion.WISHED_LANGUAGE: 64,
    Criterion.SAME_PATHWAY: 32,
    Criterion.SPEAKS_THEIR_LANGUAGE: 16,
    Criterion.SPECIALTY: 8,
    Criterion.PLENTY_OF_ROOM: 4,
    Criterion.ON_DUTY: 2,
    Criterion.CONTINUITY: 1,
}


class Caution(enum.Enum):
    """What speaks against a coach, said alongside the reasons."""

    FULL = "full"
    NOT_WISHED_GENDER = "not_wished_gender"
    NOT_WISHED_LANGUAGE = "not_wished_language"
    NOT_THEIR_LANGUAGE = "not_their_language"
    NOT_ON_DUTY = "not_on_duty"
    CURRENT_COACH = "current_coach"


@dataclass(frozen=True)
class CoachProfile:
    """An active coach as the ranking sees them."""

    id: int
    name: str
    gender: str | None
    languages: frozenset[str]
    specialties: frozenset[str]
    recovery_pathway: str | None
    active_peers: int
    caseload_limit: int
    on_duty: bool

    @property
    def free_places(self) -> int:
        return max(0, self.caseload_limit - self.active_peers)

    @property
    def has_room(self) -> bool:
        return self.active_peers < self.caseload_limit


@dataclass(frozen=True)
class PeerWishes:
    """What the peer asked for, and what their record says that matching can use."""

    named_coach_id: int | None = None
    gender: str | None = None
    language: str | None = None  # a language they asked their coach to speak
    preferred_language: str | None = None  # their own language, from the record
    recovery_pathway: str | None = None
    specialties: frozenset[str] = frozenset()
    past_coach_ids: frozenset[int] = frozenset()  # had them as coach, or met them at a visit
    current_coach_id: int | None = None


@dataclass(frozen=True)
class Reason:
    """One thing in a coach's favour (points > 0) or against them (a caution)."""

    code: Criterion | Caution
    points: int = 0
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    coach: CoachProfile
    rank: int
    score: int
    named: bool
    reasons: tuple[Reason, ...]
    cautions: tuple[Reason, ...] = field(default=())

    @property
    def has_room(self) -> bool:
        return self.coach.has_room


def normal_gender(text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    folded = fold(text)
    return _GENDER_WORDS.get(folded, folded)


def pathway_words(text: str | None) -> frozenset[str]:
    return frozenset(fold(text or "").split()) - _PATHWAY_FILLER


def same_pathway(peer: str | None, coach: str | None) -> bool:
    """“12-step” and “12 step recovery” are one pathway; the smaller set of words must be
    within the larger, so “medication” alone matches “Medication-supported recovery”."""
    mine, theirs = pathway_words(peer), pathway_words(coach)
    if not mine or not theirs:
        return False
    smaller, larger = sorted((mine, theirs), key=len)
    return smaller <= larger


def _reasons(coach: CoachProfile, wishes: PeerWishes) -> tuple[list[Reason], list[Reason]]:
    good: list[Reason] = []
    bad: list[Reason] = []

    def gain(criterion: Criterion, *values: str) -> None:
        good.append(Reason(criterion, WEIGHTS[criterion], tuple(values)))

    if wishes.named_coach_id == coach.id:
        gain(Criterion.NAMED)
    wished_gender = normal_gender(wishes.gender)
    if wished_gender:
        if normal_gender(coach.gender) == wished_gender:
            gain(Criterion.WISHED_GENDER, wishes.gender or "")
        else:
            bad.append(Reason(Caution.NOT_WISHED_GENDER, 0, (wishes.gender or "",)))
    if wishes.language:
        if wishes.language in coach.languages:
            gain(Criterion.WISHED_LANGUAGE, wishes.language)
        else:
            bad.append(Reason(Caution.NOT_WISHED_LANGUAGE, 0, (wishes.language,)))
    if same_pathway(wishes.recovery_pathway, coach.recovery_pathway):
        gain(Criterion.SAME_PATHWAY, coach.recovery_pathway or "")
    own = wishes.preferred_language
    if own and own != wishes.language:
        if own in coach.languages:
            gain(Criterion.SPEAKS_THEIR_LANGUAGE, own)
        else:
            bad.append(Reason(Caution.NOT_THEIR_LANGUAGE, 0, (own,)))
    matched = sorted(wishes.specialties & coach.specialties)
    if matched:
        gain(Criterion.SPECIALTY, *matched)
    if not coach.has_room:
        bad.append(Reason(Caution.FULL, 0, (str(coach.active_peers), str(coach.caseload_limit))))
    elif coach.active_peers <= PLENTY_OF_ROOM * coach.caseload_limit:
        gain(Criterion.PLENTY_OF_ROOM, str(coach.free_places), str(coach.caseload_limit))
    if coach.on_duty:
        gain(Criterion.ON_DUTY)
    else:
        bad.append(Reason(Caution.NOT_ON_DUTY))
    if coach.id in wishes.past_coach_ids and coach.id != wishes.current_coach_id:
        gain(Criterion.CONTINUITY)
    if coach.id == wishes.current_coach_id:
        bad.append(Reason(Caution.CURRENT_COACH))
    return good, bad


def rank_coaches(coaches: Iterable[CoachProfile], wishes: PeerWishes) -> list[Suggestion]:
    """Every coach given, best first: the named coach, then those with room, then the full,
    then (when reassigning) their coach now.

    Within each group the higher score wins; ties go to more matched specialties, then more
    free places, then the name (so the order never depends on the order given)."""
    scored = []
    for coach in coaches:
        good, bad = _reasons(coach, wishes)
        score = sum(reason.points for reason in good)
        named = wishes.named_coach_id == coach.id
        specialties = len(wishes.specialties & coach.specialties)
        if coach.id == wishes.current_coach_id:
            group = 3  # reassigning: their coach now is not a choice, and is listed last
        else:
            group = 0 if named else (1 if coach.has_room else 2)
        key = (group, -score, -specialties, -coach.free_places, fold(coach.name), coach.id)
        scored.append((key, coach, score, named, tuple(good), tuple(bad)))
    scored.sort(key=lambda item: item[0])
    return [
        Suggestion(coach, rank, score, named, good, bad)
        for rank, (_key, coach, score, named, good, bad) in enumerate(scored, start=1)
    ]


def no_coach_has_room(suggestions: Sequence[Suggestion]) -> bool:
    return not any(s.has_room for s in suggestions)
