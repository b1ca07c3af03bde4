"""Hours in words and open now: weekly, overnight, around the clock, monthly, closures."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from desk.directory.hours_text import clock_text, hours_text, open_status_text
from desk.directory.opening import OpenState, is_open_at, open_status
from desk.directory.schedules import ScheduleError, ScheduleRule


def rule(byday: str | None, opens: str | None, closes: str | None, **more) -> ScheduleRule:
    return ScheduleRule.from_fields(
        {
            "freq": more.pop("freq", "WEEKLY"),
            "byday": byday,
            "opens_at": time.fromisoformat(opens) if opens else None,
            "closes_at": time.fromisoformat(closes) if closes else None,
            **more,
        }
    )


# 2026-11-23 is a Monday.
MONDAY = date(2026, 11, 23)


def at(day_offset: int, clock: str) -> datetime:
    return datetime.combine(
        date.fromordinal(MONDAY.toordinal() + day_offset), time.fromisoformat(clock)
    )


def test_weekday_hours_read_as_a_range_in_english_and_spanish() -> None:
    rules = [rule("MO,TU,WE,TH,FR", "08:00", "16:00"), rule("SA", "09:00", "12:30")]
    assert hours_text(rules, "en") == "Mon–Fri 8 am–4 pm; Sat 9 am–12:30 pm"
    assert hours_text(rules, "es") == "lun–vie 8 a. m.–4 p. m.; sáb 9 a. m.–12:30 p. m."


def test_scattered_days_and_noon() -> None:
    assert hours_text([rule("MO,WE,FR", "12:00", "13:30")]) == "Mon, Wed, Fri noon–1:30 pm"
    assert hours_text([rule("TU,TH", "18:00", "19:30")], "es") == "mar y jue 6 p. m.–7:30 p. m."


def test_the_demo_convention_for_around_the_clock() -> None:
    always = [rule("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]
    assert hours_text(always) == "Open 24 hours, every day"
    assert hours_text(always, "es") == "Abierto las 24 horas, todos los días"
    status = open_status(always, "active", at(2, "23:59"))
    assert status.is_open and status.around_the_clock
    assert open_status_text(status, at(2, "23:59")) == "Open 24 hours"


def test_overnight_hours_stay_open_past_midnight() -> None:
    shelter = [rule("FR", "22:00", "06:00")]
    assert hours_text(shelter) == "Fri 10 pm–6 am"
    assert is_open_at(shelter, at(4, "23:30"))  # Friday night
    assert is_open_at(shelter, at(5, "05:59"))  # Saturday before dawn
    assert not is_open_at(shelter, at(5, "06:00"))
    assert not is_open_at(shelter, at(0, "03:00"))  # Monday: Sunday night was not open
    status = open_status(shelter, "active", at(4, "23:00"))
    assert open_status_text(status, at(4, "23:00")) == "Open until tomorrow 6 am"


def test_closed_status_wins_over_hours() -> None:
    rules = [rule("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]
    status = open_status(rules, "temporarily closed", at(0, "12:00"))
    assert status.state is OpenState.STATUS_CLOSED
    assert open_status_text(status, at(0, "12:00"), service_status="temporarily closed") == (
        "Closed (temporarily)"
    )


def test_expired_schedule_no_longer_counts() -> None:
    expired = [rule("MO", "09:00", "17:00", valid_to=date(2026, 11, 1))]
    assert not is_open_at(expired, at(0, "10:00"))
    assert "until Nov 1, 2026" in hours_text(expired)


def test_closed_now_says_when_it_opens_next() -> None:
    rules = [rule("TU", "09:00", "11:00")]
    status = open_status(rules, "active", at(0, "12:00"))
    assert status.state is OpenState.CLOSED
    assert status.next_opening == at(1, "09:00")
    assert open_status_text(status, at(0, "12:00")) == "Closed · opens tomorrow 9 am"
    assert open_status_text(status, at(0, "12:00"), "es") == "Cerrado · abre mañana 9 a. m."


def test_monthly_rules_use_the_calendar() -> None:
    first_monday = [rule("1MO", "18:00", "19:30", freq="MONTHLY")]
    assert hours_text(first_monday) == "1st Mon of the month 6 pm–7:30 pm"
    assert is_open_at(first_monday, datetime(2026, 12, 7, 18, 30))
    assert not is_open_at(first_monday, datetime(2026, 12, 14, 18, 30))
    fifteenth = [rule(None, "10:00", "12:00", freq="MONTHLY", bymonthday="15")]
    assert is_open_at(fifteenth, datetime(2026, 12, 15, 11, 0))
    assert not is_open_at(fifteenth, datetime(2026, 12, 16, 11, 0))


def test_every_other_week_counts_from_dtstart() -> None:
    biweekly = [rule("WE", "13:00", "15:00", interval=2, dtstart=date(2026, 11, 25))]
    assert is_open_at(biweekly, datetime(2026, 11, 25, 14, 0))
    assert not is_open_at(biweekly, datetime(2026, 12, 2, 14, 0))
    assert is_open_at(biweekly, datetime(2026, 12, 9, 14, 0))
    assert hours_text(biweekly) == "every 2 weeks on Wed 1 pm–3 pm"


def test_no_hours_at_all() -> None:
    assert hours_text([]) == "Call for hours"
    assert hours_text([rule(None, None, None, description="By appointment")]) == "By appointment"
    assert open_status([], "active", at(0, "10:00")).state is OpenState.UNKNOWN


def test_unreadable_days_are_refused() -> None:
    with pytest.raises(ScheduleError, match="XX"):
        rule("MO,XX", "09:00", "10:00")


def test_clock_words() -> None:
    assert [clock_text(m) for m in (0, 30, 540, 720, 1230)] == [
        "midnight",
        "12:30 am",
        "9 am",
        "noon",
        "8:30 pm",
    ]


def test_unknown_language_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        hours_text([], "fr")
