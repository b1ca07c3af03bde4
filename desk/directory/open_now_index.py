"""Which services are open at a moment, over the whole directory, in a few milliseconds.

Plain weekly hours (the great majority) are laid out once as minute-of-week intervals, cut
at midnight and filed under their weekday, so a question scans one day's intervals. Rules
that need the calendar (monthly, every other week, dated validity) are asked one by one.
Answers are kept for the minute they were asked in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from desk.directory.cards import ServiceCard
from desk.directory.opening import is_around_the_clock, is_closed_by_status, is_open_at
from desk.directory.schedules import MINUTES_PER_DAY, ScheduleRule

_DAYS = 7


def _is_plain_weekly(rule: ScheduleRule) -> bool:
    return rule.is_simple_weekly and rule.valid_from is None and rule.valid_to is None


class OpenNowIndex:
    def __init__(self) -> None:
        self._by_day: list[list[tuple[int, int, str]]] = [[] for _ in range(_DAYS)]
        self._calendar_rules: list[tuple[str, tuple[ScheduleRule, ...]]] = []
        self._cards: list[ServiceCard] = []
        self._cache_key: datetime | None = None
        self._cache: set[str] = set()
        self._around_key: date | None = None
        self._around: set[str] = set()

    def forget_answers(self) -> None:
        """The next question is answered afresh (benchmarks that say "cold" mean it)."""
        self._cache_key = None
        self._around_key = None

    def rebuild(self, cards: Iterable[ServiceCard]) -> None:
        self._by_day = [[] for _ in range(_DAYS)]
        self._calendar_rules = []
        self._cards = []
        self._cache_key = None
        self._around_key = None
        for card in cards:
            if is_closed_by_status(card.status):
                continue
            timed = [rule for rule in card.rules if rule.has_hours]
            if not timed:
                continue
            self._cards.append(card)
            calendar = tuple(rule for rule in timed if not _is_plain_weekly(rule))
            if calendar:
                self._calendar_rules.append((card.id, calendar))
            for rule in timed:
                if _is_plain_weekly(rule):
                    self._lay_out(card.id, rule)

    def _lay_out(self, service_id: str, rule: ScheduleRule) -> None:
        span = rule.span_minutes()
        assert span is not None
        for weekday in rule.weekdays:
            start = span[0]
            end = span[1]
            day = weekday
            # Cut at each midnight so that every interval sits inside one day.
            while end > 0:
                piece_end = min(end, MINUTES_PER_DAY)
                if piece_end > start:
                    self._by_day[day % _DAYS].append((start, piece_end, service_id))
                start = 0
                end -= MINUTES_PER_DAY
                day += 1

    def open_at(self, now_local: datetime) -> set[str]:
        """Ids of services open at `now_local` (naive, the center's wall clock)."""
        key = now_local.replace(second=0, microsecond=0)
        if key == self._cache_key:
            return self._cache
        minute = now_local.hour * 60 + now_local.minute
        found = {
            service_id
            for start, end, service_id in self._by_day[now_local.weekday()]
            if start <= minute < end
        }
        for service_id, rules in self._calendar_rules:
            if service_id not in found and is_open_at(rules, now_local):
                found.add(service_id)
        self._cache_key = key
        self._cache = found
        return found

    def around_the_clock(self, today: date) -> set[str]:
        if today != self._around_key:
            self._around = {
                card.id for card in self._cards if is_around_the_clock(card.rules, today)
            }
            self._around_key = today
        return self._around
