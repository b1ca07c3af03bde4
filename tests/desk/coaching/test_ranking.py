"""The ranking on its own: the peer's choice first, room as a gate, reasons in words."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.coaching.ranking import (
    WEIGHTS,
    Caution,
    CoachProfile,
    Criterion,
    PeerWishes,
    no_coach_has_room,
    rank_coaches,
    same_pathway,
)
from desk.coaching.reason_words import suggestion_words

examples = settings(max_examples=150, deadline=None)


def coach(
    coach_id: int,
    name: str,
    *,
    gender: str | None = None,
    languages: tuple[str, ...] = ("en",),
    specialties: tuple[str, ...] = (),
    pathway: str | None = None,
    peers: int = 0,
    limit: int = 10,
    on_duty: bool = False,
) -> CoachProfile:
    return CoachProfile(
        coach_id,
        name,
        gender,
        frozenset(languages),
        frozenset(specialties),
        pathway,
        peers,
        limit,
        on_duty,
    )


def names(suggestions) -> list[str]:
    return [s.coach.name for s in suggestions]


def codes(reasons) -> list:
    return [reason.code for reason in reasons]


def test_a_spanish_speaking_peer_gets_spanish_speakers_first_with_reasons() -> None:
    rosa = coach(1, "Rosa", gender="woman", languages=("en", "es"), peers=3, limit=15)
    marcus = coach(2, "Marcus", gender="man", peers=1, limit=12, on_duty=True)
    ana = coach(3, "Ana", gender="woman", languages=("en", "pt", "es"), peers=14, limit=15)
    ranked = rank_coaches([marcus, ana, rosa], PeerWishes(preferred_language="es"))
    assert names(ranked) == ["Rosa", "Ana", "Marcus"]
    top = ranked[0]
    assert codes(top.reasons) == [Criterion.SPEAKS_THEIR_LANGUAGE, Criterion.PLENTY_OF_ROOM]
    assert top.score == WEIGHTS[Criterion.SPEAKS_THEIR_LANGUAGE] + WEIGHTS[Criterion.PLENTY_OF_ROOM]
    assert codes(ranked[2].cautions) == [Caution.NOT_THEIR_LANGUAGE]
    words = suggestion_words(top, languages={"es": "Spanish"})
    assert words == (
        "#1, score 20: speaks their language (Spanish); plenty of room (12 of 15 places free) "
        "(not on duty now)"
    )


def test_the_named_coach_comes_first_even_when_full() -> None:
    full = coach(1, "Kevin", peers=12, limit=12)
    free = coach(2, "Thanh", languages=("en", "vi"), on_duty=True)
    ranked = rank_coaches([free, full], PeerWishes(named_coach_id=1, preferred_language="vi"))
    assert names(ranked) == ["Kevin", "Thanh"]
    assert ranked[0].named and Criterion.NAMED in codes(ranked[0].reasons)
    assert Caution.FULL in codes(ranked[0].cautions)


def test_each_criterion_outweighs_all_that_come_after_it() -> None:
    order = [c for c in Criterion if c is not Criterion.NAMED]
    for higher, lower in itertools.pairwise(order):
        assert WEIGHTS[higher] > sum(WEIGHTS[c] for c in order[order.index(lower) :])


def test_the_stated_wishes_come_before_the_language_of_the_record() -> None:
    wishes = PeerWishes(gender="woman", preferred_language="es")
    man_speaking_spanish = coach(1, "Luis", gender="man", languages=("en", "es"), on_duty=True)
    woman_english_only = coach(2, "Megan", gender="woman")
    assert names(rank_coaches([man_speaking_spanish, woman_english_only], wishes)) == [
        "Megan",
        "Luis",
    ]


def test_language_then_specialty_then_room_then_duty_then_continuity() -> None:
    wishes = PeerWishes(
        preferred_language="pl", specialties=frozenset({"reentry"}), past_coach_ids=frozenset({5})
    )
    coaches = [
        coach(1, "Speaks Polish", languages=("en", "pl"), peers=9, limit=10),
        coach(2, "Knows re-entry", specialties=("reentry",), peers=9, limit=10),
        coach(3, "Plenty of room", peers=0, limit=10),
        coach(4, "On duty", peers=9, limit=10, on_duty=True),
        coach(5, "Their past coach", peers=9, limit=10),
        coach(6, "Nothing in particular", peers=9, limit=10),
    ]
    assert names(rank_coaches(coaches, wishes)) == [c.name for c in coaches]


def test_pathways_match_in_their_own_words() -> None:
    assert same_pathway("12-step", "12 Step recovery")
    assert same_pathway("Medication-supported", "medication supported recovery")
    assert same_pathway("medication", "Medication-supported")
    assert not same_pathway("SMART Recovery", "12-step")
    assert not same_pathway(None, "12-step")
    assert not same_pathway("Recovery", "Recovery")  # only filler words: not a stated pathway


def test_a_wished_gender_is_read_in_common_words() -> None:
    ranked = rank_coaches(
        [coach(1, "A", gender="man"), coach(2, "B", gender="woman")], PeerWishes(gender="Female")
    )
    assert names(ranked) == ["B", "A"]


def test_when_no_coach_has_room_it_is_said() -> None:
    ranked = rank_coaches([coach(1, "A", peers=10), coach(2, "B", peers=11)], PeerWishes())
    assert no_coach_has_room(ranked)
    assert all(Caution.FULL in codes(s.cautions) for s in ranked)


# -- properties ----------------------------------------------------------------------------
LANGUAGES = ("en", "es", "pt", "vi", "pl")
TAGS = ("family_ally", "veterans", "reentry", "lgbtq", "young_adults")
GENDERS = (None, "woman", "man", "nonbinary")
PATHWAYS = (None, "12-step", "SMART Recovery", "Medication-supported", "Faith-based")


@st.composite
def coaches_strategy(draw) -> list[CoachProfile]:
    count = draw(st.integers(min_value=1, max_value=8))
    made = []
    for coach_id in range(1, count + 1):
        limit = draw(st.integers(min_value=1, max_value=20))
        made.append(
            coach(
                coach_id,
                draw(st.sampled_from(("Rosa", "Marcus", "Thanh", "Ana", "Kevin", "Aga"))),
                gender=draw(st.sampled_from(GENDERS)),
                languages=tuple(draw(st.sets(st.sampled_from(LANGUAGES), min_size=1))),
                specialties=tuple(draw(st.sets(st.sampled_from(TAGS)))),
                pathway=draw(st.sampled_from(PATHWAYS)),
                peers=draw(st.integers(min_value=0, max_value=limit + 3)),
                limit=limit,
                on_duty=draw(st.booleans()),
            )
        )
    return made


@st.composite
def wishes_strategy(draw, coach_ids: int = 8) -> PeerWishes:
    return PeerWishes(
        named_coach_id=draw(st.none() | st.integers(min_value=1, max_value=coach_ids)),
        gender=draw(st.sampled_from(GENDERS)),
        language=draw(st.none() | st.sampled_from(LANGUAGES)),
        preferred_language=draw(st.none() | st.sampled_from(LANGUAGES)),
        recovery_pathway=draw(st.sampled_from(PATHWAYS)),
        specialties=frozenset(draw(st.sets(st.sampled_from(TAGS)))),
        past_coach_ids=frozenset(draw(st.sets(st.integers(min_value=1, max_value=coach_ids)))),
        current_coach_id=draw(st.none() | st.integers(min_value=1, max_value=coach_ids)),
    )


@examples
@given(coaches_strategy(), wishes_strategy())
def test_no_room_never_outranks_room_unless_named(coaches, wishes) -> None:
    ranked = rank_coaches(coaches, wishes)
    # When reassigning, the coach they have now is not a candidate (they are listed last).
    candidates = [s for s in ranked if s.coach.id != wishes.current_coach_id]
    for earlier, later in itertools.combinations(candidates, 2):
        if not earlier.has_room and later.has_room:
            assert earlier.coach.id == wishes.named_coach_id


@examples
@given(coaches_strategy(), wishes_strategy())
def test_the_named_coach_is_always_first(coaches, wishes) -> None:
    ranked = rank_coaches(coaches, wishes)
    named = wishes.named_coach_id
    if any(c.id == named for c in coaches) and named != wishes.current_coach_id:
        assert ranked[0].coach.id == named
    if any(c.id == wishes.current_coach_id for c in coaches):
        assert ranked[-1].coach.id == wishes.current_coach_id  # not a choice when reassigning
    assert [s.rank for s in ranked] == list(range(1, len(coaches) + 1))


@examples
@given(coaches_strategy(), wishes_strategy(), st.randoms())
def test_the_order_does_not_depend_on_the_order_given(coaches, wishes, rng) -> None:
    shuffled = list(coaches)
    rng.shuffle(shuffled)
    assert [s.coach.id for s in rank_coaches(coaches, wishes)] == [
        s.coach.id for s in rank_coaches(shuffled, wishes)
    ]


@examples
@given(coaches_strategy(), wishes_strategy())
def test_the_score_is_the_sum_of_the_stated_reasons(coaches, wishes) -> None:
    for suggestion in rank_coaches(coaches, wishes):
        assert suggestion.score == sum(WEIGHTS[r.code] for r in suggestion.reasons)
        assert suggestion.reasons or suggestion.cautions or suggestion.score == 0
        assert suggestion_words(suggestion)  # every reason can be said in words


@examples
@given(coaches_strategy(), wishes_strategy())
def test_within_the_same_group_a_higher_score_ranks_higher(coaches, wishes) -> None:
    ranked = rank_coaches(coaches, wishes)
    for earlier, later in itertools.combinations(ranked, 2):
        current = wishes.current_coach_id
        same_group = (
            not earlier.named
            and not later.named
            and earlier.has_room == later.has_room
            and current not in (earlier.coach.id, later.coach.id)
        )
        if same_group:
            assert earlier.score >= later.score
