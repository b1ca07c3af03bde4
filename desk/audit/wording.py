"""Each audit event in words: "Opened Maria P.'s record", "Signed in Maria P. (Drop-in)".

One function per declared action, in one table; `tests/desk/test_audit_wording.py` fails on an
action without one. The words start with a verb: the Activity page shows who did it beside
them, and `AuditEntry.sentence` puts the two together.

Each sentence is a `Message` (desk/messages): an English template marked with
`QT_TRANSLATE_NOOP("Activity", …)` and its arguments, which may be Messages in turn (a list
of fields, "an anonymous visitor"). The screens say it in the staff member's language; the CSV
export and the command line in English. Names, the center's own purposes and what staff typed
are arguments, never translated. A count picks its template here ("{count} service" or
"{count} services"), which is right for English and Spanish alike.
"""

from __future__ import annotations

from desk.audit import phrases as p
from desk.audit.actions import AuditAction as A
from desk.audit.entry import AuditEntry
from desk.audit.facts import EventFacts
from desk.audit.sentences_center import SENTENCES as CENTER
from desk.audit.sentences_people import SENTENCES as PEOPLE
from desk.audit.vocabulary import say
from desk.messages import QT_TRANSLATE_NOOP, Message, untranslated

WORDING: dict[A, p.Words] = {**PEOPLE, **CENTER}


def describe(entry: AuditEntry, facts: EventFacts) -> Message:
    """The event in words; an action this version does not know (written by a newer one)
    is named as it was recorded rather than hidden."""
    try:
        words = WORDING[A(entry.action)]
    except (ValueError, KeyError):
        return say(
            QT_TRANSLATE_NOOP("Activity", "Did something this version cannot name ({action})"),
            action=entry.action,
        )
    try:
        described = words(entry, facts)
        described.english  # noqa: B018  (a detail of the wrong type fails here, not on screen)
    except (TypeError, ValueError, AttributeError, KeyError):
        return untranslated(
            f"{A(entry.action).name.replace('_', ' ').capitalize()} (details unreadable)"
        )
    return described
