"""The activity log's sentences about people: their records, visits, coaching, referrals,
consents and sign-in cards (desk/audit/wording.py puts every area's together)."""

from __future__ import annotations

from desk.audit import phrases as p
from desk.audit.actions import AuditAction as A
from desk.audit.entry import AuditEntry
from desk.audit.facts import EventFacts
from desk.audit.vocabulary import (
    ANONYMOUS,
    CARD_ENDS,
    OUTCOMES,
    WAYS_IN,
    say,
)
from desk.messages import QT_TRANSLATE_NOOP, Message


def _visit(e: AuditEntry, f: EventFacts) -> Message:
    purposes = [f.purposes.get(code, code) for code in e.detail.get("purposes", [])]
    who = say(ANONYMOUS) if e.detail.get("anonymous") else f.person(e.person_id)
    way = WAYS_IN.get(str(e.detail.get("way_in")))
    return say(
        QT_TRANSLATE_NOOP("Activity", "Signed in {who}{purposes}{way}"),
        who=who,
        purposes=f" ({', '.join(purposes)})" if purposes else "",
        way=say(way) if way else "",
    )


def _card_issued(e: AuditEntry, f: EventFacts) -> Message:
    return say(
        QT_TRANSLATE_NOOP("Activity", "Made a sign-in card for {person}{name}{old}"),
        person=f.person(e.person_id),
        name=(
            say(QT_TRANSLATE_NOOP("Activity", " (with their first name on it)"))
            if e.detail.get("shows_first_name")
            else ""
        ),
        old=(
            say(QT_TRANSLATE_NOOP("Activity", "; their old card stopped working"))
            if e.detail.get("replaced")
            else ""
        ),
    )


def _card_revoked(e: AuditEntry, f: EventFacts) -> Message:
    why = e.detail.get("why")
    known = CARD_ENDS.get(str(why))
    return say(
        QT_TRANSLATE_NOOP("Activity", "Stopped {person}'s sign-in card working{why}"),
        person=f.person(e.person_id),
        why=(
            ""
            if why in (None, "")
            else say(
                QT_TRANSLATE_NOOP("Activity", " ({value})"), value=say(known) if known else why
            )
        ),
    )


def _card_refused(e: AuditEntry, f: EventFacts) -> Message:
    known = CARD_ENDS.get(str(e.detail.get("why")))
    return say(
        QT_TRANSLATE_NOOP("Activity", "Refused a scan of {person}'s old sign-in card ({why})"),
        person=f.person(e.person_id),
        why=say(known) if known else say(QT_TRANSLATE_NOOP("Activity", "it no longer works")),
    )


def _referral_given(e: AuditEntry, f: EventFacts) -> Message:
    template = (
        QT_TRANSLATE_NOOP("Activity", "Gave a referral sheet{whom} ({services}, with their name)")
        if e.detail.get("named")
        else QT_TRANSLATE_NOOP("Activity", "Gave a referral sheet{whom} ({services})")
    )
    return say(
        template, whom=p.for_whom(e, f), services=p.services(len(e.detail.get("services", [])))
    )


def _outcome(e: AuditEntry) -> Message:
    known = OUTCOMES.get(str(e.detail.get("outcome")))
    return say(known) if known else say(QT_TRANSLATE_NOOP("Activity", "no outcome named"))


