"""Every kind of event the app records in the audit trail, declared once.

`record_event` accepts only these, and `desk.audit.wording` words each one (a test fails on a
member without wording), so the Activity page never shows a bare code.
"""

from __future__ import annotations

import enum


class AuditAction(enum.StrEnum):
    # People
    PERSON_CREATED = "person.created"
    PERSON_VIEWED = "person.viewed"
    PERSON_UPDATED = "person.updated"
    PERSON_MERGED = "person.merged"
    PERSON_MERGED_AWAY = "person.merged_away"
    PERSON_EXPORTED = "person.exported"
    PERSON_REMOVED = "person.removed"
    # Visits
    VISIT_CREATED = "visit.created"
    VISIT_STARTED_WITH_COACH = "visit.started_with_coach"
    VISIT_CHECKED_OUT = "visit.checked_out"
    VISIT_CHECK_OUT_UNDONE = "visit.check_out_undone"
    VISIT_UNDONE = "visit.undone"
    # Coaching
    COACHING_VIEWED = "coaching.viewed"
    COACHING_MATCH_VIEWED = "coaching.match_viewed"
    COACHING_CASELOAD_VIEWED = "coaching.caseload_viewed"
    COACHING_ASSIGNED = "coaching.assigned"
    COACHING_REASSIGNED = "coaching.reassigned"
    COACHING_OVER_LIMIT_OVERRIDE = "coaching.over_limit_override"
    COACHING_ENDED = "coaching.ended"
    COACHING_WAITLISTED = "coaching.waitlisted"
    COACHING_WAITLIST_REMOVED = "coaching.waitlist_removed"
    COACHING_WISHES_CHANGED = "coaching.wishes_changed"
    COACHING_CONTACT_LOGGED = "coaching.contact_logged"
    COACHING_GOAL_ADDED = "coaching.goal_added"
    COACHING_GOAL_UPDATED = "coaching.goal_updated"
    COACHING_BARC10_RECORDED = "coaching.barc10_recorded"
    # The coach roster
    COACH_ADDED = "coach.added"
    COACH_UPDATED = "coach.updated"
    COACH_DEACTIVATED = "coach.deactivated"
    COACH_REACTIVATED = "coach.reactivated"
    COACH_SPECIALTY_ADDED = "coach.specialty_added"
    COACH_SPECIALTY_CHANGED = "coach.specialty_changed"
    # Referrals and consents
    REFERRAL_GIVEN = "referral.given"
    REFERRAL_OUTCOME = "referral.outcome"
    REFERRAL_FOLLOW_UP_AGAIN = "referral.follow_up_again"
    REFERRAL_FOLLOW_UPS_VIEWED = "referral.follow_ups_viewed"
    CONSENT_CREATED = "consent.created"
    CONSENT_SIGNED = "consent.signed"
    CONSENT_REVOKED = "consent.revoked"
    # Prints and saved files
    PRINT_REFERRAL_SHEET = "print.referral_sheet"
    PRINT_CATEGORY_HANDOUT = "print.category_handout"
    PRINT_CONSENT_FORM = "print.consent_form"
    PRINT_FAILED = "print.failed"
    EXPORT_REFERRAL_SHEET = "export.referral_sheet"
    EXPORT_REFERRAL_SHEET_PDF = "export.referral_sheet_pdf"
    EXPORT_CATEGORY_HANDOUT = "export.category_handout"
    EXPORT_CONSENT_FORM = "export.consent_form"
    EXPORT_HSDS = "export.hsds"
    EXPORT_AUDIT_LOG = "export.audit_log"
    EXPORT_REPORT = "export.report"
    EXPORT_VISITS_DEIDENTIFIED = "export.visits_deidentified"
    # The directory
    DIRECTORY_UPDATED = "directory.updated"
    DIRECTORY_VERIFIED = "directory.verified"
    IMPORT_HSDS = "import.hsds"
    IMPORT_HSDS_REFUSED = "import.hsds_refused"
    IMPORT_RESOURCES = "import.resources"
    IMPORT_RESOURCES_REFUSED = "import.resources_refused"
    # Center settings
    SETTINGS_CHANGED = "settings.changed"
    SETTINGS_PURPOSE_ADDED = "settings.purpose_added"
    SETTINGS_PURPOSE_CHANGED = "settings.purpose_changed"
    SETTINGS_PURPOSE_MOVED = "settings.purpose_moved"
    # Staff accounts
    STAFF_SIGNED_IN = "staff.signed_in"
    STAFF_SIGNED_OUT = "staff.signed_out"
    STAFF_SCREEN_LOCKED = "staff.screen_locked"
    STAFF_UNLOCKED = "staff.unlocked"
    STAFF_LOCKED_OUT = "staff.locked_out"
    STAFF_CREATED = "staff.created"
    STAFF_UPDATED = "staff.updated"
    STAFF_PASSWORD_RESET = "staff.password_reset"
    STAFF_PASSWORD_CHANGED = "staff.password_changed"
    STAFF_PIN_SET = "staff.pin_set"
    STAFF_PREFERENCES_CHANGED = "staff.preferences_changed"
    # Backups
    BACKUP_MADE = "backup.made"
    BACKUP_FAILED = "backup.failed"
    BACKUP_RESTORED = "backup.restored"
    BACKUP_PASSPHRASE_SET = "backup.passphrase_set"
    BACKUP_PASSPHRASE_CHANGED = "backup.passphrase_changed"
    # The center's groups, and attendance at them
    GROUP_CREATED = "group.created"
    GROUP_UPDATED = "group.updated"
    GROUP_DATE_CHANGED = "group.date_changed"
    GROUP_DATE_RESTORED = "group.date_restored"
    ATTENDANCE_ADDED = "attendance.added"
    ATTENDANCE_REMOVED = "attendance.removed"
    ATTENDANCE_COUNTED = "attendance.counted"
    PRINT_WEEK_SCHEDULE = "print.week_schedule"
    EXPORT_WEEK_SCHEDULE = "export.week_schedule"
    # Sign-in cards
    CARD_ISSUED = "card.issued"
    CARD_REVOKED = "card.revoked"
    CARD_REFUSED = "card.refused"
    PRINT_SIGN_IN_CARD = "print.sign_in_card"
    EXPORT_SIGN_IN_CARD = "export.sign_in_card"
    # The self sign-in kiosk by the door
    KIOSK_GREETING_ASKED = "kiosk.greeting_asked"
    KIOSK_GREETED = "kiosk.greeted"
    KIOSK_LOCKED = "kiosk.locked"
    KIOSK_UNLOCKED = "kiosk.unlocked"
    KIOSK_CLOSED = "kiosk.closed"
    # The activity log itself, and sample data
    AUDIT_VIEWED = "audit.viewed"
    # Reports
    REPORT_LIST_VIEWED = "report.list_viewed"
    DEMO_SEEDED = "demo.seeded"
