"""The words of errors about people, check-in, the kiosk and sign-in cards.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

THAT_BARCODE_IS_NOT_RECOVERY = Message(
    "cards_reading.that_barcode_is_not_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError", "That barcode is not a Recovery Desk card, so nobody was signed in."
    ),
)

SCAN_PERSON_SIGN_IN_CARD = Message(
    "cards_reading.scan_person_sign_in_card",
    QT_TRANSLATE_NOOP("DeskError", "Scan the person's sign-in card, or type their name."),
)

THIS_CARD_IS_NOT_KNOWN = Message(
    "cards_reading.this_card_is_not_known",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This card is not known here (never printed, or printed for another database): "
        "nobody was signed in.",
    ),
)

SIGN_THEM_IN_BY_NAME = Message(
    "cards_reading.sign_them_in_by_name",
    QT_TRANSLATE_NOOP("DeskError", "Sign them in by name, and print them a new card if they wish."),
)

CARD_WAS_NOT_READ_COMPLETELY = Message(
    "cards_reading.card_was_not_read_completely",
    QT_TRANSLATE_NOOP("DeskError", "The card was not read completely, so nobody was signed in."),
)

SCAN_IT_AGAIN_HOLDING_IT = Message(
    "cards_reading.scan_it_again_holding_it",
    QT_TRANSLATE_NOOP("DeskError", "Scan it again, holding it still."),
)

CARD_WAS_READ_WRONGLY_SO = Message(
    "cards_reading.card_was_read_wrongly_so",
    QT_TRANSLATE_NOOP("DeskError", "The card was read wrongly, so nobody was signed in."),
)

SCAN_IT_AGAIN_IF_IT = Message(
    "cards_reading.scan_it_again_if_it",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Scan it again; if it keeps failing, sign them in by name and print a new card.",
    ),
)

IS_ALREADY_SIGNED_IN_TODAY = Message(
    "cards_signing.is_already_signed_in_today",
    QT_TRANSLATE_NOOP("DeskError", "{value} is already signed in today."),
)

THEY_ARE_IN_TODAY_QUEUE = Message(
    "cards_signing.they_are_in_today_queue",
    QT_TRANSLATE_NOOP("DeskError", "They are in today's queue; nothing was changed."),
)

BUILT_IN_COMMAND_LINE_ACCOUNT = Message(
    "actor.built_in_command_line_account",
    QT_TRANSLATE_NOOP("DeskError", "The built-in command-line account is missing."),
)

RUN_RECOVERY_DESK_DB_UPGRADE = Message(
    "actor.run_recovery_desk_db_upgrade",
    QT_TRANSLATE_NOOP("DeskError", "Run `recovery-desk db upgrade` to create it."),
)

IS_NOT_HELD_TODAY = Message(
    "attendance.is_not_held_today", QT_TRANSLATE_NOOP("DeskError", "“{name}” is not held today.")
)

CHOOSE_ONE_OF_TODAY_MEETINGS = Message(
    "attendance.choose_one_of_today_meetings",
    QT_TRANSLATE_NOOP("DeskError", "Choose one of today's meetings."),
)

ANONYMOUS_ATTENDEES_CANNOT_BE_RIGHT = Message(
    "attendance.anonymous_attendees_cannot_be_right",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{anonymous_count} anonymous attendees cannot be right (0 to {most_anonymous}).",
    ),
)

SOMEONE_ON_LIST_IS_NO = Message(
    "attendance.someone_on_list_is_no",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Someone on the list is no longer signed in that day (their sign-in was undone).",
    ),
)

LIST_HAS_BEEN_RELOADED_TICK = Message(
    "attendance.list_has_been_reloaded_tick",
    QT_TRANSLATE_NOOP("DeskError", "The list has been reloaded; tick them again if needed."),
)

THAT_IS_NOT_CARD_MADE = Message(
    "cards.that_is_not_card_made",
    QT_TRANSLATE_NOOP("DeskError", "That is not a card made by Recovery Desk."),
)

CHOOSE_AT_LEAST_ONE_PURPOSE = Message(
    "checkin.choose_at_least_one_purpose",
    QT_TRANSLATE_NOOP("DeskError", "Choose at least one purpose for the visit."),
)

THAT_VISIT_IS_NO_LONGER = Message(
    "checkin.that_visit_is_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That visit is no longer in the queue."),
)

CHOOSE_ACTIVE_RECOVERY_COACH = Message(
    "checkin.choose_active_recovery_coach",
    QT_TRANSLATE_NOOP("DeskError", "Choose an active recovery coach."),
)

ONLY_SOMEONE_WHO_IS_WAITING = Message(
    "checkin.only_someone_who_is_waiting",
    QT_TRANSLATE_NOOP("DeskError", "Only someone who is waiting can start with a coach."),
)

THIS_VISIT_HAS_ALREADY_ENDED = Message(
    "checkin.this_visit_has_already_ended",
    QT_TRANSLATE_NOOP("DeskError", "This visit has already ended."),
)

THIS_VISITOR_IS_NOT_CHECKED = Message(
    "checkin.this_visitor_is_not_checked",
    QT_TRANSLATE_NOOP("DeskError", "This visitor is not checked out."),
)

CHECK_OUT_CAN_BE_UNDONE = Message(
    "checkin.check_out_can_be_undone",
    QT_TRANSLATE_NOOP("DeskError", "A check-out can be undone only within a minute."),
)

IF_THEY_ARE_STILL_HERE = Message(
    "checkin.if_they_are_still_here",
    QT_TRANSLATE_NOOP("DeskError", "If they are still here, sign them in again."),
)

SAY_BRIEFLY_WHY_SIGN_IN = Message(
    "checkin.say_briefly_why_sign_in",
    QT_TRANSLATE_NOOP("DeskError", "Say briefly why the sign-in is withdrawn."),
)

THIS_SIGN_IN_WAS_ALREADY = Message(
    "checkin.this_sign_in_was_already",
    QT_TRANSLATE_NOOP("DeskError", "This sign-in was already withdrawn."),
)

IS_NOT_VISIT_PURPOSE_IN = Message(
    "checkin.is_not_visit_purpose_in",
    QT_TRANSLATE_NOOP("DeskError", "“{code}” is not a visit purpose in use."),
)

IS_ALREADY_SIGNED_IN_TODAY_2 = Message(
    "checkin.is_already_signed_in_today",
    QT_TRANSLATE_NOOP("DeskError", "{first_name} is already signed in today."),
)

THEY_ARE_HIGHLIGHTED_IN_TODAY = Message(
    "checkin.they_are_highlighted_in_today",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "They are highlighted in today's queue; check them out there before a new visit.",
    ),
)

COACH_ASKED_FOR_IS_NOT = Message(
    "checkin.coach_asked_for_is_not",
    QT_TRANSLATE_NOOP("DeskError", "The coach asked for is not an active recovery coach."),
)

THEY_HAVE_BEEN_SIGNED_IN = Message(
    "checkin.they_have_been_signed_in",
    QT_TRANSLATE_NOOP("DeskError", "They have been signed in again since; nothing was changed."),
)

COUNT_OF_CANNOT_BE_RIGHT = Message(
    "checkin.count_of_cannot_be_right",
    QT_TRANSLATE_NOOP(
        "DeskError", "{label}: a count of {quantity} cannot be right (0 to {max_items})."
    ),
)

BUILT_IN_KIOSK_ACCOUNT_IS = Message(
    "kiosk.built_in_kiosk_account_is",
    QT_TRANSLATE_NOOP("DeskError", "The built-in kiosk account is missing or switched off."),
)

CHOOSE_WHY_YOU_CAME_TODAY = Message(
    "kiosk.choose_why_you_came_today", QT_TRANSLATE_NOOP("DeskError", "Choose why you came today.")
)

ONLY_ADMIN_CAN_UNLOCK_OR = Message(
    "kiosk.only_admin_can_unlock_or",
    QT_TRANSLATE_NOOP("DeskError", "Only an admin can unlock or close the kiosk."),
)

YOU_ARE_SIGNED_IN_ALREADY = Message(
    "kiosk.you_are_signed_in_already",
    QT_TRANSLATE_NOOP("DeskError", "You are signed in already today."),
)

THERE_IS_NO_PERSON = Message(
    "people.there_is_no_person", QT_TRANSLATE_NOOP("DeskError", "There is no person #{person_id}.")
)

THEY_MAY_HAVE_BEEN_REMOVED = Message(
    "people.they_may_have_been_removed",
    QT_TRANSLATE_NOOP("DeskError", "They may have been removed."),
)

RECORD_WAS_REMOVED_AT_PERSON = Message(
    "people.record_was_removed_at_person",
    QT_TRANSLATE_NOOP("DeskError", "Record #{person_id} was removed at the person's request."),
)

NOTHING_ABOUT_THEM_IS_KEPT = Message(
    "people.nothing_about_them_is_kept",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing about them is kept; if they come back, add them as someone new."
    ),
)

THIS_RECORD_WAS_MERGED_INTO = Message(
    "people.this_record_was_merged_into",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This record (#{person_id}) was merged into another record of the same person, "
        "#{merged_into_id}.",
    ),
)

USE_THAT_ONE_OR_SEARCH = Message(
    "people.use_that_one_or_search",
    QT_TRANSLATE_NOOP(
        "DeskError", "Use that one (or search for them by name): the whole history is there."
    ),
)

RECORD_CANNOT_BE_MERGED_INTO = Message(
    "people.record_cannot_be_merged_into",
    QT_TRANSLATE_NOOP("DeskError", "A record cannot be merged into itself."),
)

BOTH_RECORDS_HAVE_ACTIVE_COACH = Message(
    "people.both_records_have_active_coach",
    QT_TRANSLATE_NOOP("DeskError", "Both records have an active coach."),
)

END_ONE_OF_TWO_ASSIGNMENTS = Message(
    "people.end_one_of_two_assignments",
    QT_TRANSLATE_NOOP(
        "DeskError", "End one of the two assignments first (from the person's coaching panel)."
    ),
)

RECORD_CHANGED_ON_ANOTHER_STATION = Message(
    "people.record_changed_on_another_station",
    QT_TRANSLATE_NOOP(
        "DeskError", "{first_name}'s record changed on another station since you compared them."
    ),
)

COMPARE_TWO_RECORDS_AGAIN_THEN = Message(
    "people.compare_two_records_again_then",
    QT_TRANSLATE_NOOP("DeskError", "Compare the two records again, then merge."),
)

TYPE_PERSON_FIRST_NAME_EXACTLY = Message(
    "person_data.type_person_first_name_exactly",
    QT_TRANSLATE_NOOP(
        "DeskError", "Type the person's first name, exactly as on their record, to confirm."
    ),
)

IS_NOT_BIRTH_YEAR_OR = Message(
    "person_details.is_not_birth_year_or",
    QT_TRANSLATE_NOOP("DeskError", "“{value}” is not a birth year or date."),
)

TYPE_YEAR_SUCH_AS_1985 = Message(
    "person_details.type_year_such_as_1985",
    QT_TRANSLATE_NOOP(
        "DeskError", "Type a year such as 1985, or a date such as 3/14/1985; or leave it empty."
    ),
)

FIRST_NAME_OR_INITIALS_IS = Message(
    "person_details.first_name_or_initials_is",
    QT_TRANSLATE_NOOP("DeskError", "A first name or initials is needed, and nothing else is."),
)

INITIALS_ARE_FINE_IF_THAT = Message(
    "person_details.initials_are_fine_if_that",
    QT_TRANSLATE_NOOP("DeskError", "Initials are fine if that is all the person wants to give."),
)

IS_NOT_PEER_OR_FAMILY = Message(
    "person_details.is_not_peer_or_family",
    QT_TRANSLATE_NOOP("DeskError", "“{value}” is not peer or family."),
)

PURPOSE_NEEDS_NAME = Message(
    "purposes.purpose_needs_name", QT_TRANSLATE_NOOP("DeskError", "A purpose needs a name.")
)

THERE_IS_NO_PURPOSE = Message(
    "purposes.there_is_no_purpose", QT_TRANSLATE_NOOP("DeskError", "There is no purpose “{code}”.")
)

AT_MOST_PURPOSES_CAN_BE = Message(
    "purposes.at_most_purposes_can_be",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "At most {max_active} purposes can be in use (one for each of Ctrl+1 to "
        "Ctrl+{max_active}).",
    ),
)

SWITCH_ANOTHER_ONE_OFF_FIRST = Message(
    "purposes.switch_another_one_off_first",
    QT_TRANSLATE_NOOP("DeskError", "Switch another one off first."),
)

ALREADY_HAS_COACH = Message(
    "waitlist.already_has_coach",
    QT_TRANSLATE_NOOP("DeskError", "{first_name} already has a coach: {coach}."),
)

REASSIGN_THEM_INSTEAD_IF_THEY = Message(
    "waitlist.reassign_them_instead_if_they",
    QT_TRANSLATE_NOOP("DeskError", "Reassign them instead if they need another coach."),
)

IS_ALREADY_ON_WAITLIST = Message(
    "waitlist.is_already_on_waitlist",
    QT_TRANSLATE_NOOP("DeskError", "{first_name} is already on the waitlist."),
)

THEY_KEEP_THEIR_PLACE_COACHES = Message(
    "waitlist.they_keep_their_place_coaches",
    QT_TRANSLATE_NOOP("DeskError", "They keep their place; the Coaches page shows the waitlist."),
)

THAT_WAITLIST_ENTRY_IS_NO = Message(
    "waitlist.that_waitlist_entry_is_no",
    QT_TRANSLATE_NOOP("DeskError", "That waitlist entry is no longer there."),
)

THIS_PEER_ALREADY_LEFT_WAITLIST = Message(
    "waitlist.this_peer_already_left_waitlist",
    QT_TRANSLATE_NOOP("DeskError", "This peer already left the waitlist on another station."),
)

IT_SAYS = Message("waitlist.it_says", QT_TRANSLATE_NOOP("DeskError", "It says: {resolution}."))

SAY_BRIEFLY_WHY_THEY_LEAVE = Message(
    "waitlist.say_briefly_why_they_leave",
    QT_TRANSLATE_NOOP("DeskError", "Say briefly why they leave the waitlist."),
)

WAS_JUST_PUT_ON_WAITLIST = Message(
    "waitlist.was_just_put_on_waitlist",
    QT_TRANSLATE_NOOP("DeskError", "{first_name} was just put on the waitlist on another station."),
)

THIS_RECORD = Message("person_data.this_record", QT_TRANSLATE_NOOP("DeskError", "This record"))

COUNT_OF_ANONYMOUS_ATTENDEES = Message(
    "attendance.count_of_anonymous_attendees",
    QT_TRANSLATE_NOOP("DeskError", "The count of anonymous attendees"),
)

IT_IS_NOW = Message(
    "attendance.it_is_now", QT_TRANSLATE_NOOP("DeskError", "it is {anonymous_count} now")
)

LIST_HAS_BEEN_RELOADED_SET = Message(
    "attendance.list_has_been_reloaded_set",
    QT_TRANSLATE_NOOP("DeskError", "The list has been reloaded; set the count again."),
)

THIS_RECORD_2 = Message("people.this_record", QT_TRANSLATE_NOOP("DeskError", "This record"))

PURPOSE = Message("purposes.purpose", QT_TRANSLATE_NOOP("DeskError", "The purpose “{label}”"))

WHAT_YOU_TYPED_IS_STILL = Message(
    "purposes.what_you_typed_is_still",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "What you typed is still on screen. Close this window, open the purpose again to "
        "see the other change, then make yours.",
    ),
)

THIS_VISIT = Message("checkin.this_visit", QT_TRANSLATE_NOOP("DeskError", "This visit"))

IT_IS_NOW_3 = Message("checkin.it_is_now", QT_TRANSLATE_NOOP("DeskError", "it is now “{status}”"))

QUEUE_HAS_BEEN_REFRESHED_CHECK = Message(
    "checkin.queue_has_been_refreshed_check",
    QT_TRANSLATE_NOOP(
        "DeskError", "The queue has been refreshed; check it and try again if still needed."
    ),
)

CARD_REPLACED = Message(
    "cards_reading.card_replaced",
    QT_TRANSLATE_NOOP(
        "DeskError", "This card was replaced by a new one{when}: it signs no one in."
    ),
)
ASK_FOR_NEW_CARD = Message(
    "cards_reading.ask_for_new_card",
    QT_TRANSLATE_NOOP("DeskError", "Ask for their new card, or sign them in by name."),
)
CARD_STOPPED = Message(
    "cards_reading.card_stopped",
    QT_TRANSLATE_NOOP(
        "DeskError", "This card was stopped{when} (reported lost): it signs no one in."
    ),
)
SIGN_IN_BY_NAME_NEW_CARD = Message(
    "cards_reading.sign_in_by_name_new_card",
    QT_TRANSLATE_NOOP("DeskError", "Sign them in by name; print them a new card if they wish."),
)
ON_DAY = Message("cards_reading.on_day", QT_TRANSLATE_NOOP("DeskError", " on {month:%B} {day}"))
