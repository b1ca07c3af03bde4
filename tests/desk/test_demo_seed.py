"""The demo data: a believable Worcester center, on both engines."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desk.categories import CATEGORIES
from desk.db.engine import Database
from desk.demo.seed import SeedPlan, seed_demo_data
from desk.models import (
    Attribute,
    Barc10Assessment,
    Person,
    RecoveryGoal,
    Referral,
    ReferralOutcome,
    Service,
    StaffLanguage,
    StaffMember,
    Visit,
)
from desk.printing.sheet_content import ReferralSheetContent
from desk.services.actor import Actor
from desk.services.caseload import FollowUp, caseload_chart, coach_caseload
from desk.services.referral_log import LogScope, list_referrals
from desk.services.settings import center_today, load_settings
from desk.services.todays_queue import today_queue
from desk.services.waitlist import open_waitlist


def test_demo_holds_the_promised_sample_center(database: Database, actor: Actor) -> None:
    summary = seed_demo_data(database, actor, SeedPlan())
    with database.session() as session:
        services = session.scalars(select(Service)).all()
        categories = set(session.scalars(select(Attribute.taxonomy_term_id)))
        coaches = session.scalars(select(StaffMember).where(StaffMember.is_coach)).all()
        languages = set(session.scalars(select(StaffLanguage.language)))
        names = {
            f"{first} {last}"
            for first, last in session.execute(select(Person.first_name, Person.last_name))
        }
        people = session.scalar(select(func.count()).select_from(Person))
        first_visit, last_visit = session.execute(
            select(func.min(Visit.local_day), func.max(Visit.local_day))
        ).one()
        anonymous = session.scalar(
            select(func.count()).select_from(Visit).where(Visit.person_id.is_(None))
        )
        settings = load_settings(session)
    assert len(services) >= 40 and all(s.is_sample for s in services)
    assert categories == {category.term_id for category in CATEGORIES}
    assert len(coaches) == 6 and all(coach.caseload_limit for coach in coaches)
    assert {"en", "es", "pt", "vi", "pl"} <= languages
    assert {"Łukasz Nowak", "Văn An Nguyễn", "María Pérez", "Seán O'Brien"} <= names
    assert people == 300 == summary.people
    assert timedelta(days=85) <= last_visit - first_visit <= timedelta(days=92)
    assert anonymous > 0
    assert settings.address_lines == ["9-11 Lincoln Square", "Worcester, MA"]
    assert settings.phone == "(774) 214-6440"


def test_demo_coaching_looks_alive(database: Database, actor: Actor) -> None:
    summary = seed_demo_data(database, actor, SeedPlan())
    with database.session() as session:
        bars = {bar.name: bar for bar in caseload_chart(session, actor)}
        waiting = open_waitlist(session, actor)
        rosa = coach_caseload(session, actor, bars["Rosa Delgado"].coach_id)
        queue = today_queue(session, actor)
        goals = session.scalar(select(func.count()).select_from(RecoveryGoal))
        barc = session.scalar(select(func.count()).select_from(Barc10Assessment))
    assert summary.assignments == sum(bar.active_peers for bar in bars.values())
    assert bars["Marcus Bell"].over_limit  # one override, to show in the chart
    assert any(bar.active_peers < bar.caseload_limit for bar in bars.values())
    assert len(waiting) == summary.waitlisted == 4
    assert all(w.wished_coach_name for w in waiting)
    assert any(row.follow_up is FollowUp.OVERDUE for row in rosa.rows)
    assert goals > 0 and barc > 0
    maria = [e for e in queue.entries if e.first_name == "María" and e.last_name == "Pérez"]
    assert maria and maria[0].assigned_coach_name is None  # waiting to be paired with a coach


def test_demo_referrals_give_the_follow_up_list_work(database: Database, actor: Actor) -> None:
    seed_demo_data(database, actor, SeedPlan())
    with database.session() as session:
        today = center_today(session)
        everything = list_referrals(session, actor, today=today)
        due = list_referrals(session, actor, scope=LogScope.DUE, today=today)
        referrals = session.scalars(select(Referral)).all()
        sheets = [ReferralSheetContent.from_json(r.document) for r in referrals]
    assert len(everything) == len(referrals) >= 20
    assert due and all(entry.follow_up_on <= today for entry in due)
    assert any(entry.outcome is not ReferralOutcome.PENDING for entry in everything)
    assert any(entry.follow_up_on > today for entry in everything)  # not due yet
    assert any(r.person_id is None for r in referrals) and any(r.person_id for r in referrals)
    assert all(sheet.prepared_for is None and sheet.services for sheet in sheets)
    assert all(r.created_at.date() <= today for r in referrals)


def test_more_services_than_the_catalog_are_made_for_scale(
    database: Database, actor: Actor
) -> None:
    seed_demo_data(database, actor, SeedPlan(people=20, years=0.02, services=130))
    with database.session() as session:
        count = session.scalar(select(func.count()).select_from(Service))
        names = session.scalars(select(Service.name)).all()
    assert count == 130
    assert len(set(names)) == 130


def test_demo_has_the_centers_week_of_groups(database: Database, actor: Actor) -> None:
    from desk.services.groups import list_groups, week_meetings

    seed_demo_data(database, actor, SeedPlan(people=20, services=10))
    with database.session() as session:
        groups = {group.name: group for group in list_groups(session)}
        today = center_today(session)
        week = week_meetings(session, today - timedelta(days=today.weekday()))
    assert {
        "All-recovery meeting",
        "Family and friends group",
        "Spanish-language recovery group",
        "Recovery skills workshop",
        "Computer lab",
    } <= set(groups)
    assert groups["Spanish-language recovery group"].details.language == "es"
    assert groups["Recovery skills workshop"].facilitator  # a coach leads it
    assert len([m for m in week if m.name == "Computer lab"]) == 5
    with database.session() as session:
        from desk.models import GroupAttendance, GroupMeeting

        meetings = session.scalar(select(func.count()).select_from(GroupMeeting))
        attended = session.scalar(select(func.count()).select_from(GroupAttendance))
    assert meetings > 50 and attended > 0  # who came, for the Reports page
    with database.session() as session:
        from desk.models import SignInCard

        cards = session.scalars(select(SignInCard)).all()
    assert len(cards) == 12 and all(len(card.token_hash) == 64 for card in cards)
