"""The words of errors about the center's settings, groups and reports.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

THAT_IS_NOT_CENTER_BACKUP = Message(
    "backups.that_is_not_center_backup",
    QT_TRANSLATE_NOOP("DeskError", "That is not the center's backup passphrase."),
)


USE_PASSPHRASE_ADMIN_SET_CENTER = Message(
    "backups.use_passphrase_admin_set_center",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Use the passphrase an admin set (Center settings, Backups), or leave "
        "RECOVERY_DESK_BACKUP_PASSPHRASE unset: backups need no passphrase once it is "
        "set.",
    ),
)


MEETING_OF_ON_WAS_CHANGED = Message(
    "groups.meeting_of_on_was_changed",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The meeting of “{name}” on {day:%B} {day_2} was changed on another station "
        "since you opened it.",
    ),
)


DATES_HAVE_BEEN_RELOADED_CHECK = Message(
    "groups.dates_have_been_reloaded_check",
    QT_TRANSLATE_NOOP("DeskError", "The dates have been reloaded; check them and try again."),
)


THERE_IS_NO_GROUP = Message(
    "groups.there_is_no_group", QT_TRANSLATE_NOOP("DeskError", "There is no group #{group_id}.")
)


IT_MAY_HAVE_BEEN_REMOVED = Message(
    "groups.it_may_have_been_removed", QT_TRANSLATE_NOOP("DeskError", "It may have been removed.")
)


DOES_NOT_MEET_ON = Message(
    "groups.does_not_meet_on",
    QT_TRANSLATE_NOOP("DeskError", "“{name}” does not meet on {day:%A, %B} {day_2}."),
)


GROUP_NEEDS_NAME = Message(
    "groups.group_needs_name", QT_TRANSLATE_NOOP("DeskError", "The group needs a name.")
)


GROUP_ENDS_BEFORE_IT_STARTS = Message(
    "groups.group_ends_before_it_starts",
    QT_TRANSLATE_NOOP("DeskError", "The group ends before it starts."),
)


GROUP_ENDS_ON_DAY_IT = Message(
    "groups.group_ends_on_day_it",
    QT_TRANSLATE_NOOP(
        "DeskError", "A group ends on the day it starts; give an end time after the start."
    ),
)


IS_NOT_LANGUAGE_WE_LIST = Message(
    "groups.is_not_language_we_list",
    QT_TRANSLATE_NOOP("DeskError", "“{language}” is not a language we list."),
)


GIVE_BOTH_START_AND_END = Message(
    "groups.give_both_start_and_end",
    QT_TRANSLATE_NOOP("DeskError", "Give both the start and the end time, or neither."),
)


NOTHING_IS_CHANGED_GIVE_NEW = Message(
    "groups.nothing_is_changed_give_new",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing is changed: give a new date, time or room, or cancel the date."
    ),
)


FACILITATOR_IS_NOT_ACTIVE_STAFF = Message(
    "groups.facilitator_is_not_active_staff",
    QT_TRANSLATE_NOOP("DeskError", "The facilitator is not an active staff member."),
)


MEETING_CAN_BE_MOVED_AT = Message(
    "groups.meeting_can_be_moved_at",
    QT_TRANSLATE_NOOP("DeskError", "A meeting can be moved at most {days} days from its date."),
)


IT_ENDS_BEFORE_IT_STARTS = Message(
    "groups.it_ends_before_it_starts", QT_TRANSLATE_NOOP("DeskError", "It ends before it starts.")
)


ALREADY_MEETS_ON = Message(
    "groups.already_meets_on",
    QT_TRANSLATE_NOOP("DeskError", "“{name}” already meets on {moved_to:%A, %B} {day}."),
)


CANCEL_THIS_DATE_INSTEAD_OR = Message(
    "groups.cancel_this_date_instead_or",
    QT_TRANSLATE_NOOP("DeskError", "Cancel this date instead, or choose another day."),
)


WAS_CHANGED_ON_ANOTHER_STATION = Message(
    "recording.was_changed_on_another_station",
    QT_TRANSLATE_NOOP(
        "DeskError", "{what} was changed on another station{who} since you opened it{state}."
    ),
)


ANOTHER_STATION_SAVED_THIS_AT = Message(
    "recording.another_station_saved_this_at",
    QT_TRANSLATE_NOOP(
        "DeskError", "Another station saved this at the same moment, and its change came first."
    ),
)


NOTHING_OF_YOURS_WAS_SAVED = Message(
    "recording.nothing_of_yours_was_saved",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing of yours was saved. Look at the refreshed screen and try again."
    ),
)


IS_NOT_FORMAT_THIS_EXPORT = Message(
    "report_exports.is_not_format_this_export",
    QT_TRANSLATE_NOOP("DeskError", "“{fmt}” is not a format this export can write."),
)


USE = Message("report_exports.use", QT_TRANSLATE_NOOP("DeskError", "Use {allowed}."))


RANGE_ENDS_BEFORE_IT_STARTS = Message(
    "reports.range_ends_before_it_starts",
    QT_TRANSLATE_NOOP(
        "DeskError", "The range ends ({last:%Y-%m-%d}) before it starts ({first:%Y-%m-%d})."
    ),
)


CHOOSE_LAST_DAY_ON_OR = Message(
    "reports.choose_last_day_on_or",
    QT_TRANSLATE_NOOP("DeskError", "Choose a last day on or after the first."),
)


REPORT_COVERS_AT_MOST_TEN = Message(
    "reports.report_covers_at_most_ten",
    QT_TRANSLATE_NOOP("DeskError", "A report covers at most ten years."),
)


CHOOSE_SHORTER_RANGE = Message(
    "reports.choose_shorter_range", QT_TRANSLATE_NOOP("DeskError", "Choose a shorter range.")
)


THERE_IS_NO_LIST_BEHIND = Message(
    "reports.there_is_no_list_behind",
    QT_TRANSLATE_NOOP("DeskError", "There is no list behind “{key}”."),
)


CHOOSE_FIRST_AND_LAST_DAY = Message(
    "reports.choose_first_and_last_day",
    QT_TRANSLATE_NOOP("DeskError", "Choose the first and last day of the range."),
)


IS_NOT_TIME_ZONE_NAME = Message(
    "settings.is_not_time_zone_name",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” is not a time zone name."),
)


USE_NAME_SUCH_AS_AMERICA = Message(
    "settings.use_name_such_as_america",
    QT_TRANSLATE_NOOP("DeskError", "Use a name such as America/New_York."),
)


CENTER_NEEDS_NAME = Message(
    "settings.center_needs_name", QT_TRANSLATE_NOOP("DeskError", "The center needs a name.")
)


MUST_BE_BETWEEN_AND = Message(
    "settings.must_be_between_and",
    QT_TRANSLATE_NOOP("DeskError", "{label} must be between {minimum} and {maximum}."),
)


THERE_IS_NO_SETTING_CALLED = Message(
    "settings.there_is_no_setting_called",
    QT_TRANSLATE_NOOP("DeskError", "There is no setting called “{key}”."),
)


WAS_CHANGED_ON_ANOTHER_STATION_2 = Message(
    "settings.was_changed_on_another_station",
    QT_TRANSLATE_NOOP(
        "DeskError", "“{label}” was changed on another station since you opened the settings."
    ),
)


YOUR_ENTRIES_ARE_STILL_ON = Message(
    "settings.your_entries_are_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your entries are still on screen. Press Reload: the settings come back as they "
        "are now, with your entries on top; check them, then save.",
    ),
)


MUST_BE_WHOLE_NUMBER = Message(
    "settings.must_be_whole_number",
    QT_TRANSLATE_NOOP("DeskError", "{label} must be a whole number."),
)


GROUP = Message("groups.group", QT_TRANSLATE_NOOP("DeskError", "The group “{name}”"))


MEETING_OF = Message(
    "groups.meeting_of", QT_TRANSLATE_NOOP("DeskError", "The meeting of {day:%B} {day_2}")
)


RELOAD_HINT = Message(
    "recording.reload_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your entries are still on screen. Press Reload: the record comes back as it is now, "
        "with your entries on top; check them, then save.",
    ),
)


BY_STAFF_MEMBER = Message("recording.by_staff_member", QT_TRANSLATE_NOOP("DeskError", " by {name}"))


IN_BRACKETS = Message("recording.in_brackets", QT_TRANSLATE_NOOP("DeskError", " ({now})"))
