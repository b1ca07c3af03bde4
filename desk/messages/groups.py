"""The words of errors about groups and their meetings.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

THAT_GROUP_DOES_NOT_MEET = Message(
    "groups_attending.that_group_does_not_meet",
    QT_TRANSLATE_NOOP("DeskError", "That group does not meet on that day."),
)

CHOOSE_ONE_OF_TODAY = Message(
    "groups_attending.choose_one_of_today", QT_TRANSLATE_NOOP("DeskError", "Choose one of today's.")
)

IS_CANCELLED_ON_NOBODY_CAN = Message(
    "groups_attending.is_cancelled_on_nobody_can",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "“{name}” is cancelled on {held_on:%A, %B} {day}{why}: nobody can be recorded at it.",
    ),
)

CHOOSE_ANOTHER_MEETING_OR_SIGN = Message(
    "groups_attending.choose_another_meeting_or_sign",
    QT_TRANSLATE_NOOP("DeskError", "Choose another meeting, or sign them in without one."),
)

RULE_NEEDS_FREQ_DAILY_WEEKLY = Message(
    "groups_recurrence.rule_needs_freq_daily_weekly",
    QT_TRANSLATE_NOOP("DeskError", "The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."),
)

GROUP_MEETS_ON_DAYS_NOT = Message(
    "groups_recurrence.group_meets_on_days_not",
    QT_TRANSLATE_NOOP("DeskError", "A group meets on days: not every hour or minute."),
)

RULE_ENDS_EITHER_AFTER_NUMBER = Message(
    "groups_recurrence.rule_ends_either_after_number",
    QT_TRANSLATE_NOOP(
        "DeskError", "A rule ends either after a number of meetings (COUNT) or on a date (UNTIL)."
    ),
)

WKST_IS_NOT_DAY_MO = Message(
    "groups_recurrence.wkst_is_not_day_mo",
    QT_TRANSLATE_NOOP("DeskError", "WKST={wkst} is not a day (MO, TU, WE, TH, FR, SA, SU)."),
)

UNTIL_IS_NOT_DATE_WRITTEN = Message(
    "groups_recurrence.until_is_not_date_written",
    QT_TRANSLATE_NOOP("DeskError", "UNTIL={until} is not a date written YYYYMMDD."),
)

DATE_AFTER_IN_GROUP_SCHEDULE = Message(
    "groups_recurrence.date_after_in_group_schedule",
    QT_TRANSLATE_NOOP(
        "DeskError", "A date after {last_year} in a group's schedule is surely a slip."
    ),
)

CHECK_FIRST_DATE_AND_END = Message(
    "groups_recurrence.check_first_date_and_end",
    QT_TRANSLATE_NOOP("DeskError", "Check the first date and the end date (UNTIL)."),
)

RULE_ENDS_UNTIL_BEFORE_FIRST = Message(
    "groups_recurrence.rule_ends_until_before_first",
    QT_TRANSLATE_NOOP(
        "DeskError", "The rule ends (UNTIL {until:%Y-%m-%d}) before the first date ({starts_on})."
    ),
)

CHOOSE_LATER_END_OR_EARLIER = Message(
    "groups_recurrence.choose_later_end_or_earlier",
    QT_TRANSLATE_NOOP("DeskError", "Choose a later end, or an earlier first date."),
)

THIS_RULE_NEVER_FALLS_ON = Message(
    "groups_recurrence.this_rule_never_falls_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This rule never falls on a date (February has no 30th, a month no 6th Monday, …).",
    ),
)

CHECK_DAYS_AND_MONTHS_IT = Message(
    "groups_recurrence.check_days_and_months_it",
    QT_TRANSLATE_NOOP("DeskError", "Check the days and months it names."),
)

FIRST_MEETING_BY_THIS_RULE = Message(
    "groups_recurrence.first_meeting_by_this_rule",
    QT_TRANSLATE_NOOP(
        "DeskError", "The first meeting by this rule would be on {first:%Y-%m-%d}, years away."
    ),
)

CHECK_DAYS_AND_MONTHS_IT_2 = Message(
    "groups_recurrence.check_days_and_months_it_2",
    QT_TRANSLATE_NOOP("DeskError", "Check the days and months it names, and the first date."),
)

CHOOSE_AT_LEAST_ONE_DAY = Message(
    "groups_recurrence.choose_at_least_one_day",
    QT_TRANSLATE_NOOP("DeskError", "Choose at least one day of the week."),
)

CHOOSE_WHICH_WEEK_OF_MONTH = Message(
    "groups_recurrence.choose_which_week_of_month",
    QT_TRANSLATE_NOOP("DeskError", "Choose which week of the month (first, second, …, last)."),
)

IS_NOT_PART_OF_RULE = Message(
    "groups_recurrence.is_not_part_of_rule",
    QT_TRANSLATE_NOOP(
        "DeskError", "“{piece}” is not a part of a rule (it should read NAME=VALUE)."
    ),
)

GROUP_RULE_CANNOT_USE = Message(
    "groups_recurrence.group_rule_cannot_use",
    QT_TRANSLATE_NOOP("DeskError", "A group's rule cannot use {name}."),
)

USE_FREQ_INTERVAL_BYDAY_BYMONTHDAY = Message(
    "groups_recurrence.use_freq_interval_byday_bymonthday",
    QT_TRANSLATE_NOOP(
        "DeskError", "Use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT or UNTIL."
    ),
)

IS_GIVEN_TWICE_IN_RULE = Message(
    "groups_recurrence.is_given_twice_in_rule",
    QT_TRANSLATE_NOOP("DeskError", "{name} is given twice in the rule."),
)

IS_OUT_OF_RANGE_TO = Message(
    "groups_recurrence.is_out_of_range_to",
    QT_TRANSLATE_NOOP("DeskError", "{name}={value}: {item} is out of range ({low} to {high})."),
)

BYSETPOS_LAST_WEEKDAY_SAY_NEEDS = Message(
    "groups_recurrence.bysetpos_last_weekday_say_needs",
    QT_TRANSLATE_NOOP(
        "DeskError", "BYSETPOS (the last weekday, say) needs a monthly or yearly rule."
    ),
)

BYDAY_IS_NOT_DAY = Message(
    "groups_recurrence.byday_is_not_day",
    QT_TRANSLATE_NOOP("DeskError", "BYDAY: “{item}” is not a day."),
)

USE_MO_TU_WE_TH = Message(
    "groups_recurrence.use_mo_tu_we_th",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Use MO, TU, WE, TH, FR, SA, SU; 1MO is the first Monday of the month, -1FR the "
        "last Friday.",
    ),
)

BYDAY_NUMBERED_DAY_FIRST_MONDAY = Message(
    "groups_recurrence.byday_numbered_day_first_monday",
    QT_TRANSLATE_NOOP(
        "DeskError", "BYDAY={item}: a numbered day (the first Monday, say) needs a monthly rule."
    ),
)

BYDAY_THERE_IS_NO_SUCH = Message(
    "groups_recurrence.byday_there_is_no_such",
    QT_TRANSLATE_NOOP("DeskError", "BYDAY={item}: there is no such day in a {where}."),
)

IS_NOT_WHOLE_NUMBER = Message(
    "groups_recurrence.is_not_whole_number",
    QT_TRANSLATE_NOOP("DeskError", "{name}={value}: “{item}” is not a whole number."),
)

# words put into other messages
MONTH = Message("groups_recurrence.month", QT_TRANSLATE_NOOP("DeskError", "month"))
YEAR = Message("groups_recurrence.year", QT_TRANSLATE_NOOP("DeskError", "year"))
