"""Each audit event in words: "Opened Maria P.'s record", "Signed in Maria P. (Drop-in)".

One function per declared action, in one table; `tests/desk/test_audit_wording.py` fails on an
action without one. The words start with a verb: the Activity page shows who did it beside
them, and `AuditEntry.sentence` puts the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk.audit.actions import AuditAction as A
from desk.audit.entry import AuditEntry
from desk.audit.facts import EventFacts

Words = Callable[[AuditEntry, EventFacts], str]

PERSON_FIELDS = {
    "first_name": "first name",
    "last_name": "last name",
    "preferred_name": "name they go by",
    "nickname": "nickname",
    "pronouns": "pronouns",
    "kind": "peer or family",
    "birth_year": "birth year",
    "birth_date": "birth date",
    "phone": "phone",
    "email": "email",
    "preferred_language": "language",
    "may_call": "may we call",
    "may_text": "may we text",
    "may_leave_message": "may we leave a message",
    "town": "town",
    "heard_about": "how they heard of us",
    "note": "note",
    "recovery_pathway": "recovery pathway",
    "wished_coach_id": "coach asked for",
    "wished_coach_gender": "coach gender asked for",
    "wished_coach_language": "coach language asked for",
    "wished_specialties": "coach specialties asked for",
}
SETTING_WORDS = {
    "center.name": "the center's name",
    "center.street": "the center's street address",
    "center.city_line": "the center's town line",
    "center.phone": "the center's phone",
    "center.email": "the center's email",
    "center.timezone": "the center's time zone",
    "directory.stale_after_days": "the days after which a resource is flagged as not verified",
    "referrals.follow_up_days": "the days before a referral is followed up",
    "security.idle_lock_minutes": "the minutes before an idle station locks",
    "security.lockout_attempts": "the wrong passwords that lock an account",
    "security.lockout_minutes": "the minutes an account stays locked",
    "security.min_password_length": "the shortest password allowed",
}
DOCUMENTS = {
    "referral_sheet": "a referral sheet",
    "category_handout": "a category handout",
    "consent_form": "a consent form",
    "referral": "a referral sheet",
    "sign_in_card": "a sign-in card",
    "week_schedule": "the week's handout",
}
WAYS_IN = {"card": " by card", "kiosk": " at the door (by card, at the kiosk)"}
CARD_ENDS = {
    "replaced": "a new card was printed",
    "lost": "reported lost",
    "removed": "their record was removed",
}
OUTCOMES = {
    "connected": "connected",
    "not_connected": "not connected",
    "unknown": "outcome unknown",
    "pending": "pending",
}


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _fields(names: Any, table: dict[str, str] = PERSON_FIELDS) -> str:
    words = [table.get(str(name), str(name).replace("_", " ")) for name in names or ()]
    return _list(words) or "nothing"


def _value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    return f"“{value}”" if isinstance(value, str) else str(value)


def _record(number: object) -> str:
    return f"record #{number}" if number not in (None, "") else "another record"


def _opt(e: AuditEntry, key: str, template: str) -> str:
    """`template` with the event's `key` in it, or nothing when the event has none."""
    value = e.detail.get(key)
    return "" if value in (None, "") else template.format(value)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _visit(e: AuditEntry, f: EventFacts) -> str:
    purposes = [f.purposes.get(code, code) for code in e.detail.get("purposes", [])]
    who = "an anonymous visitor" if e.detail.get("anonymous") else f.person(e.person_id)
    way = WAYS_IN.get(str(e.detail.get("way_in")), "")
    return f"Signed in {who}" + (f" ({', '.join(purposes)})" if purposes else "") + way


def _meeting(e: AuditEntry) -> str:
    name = e.detail.get("group") or "a group"
    day = e.detail.get("day")
    return f"“{name}”" + (f" on {day}" if day else "")


def _attendee(e: AuditEntry, f: EventFacts) -> str:
    return "an anonymous visitor" if e.person_id is None else f.person(e.person_id)