SENTENCES: dict[A, p.Words] = {
    A.PERSON_CREATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added {person} as a new person"), person=p.person
    ),
    A.PERSON_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Opened {person}'s record"), person=p.person
    ),
    A.PERSON_UPDATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed {person}'s {fields}"),
        person=p.person,
        fields=p.detail_fields(),
    ),
    A.PERSON_MERGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Merged {other} into {person}'s record"),
        other=lambda e, f: p.record(e.detail.get("merged_person_id")),
        person=p.person,
    ),
    A.PERSON_MERGED_AWAY: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Merged {other} into {person}'s record{number}"),
        other=lambda e, f: p.record(e.entity_id),
        person=lambda e, f: f.person(e.detail.get("merged_into")),
        number=p.optional_piece("merged_into", QT_TRANSLATE_NOOP("Activity", " (record #{value})")),
    ),
    A.PERSON_EXPORTED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Exported everything recorded about {person} ({format})"),
        person=p.person,
        format=lambda e, f: e.detail.get("format") or say(QT_TRANSLATE_NOOP("Activity", "a file")),
    ),
    A.PERSON_REMOVED: p.sentence(
        QT_TRANSLATE_NOOP(
            "Activity",
            "Removed a person's record (#{number}) at their request; {visits} kept as "
            "anonymous counts",
        ),
        number=lambda e, f: e.entity_id,
        visits=lambda e, f: p.visits(int(e.detail.get("visits", 0))),
    ),
    A.VISIT_CREATED: _visit,
    A.VISIT_STARTED_WITH_COACH: lambda e, f: (
        say(
            QT_TRANSLATE_NOOP("Activity", "Started an anonymous visitor's visit with {coach}"),
            coach=f.staff_name(e.detail.get("coach_id")),
        )
        if e.person_id is None
        else say(
            QT_TRANSLATE_NOOP("Activity", "Started {person}'s visit with {coach}"),
            person=f.person(e.person_id),
            coach=f.staff_name(e.detail.get("coach_id")),
        )
    ),
    A.VISIT_CHECKED_OUT: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Checked out {person}"), person=p.anonymous_or
    ),
    A.VISIT_CHECK_OUT_UNDONE: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Put {person} back in the queue (check-out undone)"),
        person=p.anonymous_or,
    ),
    A.VISIT_UNDONE: lambda e, f: (
        say(
            QT_TRANSLATE_NOOP("Activity", "Undid an anonymous visitor's sign-in (why: {why})"),
            why=p.why(e),
        )
        if e.person_id is None
        else say(
            QT_TRANSLATE_NOOP("Activity", "Undid {person}'s sign-in (why: {why})"),
            person=f.person(e.person_id),
            why=p.why(e),
        )
    ),
    A.COACHING_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Opened {person}'s coaching record"), person=p.person
    ),
    A.COACHING_MATCH_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Looked at coaches for {person}"), person=p.person
    ),
    A.COACHING_CASELOAD_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Opened {coach}'s caseload ({people})"),
        coach=p.entity_staff,
        people=p.listed("person_ids"),
    ),
    A.COACHING_ASSIGNED: lambda e, f: say(
        QT_TRANSLATE_NOOP("Activity", "Paired {person} with {coach} over the caseload limit")
        if e.detail.get("over_limit")
        else QT_TRANSLATE_NOOP("Activity", "Paired {person} with {coach}"),
        person=f.person(e.person_id),
        coach=f.staff_name(e.detail.get("coach_id")),
    ),
    A.COACHING_REASSIGNED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Moved {person} from {before} to {coach} (why: {why})"),
        person=p.person,
        before=p.detail_staff("previous_coach_id"),
        coach=p.detail_staff("coach_id"),
        why=lambda e, f: p.why(e),
    ),
    A.COACHING_OVER_LIMIT_OVERRIDE: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Gave {coach} a peer over their caseload limit{limit}"),
        coach=p.entity_staff,
        limit=p.optional_piece("caseload_limit", QT_TRANSLATE_NOOP("Activity", " (limit {value})")),
    ),
    A.COACHING_ENDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Ended {person}'s coaching with {coach} (why: {why})"),
        person=p.person,
        coach=p.detail_staff("coach_id"),
        why=lambda e, f: p.why(e),
    ),
    A.COACHING_WAITLISTED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Put {person} on the coach waitlist"), person=p.person
    ),
    A.COACHING_WAITLIST_REMOVED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Took {person} off the coach waitlist (why: {why})"),
        person=p.person,
        why=lambda e, f: p.why(e),
    ),
    A.COACHING_WISHES_CHANGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed {person}'s wishes for a coach ({fields})"),
        person=p.person,
        fields=p.detail_fields(),
    ),
    A.COACHING_CONTACT_LOGGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Logged a coaching contact with {person} ({mode})"),
        person=p.person,
        mode=p.mode,
    ),
    A.COACHING_GOAL_ADDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added a recovery goal for {person}"), person=p.person
    ),
    A.COACHING_GOAL_UPDATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed a recovery goal of {person} ({fields})"),
        person=p.person,
        fields=p.detail_fields(table={}),
    ),
    A.COACHING_BARC10_RECORDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Recorded a BARC-10 for {person}{total}"),
        person=p.person,
        total=p.optional_piece("total", QT_TRANSLATE_NOOP("Activity", " (total {value})")),
    ),
    A.COACH_ADDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added {coach} to the coach roster"), coach=p.entity_staff
    ),
    A.COACH_UPDATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed {coach}'s coach details ({fields})"),
        coach=p.entity_staff,
        fields=p.detail_fields(table={}),
    ),
    A.COACH_DEACTIVATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Made coach {coach} inactive"), coach=p.entity_staff
    ),
    A.COACH_REACTIVATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Made coach {coach} active again"), coach=p.entity_staff
    ),
    A.COACH_SPECIALTY_ADDED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Added the coach specialty {tag}"), tag=p.tag
    ),
    A.COACH_SPECIALTY_CHANGED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Changed the coach specialty {tag}"), tag=p.tag
    ),
    A.REFERRAL_GIVEN: _referral_given,
    A.REFERRAL_OUTCOME: p.sentence(
        QT_TRANSLATE_NOOP(
            "Activity", "Recorded the follow-up of referral #{number}{whom}: {outcome}"
        ),
        number=lambda e, f: e.entity_id,
        whom=p.for_whom,
        outcome=lambda e, f: _outcome(e),
    ),
    A.REFERRAL_FOLLOW_UP_AGAIN: p.sentence(
        QT_TRANSLATE_NOOP(
            "Activity", "Could not reach {person} about referral #{number}; to try again{when}"
        ),
        person=lambda e, f: f.person(e.person_id) if e.person_id else say(ANONYMOUS),
        number=lambda e, f: e.entity_id,
        when=p.optional_piece("after", QT_TRANSLATE_NOOP("Activity", " on {value}")),
    ),
    A.REFERRAL_FOLLOW_UPS_VIEWED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Opened the referral follow-up list ({people})"),
        people=p.listed("person_ids"),
    ),
    A.CONSENT_CREATED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Prepared a consent{whom} to share with {recipient}"),
        whom=p.for_whom,
        recipient=lambda e, f: p.quoted(e.detail.get("recipient")),
    ),
    A.CONSENT_SIGNED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Recorded the signed consent{whom}{signed}"),
        whom=p.for_whom,
        signed=p.optional_piece("signed_on", QT_TRANSLATE_NOOP("Activity", " (signed {value})")),
    ),
    A.CONSENT_REVOKED: p.sentence(
        QT_TRANSLATE_NOOP("Activity", "Recorded that {person} revoked a consent{when}"),
        person=p.person,
        when=p.optional_piece("revoked_on", QT_TRANSLATE_NOOP("Activity", " (on {value})")),
    ),
    A.CARD_ISSUED: _card_issued,
    A.CARD_REVOKED: _card_revoked,
    A.CARD_REFUSED: _card_refused,
}
