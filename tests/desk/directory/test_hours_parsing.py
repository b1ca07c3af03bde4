"""Hours as people write them in their own lists, read or refused with a reason (never guessed
into the wrong hours): one table of real-world forms, each with what it must become."""

from __future__ import annotations

import pytest

from desk.directory.hours_parsing import HoursNotUnderstood, parse_hours_text
from desk.errors import ValidationError

WEEKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"

# text -> "DAYS HH:MM-HH:MM" rules (M DAYS for a monthly rule), "; "-joined, with [remark]
READ = [
    ("7pm-7am nightly", f"{EVERY_DAY} 19:00-07:00"),
    ("Tuesdays 6:30pm-8pm", "TU 18:30-20:00"),
    ("Mon, Wed, Fri 2pm-7pm", "MO,WE,FR 14:00-19:00"),
    ("Mon–Fri 9:00-17:00", f"{WEEKDAYS} 09:00-17:00"),
    ("Mon—Fri 9:00–17:00", f"{WEEKDAYS} 09:00-17:00"),
    ("M-F 8:30a-4:30p", f"{WEEKDAYS} 08:30-16:30"),
    ("24/7", f"{EVERY_DAY} 00:00-23:59"),
    ("24/7/365", f"{EVERY_DAY} 00:00-23:59"),
    ("Open 24 hours", f"{EVERY_DAY} 00:00-23:59"),
    ("24 hrs", f"{EVERY_DAY} 00:00-23:59"),
    ("Around the clock", f"{EVERY_DAY} 00:00-23:59"),
    ("Mon-Fri 24 hours", f"{WEEKDAYS} 00:00-23:59"),
    ("Fri 22:00-6:00", "FR 22:00-06:00"),
    ("Mon-Fri 8am-4pm; Sat 9-12", f"{WEEKDAYS} 08:00-16:00; SA 09:00-12:00"),
    ("Tues & Thurs 6-7:30pm", "TU,TH 18:00-19:30"),
    ("Daily 7pm-7am", f"{EVERY_DAY} 19:00-07:00"),
    ("Monday to Friday 8:30 am - 4:30 pm", f"{WEEKDAYS} 08:30-16:30"),
    ("Monday through Friday, 9:00 AM - 5:00 PM", f"{WEEKDAYS} 09:00-17:00"),
    ("Mon thru Fri 8:30-4:30", f"{WEEKDAYS} 08:30-16:30"),
    ("Mon. - Fri. 8 a.m. - 4 p.m.", f"{WEEKDAYS} 08:00-16:00"),
    ("Weekdays 9-5", f"{WEEKDAYS} 09:00-17:00"),
    ("Weekends 10-4", "SA,SU 10:00-16:00"),
    ("Sat & Sun 10am-2pm", "SA,SU 10:00-14:00"),
    ("Sat 10-noon", "SA 10:00-12:00"),
    ("Sun noon-4pm", "SU 12:00-16:00"),
    ("Daily noon-4", f"{EVERY_DAY} 12:00-16:00"),
    ("Tues/Thurs 6-7:30pm", "TU,TH 18:00-19:30"),
    ("M/W/F 10-2", "MO,WE,FR 10:00-14:00"),
    ("MWF 10-2", "MO,WE,FR 10:00-14:00"),
    ("TTh 6-8pm", "TU,TH 18:00-20:00"),
    ("MTWThF 8-4", f"{WEEKDAYS} 08:00-16:00"),
    ("Mon 9-12, Wed 1-4", "MO 09:00-12:00; WE 13:00-16:00"),
    ("Mon-Thu 8am-8pm; Fri 8am-5pm", "MO,TU,WE,TH 08:00-20:00; FR 08:00-17:00"),
    (
        "Monday thru Thursday 9AM-7PM, Friday 9AM-5PM",
        "MO,TU,WE,TH 09:00-19:00; FR 09:00-17:00",
    ),
    ("9am-5pm Mon-Fri", f"{WEEKDAYS} 09:00-17:00"),
    ("9:00 a.m. to 5:00 p.m., Monday through Friday", f"{WEEKDAYS} 09:00-17:00"),
    ("Mon-Fri 9-5", f"{WEEKDAYS} 09:00-17:00"),
    ("Mon-Fri 9-5, Sat 10-2", f"{WEEKDAYS} 09:00-17:00; SA 10:00-14:00"),
    ("Mon-Fri 8-4:30", f"{WEEKDAYS} 08:00-16:30"),
    ("Mon-Fri 7:30am-3:30pm; Sat 8am-12pm", f"{WEEKDAYS} 07:30-15:30; SA 08:00-12:00"),
    ("Mon-Sun 6am-10pm", f"{EVERY_DAY} 06:00-22:00"),
    ("Wed 6:30-8 PM", "WE 18:30-20:00"),
    ("Thursdays 7-8:30pm", "TH 19:00-20:30"),
    ("Fri 10:00-14:00", "FR 10:00-14:00"),
    ("7 days a week 8am-8pm", f"{EVERY_DAY} 08:00-20:00"),
    ("Every day 7am-7pm", f"{EVERY_DAY} 07:00-19:00"),
    ("Mondays 1-4", "MO 13:00-16:00"),
    ("Tue 10am - 12pm & Thu 1pm - 3pm", "TU 10:00-12:00; TH 13:00-15:00"),
    ("Mon-Fri 9-12 & 1-5", f"{WEEKDAYS} 09:00-12:00; {WEEKDAYS} 13:00-17:00"),
    ("Daily 9-5, closed Sundays", "MO,TU,WE,TH,FR,SA 09:00-17:00"),
    ("Mon-Sun 8-8 (closed Wednesdays)", "MO,TU,TH,FR,SA,SU 08:00-20:00"),
    ("Mon-Fri 9-5 except holidays", f"{WEEKDAYS} 09:00-17:00 [Except holidays]"),
    ("Mon-Fri 9-5, closed on holidays", f"{WEEKDAYS} 09:00-17:00 [Closed on holidays]"),
    ("Tues 2-4pm by appointment", "TU 14:00-16:00 [By appointment]"),
    ("Mon-Fri 8-4 walk-ins welcome", f"{WEEKDAYS} 08:00-16:00 [Walk-ins welcome]"),
    ("1st & 3rd Tuesdays 6-8pm", "M 1TU,3TU 18:00-20:00"),
    ("First and third Tuesday 6-8pm", "M 1TU,3TU 18:00-20:00"),
    ("Last Friday of the month 5-7pm", "M -1FR 17:00-19:00"),
    ("2nd Sat of every month 9-noon", "M 2SA 09:00-12:00"),
    ("0900-1700 M-F", f"{WEEKDAYS} 09:00-17:00"),
    ("Mon-Fri 09:00-17:00", f"{WEEKDAYS} 09:00-17:00"),
    ("Sun-Thu 21:00-07:00", "MO,TU,WE,TH,SU 21:00-07:00"),
    ("Fri-Mon 10-2", "MO,FR,SA,SU 10:00-14:00"),
    ("Nightly 9pm-midnight", f"{EVERY_DAY} 21:00-00:00"),
    ("Daily 4pm-8am", f"{EVERY_DAY} 16:00-08:00"),
    ("Mon 10pm-6", "MO 22:00-06:00"),
    ("Monday: 9-5\nTuesday: 10-6", "MO 09:00-17:00; TU 10:00-18:00"),
    ("Tu-Th 11-1pm", "TU,WE,TH 11:00-13:00"),
    ("Sa 9-1", "SA 09:00-13:00"),
    ("Mon-Fri 10-2pm", f"{WEEKDAYS} 10:00-14:00"),
    ("Weds 5:30-7", "WE 17:30-19:00"),
    ("Mon – Fri  9:30am – 5:30pm", f"{WEEKDAYS} 09:30-17:30"),
    ("Mon-Fri 12pm-12am", f"{WEEKDAYS} 12:00-00:00"),
]

