"""The Brief Assessment of Recovery Capital (BARC-10; Vilsaint et al., 2017; free to use).

Ten statements, each answered from 1 (strongly disagree) to 6 (strongly agree); the total
runs from 10 to 60, and a higher total means more recovery capital. It is a strengths
measure the peer answers themselves, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desk.errors import ValidationError
from desk.messages.coaching import (
    BARC_10_HAS_STATEMENTS_ANSWERS,
    EVERY_STATEMENT_NEEDS_ANSWER_FROM,
    STATEMENT_HAS_NO_ANSWER_YET,
    STATEMENT_IS_NOT_ANSWER_FROM,
)

ITEMS = (
    "There are more important things to me in life than using substances.",
    "In general I am happy with my life.",
    "I have enough energy to complete the tasks I set myself.",
    "I am proud of the community I live in and feel part of it.",
    "I get lots of support from friends.",
    "I regard my life as challenging and fulfilling without the need for using drugs or alcohol.",
    "My living space has helped to drive my recovery journey.",
    "I take full responsibility for my actions.",
    "I am happy dealing with a range of professional people.",
    "I am making good progress on my recovery journey.",
)
ANSWERS = (
    "Strongly disagree",
    "Disagree",
    "Somewhat disagree",
    "Somewhat agree",
    "Agree",
    "Strongly agree",
)
LOWEST, HIGHEST = 1, 6
TOTAL_MIN, TOTAL_MAX = len(ITEMS) * LOWEST, len(ITEMS) * HIGHEST


def check_scores(scores: Sequence[int | None]) -> tuple[int, ...]:
    """The ten answers as whole numbers 1-6, or a ValidationError naming the first gap."""
    if len(scores) != len(ITEMS):
        raise ValidationError(
            BARC_10_HAS_STATEMENTS_ANSWERS.with_(items_count=len(ITEMS), scores_count=len(scores)),
            field="barc10",
        )
    checked = []
    for number, score in enumerate(scores, start=1):
        if score is None:
            raise ValidationError(
                STATEMENT_HAS_NO_ANSWER_YET.with_(number=number),
                field=f"item_{number}",
                hint=EVERY_STATEMENT_NEEDS_ANSWER_FROM,
            )
        if isinstance(score, bool) or not isinstance(score, int) or not LOWEST <= score <= HIGHEST:
            raise ValidationError(
                STATEMENT_IS_NOT_ANSWER_FROM.with_(number=number, score=score),
                field=f"item_{number}",
            )
        checked.append(score)
    return tuple(checked)


@dataclass(frozen=True)
class TrendPoint:
    taken_on: date
    total: int


@dataclass(frozen=True)
class Trend:
    points: tuple[TrendPoint, ...]  # oldest first

    @property
    def first(self) -> TrendPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> TrendPoint | None:
        return self.points[-1] if self.points else None

    @property
    def change_since_first(self) -> int | None:
        if len(self.points) < 2:
            return None
        return self.points[-1].total - self.points[0].total

    @property
    def change_since_previous(self) -> int | None:
        if len(self.points) < 2:
            return None
        return self.points[-1].total - self.points[-2].total


def trend_of(points: Sequence[TrendPoint]) -> Trend:
    return Trend(tuple(sorted(points, key=lambda p: p.taken_on)))
