"""The activity log's sentences about the center's own work: printing and exports, the
directory, settings, staff accounts, backups, groups, the kiosk (desk/audit/wording.py puts
every area's together)."""

from __future__ import annotations

from desk.audit import phrases as p
from desk.audit.actions import AuditAction as A
from desk.audit.entry import AuditEntry
from desk.audit.facts import EventFacts
from desk.audit.vocabulary import (
    DOCUMENTS,
    SETTINGS,
    say,
)
from desk.messages import QT_TRANSLATE_NOOP, Message


def _date_change(e: AuditEntry, f: EventFacts) -> Message:
    if e.detail.get("cancelled"):
        change: p.Said = say(QT_TRANSLATE_NOOP("Activity", "cancelled"))
    else:
        templates = {
            "moved_to": QT_TRANSLATE_NOOP("Activity", "moved to {value}"),
            "starts_at": QT_TRANSLATE_NOOP("Activity", "at {value}"),
            "room": QT_TRANSLATE_NOOP("Activity", "in {value}"),
        }
        parts: list[p.Said] = [
            say(template, value=e.detail[key])
            for key, template in templates.items()
            if e.detail.get(key)
        ]
        change = p.joined(parts) or say(QT_TRANSLATE_NOOP("Activity", "changed"))
    return say(
        QT_TRANSLATE_NOOP("Activity", "Changed the meeting of {meeting}: {change}{note}"),
        meeting=p.meeting(e),
        change=change,
        note=p.optional(e, "note", QT_TRANSLATE_NOOP("Activity", " (“{value}”)")),
    )


def _printed(saved: bool) -> p.Words:
    def words(e: AuditEntry, f: EventFacts) -> Message:
        known = DOCUMENTS.get(e.entity_type)
        document = say(known) if known else e.entity_type.replace("_", " ")
        size = f.referral_sizes.get(e.entity_id or "")
        services = say(QT_TRANSLATE_NOOP("Activity", " ({services})"), services=p.services(size))
        where = e.detail.get("destination")
        if saved:
            return say(
                QT_TRANSLATE_NOOP("Activity", "Saved {document} as a PDF{whom}{services}"),
                document=document,
                whom=p.for_whom(e, f),
                services=services if size else "",
            )
        return say(
            QT_TRANSLATE_NOOP("Activity", "Printed {document}{whom}{services}{place}"),
            document=document,
            whom=p.for_whom(e, f),
            services=services if size else "",
            place=say(QT_TRANSLATE_NOOP("Activity", " to {printer}"), printer=where)
            if where
            else "",
        )

    return words


def _setting(e: AuditEntry, f: EventFacts) -> Message:
    known = SETTINGS.get(e.entity_id or "")
    what = (
        say(known)
        if known
        else say(QT_TRANSLATE_NOOP("Activity", "the setting {key}"), key=e.entity_id)
    )
    return say(
        QT_TRANSLATE_NOOP("Activity", "Changed {what} from {before} to {after}"),
        what=what,
        before=p.quoted(e.detail.get("before")),
        after=p.quoted(e.detail.get("after")),
    )


def _import(hsds: bool, refused: bool) -> p.Words:
    kind = (
        QT_TRANSLATE_NOOP("Activity", "an Open Referral (HSDS) directory")
        if hsds
        else QT_TRANSLATE_NOOP("Activity", "a list of resources")
    )

    def words(e: AuditEntry, f: EventFacts) -> Message:
        if refused:
            return say(
                QT_TRANSLATE_NOOP(
                    "Activity", "Tried to import {kind}; it was refused and nothing changed"
                ),
                kind=say(kind),
            )
        counts = e.detail.get("services")
        added = (
            say(QT_TRANSLATE_NOOP("Activity", " ({services})"), services=p.services(counts))
            if isinstance(counts, int)
            else ""
        )
        return say(
            QT_TRANSLATE_NOOP("Activity", "Imported {kind}{added}"), kind=say(kind), added=added
        )

    return words


def _staff_changed(e: AuditEntry, f: EventFacts) -> Message:
    changes = e.detail.get("changes") or {}
    parts: list[p.Said] = [
        say(
            QT_TRANSLATE_NOOP("Activity", "{field} to {value}"),
            field=name.replace("_", " "),
            value=p.quoted(value),
        )
        for name, value in changes.items()
    ]
    subject = f.staff_name(e.entity_id)
    if not parts:
        return say(QT_TRANSLATE_NOOP("Activity", "Saved {staff}'s account"), staff=subject)
    return say(
        QT_TRANSLATE_NOOP("Activity", "Changed {staff}'s account: {changes}"),
        staff=subject,
        changes=p.joined(parts),
    )


def _preferences(e: AuditEntry, f: EventFacts) -> Message:
    return say(
        QT_TRANSLATE_NOOP("Activity", "Changed {staff}'s screens{language}{size}{contrast}"),
        staff=f.staff_name(e.entity_id),
        language=p.optional(e, "language", QT_TRANSLATE_NOOP("Activity", ": language {value}")),
        size=p.optional(e, "text_scale", QT_TRANSLATE_NOOP("Activity", ", text at {value}%")),
        contrast=(
            say(QT_TRANSLATE_NOOP("Activity", ", high contrast"))
            if e.detail.get("high_contrast")
            else ""
        ),
    )


