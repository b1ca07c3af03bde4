"""A printed card for tests: prepared and issued as the People page does it."""

from __future__ import annotations

from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.cards import PreparedCard, issue_card, prepare_card


def print_card(
    database: Database, actor: Actor, person_id: int, *, shows_first_name: bool = False
) -> PreparedCard:
    with database.session() as session:
        prepared = prepare_card(session, actor, person_id, shows_first_name=shows_first_name)
    with database.transaction() as session:
        issue_card(session, actor, prepared, printed=True, destination="RecoveryDeskPDF")
    return prepared
