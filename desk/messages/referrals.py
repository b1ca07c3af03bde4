"""The words of errors about referrals, consents and printed sheets.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

THIS_REFERRAL_SAVED_SHEET_IS = Message(
    "printing_sheet_content.this_referral_saved_sheet_is",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This referral's saved sheet is in format {kept!r}, which this version of "
        "Recovery Desk cannot read (it reads format {content_format}).",
    ),
)

IT_WAS_PROBABLY_SAVED_BY = Message(
    "printing_sheet_content.it_was_probably_saved_by",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "It was probably saved by a newer version: reprint it on a station that has been "
        "updated, or give a new sheet for the same services (Refer again).",
    ),
)

THIS_REFERRAL_SAVED_SHEET_CANNOT = Message(
    "printing_sheet_content.this_referral_saved_sheet_cannot",
    QT_TRANSLATE_NOOP("DeskError", "This referral's saved sheet cannot be read ({name}: {error})."),
)

GIVE_NEW_SHEET_FOR_SAME = Message(
    "printing_sheet_content.give_new_sheet_for_same",
    QT_TRANSLATE_NOOP("DeskError", "Give a new sheet for the same services (Refer again)."),
)

CONSENT_NEEDS_END_DATE_OR = Message(
    "consents.consent_needs_end_date_or",
    QT_TRANSLATE_NOOP("DeskError", "A consent needs an end: a date, or an event or condition."),
)

FOR_EXAMPLE_DATE_YEAR_FROM = Message(
    "consents.for_example_date_year_from",
    QT_TRANSLATE_NOOP(
        "DeskError", "For example a date a year from now, or “when I finish this program”."
    ),
)

END_DATE_IS_ALREADY_PAST = Message(
    "consents.end_date_is_already_past",
    QT_TRANSLATE_NOOP("DeskError", "The end date is already past."),
)

CHOOSE_LATER_DATE = Message(
    "consents.choose_later_date", QT_TRANSLATE_NOOP("DeskError", "Choose a later date.")
)

CONSENT_FORMS_ARE_PRINTED_IN = Message(
    "consents.consent_forms_are_printed_in",
    QT_TRANSLATE_NOOP(
        "DeskError", "Consent forms are printed in English (en) or Spanish (es), not “{language}”."
    ),
)

THERE_IS_NO_PERSON = Message(
    "consents.there_is_no_person",
    QT_TRANSLATE_NOOP("DeskError", "There is no person #{person_id}."),
)

OPEN_THEIR_RECORD_AGAIN = Message(
    "consents.open_their_record_again", QT_TRANSLATE_NOOP("DeskError", "Open their record again.")
)

THERE_IS_NO_CONSENT = Message(
    "consents.there_is_no_consent",
    QT_TRANSLATE_NOOP("DeskError", "There is no consent #{consent_id}."),
)

THIS_CONSENT_WAS_REVOKED_SIGNATURE = Message(
    "consents.this_consent_was_revoked_signature",
    QT_TRANSLATE_NOOP("DeskError", "This consent was revoked; a signature cannot bring it back."),
)

PREPARE_NEW_CONSENT_FORM_INSTEAD = Message(
    "consents.prepare_new_consent_form_instead",
    QT_TRANSLATE_NOOP("DeskError", "Prepare a new consent form instead."),
)

SIGNATURE_ON_THIS_CONSENT_WAS = Message(
    "consents.signature_on_this_consent_was",
    QT_TRANSLATE_NOOP(
        "DeskError", "The signature on this consent was already recorded ({signed_on})."
    ),
)

IF_DATE_IS_WRONG_REVOKE = Message(
    "consents.if_date_is_wrong_revoke",
    QT_TRANSLATE_NOOP(
        "DeskError", "If the date is wrong, revoke it and prepare a new consent form."
    ),
)

SIGNATURE_DATE_CANNOT_BE_IN = Message(
    "consents.signature_date_cannot_be_in",
    QT_TRANSLATE_NOOP("DeskError", "The signature date cannot be in the future."),
)

ENTER_DATE_WRITTEN_ON_SIGNED = Message(
    "consents.enter_date_written_on_signed",
    QT_TRANSLATE_NOOP("DeskError", "Enter the date written on the signed form."),
)

FORM_CANNOT_HAVE_BEEN_SIGNED = Message(
    "consents.form_cannot_have_been_signed",
    QT_TRANSLATE_NOOP(
        "DeskError", "The form cannot have been signed before it was prepared, on {created_on}."
    ),
)

THIS_CONSENT_WAS_ALREADY_REVOKED = Message(
    "consents.this_consent_was_already_revoked",
    QT_TRANSLATE_NOOP("DeskError", "This consent was already revoked on {revoked_on}."),
)

REVOCATION_DATE_CANNOT_BE_IN = Message(
    "consents.revocation_date_cannot_be_in",
    QT_TRANSLATE_NOOP("DeskError", "The revocation date cannot be in the future."),
)

MUST_BE_FILLED_IN_2 = Message(
    "consents.must_be_filled_in_2",
    QT_TRANSLATE_NOOP("DeskError", "{label} must be filled in: §2.31 requires it."),
)

PROGRAM_THIS_CONSENT_NAMES_IS = Message(
    "consents.program_this_consent_names_is",
    QT_TRANSLATE_NOOP("DeskError", "The program this consent names is no longer in the directory."),
)

CHOOSE_PROVIDER_AGAIN_OR_TYPE = Message(
    "consents.choose_provider_again_or_type",
    QT_TRANSLATE_NOOP("DeskError", "Choose the provider again, or type the recipient without one."),
)

ORGANIZATION_THIS_CONSENT_NAMES_IS = Message(
    "consents.organization_this_consent_names_is",
    QT_TRANSLATE_NOOP(
        "DeskError", "The organization this consent names is no longer in the directory."
    ),
)

CONSENT_FOR_EVERY_PROGRAM_OF = Message(
    "consents.consent_for_every_program_of",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "A consent for every program of {name} must say so: its recipient has to name {name}.",
    ),
)

CHOOSE_EVERY_PROGRAM_OF_ORGANIZATION = Message(
    "consents.choose_every_program_of_organization",
    QT_TRANSLATE_NOOP(
        "DeskError", "Choose “every program of the organization” again to fill it in."
    ),
)

THERE_IS_NO_CATEGORY_CALLED = Message(
    "handouts.there_is_no_category_called",
    QT_TRANSLATE_NOOP("DeskError", "There is no category called “{name}”."),
)

GIVE_CODE_OR_NAME_CATEGORIES = Message(
    "handouts.give_code_or_name_categories",
    QT_TRANSLATE_NOOP("DeskError", "Give a code or a name; the categories are {choices}."),
)

CHOOSE_CONNECTED_NOT_CONNECTED_OR = Message(
    "referral_log.choose_connected_not_connected_or",
    QT_TRANSLATE_NOOP("DeskError", "Choose connected, not connected or unknown."),
)

NEXT_TRY_MUST_BE_ON = Message(
    "referral_log.next_try_must_be_on",
    QT_TRANSLATE_NOOP("DeskError", "The next try must be on a later day than today."),
)

CHOOSE_TOMORROW_OR_LATER = Message(
    "referral_log.choose_tomorrow_or_later",
    QT_TRANSLATE_NOOP("DeskError", "Choose tomorrow or later."),
)

THIS_REFERRAL_ALREADY_HAS_OUTCOME = Message(
    "referral_log.this_referral_already_has_outcome",
    QT_TRANSLATE_NOOP(
        "DeskError", "This referral already has an outcome, so there is nothing to follow up."
    ),
)

REFRESH_LIST_TO_SEE_IT = Message(
    "referral_log.refresh_list_to_see_it",
    QT_TRANSLATE_NOOP("DeskError", "Refresh the list to see it."),
)

THERE_IS_NO_REFERRAL = Message(
    "referral_log.there_is_no_referral",
    QT_TRANSLATE_NOOP("DeskError", "There is no referral #{referral_id}."),
)

SHEET_DOES_NOT_SHOW_THEIR = Message(
    "referrals.sheet_does_not_show_their",
    QT_TRANSLATE_NOOP(
        "DeskError", "The sheet does not show their name, but {where} contains {what}."
    ),
)

SHEETS_ARE_PRINTED_IN_ENGLISH = Message(
    "referrals.sheets_are_printed_in_english",
    QT_TRANSLATE_NOOP(
        "DeskError", "Sheets are printed in English (en) or Spanish (es), not “{language}”."
    ),
)

REFERRAL_HAS_NO_SERVICES_YET = Message(
    "referrals.referral_has_no_services_yet",
    QT_TRANSLATE_NOOP("DeskError", "The referral has no services yet."),
)

ADD_SERVICES_FROM_RESOURCES_PAGE = Message(
    "referrals.add_services_from_resources_page",
    QT_TRANSLATE_NOOP(
        "DeskError", "Add services from the Resources page or from the person's record."
    ),
)

NO_SERVICE_IN_DIRECTORY_HAS = Message(
    "referrals.no_service_in_directory_has",
    QT_TRANSLATE_NOOP("DeskError", "No service in the directory has the id {unknown}."),
)

SERVICE_IDS_ARE_HSDS_IDS = Message(
    "referrals.service_ids_are_hsds_ids",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Service ids are the HSDS ids that `recovery-desk export-hsds` writes; the "
        "service may have been removed on another station.",
    ),
)

CHOOSE_PERSON_FIRST_ANONYMOUS_SHEET = Message(
    "referrals.choose_person_first_anonymous_sheet",
    QT_TRANSLATE_NOOP(
        "DeskError", "Choose the person first: an anonymous sheet has no name to show."
    ),
)

THAT_COACH_ACCOUNT_IS_GONE = Message(
    "referrals.that_coach_account_is_gone",
    QT_TRANSLATE_NOOP("DeskError", "That coach's account is gone."),
)

CHOOSE_ANOTHER_COACH = Message(
    "referrals.choose_another_coach", QT_TRANSLATE_NOOP("DeskError", "Choose another coach.")
)

THIS_CONSENT = Message("consents.this_consent", QT_TRANSLATE_NOOP("DeskError", "This consent"))

YOUR_ENTRIES_ARE_STILL_ON_2 = Message(
    "consents.your_entries_are_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your entries are still on screen. Reload the person's consents, then try again.",
    ),
)

THIS_REFERRAL_FOLLOW_UP = Message(
    "referral_log.this_referral_follow_up",
    QT_TRANSLATE_NOOP("DeskError", "This referral's follow-up"),
)

YOUR_NOTE_IS_STILL_ON = Message(
    "referral_log.your_note_is_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your note is still on screen. Refresh the list to see theirs, then save again "
        "if yours adds to it.",
    ),
)

CONSENT_NEEDED = Message(
    "consents.consent_needed",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This sheet names the person, and 42 CFR Part 2 needs their signed consent for "
        "each provider on it. Missing: {names}.",
    ),
)
CONSENT_NEEDED_HINT = Message(
    "consents.consent_needed_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Print a consent form for them to sign (record the signature when it is "
        "back), or turn off “show their name” to give a sheet with no identifying "
        "information, which needs no consent.",
    ),
)
CONSENT_LAPSED = Message(
    "referrals.consent_lapsed",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Referral #{referral_id} shows the person's name, and their consent is no longer "
        "active for: {names}. It cannot be printed again with their name.",
    ),
)
CONSENT_LAPSED_HINT = Message(
    "referrals.consent_lapsed_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Print it without their name and the §2.32 notice, or record a new signed consent first.",
    ),
)
NAME_IN_TEXT_HINT = Message(
    "referrals.name_in_text_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Remove it from the text, or tick “show their name” (which needs their signed "
        "consent for each provider on the sheet).",
    ),
)
