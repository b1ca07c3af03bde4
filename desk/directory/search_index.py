"""The directory in memory: ranked search as you type, filters, and open now, in milliseconds.

The index holds one card per service (see cards.py) and a word index over them. It refreshes
incrementally: a refresh asks the database only for services whose `updated_at` moved, so
another station's edit reaches this one's search without reloading the directory.

Ranking: every typed word must match the start of some word of the service (accents and
case ignored); a match in the name counts most, then category, organization, town, language,
and last the description and other text. A word that matches nothing is looked up with
rapidfuzz, so "detx" still finds "detox".
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.categories import CATEGORY_BY_CODE
from desk.directory.cards import ServiceCard, load_cards
from desk.directory.languages import language_name
from desk.directory.open_now_index import OpenNowIndex
from desk.directory.text_match import fold, words
from desk.models import Service

NAME, CATEGORY, ORGANIZATION, TOWN, LANGUAGE, OTHER = 10.0, 7.0, 5.0, 4.0, 3.0, 1.0
PREFIX_FACTOR = 0.7
FUZZY_FACTOR = 0.5
FUZZY_CUTOFF = 75
# Clocks on two stations may disagree; look this far back for changes another one made.
CLOCK_SKEW = timedelta(minutes=10)
# Beyond this many changed services a full reload is quicker than a long IN (...) list.
INCREMENTAL_LIMIT = 2000


class When:
    ANY = "any"
    OPEN_NOW = "open_now"
    AROUND_THE_CLOCK = "around_the_clock"


class Cost:
    ANY = "any"
    FREE = "free"
    INSURANCE = "insurance"
    FREE_OR_INSURANCE = "free_or_insurance"


@dataclass(frozen=True)
class DirectoryQuery:
    text: str = ""
    category: str | None = None  # a category code (desk.categories)
    when: str = When.ANY
    walk_ins: bool = False
    language: str | None = None  # a comparable language code ("es")
    cost: str = Cost.ANY
    town: str | None = None


@dataclass(frozen=True)
class SearchResult:
    ids: list[str]
    total_services: int


@dataclass
class Facets:
    towns: list[tuple[str, int]] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)


def _card_words(card: ServiceCard) -> dict[str, float]:
    weights: dict[str, float] = {}

    def add(text: str | None, weight: float) -> None:
        for word in words(text):
            if weights.get(word, 0.0) < weight:
                weights[word] = weight

    add(card.name, NAME)
    for code in card.category_codes:
        category = CATEGORY_BY_CODE[code]
        add(f"{category.name} {category.name_es} {code.replace('_', ' ')}", CATEGORY)
    for term in card.other_terms:
        add(term, CATEGORY)
    add(card.organization, ORGANIZATION)
    for town in card.towns:
        add(town, TOWN)
    for code in card.languages:
        add(f"{language_name(code, 'en')} {language_name(code, 'es')}", LANGUAGE)
    for text in (card.description, card.eligibility, card.insurance_accepted, card.address):
        add(text, OTHER)
    return weights


class DirectoryIndex:
    """Thread-safe: the screen searches on a worker thread while another may refresh."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._cards: dict[str, ServiceCard] = {}
        self._card_words: dict[str, dict[str, float]] = {}
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)
        self._vocabulary: list[str] = []
        self._sort_names: dict[str, str] = {}
        self._token_cache: dict[str, dict[str, float]] = {}
        self._alphabetical: list[str] | None = None
        self._open_now = OpenNowIndex()
        self._by_category: dict[str, set[str]] = defaultdict(set)
        self._by_language: dict[str, set[str]] = defaultdict(set)
        self._by_town: dict[str, set[str]] = defaultdict(set)
        self._walk_ins: set[str] = set()
        self._free: set[str] = set()
        self._insurance: set[str] = set()
        self._watermark: datetime | None = None
        self._count = 0
        self.loaded = False
        # Moves on whenever what the index holds changes; equal numbers mean the same content.
        self.generation = 0

    # Loading -------------------------------------------------------------------------------

    def refresh(self, session: Session) -> int:
        """Bring the index up to date with the database; the number of services re-read."""
        count, newest = session.execute(
            select(func.count(Service.id), func.max(Service.updated_at))
        ).one()
        with self._lock:
            if self.loaded and count == self._count and newest == self._watermark:
                return 0
            if not self.loaded or self._watermark is None or newest is None:
                return self._reload(session, count, newest)
            candidates = session.execute(
                select(Service.id, Service.version).where(
                    Service.updated_at >= self._watermark - CLOCK_SKEW
                )
            ).all()
            changed = [
                service_id
                for service_id, version in candidates
                if service_id not in self._cards or self._cards[service_id].version != version
            ]
            if len(changed) > INCREMENTAL_LIMIT:
                return self._reload(session, count, newest)
            for card in load_cards(session, changed):
                self._put(card)
            if len(self._cards) != count:  # something was deleted: start again
                return self._reload(session, count, newest)
            if changed:
                self._after_change(count, newest)
            else:  # only the watermark moved (a clock, or a change seen already)
                self._watermark = newest
            return len(changed)

    def _reload(self, session: Session, count: int, newest: datetime | None) -> int:
        self._clear()
        cards = load_cards(session)
        for card in cards:
            self._put(card)
        self._after_change(len(cards), newest)
        self.loaded = True
        return len(cards)

    def load_cards(self, cards: list[ServiceCard]) -> None:
        """Fill the index from cards already in hand (benchmarks, tests)."""
        with self._lock:
            self._clear()
            for card in cards:
                self._put(card)
            self._after_change(len(cards), max((c.updated_at for c in cards), default=None))
            self.loaded = True

    def _clear(self) -> None:
        self._cards.clear()
        self._card_words.clear()
        self._postings.clear()
        self._sort_names.clear()
        for mapping in (self._by_category, self._by_language, self._by_town):
            mapping.clear()
        for group in (self._walk_ins, self._free, self._insurance):
            group.clear()

    def _remove(self, service_id: str) -> None:
        for word in self._card_words.pop(service_id, {}):
            posting = self._postings.get(word)
            if posting is not None:
                posting.pop(service_id, None)
                if not posting:
                    del self._postings[word]
        old = self._cards.pop(service_id, None)
        if old is None:
            return
        for code in old.category_codes:
            self._by_category[code].discard(service_id)
        for code in old.languages:
            self._by_language[code].discard(service_id)
        for town in old.towns:
            self._by_town[fold(town)].discard(service_id)
        for group in (self._walk_ins, self._free, self._insurance):
            group.discard(service_id)

    def _put(self, card: ServiceCard) -> None:
        self._remove(card.id)
        self._cards[card.id] = card
        weights = _card_words(card)
        self._card_words[card.id] = weights
        for word, weight in weights.items():
            self._postings[word][card.id] = weight
        self._sort_names[card.id] = fold(card.name)
        for code in card.category_codes:
            self._by_category[code].add(card.id)
        for code in card.languages:
            self._by_language[code].add(card.id)
        for town in card.towns:
            self._by_town[fold(town)].add(card.id)
        if card.accepts_walk_ins:
            self._walk_ins.add(card.id)
        if card.free_of_charge:
            self._free.add(card.id)
        if card.insurance_accepted and card.insurance_accepted.strip():
            self._insurance.add(card.id)

    def forget_answers(self) -> None:
        """Drop what was remembered from earlier searches (typed words, who is open this
        minute): the next search starts cold, as a benchmark labelled cold must."""
        self._token_cache.clear()
        self._open_now.forget_answers()

    def _after_change(self, count: int, newest: datetime | None) -> None:
        self._vocabulary = sorted(self._postings)
        self._token_cache.clear()
        self._alphabetical = None
        self._open_now.rebuild(self._cards.values())
        self._count = count
        self._watermark = newest
        self.generation += 1

    # Reading -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._cards)

    def card(self, service_id: str) -> ServiceCard | None:
        return self._cards.get(service_id)

    def facets(self) -> Facets:
        with self._lock:
            towns: dict[str, tuple[str, int]] = {}
            for card in self._cards.values():
                for town in card.towns:
                    key = fold(town)
                    shown, number = towns.get(key, (town, 0))
                    towns[key] = (shown, number + 1)
            languages = [(code, len(ids)) for code, ids in self._by_language.items() if ids]
        return Facets(
            towns=sorted(towns.values(), key=lambda item: fold(item[0])),
            languages=sorted(languages, key=lambda item: (-item[1], item[0])),
        )

    def open_now_ids(self, now_local: datetime) -> set[str]:
        with self._lock:
            return self._open_now.open_at(now_local)

    def search(self, query: DirectoryQuery, now_local: datetime) -> SearchResult:
        """Ids of matching services, best first; `now_local` is the center's wall clock."""
        with self._lock:
            tokens = words(query.text)
            scores: dict[str, float] | None = None
            for token in dict.fromkeys(tokens):
                matches = self._match_token(token)
                if scores is None:
                    scores = dict(matches)
                else:
                    scores = {sid: s + matches[sid] for sid, s in scores.items() if sid in matches}
                if not scores:
                    break
            allowed = self._filtered(query, now_local)
            if scores is None:
                ordered = self._alphabetical_ids()
                ids = ordered if allowed is None else [sid for sid in ordered if sid in allowed]
                return SearchResult(ids, len(self._cards))
            if allowed is not None:
                scores = {sid: s for sid, s in scores.items() if sid in allowed}
            phrase = " ".join(tokens)
            names = self._sort_names
            for sid in scores:
                if names[sid].startswith(phrase):
                    scores[sid] += NAME / 2
            ids = sorted(scores, key=lambda sid: (-scores[sid], names[sid]))
            return SearchResult(ids, len(self._cards))

    def _alphabetical_ids(self) -> list[str]:
        if self._alphabetical is None:
            self._alphabetical = sorted(self._cards, key=self._sort_names.__getitem__)
        return self._alphabetical

    def _match_token(self, token: str) -> dict[str, float]:
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        matches: dict[str, float] = {}
        vocabulary = self._vocabulary
        position = bisect_left(vocabulary, token)
        while position < len(vocabulary) and vocabulary[position].startswith(token):
            word = vocabulary[position]
            factor = 1.0 if word == token else PREFIX_FACTOR
            for sid, weight in self._postings[word].items():
                score = weight * factor
                if matches.get(sid, 0.0) < score:
                    matches[sid] = score
            position += 1
        if not matches and len(token) >= 4:
            for word, similarity, _ in process.extract(
                token, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
            ):
                factor = FUZZY_FACTOR * similarity / 100
                for sid, weight in self._postings[word].items():
                    score = weight * factor
                    if matches.get(sid, 0.0) < score:
                        matches[sid] = score
        self._token_cache[token] = matches
        return matches

    def _filtered(self, query: DirectoryQuery, now_local: datetime) -> set[str] | None:
        """The services every chosen filter allows, or None when no filter is chosen."""
        groups: list[set[str]] = []
        if query.category:
            groups.append(self._by_category.get(query.category, set()))
        if query.language:
            groups.append(self._by_language.get(query.language, set()))
        if query.town:
            groups.append(self._by_town.get(fold(query.town), set()))
        if query.walk_ins:
            groups.append(self._walk_ins)
        if query.cost == Cost.FREE:
            groups.append(self._free)
        elif query.cost == Cost.INSURANCE:
            groups.append(self._insurance)
        elif query.cost == Cost.FREE_OR_INSURANCE:
            groups.append(self._free | self._insurance)
        if query.when == When.OPEN_NOW:
            groups.append(self._open_now.open_at(now_local))
        elif query.when == When.AROUND_THE_CLOCK:
            groups.append(self._open_now.around_the_clock(now_local.date()))
        if not groups:
            return None
        groups.sort(key=len)
        allowed = set(groups[0])
        for group in groups[1:]:
            allowed &= group
        return allowed