def _date_change(e: AuditEntry, f: EventFacts) -> str:
    what = _meeting(e)
    if e.detail.get("cancelled"):
        change = "cancelled"
    else:
        parts = [
            template.format(e.detail[key])
            for key, template in (
                ("moved_to", "moved to {}"),
                ("starts_at", "at {}"),
                ("room", "in {}"),
            )
            if e.detail.get(key)
        ]
        change = _list(parts) or "changed"
    return f"Changed the meeting of {what}: {change}" + _opt(e, "note", " (“{}”)")


def _whose(e: AuditEntry, f: EventFacts) -> str:
    return "an anonymous visitor's" if e.person_id is None else f"{f.person(e.person_id)}'s"


def _for(e: AuditEntry, f: EventFacts) -> str:
    return "" if e.person_id is None else f" for {f.person(e.person_id)}"


def _printed(verb: str) -> Words:
    def words(e: AuditEntry, f: EventFacts) -> str:
        document = DOCUMENTS.get(e.entity_type, e.entity_type.replace("_", " "))
        size = f.referral_sizes.get(e.entity_id or "")
        services = f" ({_plural(size, 'service')})" if size else ""
        where = e.detail.get("destination")
        place = f" to {where}" if where and verb == "Printed" else ""
        return f"{verb} {document}{_for(e, f)}{services}{place}"

    return words


def _setting(e: AuditEntry, f: EventFacts) -> str:
    what = SETTING_WORDS.get(e.entity_id or "", f"the setting {e.entity_id}")
    return (
        f"Changed {what} from {_value(e.detail.get('before'))} to {_value(e.detail.get('after'))}"
    )


def _import(kind: str, refused: bool) -> Words:
    def words(e: AuditEntry, f: EventFacts) -> str:
        counts = e.detail.get("services")
        added = f" ({_plural(int(counts), 'service')})" if isinstance(counts, int) else ""
        if refused:
            return f"Tried to import {kind}; it was refused and nothing changed"
        return f"Imported {kind}{added}"

    return words


def _period(e: AuditEntry) -> str:
    first, last = e.detail.get("first"), e.detail.get("last")
    if not first:
        return "a period"
    return first if first == last else f"{first} to {last}"


def _staff_changed(e: AuditEntry, f: EventFacts) -> str:
    changes = e.detail.get("changes") or {}
    parts = [f"{name.replace('_', ' ')} to {_value(value)}" for name, value in changes.items()]
    subject = f.staff_name(e.entity_id)
    return f"Changed {subject}'s account: {_list(parts)}" if parts else f"Saved {subject}'s account"


