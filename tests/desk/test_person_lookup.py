"""The sign-in lookup: the issue's examples, and properties of ranking under hypothesis."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta

from anyascii import anyascii
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desk.db.engine import Database
from desk.lookup.person_index import PersonIndex
from desk.lookup.query import parse_query
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.lookup import lookup_people
from desk.services.people import merge_people
from desk.text_folding import fold
from tests.desk.people_helpers import add_person

YEAR = 2026


def _names(matches) -> list[str]:
    return [" ".join(p for p in (m.first_name, m.last_name) if p) for m in matches]


def _search(index: PersonIndex, text: str, limit: int = 8):
    return index.search(parse_query(text, this_year=YEAR), limit=limit)


def _index(*people: tuple) -> PersonIndex:
    index = PersonIndex()
    for person_id, person in enumerate(people, start=1):
        index.put_person(person_id, *person)
    return index


def test_accents_case_and_typos() -> None:
    index = _index(
        ("María", "Pérez"),
        ("Łukasz", "Nowak"),
        ("John", "Smith"),
        ("Seán", "O'Brien"),
        ("Văn An", "Nguyễn"),
        ("Johanna", "Smithers"),
    )
    assert _names(_search(index, "perez")) == ["María Pérez"]
    assert _names(_search(index, "PEREZ maria")) == ["María Pérez"]
    assert _names(_search(index, "lukasz")) == ["Łukasz Nowak"]
    assert _names(_search(index, "jon smth"))[0] == "John Smith"
    assert _names(_search(index, "obrien")) == ["Seán O'Brien"]
    assert _names(_search(index, "o'brien sean")) == ["Seán O'Brien"]
    assert _names(_search(index, "nguyen van an")) == ["Văn An Nguyễn"]
    assert _search(index, "zzzz") == []


def test_preferred_name_nickname_phone_and_birth_year() -> None:
    index = _index(
        ("Robert", "Kelly", None, "Bobby", 1979, "+15085550142"),
        ("Małgorzata", "Wójcik", "Gosia", None, 1990, "+17745550101"),
        ("Robert", "Walsh", None, None, 1985, None),
    )
    assert _names(_search(index, "bobby")) == ["Robert Kelly"]
    assert _names(_search(index, "gosia")) == ["Małgorzata Wójcik"]
    assert _names(_search(index, "0142")) == ["Robert Kelly"]
    assert _names(_search(index, "(774) 555-01")) == ["Małgorzata Wójcik"]
    assert _names(_search(index, "1985")) == ["Robert Walsh"]
    assert _names(_search(index, "robert 1979")) == ["Robert Kelly"]


def test_recent_visitors_come_first_among_equals() -> None:
    now = datetime(2026, 11, 27, tzinfo=UTC)
    index = _index(
        ("Ana", "Silva", None, None, None, None, now - timedelta(days=200)),
        ("Ana", "Santos", None, None, None, None, now - timedelta(days=1)),
        ("Ana", "Souza"),
    )
    assert _names(_search(index, "ana")) == ["Ana Santos", "Ana Silva", "Ana Souza"]


def test_the_service_sees_new_people_signins_and_merges(database: Database, actor: Actor) -> None:
    index = PersonIndex()
    first = add_person(database, actor, "Jose", "Hernandez")
    with database.session() as session:
        assert _names(lookup_people(session, actor, index, "jose")) == ["Jose Hernandez"]
    second = add_person(database, actor, "José", "Hernández")
    with database.transaction() as session:
        sign_in(session, actor, person_id=second.id, purposes=[PurposeChoice("drop_in")])
    with database.session() as session:
        found = lookup_people(session, actor, index, "jose hernandez")
    assert [m.person_id for m in found] == [second.id, first.id]  # the visitor first
    with database.transaction() as session:
        merge_people(
            session,
            actor,
            keep_id=second.id,
            keep_version=second.version,
            merge_id=first.id,
            merge_version=first.version,
        )
    with database.session() as session:
        assert [m.person_id for m in lookup_people(session, actor, index, "jose")] == [second.id]


# --- properties ---------------------------------------------------------------------------

NAME_PARTS = st.sampled_from(
    [
        "María",
        "Pérez",
        "Łukasz",
        "Nowak",
        "Seán",
        "O'Brien",
        "Nguyễn",
        "Văn",
        "John",
        "Smith",
        "Kwame",
        "Mensah",
        "Gëzim",
        "Çela",
        "Zoë",
        "Côté",
        "Ana",
        "Silva",
        "Jędrzej",
        "Wiśniewski",
        "Đặng",
        "Thủy",
        "Ramón",
        "Núñez",
        "Siobhán",
        "Ó Súilleabháin",
        "Ama",
        "Boateng",
    ]
)
PEOPLE = st.lists(st.tuples(NAME_PARTS, NAME_PARTS), min_size=1, max_size=25)
quick = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(PEOPLE, st.data())
def test_an_exact_name_always_finds_that_person_first(people, data) -> None:
    index = _index(*people)
    chosen = data.draw(st.integers(0, len(people) - 1))
    first, last = people[chosen]
    found = _search(index, f"{first} {last}", limit=len(people))
    assert found, "an exact name must be found"
    best = found[0]
    assert sorted(fold(f"{best.first_name} {best.last_name}").split()) == sorted(
        fold(f"{first} {last}").split()
    )
    assert chosen + 1 in [m.person_id for m in found]


@quick
@given(PEOPLE, st.text(alphabet=string.ascii_letters + "áéíóúñłęąćśźżđễăâ '", max_size=12))
def test_case_and_accents_never_change_the_results(people, text) -> None:
    index = _index(*people)
    plain = [m.person_id for m in _search(index, anyascii(text).lower(), limit=30)]
    assert [m.person_id for m in _search(index, text.upper(), limit=30)] == plain
    assert [m.person_id for m in _search(index, text, limit=30)] == plain


@quick
@given(PEOPLE, st.data())
def test_one_typo_in_a_longer_word_still_finds_the_person(people, data) -> None:
    index = _index(*people)
    chosen = data.draw(st.integers(0, len(people) - 1))
    word = fold(people[chosen][1]).replace(" ", "")
    assume(len(word) >= 5)
    position = data.draw(st.integers(0, len(word) - 2))
    kind = data.draw(st.sampled_from(["substitute", "delete", "transpose"]))
    if kind == "substitute":
        typo = word[:position] + ("x" if word[position] != "x" else "y") + word[position + 1 :]
    elif kind == "delete":
        typo = word[:position] + word[position + 1 :]
    else:
        typo = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    found = _search(index, typo, limit=len(people))
    assert chosen + 1 in [m.person_id for m in found]


@quick
@given(PEOPLE, st.data())
def test_an_exact_word_outranks_a_prefix_or_a_typo(people, data) -> None:
    """Whoever has the typed word itself comes before anyone found by its start or a typo."""
    part = data.draw(st.sampled_from([name for person in people for name in person]))
    word = fold(part).split()[0]
    found = _search(_index(*people), word, limit=len(people))
    has_word = [word in fold(f"{m.first_name} {m.last_name or ''}").split() for m in found]
    assert any(has_word)
    assert has_word == sorted(has_word, reverse=True)
