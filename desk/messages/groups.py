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
        ("“{name}” is cancelled on {held_on:%A, %B} {day}{why}: nobody can be recorded at it."),
    ),
)

CHOOSE_ANOTHER_MEETING_OR_SIGN = Message(
    "groups_attending.choose_another_meeting_or_sign",
    QT_TRANSLATE_NOOP("DeskError", "Choose another meeting, or sign them in without one."),
)
