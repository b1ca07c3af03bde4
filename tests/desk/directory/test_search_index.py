"""Search as you type, filters and incremental refresh, against the sample directory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desk.db.engine import Database
from desk.directory.detail import load_service_detail
from desk.directory.editing import ServiceEdit, update_service
from desk.directory.search_index import Cost, DirectoryIndex, DirectoryQuery, When
from desk.models import Service
from desk.services.actor import Actor

# Friday 2026-11-27 at 11 pm, center time.
FRIDAY_NIGHT = datetime(2026, 11, 27, 23, 0)
TUESDAY_NOON = datetime(2026, 11, 24, 12, 0)


def loaded(database: Database) -> DirectoryIndex:
    index = DirectoryIndex()
    with database.session() as session:
        assert index.refresh(session) == 50
    return index


def names(index: DirectoryIndex, query: DirectoryQuery, now: datetime = TUESDAY_NOON) -> list[str]:
    return [index.card(i).name for i in index.search(query, now).ids]


def test_detox_finds_the_detox_services_first(directory: Database) -> None:
    index = loaded(directory)
    found = names(index, DirectoryQuery(text="detox"))
    assert {"Harbor Street Withdrawal Management", "Grove Street Women's Detox"} <= set(found[:6])
    # Services named "detox" rank above those that are only in the category.
    assert found.index("Grove Street Women's Detox") < found.index(
        "Harbor Street Withdrawal Management"
    )


def test_each_keystroke_narrows_and_case_and_accents_do_not_matter(directory: Database) -> None:
    index = loaded(directory)
    counts = [
        len(index.search(DirectoryQuery(text=t), TUESDAY_NOON).ids) for t in ("s", "so", "sob")
    ]
    assert counts[0] >= counts[1] >= counts[2] > 0
    assert names(index, DirectoryQuery(text="DESINTOXICACIÓN")) == names(
        index, DirectoryQuery(text="desintoxicacion")
    )
    assert names(index, DirectoryQuery(text="desintoxicacion"))  # the Spanish category name


def test_a_typo_still_finds_something(directory: Database) -> None:
    index = loaded(directory)
    assert "Grove Street Women's Detox" in names(index, DirectoryQuery(text="detxo"))


def test_every_word_must_match(directory: Database) -> None:
    index = loaded(directory)
    found = names(index, DirectoryQuery(text="women detox"))
    assert found[0] == "Grove Street Women's Detox"
    assert names(index, DirectoryQuery(text="detox zzzzqqq")) == []


def test_open_now_and_spanish_on_a_friday_night(directory: Database) -> None:
    index = loaded(directory)
    found = names(index, DirectoryQuery(when=When.OPEN_NOW, language="es"), FRIDAY_NIGHT)
    assert "Harbor Street Withdrawal Management" in found  # 24 hours, speaks Spanish
    assert "Quinsigamond Detox & Stabilization" not in found  # open, but English only
    for name in found:
        card = next(
            c
            for c in map(index.card, index.search(DirectoryQuery(), FRIDAY_NIGHT).ids)
            if c.name == name
        )
        assert "es" in card.languages
    # An overnight shelter is open at 11 pm.
    open_any = names(index, DirectoryQuery(when=When.OPEN_NOW), FRIDAY_NIGHT)
    assert "Winter Warming Center" in open_any


def test_around_the_clock_filter(directory: Database) -> None:
    index = loaded(directory)
    found = names(index, DirectoryQuery(when=When.AROUND_THE_CLOCK))
    assert "Harbor Street Withdrawal Management" in found
    assert "Winter Warming Center" not in found


def test_filters_combine(directory: Database) -> None:
    index = loaded(directory)
    everyone = index.search(DirectoryQuery(), TUESDAY_NOON).ids
    walk_ins = names(index, DirectoryQuery(walk_ins=True))
    free = names(index, DirectoryQuery(cost=Cost.FREE))
    both = names(index, DirectoryQuery(walk_ins=True, cost=Cost.FREE))
    assert set(both) == set(walk_ins) & set(free)
    assert 0 < len(both) < len(everyone)
    leicester = names(index, DirectoryQuery(town="leicester"))
    assert leicester and all(
        "Leicester" in index.card(i).towns
        for i in index.search(DirectoryQuery(town="Leicester"), TUESDAY_NOON).ids
    )
    food = names(index, DirectoryQuery(category="food"))
    assert "St. Anne's Community Food Pantry" in food
    insured = index.search(DirectoryQuery(cost=Cost.INSURANCE), TUESDAY_NOON).ids
    assert all(index.card(i).insurance_accepted for i in insured)


def test_facets_list_towns_and_languages(directory: Database) -> None:
    facets = loaded(directory).facets()
    towns = dict(facets.towns)
    assert towns["Worcester"] > towns["Leicester"] > 0
    assert {"en", "es", "pt", "vi"} <= {code for code, _ in facets.languages}


def test_an_edit_elsewhere_reaches_the_index_incrementally(
    directory: Database, actor: Actor
) -> None:
    index = loaded(directory)
    with directory.session() as session:
        service_id = session.scalar(
            select(Service.id).where(Service.name == "Grove Street Women's Detox")
        )
    with directory.transaction() as session:
        detail = load_service_detail(session, service_id)
        edit = ServiceEdit.from_detail(detail)
        update_service(
            session,
            actor,
            service_id,
            ServiceEdit(**{**edit.__dict__, "name": "Grove Street Women's Withdrawal Center"}),
            read_version=detail.version,
        )
    generation = index.generation
    with directory.session() as session:
        assert index.refresh(session) == 1
        assert index.generation == generation + 1
        assert index.refresh(session) == 0
        assert index.generation == generation + 1  # nothing new: the page redraws nothing
    assert "Grove Street Women's Withdrawal Center" in names(
        index, DirectoryQuery(text="withdrawal")
    )
    assert "Grove Street Women's Detox" not in names(index, DirectoryQuery(text="grove"))
