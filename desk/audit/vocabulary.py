"""The activity log's nouns: a person's fields, the center's settings, documents, outcomes.

Each is marked for translation under the "Activity" context (the screens show them in the
staff member's language; the command line and the CSV export keep the English). Keys are what
the events record and never change.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from desk.messages import QT_TRANSLATE_NOOP, Message, untranslated

CONTEXT = "Activity"

PERSON_FIELDS = {
    "first_name": QT_TRANSLATE_NOOP("Activity", "first name"),
    "last_name": QT_TRANSLATE_NOOP("Activity", "last name"),
    "preferred_name": QT_TRANSLATE_NOOP("Activity", "name they go by"),
    "nickname": QT_TRANSLATE_NOOP("Activity", "nickname"),
    "pronouns": QT_TRANSLATE_NOOP("Activity", "pronouns"),
    "kind": QT_TRANSLATE_NOOP("Activity", "peer or family"),
    "birth_year": QT_TRANSLATE_NOOP("Activity", "birth year"),
    "birth_date": QT_TRANSLATE_NOOP("Activity", "birth date"),
    "phone": QT_TRANSLATE_NOOP("Activity", "phone"),
    "email": QT_TRANSLATE_NOOP("Activity", "email"),
    "preferred_language": QT_TRANSLATE_NOOP("Activity", "language"),
    "may_call": QT_TRANSLATE_NOOP("Activity", "may we call"),
    "may_text": QT_TRANSLATE_NOOP("Activity", "may we text"),
    "may_leave_message": QT_TRANSLATE_NOOP("Activity", "may we leave a message"),
    "town": QT_TRANSLATE_NOOP("Activity", "town"),
    "heard_about": QT_TRANSLATE_NOOP("Activity", "how they heard of us"),
    "note": QT_TRANSLATE_NOOP("Activity", "note"),
    "recovery_pathway": QT_TRANSLATE_NOOP("Activity", "recovery pathway"),
    "wished_coach_id": QT_TRANSLATE_NOOP("Activity", "coach asked for"),
    "wished_coach_gender": QT_TRANSLATE_NOOP("Activity", "coach gender asked for"),
    "wished_coach_language": QT_TRANSLATE_NOOP("Activity", "coach language asked for"),
    "wished_specialties": QT_TRANSLATE_NOOP("Activity", "coach specialties asked for"),
}
SETTINGS = {
    "center.name": QT_TRANSLATE_NOOP("Activity", "the center's name"),
    "center.street": QT_TRANSLATE_NOOP("Activity", "the center's street address"),
    "center.city_line": QT_TRANSLATE_NOOP("Activity", "the center's town line"),
    "center.phone": QT_TRANSLATE_NOOP("Activity", "the center's phone"),
    "center.email": QT_TRANSLATE_NOOP("Activity", "the center's email"),
    "center.timezone": QT_TRANSLATE_NOOP("Activity", "the center's time zone"),
    "directory.stale_after_days": QT_TRANSLATE_NOOP(
        "Activity", "the days after which a resource is flagged as not verified"
    ),
    "referrals.follow_up_days": QT_TRANSLATE_NOOP(
        "Activity", "the days before a referral is followed up"
    ),
    "security.idle_lock_minutes": QT_TRANSLATE_NOOP(
        "Activity", "the minutes before an idle station locks"
    ),
    "security.lockout_attempts": QT_TRANSLATE_NOOP(
        "Activity", "the wrong passwords that lock an account"
    ),
    "security.lockout_minutes": QT_TRANSLATE_NOOP(
        "Activity", "the minutes an account stays locked"
    ),
    "security.min_password_length": QT_TRANSLATE_NOOP("Activity", "the shortest password allowed"),
}
DOCUMENTS = {
    "referral_sheet": QT_TRANSLATE_NOOP("Activity", "a referral sheet"),
    "category_handout": QT_TRANSLATE_NOOP("Activity", "a category handout"),
    "consent_form": QT_TRANSLATE_NOOP("Activity", "a consent form"),
    "referral": QT_TRANSLATE_NOOP("Activity", "a referral sheet"),
    "sign_in_card": QT_TRANSLATE_NOOP("Activity", "a sign-in card"),
    "week_schedule": QT_TRANSLATE_NOOP("Activity", "the week's handout"),
}
WAYS_IN = {
    "card": QT_TRANSLATE_NOOP("Activity", " by card"),
    "kiosk": QT_TRANSLATE_NOOP("Activity", " at the door (by card, at the kiosk)"),
}
CARD_ENDS = {
    "replaced": QT_TRANSLATE_NOOP("Activity", "a new card was printed"),
    "lost": QT_TRANSLATE_NOOP("Activity", "reported lost"),
    "removed": QT_TRANSLATE_NOOP("Activity", "their record was removed"),
}
OUTCOMES = {
    "connected": QT_TRANSLATE_NOOP("Activity", "connected"),
    "not_connected": QT_TRANSLATE_NOOP("Activity", "not connected"),
    "unknown": QT_TRANSLATE_NOOP("Activity", "outcome unknown"),
    "pending": QT_TRANSLATE_NOOP("Activity", "pending"),
}
# Someone the log cannot name (a removed record, a former account), and an anonymous visitor.
REMOVED_PERSON = QT_TRANSLATE_NOOP("Activity", "a removed person")
SOMEONE = QT_TRANSLATE_NOOP("Activity", "someone")
FORMER_STAFF = QT_TRANSLATE_NOOP("Activity", "a former staff member")
A_STAFF_MEMBER = QT_TRANSLATE_NOOP("Activity", "a staff member")
ANONYMOUS = QT_TRANSLATE_NOOP("Activity", "an anonymous visitor")


def say(template: str, **arguments: Any) -> Message:
    """`template` (marked with QT_TRANSLATE_NOOP("Activity", …)) with its arguments: English
    through `.english`, the staff member's language on the screens (ui/error_words.py)."""
    return Message("activity", template, MappingProxyType(arguments), CONTEXT)


def said(words: str | Message) -> Message:
    """Words as a Message: a name (already final) as it is."""
    return words if isinstance(words, Message) else untranslated(words)
