"""The words of errors about the center's settings, staff, groups and reports.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

PASSWORD_IS_EMPTY = Message(
    "accounts_passwords.password_is_empty", QT_TRANSLATE_NOOP("DeskError", "The password is empty.")
)

PASSWORD_HAS_CHARACTERS_IT_NEEDS = Message(
    "accounts_passwords.password_has_characters_it_needs",
    QT_TRANSLATE_NOOP(
        "DeskError", "The password has {password_count} characters; it needs at least {min_length}."
    ),
)

FEW_UNRELATED_WORDS_MAKE_LONG = Message(
    "accounts_passwords.few_unrelated_words_make_long",
    QT_TRANSLATE_NOOP(
        "DeskError", "A few unrelated words make a long password that is easy to remember."
    ),
)

PASSWORD_IS_LONGER_THAN_CHARACTERS = Message(
    "accounts_passwords.password_is_longer_than_characters",
    QT_TRANSLATE_NOOP("DeskError", "The password is longer than {max_password_length} characters."),
)

THAT_PASSWORD_IS_ONE_OF = Message(
    "accounts_passwords.that_password_is_one_of",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "That password is one of the most common passwords, the first ones anybody tries.",
    ),
)

CHOOSE_ANOTHER_FEW_UNRELATED_WORDS = Message(
    "accounts_passwords.choose_another_few_unrelated_words",
    QT_TRANSLATE_NOOP("DeskError", "Choose another: a few unrelated words work well."),
)

PASSWORD_CANNOT_BE_YOUR_NAME = Message(
    "accounts_passwords.password_cannot_be_your_name",
    QT_TRANSLATE_NOOP("DeskError", "The password cannot be your name or username."),
)

PIN_IS_TO_DIGITS = Message(
    "accounts_passwords.pin_is_to_digits",
    QT_TRANSLATE_NOOP("DeskError", "A PIN is {start} to {stop} digits."),
)

THAT_PIN_IS_TOO_EASY = Message(
    "accounts_passwords.that_pin_is_too_easy",
    QT_TRANSLATE_NOOP(
        "DeskError", "That PIN is too easy to guess (all one digit, or digits in a row)."
    ),
)

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

GIVE_STAFF_MEMBER_NAME = Message(
    "staff_accounts.give_staff_member_name",
    QT_TRANSLATE_NOOP("DeskError", "Give the staff member's name."),
)

GIVE_USERNAME = Message(
    "staff_accounts.give_username", QT_TRANSLATE_NOOP("DeskError", "Give a username.")
)

USERNAME_HAS_AT_MOST_CHARACTERS = Message(
    "staff_accounts.username_has_at_most_characters",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "A username has at most {max_login_length} characters; this one has {cleaned_count}.",
    ),
)

USERNAME_USES_ONLY_LETTERS_Z = Message(
    "staff_accounts.username_uses_only_letters_z",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "A username uses only letters a-z, digits, dots, dashes and underscores, and "
        "starts with a letter or digit.",
    ),
)

FOR_EXAMPLE_ROSA_DELGADO = Message(
    "staff_accounts.for_example_rosa_delgado",
    QT_TRANSLATE_NOOP("DeskError", "For example rosa.delgado"),
)

USERNAME_IS_TAKEN = Message(
    "staff_accounts.username_is_taken",
    QT_TRANSLATE_NOOP("DeskError", "The username “{cleaned}” is taken."),
)

THIS_DATABASE_ALREADY_HAS_ADMIN = Message(
    "staff_accounts.this_database_already_has_admin",
    QT_TRANSLATE_NOOP("DeskError", "This database already has an admin."),
)

SIGN_IN_AND_ASK_ADMIN = Message(
    "staff_accounts.sign_in_and_ask_admin",
    QT_TRANSLATE_NOOP("DeskError", "Sign in, and ask an admin to make your account."),
)

THAT_STAFF_ACCOUNT_NO_LONGER = Message(
    "staff_accounts.that_staff_account_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That staff account no longer exists."),
)

IS_ONLY_ADMIN_WHO_CAN = Message(
    "staff_accounts.is_only_admin_who_can",
    QT_TRANSLATE_NOOP("DeskError", "{display_name} is the only admin who can sign in."),
)

MAKE_ANOTHER_ADMIN_FIRST_SO = Message(
    "staff_accounts.make_another_admin_first_so",
    QT_TRANSLATE_NOOP(
        "DeskError", "Make another admin first, so that somebody can still manage accounts."
    ),
)

BUILT_IN_ACCOUNTS_CANNOT_BE = Message(
    "staff_accounts.built_in_accounts_cannot_be",
    QT_TRANSLATE_NOOP("DeskError", "The built-in accounts cannot be changed."),
)

BUILT_IN_ACCOUNTS_HAVE_NO = Message(
    "staff_accounts.built_in_accounts_have_no",
    QT_TRANSLATE_NOOP("DeskError", "The built-in accounts have no password."),
)

YOUR_CURRENT_PASSWORD_IS_NOT = Message(
    "staff_accounts.your_current_password_is_not",
    QT_TRANSLATE_NOOP("DeskError", "Your current password is not right."),
)

TRY_AGAIN = Message("staff_accounts.try_again", QT_TRANSLATE_NOOP("DeskError", "Try again."))

NEW_PASSWORD_IS_SAME_AS = Message(
    "staff_accounts.new_password_is_same_as",
    QT_TRANSLATE_NOOP("DeskError", "The new password is the same as the old one."),
)

THAT_USERNAME_AND_PASSWORD_DO = Message(
    "staff_sessions.that_username_and_password_do",
    QT_TRANSLATE_NOOP("DeskError", "That username and password do not match."),
)

CHECK_USERNAME_AND_CAPS_LOCK = Message(
    "staff_sessions.check_username_and_caps_lock",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Check the username and Caps Lock, then try again. An admin can reset a "
        "forgotten password.",
    ),
)

ACCOUNT_IS_SWITCHED_OFF = Message(
    "staff_sessions.account_is_switched_off",
    QT_TRANSLATE_NOOP("DeskError", "The account “{login}” is switched off."),
)

ASK_ADMIN_TO_SWITCH_IT = Message(
    "staff_sessions.ask_admin_to_switch_it",
    QT_TRANSLATE_NOOP("DeskError", "Ask an admin to switch it back on."),
)

GROUP = Message("groups.group", QT_TRANSLATE_NOOP("DeskError", "The group “{name}”"))

MEETING_OF = Message(
    "groups.meeting_of", QT_TRANSLATE_NOOP("DeskError", "The meeting of {day:%B} {day_2}")
)

ACCOUNT = Message(
    "staff_accounts.account", QT_TRANSLATE_NOOP("DeskError", "{display_name}'s account")
)

# words put into other messages
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

TOO_MANY_WRONG_PASSWORDS_THIS = Message(
    "staff_sessions.too_many_wrong_passwords_this",
    QT_TRANSLATE_NOOP(
        "DeskError", "Too many wrong passwords: this account is locked until {when}."
    ),
)

TRY_AGAIN_THEN_OR_ASK = Message(
    "staff_sessions.try_again_then_or_ask",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Try again then, or ask an admin to reset the password. Another staff member can "
        "sign in meanwhile.",
    ),
)

SCREENS_LANGUAGE_NOT_OFFERED = Message(
    "staff_preferences.language_not_offered",
    QT_TRANSLATE_NOOP(
        "DeskError", "The screens come in English (en) or Spanish (es), not “{language}”."
    ),
)

TEXT_SIZE_NOT_OFFERED = Message(
    "staff_preferences.text_size_not_offered",
    QT_TRANSLATE_NOOP("DeskError", "Text comes at 100%, 125% or 150%, not {scale}%."),
)