WORDING: dict[A, Words] = {
    A.PERSON_CREATED: lambda e, f: f"Added {f.person(e.person_id)} as a new person",
    A.PERSON_VIEWED: lambda e, f: f"Opened {f.person(e.person_id)}'s record",
    A.PERSON_UPDATED: lambda e, f: (
        f"Changed {f.person(e.person_id)}'s {_fields(e.detail.get('fields'))}"
    ),
    A.PERSON_MERGED: lambda e, f: (
        f"Merged {_record(e.detail.get('merged_person_id'))} into {f.person(e.person_id)}'s record"
    ),
    A.PERSON_MERGED_AWAY: lambda e, f: (
        f"Merged {_record(e.entity_id)} into {f.person(e.detail.get('merged_into'))}'s record"
        + _opt(e, "merged_into", " (record #{})")
    ),
    A.PERSON_EXPORTED: lambda e, f: (
        f"Exported everything recorded about {f.person(e.person_id)} "
        f"({e.detail.get('format', 'a file')})"
    ),
    A.PERSON_REMOVED: lambda e, f: (
        f"Removed a person's record (#{e.entity_id}) at their request; "
        f"{_plural(int(e.detail.get('visits', 0)), 'visit')} kept as anonymous counts"
    ),
    A.VISIT_CREATED: _visit,
    A.VISIT_STARTED_WITH_COACH: lambda e, f: (
        f"Started {_whose(e, f)} visit with {f.staff_name(e.detail.get('coach_id'))}"
    ),
    A.VISIT_CHECKED_OUT: lambda e, f: (
        "Checked out an anonymous visitor"
        if e.person_id is None
        else f"Checked out {f.person(e.person_id)}"
    ),
    A.VISIT_CHECK_OUT_UNDONE: lambda e, f: (
        "Put an anonymous visitor back in the queue (check-out undone)"
        if e.person_id is None
        else f"Put {f.person(e.person_id)} back in the queue (check-out undone)"
    ),
    A.VISIT_UNDONE: lambda e, f: (
        f"Undid {_whose(e, f)} sign-in (why: {_value(e.detail.get('reason'))})"
    ),
    A.COACHING_VIEWED: lambda e, f: f"Opened {f.person(e.person_id)}'s coaching record",
    A.COACHING_MATCH_VIEWED: lambda e, f: f"Looked at coaches for {f.person(e.person_id)}",
    A.COACHING_CASELOAD_VIEWED: lambda e, f: (
        f"Opened {f.staff_name(e.entity_id)}'s caseload "
        f"({_plural(len(e.detail.get('person_ids', [])), 'person', 'people')})"
    ),
    A.COACHING_ASSIGNED: lambda e, f: (
        f"Paired {f.person(e.person_id)} with {f.staff_name(e.detail.get('coach_id'))}"
        + (" over the caseload limit" if e.detail.get("over_limit") else "")
    ),
    A.COACHING_REASSIGNED: lambda e, f: (
        f"Moved {f.person(e.person_id)} from {f.staff_name(e.detail.get('previous_coach_id'))} "
        f"to {f.staff_name(e.detail.get('coach_id'))} (why: {_value(e.detail.get('reason'))})"
    ),
    A.COACHING_OVER_LIMIT_OVERRIDE: lambda e, f: (
        f"Gave {f.staff_name(e.entity_id)} a peer over their caseload limit"
        + _opt(e, "caseload_limit", " (limit {})")
    ),
    A.COACHING_ENDED: lambda e, f: (
        f"Ended {f.person(e.person_id)}'s coaching with "
        f"{f.staff_name(e.detail.get('coach_id'))} (why: {_value(e.detail.get('reason'))})"
    ),
    A.COACHING_WAITLISTED: lambda e, f: f"Put {f.person(e.person_id)} on the coach waitlist",
    A.COACHING_WAITLIST_REMOVED: lambda e, f: (
        f"Took {f.person(e.person_id)} off the coach waitlist "
        f"(why: {_value(e.detail.get('reason'))})"
    ),
    A.COACHING_WISHES_CHANGED: lambda e, f: (
        f"Changed {f.person(e.person_id)}'s wishes for a coach ({_fields(e.detail.get('fields'))})"
    ),
    A.COACHING_CONTACT_LOGGED: lambda e, f: (
        f"Logged a coaching contact with {f.person(e.person_id)} "
        f"({str(e.detail.get('mode', '')).replace('_', ' ')})"
    ),
    A.COACHING_GOAL_ADDED: lambda e, f: f"Added a recovery goal for {f.person(e.person_id)}",
    A.COACHING_GOAL_UPDATED: lambda e, f: (
        f"Changed a recovery goal of {f.person(e.person_id)} "
        f"({_fields(e.detail.get('fields'), {})})"
    ),
    A.COACHING_BARC10_RECORDED: lambda e, f: (
        f"Recorded a BARC-10 for {f.person(e.person_id)}" + _opt(e, "total", " (total {})")
    ),
    A.COACH_ADDED: lambda e, f: f"Added {f.staff_name(e.entity_id)} to the coach roster",
    A.COACH_UPDATED: lambda e, f: (
        f"Changed {f.staff_name(e.entity_id)}'s coach details "
        f"({_fields(e.detail.get('fields'), {})})"
    ),
    A.COACH_DEACTIVATED: lambda e, f: f"Made coach {f.staff_name(e.entity_id)} inactive",
    A.COACH_REACTIVATED: lambda e, f: f"Made coach {f.staff_name(e.entity_id)} active again",
    A.COACH_SPECIALTY_ADDED: lambda e, f: (
        f"Added the coach specialty {_value(f.tags.get(e.entity_id or '', e.entity_id))}"
    ),
    A.COACH_SPECIALTY_CHANGED: lambda e, f: (
        f"Changed the coach specialty {_value(f.tags.get(e.entity_id or '', e.entity_id))}"
    ),
    A.REFERRAL_GIVEN: lambda e, f: (
        f"Gave a referral sheet{_for(e, f)} "
        f"({_plural(len(e.detail.get('services', [])), 'service')}"
        + (", with their name" if e.detail.get("named") else "")
        + ")"
    ),
    A.REFERRAL_OUTCOME: lambda e, f: (
        f"Recorded the follow-up of referral #{e.entity_id}{_for(e, f)}: "
        f"{OUTCOMES.get(str(e.detail.get('outcome')), 'no outcome named')}"
    ),
    A.REFERRAL_FOLLOW_UP_AGAIN: lambda e, f: (
        f"Could not reach {f.person(e.person_id) if e.person_id else 'an anonymous visitor'} "
        f"about referral #{e.entity_id}; to try again" + _opt(e, "after", " on {}")
    ),
    A.REFERRAL_FOLLOW_UPS_VIEWED: lambda e, f: (
        f"Opened the referral follow-up list "
        f"({_plural(len(e.detail.get('person_ids', [])), 'person', 'people')})"
    ),
    A.CONSENT_CREATED: lambda e, f: (
        f"Prepared a consent{_for(e, f)} to share with {_value(e.detail.get('recipient'))}"
    ),
    A.CONSENT_SIGNED: lambda e, f: (
        f"Recorded the signed consent{_for(e, f)}" + _opt(e, "signed_on", " (signed {})")
    ),
    A.CONSENT_REVOKED: lambda e, f: (
        f"Recorded that {f.person(e.person_id)} revoked a consent"
        + _opt(e, "revoked_on", " (on {})")
    ),
    A.PRINT_REFERRAL_SHEET: _printed("Printed"),
    A.PRINT_CATEGORY_HANDOUT: _printed("Printed"),
    A.PRINT_CONSENT_FORM: _printed("Printed"),
    A.PRINT_FAILED: lambda e, f: (
        f"Could not print {DOCUMENTS.get(e.entity_type, 'a document')}{_for(e, f)} "
        f"({e.detail.get('printer') or 'printer'}: {e.detail.get('reason') or 'failed'})"
    ),
    A.EXPORT_REFERRAL_SHEET: _printed("Saved as a PDF"),
    A.EXPORT_REFERRAL_SHEET_PDF: _printed("Saved as a PDF"),
    A.EXPORT_CATEGORY_HANDOUT: _printed("Saved as a PDF"),
    A.EXPORT_CONSENT_FORM: _printed("Saved as a PDF"),
    A.EXPORT_HSDS: lambda e, f: (
        f"Exported the resource directory ({_plural(int(e.detail.get('services', 0)), 'service')}"
        f", {e.detail.get('format', 'csv')})"
    ),
    A.EXPORT_AUDIT_LOG: lambda e, f: (
        f"Exported the activity log ({_plural(int(e.detail.get('events', 0)), 'event')})"
    ),
    A.EXPORT_REPORT: lambda e, f: (
        f"Exported the report for {_period(e)} ({str(e.detail.get('format', 'a file')).upper()})"
    ),
    A.EXPORT_VISITS_DEIDENTIFIED: lambda e, f: (
        f"Exported {_plural(int(e.detail.get('visits', 0)), 'de-identified visit')} "
        f"for {_period(e)}"
    ),
    A.DIRECTORY_UPDATED: lambda e, f: (
        f"Changed the resource {_value(f.services.get(e.entity_id or '', e.entity_id))} "
        f"({_fields(e.detail.get('fields'), {})})"
    ),
    A.DIRECTORY_VERIFIED: lambda e, f: (
        f"Marked the resource {_value(f.services.get(e.entity_id or '', e.entity_id))} as verified"
    ),
    A.IMPORT_HSDS: _import("an Open Referral (HSDS) directory", refused=False),
    A.IMPORT_HSDS_REFUSED: _import("an Open Referral (HSDS) directory", refused=True),
    A.IMPORT_RESOURCES: _import("a list of resources", refused=False),
    A.IMPORT_RESOURCES_REFUSED: _import("a list of resources", refused=True),
    A.SETTINGS_CHANGED: _setting,
    A.SETTINGS_PURPOSE_ADDED: lambda e, f: (
        f"Added the visit purpose {_value(e.detail.get('label'))}"
    ),
    A.SETTINGS_PURPOSE_CHANGED: lambda e, f: (
        f"Changed the visit purpose {_value(e.detail.get('label'))}"
        + ("" if e.detail.get("active", True) else " (switched off)")
    ),
    A.SETTINGS_PURPOSE_MOVED: lambda e, f: (
        f"Moved the visit purpose {_value(f.purposes.get(e.entity_id or '', e.entity_id))} "
        f"to place {int(e.detail.get('to', 0)) + 1}"
    ),
    A.STAFF_SIGNED_IN: lambda e, f: f"Signed in to Recovery Desk on {e.station or 'a station'}",
    A.STAFF_SIGNED_OUT: lambda e, f: "Signed out",
    A.STAFF_SCREEN_LOCKED: lambda e, f: (
        "Left the station, which locked itself" if e.detail.get("idle") else "Locked the screen"
    ),
    A.STAFF_UNLOCKED: lambda e, f: "Unlocked the screen",
    A.STAFF_LOCKED_OUT: lambda e, f: (
        f"Account locked after {e.detail.get('attempts', 'too many')} wrong passwords in a row"
    ),
    A.STAFF_CREATED: lambda e, f: (
        f"Made a staff account for {f.staff_name(e.entity_id)} "
        f"({str(e.detail.get('role', '')).replace('_', ' ')})"
    ),
    A.STAFF_UPDATED: _staff_changed,
    A.STAFF_PASSWORD_RESET: lambda e, f: f"Reset {f.staff_name(e.entity_id)}'s password",
    A.STAFF_PASSWORD_CHANGED: lambda e, f: "Changed their own password",
    A.STAFF_PIN_SET: lambda e, f: (
        "Set a PIN for their lock screen" if e.detail.get("set", True) else "Removed their PIN"
    ),
    A.STAFF_PREFERENCES_CHANGED: lambda e, f: (
        f"Changed {f.staff_name(e.entity_id)}'s screens"
        + _opt(e, "language", ": language {}")
        + _opt(e, "text_scale", ", text at {}%")
        + (", high contrast" if e.detail.get("high_contrast") else "")
    ),
    A.BACKUP_MADE: lambda e, f: (
        f"Made {'an encrypted' if e.detail.get('encrypted') else 'a'} backup"
        + _opt(e, "folder", " in {}")
    ),
    A.BACKUP_FAILED: lambda e, f: "Could not make a backup" + _opt(e, "why", ": {}"),
    A.BACKUP_RESTORED: lambda e, f: (
        f"Restored the database from the backup {_value(e.entity_id)}"
        + _opt(e, "made_at", " made {}")
    ),
    A.BACKUP_PASSPHRASE_SET: lambda e, f: "Set the backup passphrase",
    A.BACKUP_PASSPHRASE_CHANGED: lambda e, f: "Changed the backup passphrase",
    A.GROUP_CREATED: lambda e, f: f"Added the group {_value(e.detail.get('group'))}",
    A.GROUP_UPDATED: lambda e, f: (
        f"Changed the group {_value(e.detail.get('group'))} ({_fields(e.detail.get('fields'), {})})"
    ),
    A.GROUP_DATE_CHANGED: _date_change,
    A.GROUP_DATE_RESTORED: lambda e, f: (
        f"Put the meeting of {_meeting(e)} back as the schedule has it"
    ),
    A.ATTENDANCE_ADDED: lambda e, f: f"Recorded {_attendee(e, f)} at {_meeting(e)}",
    A.ATTENDANCE_REMOVED: lambda e, f: (
        f"Took {_attendee(e, f)} off the attendance of {_meeting(e)}"
    ),
    A.ATTENDANCE_COUNTED: lambda e, f: (
        f"Counted {_plural(int(e.detail.get('anonymous', 0)), 'attendee')} who did not sign in "
        f"at {_meeting(e)}"
    ),
    A.PRINT_WEEK_SCHEDULE: _printed("Printed"),
    A.EXPORT_WEEK_SCHEDULE: _printed("Saved as a PDF"),
    A.CARD_ISSUED: lambda e, f: (
        f"Made a sign-in card for {f.person(e.person_id)}"
        + (" (with their first name on it)" if e.detail.get("shows_first_name") else "")
        + ("; their old card stopped working" if e.detail.get("replaced") else "")
    ),
    A.CARD_REVOKED: lambda e, f: (
        f"Stopped {f.person(e.person_id)}'s sign-in card working"
        + _opt(e, "why", " ({})").replace("(lost)", "(reported lost)")
    ),
    A.CARD_REFUSED: lambda e, f: (
        f"Refused a scan of {f.person(e.person_id)}'s old sign-in card "
        f"({CARD_ENDS.get(str(e.detail.get('why')), 'it no longer works')})"
    ),
    A.PRINT_SIGN_IN_CARD: _printed("Printed"),
    A.EXPORT_SIGN_IN_CARD: _printed("Saved as a PDF"),
    A.KIOSK_GREETING_ASKED: lambda e, f: (
        "Someone at the door asked to be greeted (first time or no card)"
    ),
    A.KIOSK_GREETED: lambda e, f: "Greeted someone who asked at the door",
    A.KIOSK_LOCKED: lambda e, f: "The kiosk locked itself" + _opt(e, "why", " ({})"),
    A.KIOSK_UNLOCKED: lambda e, f: f"Unlocked the kiosk on {e.station or 'a station'}",
    A.KIOSK_CLOSED: lambda e, f: f"Closed the kiosk on {e.station or 'a station'}",
    A.AUDIT_VIEWED: lambda e, f: "Opened the activity log",
    A.REPORT_LIST_VIEWED: lambda e, f: (
        f"Opened the list behind “{e.detail.get('figure', 'a figure')}” for {_period(e)} "
        f"({_plural(len(e.detail.get('person_ids', [])), 'person', 'people')} named)"
    ),
    A.DEMO_SEEDED: lambda e, f: (
        f"Added sample data ({_plural(int(e.detail.get('people', 0)), 'person', 'people')}, "
        f"{_plural(int(e.detail.get('visits', 0)), 'visit')})"
    ),
}


def describe(entry: AuditEntry, facts: EventFacts) -> str:
    """The event in words; an action this version does not know (written by a newer one)
    is named as it was recorded rather than hidden."""
    try:
        words = WORDING[A(entry.action)]
    except (ValueError, KeyError):
        return f"Did something this version cannot name ({entry.action})"
    try:
        return words(entry, facts)
    except (TypeError, ValueError, AttributeError):
        return f"{A(entry.action).name.replace('_', ' ').capitalize()} (details unreadable)"
