"""The demo's staff: the window opens signed in as the demo admin at once, on an empty copy
of the schema, while a second process adds the sample center; then every demo account,
the sample coaches too, signs in with the demo password (so anyone trying the demo can sign
out and back in as another role)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desk.demo.accounts import give_coaches_the_demo_password
from desk.demo.credentials import DEMO_PASSWORD
from desk.demo.database import create_empty_demo_database
from desk.demo.people_data import COACHES
from desk.demo.seed import SeedPlan, seed_demo_data
from desk.models import Person, StaffRole
from desk.services.actor import command_line_actor
from desk.services.staff_sessions import sign_in_staff


def test_the_demo_opens_as_its_admin_and_every_account_takes_the_demo_password(
    isolated_data_dir: Path,
) -> None:
    demo = create_empty_demo_database()
    try:
        assert demo.actor is not None and demo.actor.role is StaffRole.ADMIN
        assert demo.summary is None  # the sample data is still to come
        with demo.database.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 0
            seeder = command_line_actor(session)
        # What the second process does (`recovery-desk seed-demo`), then the app's step after.
        seed_demo_data(demo.database, seeder, SeedPlan(people=12, years=0.05))
        with demo.database.transaction() as session:
            give_coaches_the_demo_password(session)
        for login in ("demo.admin", "demo.desk", COACHES[0].login):
            with demo.database.transaction() as session:
                actor = sign_in_staff(session, login, DEMO_PASSWORD).signed_in()
            assert actor.staff_id
        with demo.database.transaction() as session:
            refused = sign_in_staff(session, "demo.desk", "not the demo password")
        assert refused.actor is None
    finally:
        demo.remove()
