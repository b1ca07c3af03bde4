"""The words of errors about coaches, assignments and coaching contacts.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

WEEKDAY_DOES_NOT_EXIST_0 = Message(
    "coaching_availability.weekday_does_not_exist_0",
    QT_TRANSLATE_NOOP("DeskError", "Weekday {weekday} does not exist (0 is Monday, 6 is Sunday)."),
)

ENDS_BEFORE_IT_STARTS = Message(
    "coaching_availability.ends_before_it_starts",
    QT_TRANSLATE_NOOP("DeskError", "{day_names} {starts_at}–{ends_at} ends before it starts."),
)

WRITE_START_FIRST_9_00 = Message(
    "coaching_availability.write_start_first_9_00",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Write the start first (9:00-17:00). A shift past midnight is two windows: one "
        "until 23:59, one from 0:00 the next day.",
    ),
)

OVERLAPS = Message(
    "coaching_availability.overlaps", QT_TRANSLATE_NOOP("DeskError", "{text} overlaps {text_2}.")
)

JOIN_TWO_INTO_ONE_WINDOW = Message(
    "coaching_availability.join_two_into_one_window",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Join the two into one window, or change the times so one ends before the next begins.",
    ),
)

IS_NOT_WEEKLY_TIME_DESK = Message(
    "coaching_availability.is_not_weekly_time_desk",
    QT_TRANSLATE_NOOP("DeskError", "“{strip}” is not a weekly time the desk can read ({exc})."),
)

WRITE_DAYS_AND_TIMES_SUCH = Message(
    "coaching_availability.write_days_and_times_such",
    QT_TRANSLATE_NOOP(
        "DeskError", "Write days and times, such as “Mon-Fri 9:00-17:00; Sat 10:00-14:00”."
    ),
)

BARC_10_HAS_STATEMENTS_ANSWERS = Message(
    "coaching_barc10.barc_10_has_statements_answers",
    QT_TRANSLATE_NOOP(
        "DeskError", "The BARC-10 has {items_count} statements; {scores_count} answers were given."
    ),
)

STATEMENT_HAS_NO_ANSWER_YET = Message(
    "coaching_barc10.statement_has_no_answer_yet",
    QT_TRANSLATE_NOOP("DeskError", "Statement {number} has no answer yet."),
)

EVERY_STATEMENT_NEEDS_ANSWER_FROM = Message(
    "coaching_barc10.every_statement_needs_answer_from",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Every statement needs an answer from 1 (strongly disagree) to 6 (strongly "
        "agree); the peer may also stop and record it another day.",
    ),
)

STATEMENT_IS_NOT_ANSWER_FROM = Message(
    "coaching_barc10.statement_is_not_answer_from",
    QT_TRANSLATE_NOOP("DeskError", "Statement {number}: {score!r} is not an answer from 1 to 6."),
)

COACHING_WAS_ENDED_ON_ANOTHER = Message(
    "assignments.coaching_was_ended_on_another",
    QT_TRANSLATE_NOOP(
        "DeskError", "{first_name}'s coaching was ended on another station a moment ago."
    ),
)

WINDOW_NOW_SHOWS_THAT_THEY = Message(
    "assignments.window_now_shows_that_they",
    QT_TRANSLATE_NOOP(
        "DeskError", "The window now shows that they have no coach. Choose again if still needed."
    ),
)

WAS_JUST_ASSIGNED_TO_ON = Message(
    "assignments.was_just_assigned_to_on",
    QT_TRANSLATE_NOOP(
        "DeskError", "{first_name} was just assigned to {coach_name} on another station."
    ),
)

WINDOW_NOW_SHOWS_THEIR_CURRENT = Message(
    "assignments.window_now_shows_their_current",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The window now shows their current coach. Reassign if a change is still needed.",
    ),
)

THAT_COACH_IS_NO_LONGER = Message(
    "assignments.that_coach_is_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That coach is no longer on the roster."),
)

IS_NOT_ACTIVE_ON_ROSTER = Message(
    "assignments.is_not_active_on_roster",
    QT_TRANSLATE_NOOP(
        "DeskError", "{display_name} is not active on the roster, so cannot take on peers."
    ),
)

CHOOSE_ACTIVE_COACH_OR_ASK = Message(
    "assignments.choose_active_coach_or_ask",
    QT_TRANSLATE_NOOP(
        "DeskError", "Choose an active coach, or ask an admin to make them active again."
    ),
)

IS_ALREADY_COACH = Message(
    "assignments.is_already_coach",
    QT_TRANSLATE_NOOP("DeskError", "{display_name} is already {first_name}'s coach."),
)

HAS_OF_PEERS_CASELOAD_IS = Message(
    "assignments.has_of_peers_caseload_is",
    QT_TRANSLATE_NOOP(
        "DeskError", "{display_name} has {peers} of {limit} peers: the caseload is full."
    ),
)

CHOOSE_COACH_WITH_ROOM_PUT = Message(
    "assignments.choose_coach_with_room_put",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Choose a coach with room, put {first_name} on the waitlist, or tick “Assign "
        "over the limit” (the override is recorded).",
    ),
)

THAT_ASSIGNMENT_IS_NO_LONGER = Message(
    "assignments.that_assignment_is_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That assignment is no longer there."),
)

THIS_COACHING_WAS_ALREADY_ENDED = Message(
    "assignments.this_coaching_was_already_ended",
    QT_TRANSLATE_NOOP("DeskError", "This coaching was already ended on another station."),
)

WINDOW_NOW_SHOWS_CURRENT_STATE = Message(
    "assignments.window_now_shows_current_state",
    QT_TRANSLATE_NOOP("DeskError", "The window now shows the current state."),
)

WAS_JUST_GIVEN_COACH_ON = Message(
    "assignments.was_just_given_coach_on",
    QT_TRANSLATE_NOOP("DeskError", "{first_name} was just given a coach on another station."),
)

CLOSE_WINDOW_AND_LOOK_AGAIN = Message(
    "assignments.close_window_and_look_again",
    QT_TRANSLATE_NOOP("DeskError", "Close the window and look again before choosing."),
)

GIVE_DAY_PEER_ANSWERED_TODAY = Message(
    "barc10_records.give_day_peer_answered_today",
    QT_TRANSLATE_NOOP("DeskError", "Give the day the peer answered (today or earlier)."),
)

THERE_IS_NO_PERSON = Message(
    "coach_matching.there_is_no_person",
    QT_TRANSLATE_NOOP("DeskError", "There is no person #{person_id}."),
)

THIS_RECORD_WAS_MERGED_INTO = Message(
    "coach_matching.this_record_was_merged_into",
    QT_TRANSLATE_NOOP("DeskError", "This record was merged into person #{merged_into_id}."),
)

ASSIGN_COACH_FROM_THAT_RECORD = Message(
    "coach_matching.assign_coach_from_that_record",
    QT_TRANSLATE_NOOP("DeskError", "Assign a coach from that record instead."),
)

IS_NOT_SPECIALTY_IN_CENTER = Message(
    "coach_matching.is_not_specialty_in_center",
    QT_TRANSLATE_NOOP("DeskError", "“{unknown}” is not a specialty in the center's list."),
)

COACH_ASKED_FOR_IS_NOT = Message(
    "coach_matching.coach_asked_for_is_not",
    QT_TRANSLATE_NOOP("DeskError", "The coach asked for is not on the roster."),
)

SET_CASELOAD_LIMIT_BETWEEN_1 = Message(
    "coach_roster.set_caseload_limit_between_1",
    QT_TRANSLATE_NOOP("DeskError", "Set a caseload limit between 1 and {caseload_max}."),
)

IT_IS_MOST_PEERS_THIS = Message(
    "coach_roster.it_is_most_peers_this",
    QT_TRANSLATE_NOOP("DeskError", "It is the most peers this coach works with at once."),
)

IS_NOT_LANGUAGE_CODE = Message(
    "coach_roster.is_not_language_code",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” is not a language code."),
)

USE_TWO_LETTER_CODE_EN = Message(
    "coach_roster.use_two_letter_code_en",
    QT_TRANSLATE_NOOP("DeskError", "Use the two-letter code: en, es, pt, vi, pl, …"),
)

IS_NOT_SPECIALTY_IN_CENTER_2 = Message(
    "coach_roster.is_not_specialty_in_center",
    QT_TRANSLATE_NOOP("DeskError", "“{code}” is not a specialty in the center's list."),
)

ADD_IT_TO_LIST_FIRST = Message(
    "coach_roster.add_it_to_list_first",
    QT_TRANSLATE_NOOP("DeskError", "Add it to the list first (Specialty tags…)."),
)

COACH_NEEDS_NAME = Message(
    "coach_roster.coach_needs_name", QT_TRANSLATE_NOOP("DeskError", "The coach needs a name.")
)

STILL_HAS_ACTIVE_PEER = Message(
    "coach_roster.still_has_active_peer",
    QT_TRANSLATE_NOOP("DeskError", "{display_name} still has {peers} active peer{value}."),
)

REASSIGN_THEM_COACHES_PAGE_THEIR = Message(
    "coach_roster.reassign_them_coaches_page_their",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Reassign them (Coaches page, their caseload) before making the coach inactive.",
    ),
)

THIS_PEER_IS_IN_ANOTHER = Message(
    "coaching_access.this_peer_is_in_another",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "This peer is in another coach's caseload, so their coaching notes are not yours "
        "to read or add to.",
    ),
)

THEIR_COACH_CAN_ADD_IT = Message(
    "coaching_access.their_coach_can_add_it",
    QT_TRANSLATE_NOOP(
        "DeskError", "Their coach can add it, or an admin can let you see every caseload's notes."
    ),
)

GIVE_DATE_OF_CONTACT = Message(
    "coaching_contacts.give_date_of_contact",
    QT_TRANSLATE_NOOP("DeskError", "Give the date of the contact."),
)

CONTACT_DATE_IS_IN_FUTURE = Message(
    "coaching_contacts.contact_date_is_in_future",
    QT_TRANSLATE_NOOP("DeskError", "The contact date {contact_on} is in the future."),
)

LOG_CONTACT_ONCE_IT_HAPPENED = Message(
    "coaching_contacts.log_contact_once_it_happened",
    QT_TRANSLATE_NOOP(
        "DeskError", "Log a contact once it happened; put a coming one in “Follow up on”."
    ),
)

CONTACT_DATE_IS_TOO_LONG = Message(
    "coaching_contacts.contact_date_is_too_long",
    QT_TRANSLATE_NOOP("DeskError", "The contact date {contact_on} is too long ago."),
)

CHOOSE_IN_PERSON_PHONE_OR = Message(
    "coaching_contacts.choose_in_person_phone_or",
    QT_TRANSLATE_NOOP("DeskError", "Choose in person, phone or text."),
)

MINUTES_CANNOT_BE_RIGHT_0 = Message(
    "coaching_contacts.minutes_cannot_be_right_0",
    QT_TRANSLATE_NOOP("DeskError", "{minutes} minutes cannot be right (0 to {minutes_max})."),
)

HAS_NO_COACH_SO_CONTACT = Message(
    "coaching_contacts.has_no_coach_so_contact",
    QT_TRANSLATE_NOOP(
        "DeskError", "{first_name} has no coach, so the contact has no one to belong to."
    ),
)

ASSIGN_COACH_FIRST_OR_SAY = Message(
    "coaching_contacts.assign_coach_first_or_say",
    QT_TRANSLATE_NOOP("DeskError", "Assign a coach first, or say which coach made the contact."),
)

CHOOSE_COACH_WHO_MADE_CONTACT = Message(
    "coaching_contacts.choose_coach_who_made_contact",
    QT_TRANSLATE_NOOP("DeskError", "Choose the coach who made the contact."),
)

FOLLOW_UP_DATE_IS_BEFORE = Message(
    "coaching_contacts.follow_up_date_is_before",
    QT_TRANSLATE_NOOP("DeskError", "The follow-up date is before the contact."),
)

CHOOSE_DAY_AFTER_CONTACT_OR = Message(
    "coaching_contacts.choose_day_after_contact_or",
    QT_TRANSLATE_NOOP("DeskError", "Choose a day after the contact, or leave it empty."),
)

FOLLOW_UP_DATE_IS_MORE = Message(
    "coaching_contacts.follow_up_date_is_more",
    QT_TRANSLATE_NOOP("DeskError", "The follow-up date is more than a year after the contact."),
)

CHECK_YEAR = Message(
    "coaching_contacts.check_year", QT_TRANSLATE_NOOP("DeskError", "Check the year.")
)

WRITE_GOAL_IN_FEW_WORDS = Message(
    "recovery_goals.write_goal_in_few_words",
    QT_TRANSLATE_NOOP("DeskError", "Write the goal in a few words, as the peer says it."),
)

FOR_EXAMPLE_FIND_SOBER_HOUSE = Message(
    "recovery_goals.for_example_find_sober_house",
    QT_TRANSLATE_NOOP("DeskError", "For example: “Find a sober house in Worcester”."),
)

CHOOSE_AREA_OF_LIFE_GOAL = Message(
    "recovery_goals.choose_area_of_life_goal",
    QT_TRANSLATE_NOOP("DeskError", "Choose the area of life the goal is in."),
)

THAT_GOAL_IS_NO_LONGER = Message(
    "recovery_goals.that_goal_is_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That goal is no longer there."),
)

SPECIALTY_NEEDS_NAME = Message(
    "specialty_tags.specialty_needs_name",
    QT_TRANSLATE_NOOP("DeskError", "The specialty needs a name."),
)

IS_ALREADY_IN_LIST = Message(
    "specialty_tags.is_already_in_list",
    QT_TRANSLATE_NOOP("DeskError", "“{name}” is already in the list."),
)

THERE_IS_NO_SPECIALTY = Message(
    "specialty_tags.there_is_no_specialty",
    QT_TRANSLATE_NOOP("DeskError", "There is no specialty “{code}”."),
)

YOUR_ENTRIES_ARE_STILL_ON_3 = Message(
    "coach_roster.your_entries_are_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your entries are still on screen. Close and open the coach again to see the "
        "other change, then make yours.",
    ),
)

QUOTED_LABEL = Message("specialty_tags.quoted_label", QT_TRANSLATE_NOOP("DeskError", "“{label}”"))

YOUR_ENTRY_IS_STILL_ON = Message(
    "specialty_tags.your_entry_is_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError", "Your entry is still on screen. Reopen the list, then save again."
    ),
)

RECORD = Message("coach_matching.record", QT_TRANSLATE_NOOP("DeskError", "{first_name}'s record"))

WHAT_YOU_CHOSE_IS_STILL = Message(
    "coach_matching.what_you_chose_is_still",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "What you chose is still on screen. Close and reopen the window, then try again.",
    ),
)

GOAL = Message("recovery_goals.goal", QT_TRANSLATE_NOOP("DeskError", "The goal “{title}”"))

IT_IS_NOW_2 = Message(
    "recovery_goals.it_is_now", QT_TRANSLATE_NOOP("DeskError", "it is now {status}")
)

LIST_HAS_BEEN_REFRESHED_MAKE = Message(
    "recovery_goals.list_has_been_refreshed_make",
    QT_TRANSLATE_NOOP(
        "DeskError", "The list has been refreshed; make your change again if still needed."
    ),
)

SAY_WHY_COACH_CHANGES = Message(
    "assignments.say_why_coach_changes",
    QT_TRANSLATE_NOOP("DeskError", "Say briefly why the coach changes; it stays in their history."),
)
SAY_WHY_COACHING_ENDS = Message(
    "assignments.say_why_coaching_ends",
    QT_TRANSLATE_NOOP("DeskError", "Say briefly why the coaching ends; it stays in their history."),
)
