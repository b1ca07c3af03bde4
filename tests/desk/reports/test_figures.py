"""Every figure of a report against an independent count (plain SQL, zoneinfo row by row)
over the known dataset, on SQLite and PostgreSQL: the same numbers on both."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desk.categories import CATEGORY_BY_TERM_ID
from desk.db.engine import Database
from desk.reports.model import Report
from desk.reports.periods import RangeKind
from desk.reports.team_figures import NO_LONGER_LISTED, TeamFigures
from desk.reports.visit_figures import VisitFigures
from desk.services.actor import Actor
from desk.services.reports import period_report
from tests.desk.reports.dataset import FALL_BACK, SPRING_FORWARD, ZONE, Known
from tests.desk.reports.independent import one, rows, team_counts, visit_counts

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
FIRST, LAST = date(2026, 10, 26), date(2026, 11, 8)
# The same two weeks in UTC, written out by hand: midnight EDT is 04:00 UTC, midnight EST
# (after 1 November) is 05:00 UTC.
START_UTC, END_UTC = "2026-10-26 04:00:00", "2026-11-09 05:00:00"
PREVIOUS_START_UTC = "2026-10-12 04:00:00"


def report_for(database: Database, actor: Actor, first: date, last: date) -> Report:
    with database.session() as session:
        return period_report(session, actor, RangeKind.CUSTOM, first, last, now=NOW)


def check_visits(figures: VisitFigures, expected: dict) -> None:
    assert figures.visits == expected["visits"]
    assert figures.unique_people == expected["people"]
    assert figures.new_people == expected["new"]
    assert figures.returning_people == expected["returning"]
    assert figures.anonymous_visits == expected["anonymous"]
    assert {d: n for d, n in figures.by_day.items() if n} == expected["by_day"]
    assert figures.purposes == expected["purposes"]
    assert {c: n for c, n in figures.supplies.items()} == expected["supplies"]
    assert figures.by_weekday_hour == expected["weekday_hour"]
    assert figures.wait.waited == expected["waited"]
    if expected["average_wait"] is None:
        assert figures.wait.average_minutes is None
    else:
        assert abs(figures.wait.average_minutes - expected["average_wait"]) < 0.01
    assert figures.wait.p90_minutes == expected["p90_wait"]
    assert figures.languages == expected["languages"]


def test_visit_figures_match_an_independent_count(
    database: Database, actor: Actor, known: Known
) -> None:
    report = report_for(database, actor, FIRST, LAST)
    assert report.previous.period.first == date(2026, 10, 12)
    assert report.previous.period.last == date(2026, 10, 25)
    with database.session() as session:
        now_expected = visit_counts(session, FIRST, LAST, ZONE)
        before_expected = visit_counts(session, date(2026, 10, 12), date(2026, 10, 25), ZONE)
    check_visits(report.current.parts["visits"], now_expected)
    check_visits(report.previous.parts["visits"], before_expected)
    assert now_expected["visits"] > 50 and now_expected["new"] > 0
    assert now_expected["returning"] > 0 and now_expected["anonymous"] > 0
    assert report.figure("visits").value == now_expected["visits"]
    assert report.figure("visits").previous == before_expected["visits"]
    change = report.figure("visits").change
    assert change == now_expected["visits"] - before_expected["visits"]


def test_days_are_the_centers_days_when_daylight_saving_ends_and_starts(
    database: Database, actor: Actor, known: Known
) -> None:
    """1 November 2026 has 25 hours in Worcester, 8 March 23: each is one whole day, and each
    arrival is at the hour the clock on the wall showed."""
    for day in (FALL_BACK, SPRING_FORWARD):
        report = report_for(database, actor, day, day)
        figures = report.current.parts["visits"]
        with database.session() as session:
            expected = visit_counts(session, day, day, ZONE)
        check_visits(figures, expected)
        assert figures.visits == expected["visits"]
    fall = report_for(database, actor, FALL_BACK, FALL_BACK).current.parts["visits"]
    sunday = FALL_BACK.weekday()
    assert fall.by_weekday_hour.get((sunday, 0), 0) >= 1  # 00:30, 04:30 UTC
    assert fall.by_weekday_hour.get((sunday, 1), 0) >= 2  # 1:30 twice: daylight, then standard
    assert fall.by_weekday_hour.get((sunday, 23), 0) >= 1  # 23:30 EST is 04:30 UTC next day
    spring = report_for(database, actor, SPRING_FORWARD, SPRING_FORWARD).current.parts["visits"]
    assert (sunday, 2) not in spring.by_weekday_hour  # 2:00-3:00 never happened
    assert spring.by_weekday_hour.get((sunday, 3), 0) >= 1
    # The 23:45 arrival of Saturday 31 October counts on that Saturday, not on the Sunday.
    saturday = report_for(database, actor, date(2026, 10, 31), date(2026, 10, 31))
    assert saturday.current.parts["visits"].by_weekday_hour.get((5, 23), 0) >= 1


def test_merged_removed_undone_and_anonymous_visits_are_counted_right(
    database: Database, actor: Actor, known: Known
) -> None:
    first, last = date(2026, 3, 1), date(2026, 11, 30)
    figures = report_for(database, actor, first, last).current.parts["visits"]
    with database.session() as session:
        raw = one(
            session,
            "SELECT count(*) FROM visit WHERE local_day BETWEEN :a AND :b",
            a=first,
            b=last,
        )
        merged_away = one(
            session, "SELECT count(*) FROM visit WHERE person_id = :p", p=known.merged_away
        )
        removed = one(session, "SELECT count(*) FROM visit WHERE person_id = :p", p=known.removed)
        anonymous = one(
            session,
            "SELECT count(*) FROM visit WHERE person_id IS NULL AND status <> 'undone' "
            "AND local_day BETWEEN :a AND :b",
            a=first,
            b=last,
        )
        people = one(
            session,
            "SELECT count(DISTINCT person_id) FROM visit WHERE status <> 'undone' "
            "AND local_day BETWEEN :a AND :b",
            a=first,
            b=last,
        )
    assert figures.visits == raw - len(known.undone)  # undone sign-ins do not count
    assert merged_away == 0 and removed == 0  # moved to the record kept; no one named
    assert figures.anonymous_visits == anonymous  # a removed person's visits among them
    assert figures.unique_people == people
    assert figures.unique_people <= len(known.people) - 2  # merged pair is one, removed none


def check_team(figures: TeamFigures, expected: dict) -> None:
    assert figures.referrals == expected["referrals"]
    assert figures.referral_items == expected["items"]
    assert figures.outcomes == expected["outcomes"]
    by_category = {CATEGORY_BY_TERM_ID[term].code: n for term, n in expected["by_term"].items()}
    if expected["gone"]:
        by_category[NO_LONGER_LISTED] = expected["gone"]
    assert figures.by_category == by_category
    followed = sum(n for o, n in expected["outcomes"].items() if o != "pending")
    if followed:
        assert figures.connected_rate == expected["outcomes"].get("connected", 0) / followed
    assert figures.contacts == expected["contacts"]
    assert figures.people_contacted == expected["contacted"]
    assert figures.assignments_started == expected["started"]
    assert figures.assignments_ended == expected["ended"]
    loads = {c.coach_id: c.active_peers for c in figures.caseloads if c.active_peers}
    assert loads == expected["caseloads"]
    assert figures.overdue_follow_ups == expected["overdue"]


def test_referral_and_coaching_figures_match_an_independent_count(
    database: Database, actor: Actor, known: Known
) -> None:
    report = report_for(database, actor, FIRST, LAST)
    with database.session() as session:
        now_expected = team_counts(session, START_UTC, END_UTC, LAST)
        before_expected = team_counts(session, PREVIOUS_START_UTC, START_UTC, date(2026, 10, 25))
        barc = rows(
            session,
            "SELECT b.person_id, b.taken_on, b.id, b.item_1 + b.item_2 + b.item_3 + b.item_4 "
            "+ b.item_5 + b.item_6 + b.item_7 + b.item_8 + b.item_9 + b.item_10 "
            "FROM barc10_assessment b WHERE b.taken_on <= :last ORDER BY 1, 2, 3",
            last=LAST,
        )
    check_team(report.current.parts["team"], now_expected)
    check_team(report.previous.parts["team"], before_expected)
    assert now_expected["referrals"] > 3 and now_expected["contacts"] > 0
    scored = {p for p, taken, _, _ in barc if FIRST <= _day(taken) <= LAST}
    totals: dict[int, list[int]] = {}
    for person_id, _, _, total in barc:
        totals.setdefault(person_id, []).append(total)
    changes = [t[-1] - t[0] for p, t in totals.items() if p in scored and len(t) >= 2]
    barc_figures = report.current.parts["team"].barc10
    assert barc_figures.peers == len(changes) > 0
    assert abs(barc_figures.average_change - sum(changes) / len(changes)) < 1e-9
    assert barc_figures.improved == sum(1 for c in changes if c > 0)


def test_the_referral_of_2330_on_the_day_daylight_saving_ends_counts_on_that_day(
    database: Database, actor: Actor, known: Known
) -> None:
    team = report_for(database, actor, FALL_BACK, FALL_BACK).current.parts["team"]
    with database.session() as session:
        expected = team_counts(session, "2026-11-01 04:00:00", "2026-11-02 05:00:00", FALL_BACK)
    assert team.referrals == expected["referrals"] >= 2  # 00:30 EDT and 23:30 EST


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