def _backup_made(e: AuditEntry, f: EventFacts) -> Message:
    template = (
        QT_TRANSLATE_NOOP("Activity", "Made an encrypted backup{where}")
        if e.detail.get("encrypted")
        else QT_TRANSLATE_NOOP("Activity", "Made a backup{where}")
    )
    return say(
        template, where=p.optional(e, "folder", QT_TRANSLATE_NOOP("Activity", " in {value}"))
    )


def _print_failed(e: AuditEntry, f: EventFacts) -> Message:
    return say(
        QT_TRANSLATE_NOOP("Activity", "Could not print {document}{whom} ({printer}: {reason})"),
        document=say(DOCUMENTS.get(e.entity_type, QT_TRANSLATE_NOOP("Activity", "a document"))),
        whom=p.for_whom(e, f),
        printer=e.detail.get("printer") or say(QT_TRANSLATE_NOOP("Activity", "printer")),
        reason=e.detail.get("reason") or say(QT_TRANSLATE_NOOP("Activity", "failed")),
    )


SENTENCES: dict[A, p.Words] = {
    A.PRINT_REFERRAL_SHEET: _printed(saved=False),
    A.PRINT_CATEGORY_HANDOUT: _printed(saved=False),
    A.PRINT_CONSENT_FORM: _printed(saved=False),
    A.PRINT_FAILED: _print_failed,
    A.EXPORT_REFERRAL_SHEET: _printed(saved=True),
    A.EXPORT_REFERRAL_SHEET_PDF: _printed(saved=True),
    A.EXPORT_CATEGORY_HANDOUT: _printed(saved=True),
    A.EXPORT_CONSENT_FORM: _printed(saved=True),
    A.EXPORT_HSDS: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Exported the resource directory ({services}, {format})"),
        services=lambda e, f: p.services(int(e.detail.get("services", 0))),
        format=p.detail("format", "csv"),
    ),
    A.EXPORT_AUDIT_LOG: lambda e, f: p.counted(
        int(e.detail.get("events", 0)),
        QT_TRANSLATE_NOOP("Activity", "Exported the activity log ({count} event)"),
        QT_TRANSLATE_NOOP("Activity", "Exported the activity log ({count} events)"),
    ),
    A.EXPORT_REPORT: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Exported the report for {period} ({format})"),
        period=lambda e, f: p.period(e),
        format=lambda e, f: (
            str(e.detail.get("format") or "").upper()
            or say(QT_TRANSLATE_NOOP("Activity", "a file"))
        ),
    ),
    A.EXPORT_VISITS_DEIDENTIFIED: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Exported {visits} for {period}"),
        visits=p.counted(
            int(e.detail.get("visits", 0)),
            QT_TRANSLATE_NOOP("Activity", "{count} de-identified visit"),
            QT_TRANSLATE_NOOP("Activity", "{count} de-identified visits"),
        ),
        period=p.period(e),
    ),
    A.DIRECTORY_UPDATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed the resource {service} ({fields})"),
        service=p.service,
        fields=p.detail_fields(table={}),
    ),
    A.DIRECTORY_VERIFIED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Marked the resource {service} as verified"),
        service=p.service,
    ),
    A.IMPORT_HSDS: _import(hsds=True, refused=False),
    A.IMPORT_HSDS_REFUSED: _import(hsds=True, refused=True),
    A.IMPORT_RESOURCES: _import(hsds=False, refused=False),
    A.IMPORT_RESOURCES_REFUSED: _import(hsds=False, refused=True),
    A.SETTINGS_CHANGED: _setting,
    A.SETTINGS_PURPOSE_ADDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added the visit purpose {purpose}"),
        purpose=lambda e, f: p.quoted(e.detail.get("label")),
    ),
    A.SETTINGS_PURPOSE_CHANGED: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Changed the visit purpose {purpose}")
        if e.detail.get("active", True)
        else QT_TRANSLATE_NOOP("Activity", "Changed the visit purpose {purpose} (switched off)"),
        purpose=p.quoted(e.detail.get("label")),
    ),
    A.SETTINGS_PURPOSE_MOVED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Moved the visit purpose {purpose} to place {place}"),
        purpose=lambda e, f: p.quoted(f.purposes.get(e.entity_id or "", e.entity_id)),
        place=lambda e, f: int(e.detail.get("to", 0)) + 1,
    ),
    A.STAFF_SIGNED_IN: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Signed in to Recovery Desk on {station}"),
        station=lambda e, f: p.station(e),
    ),
    A.STAFF_SIGNED_OUT: p.sentence(QT_TRANSLATE_NOOP("Activity", "Signed out")),
    A.STAFF_SCREEN_LOCKED: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Left the station, which locked itself")
        if e.detail.get("idle")
        else QT_TRANSLATE_NOOP("Activity", "Locked the screen")
    ),
    A.STAFF_UNLOCKED: p.sentence(QT_TRANSLATE_NOOP("Activity", "Unlocked the screen")),
    A.STAFF_LOCKED_OUT: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Account locked after {attempts} wrong passwords in a row"),
        attempts=lambda e, f: (
            e.detail.get("attempts") or say(QT_TRANSLATE_NOOP("Activity", "too many"))
        ),
    ),
    A.STAFF_CREATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Made a staff account for {staff} ({role})"),
        staff=p.entity_staff,
        role=lambda e, f: str(e.detail.get("role", "")).replace("_", " "),
    ),
    A.STAFF_UPDATED: _staff_changed,
    A.STAFF_PASSWORD_RESET: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Reset {staff}'s password"), staff=p.entity_staff
    ),
    A.STAFF_PASSWORD_CHANGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed their own password")
    ),
    A.STAFF_PIN_SET: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Set a PIN for their lock screen")
        if e.detail.get("set", True)
        else QT_TRANSLATE_NOOP("Activity", "Removed their PIN")
    ),
    A.STAFF_PREFERENCES_CHANGED: _preferences,
    A.BACKUP_MADE: _backup_made,
    A.BACKUP_FAILED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Could not make a backup{why}"),
        why=p.optional_piece("why", QT_TRANSLATE_NOOP("Activity", ": {value}")),
    ),
    A.BACKUP_RESTORED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Restored the database from the backup {backup}{made}"),
        backup=lambda e, f: p.quoted(e.entity_id),
        made=p.optional_piece("made_at", QT_TRANSLATE_NOOP("Activity", " made {value}")),
    ),
    A.BACKUP_PASSPHRASE_SET: p.sentence(QT_TRANSLATE_NOOP("Activity", "Set the backup passphrase")),
    A.BACKUP_PASSPHRASE_CHANGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed the backup passphrase")
    ),
    A.GROUP_CREATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added the group {group}"),
        group=lambda e, f: p.quoted(e.detail.get("group")),
    ),
    A.GROUP_UPDATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed the group {group} ({fields})"),
        group=lambda e, f: p.quoted(e.detail.get("group")),
        fields=p.detail_fields(table={}),
    ),
    A.GROUP_DATE_CHANGED: _date_change,
    A.GROUP_DATE_RESTORED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Put the meeting of {meeting} back as the schedule has it"),
        meeting=lambda e, f: p.meeting(e),
    ),
    A.ATTENDANCE_ADDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Recorded {person} at {meeting}"),
        person=p.anonymous_or,
        meeting=lambda e, f: p.meeting(e),
    ),
    A.ATTENDANCE_REMOVED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Took {person} off the attendance of {meeting}"),
        person=p.anonymous_or,
        meeting=lambda e, f: p.meeting(e),
    ),
    A.ATTENDANCE_COUNTED: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Counted {attendees} who did not sign in at {meeting}"),
        attendees=p.counted(
            int(e.detail.get("anonymous", 0)),
            QT_TRANSLATE_NOOP("Activity", "{count} attendee"),
            QT_TRANSLATE_NOOP("Activity", "{count} attendees"),
        ),
        meeting=p.meeting(e),
    ),
    A.PRINT_WEEK_SCHEDULE: _printed(saved=False),
    A.EXPORT_WEEK_SCHEDULE: _printed(saved=True),
    A.PRINT_SIGN_IN_CARD: _printed(saved=False),
    A.EXPORT_SIGN_IN_CARD: _printed(saved=True),
    A.KIOSK_GREETING_ASKED: p.sentence(
        QT_TRANSLATE_NOOP(
            "Activity", "Someone at the door asked to be greeted (first time or no card)"
        )
    ),
    A.KIOSK_GREETED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Greeted someone who asked at the door")
    ),
    A.KIOSK_LOCKED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "The kiosk locked itself{why}"),
        why=p.optional_piece("why", QT_TRANSLATE_NOOP("Activity", " ({value})")),
    ),
    A.KIOSK_UNLOCKED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Unlocked the kiosk on {station}"),
        station=lambda e, f: p.station(e),
    ),
    A.KIOSK_CLOSED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Closed the kiosk on {station}"),
        station=lambda e, f: p.station(e),
    ),
    A.AUDIT_VIEWED: p.sentence(QT_TRANSLATE_NOOP("Activity", "Opened the activity log")),
    A.REPORT_LIST_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP(
            "Activity", "Opened the list behind “{figure}” for {period} ({people} named)"
        ),
        figure=lambda e, f: (
            e.detail.get("figure") or say(QT_TRANSLATE_NOOP("Activity", "a figure"))
        ),
        period=lambda e, f: p.period(e),
        people=p.listed("person_ids"),
    ),
    A.DEMO_SEEDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added sample data ({people}, {visits})"),
        people=lambda e, f: p.people(int(e.detail.get("people", 0))),
        visits=lambda e, f: p.visits(int(e.detail.get("visits", 0))),
    ),
}