# text -> why it is kept as written (open now cannot use it), not guessed
KEPT = [
    ("noon-4", "names no days"),
    ("9-5", "names no days"),
    ("closed Sundays", "says only when it is closed"),
    ("Mon 9am-03:00", "would be open overnight, 18 hours"),
    ("Mon 10:00-02:00", "would be open overnight, 16 hours"),
    ("By appointment", "gives no times"),
    ("Call for hours", "no opening and closing time"),
    ("Tuesdays at 7pm", "no opening and closing time"),
    ("Mon-Fri 9-5 (closed 12-1 for lunch)", "has no hours"),
    ("Varies", "no opening and closing time"),
    ("Mon-Fri 9-5, Sat by appointment", "“sat” after the last time has no hours"),
    ("1st Sat", "no opening and closing time"),
    ("Mon-Funday 9-5", "is not a run of days"),
]


def rules_text(text: str) -> str:
    read = parse_hours_text(text)
    parts = [
        ("M " if rule.freq == "MONTHLY" else "")
        + f"{rule.byday} {rule.opens:%H:%M}-{rule.closes:%H:%M}"
        for rule in read.rules
    ]
    return "; ".join(parts) + (f" [{read.remark}]" if read.remark else "")


@pytest.mark.parametrize(("text", "expected"), READ)
def test_hours_people_write_are_read(text: str, expected: str) -> None:
    assert rules_text(text) == expected


@pytest.mark.parametrize(("text", "reason"), KEPT)
def test_hours_that_are_not_guessed_say_why(text: str, reason: str) -> None:
    with pytest.raises(HoursNotUnderstood, match=reason.replace("(", r"\(")):
        parse_hours_text(text)


@pytest.mark.parametrize("text", ["Mon 25:00-26:00", "Tue 13pm-2pm", "Wed 9:75-10"])
def test_times_that_cannot_exist_are_errors(text: str) -> None:
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_hours_text(text)


def test_the_table_holds_sixty_real_world_forms() -> None:
    assert len(READ) + len(KEPT) >= 60


def test_a_phone_number_is_not_read_as_hours() -> None:
    with pytest.raises(HoursNotUnderstood):
        parse_hours_text("Call 508-555-0100")
