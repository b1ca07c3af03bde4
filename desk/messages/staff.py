"""The words of errors about staff accounts: passwords, PINs, sign-in, and each staff
member's screens.

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


ACCOUNT = Message(
    "staff_accounts.account", QT_TRANSLATE_NOOP("DeskError", "{display_name}'s account")
)


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
