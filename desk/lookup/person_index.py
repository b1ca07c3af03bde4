"""The sign-in lookup: every person's name words, phone digits and birth year, in memory.

Why in memory: a plain fuzzy scan of 100,000 names costs 50-250 ms and a trigram index misses
typos. Distinct name words are far fewer than people, so each typed word is matched against
the word vocabulary (exact, prefix, and within one or two edits, transpositions counted as
one, using rapidfuzz), and only then mapped to people through posting sets. The index is
kept current by reading the rows changed since the last look (`updated_at`), so a person
added at another station is found at the next keystroke.
"""

from __future__ import annotations

import bisect
import heapq
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from sys import intern

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.lookup.phone_digits import PhoneDigits
from desk.lookup.query import LookupQuery
from desk.models import Person, Visit, VisitStatus
from desk.text_folding import fold_words, name_tokens

# Rows changed within this margin before the last look are read again, so that a transaction
# that committed late (or a station whose clock runs behind) is never missed.
REFRESH_MARGIN = timedelta(minutes=5)
EXACT, PREFIX, TYPO, TYPO_PREFIX = 1.0, 0.9, 0.8, 0.7
# A half-typed word is compared, typos allowed, with the start of longer names only from this
# length: "mar" within one edit of the start of a name matches half the vocabulary.
FUZZY_PREFIX_FROM = 4
# Typing a whole name exactly ("maria maria") ranks that name above people who merely have
# each word somewhere; checked when few enough people are left for it to be cheap.
# When the strict match finds no one, a relaxed one looks again: short words forgive one
# typo, half-typed words from this length on are compared with a typo, doubled letters are
# read as one.
RELAXED_FUZZY_PREFIX_FROM = 3
WHOLE_NAME_BONUS = 0.5
WHOLE_NAME_CHECK_LIMIT = 2000
# The first load reads everyone in chunks, and pauses between two: a worker thread busy for
# seconds otherwise holds Python's lock so often that the window, which needs it for every
# call into Python, is slowed many times over.
LOAD_CHUNK_ROWS = 2000
LOAD_PAUSE_SECONDS = 0.003


@dataclass(frozen=True)
class PersonMatch:
    person_id: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    nickname: str | None
    birth_year: int | None
    phone: str | None
    last_visit_at: datetime | None
    score: float


@dataclass(slots=True)
class _Person:
    first_name: str
    last_name: str | None
    preferred_name: str | None
    nickname: str | None
    birth_year: int | None
    phone: str | None
    words: tuple[str, ...]  # every folded name word, sorted
    full_name: tuple[str, ...]  # the folded first and last name words, sorted


def _interned(text: str | None) -> str | None:
    return None if text is None else intern(text)


def _single_letters(word: str) -> str:
    """`word` with each run of one letter made single: "jjuan" and "juan" meet as "juan"."""
    return "".join(letter for n, letter in enumerate(word) if n == 0 or letter != word[n - 1])


def _allowed_edits(length: int) -> int:
    return 0 if length <= 2 else 1 if length <= 4 else 2


class PersonIndex:
    """Thread-safe: searches and refreshes may come from any worker thread."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._loading = threading.Lock()  # held through the first load, chunks and pauses
        self._people: dict[int, _Person] = {}
        self._postings: dict[str, set[int]] = {}
        self._vocabulary: list[str] = []  # sorted, for prefix ranges
        self._by_prefix: dict[int, dict[str, list[str]]] = {}  # length -> prefix -> words
        self._prefix_keys: dict[int, list[str]] = {}
        self._by_year: dict[int, set[int]] = {}
        self._years: dict[int, int] = {}  # one int object per birth year, shared by its people
        self._phones = PhoneDigits()
        self._singled: list[tuple[str, str]] | None = None  # (word, doubles made single)
        self._singled_size = 0
        self._last_visit: dict[int, float] = {}
        self._stamps: dict[int, datetime] = {}  # person id -> updated_at, for rows read again
        self._people_mark: datetime | None = None
        self._visits_mark: datetime | None = None

    # -- keeping current ----------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._people_mark is not None

    def __len__(self) -> int:
        return len(self._people)

    def refresh(self, session: Session) -> int:
        """Read people and visits changed since the last refresh; returns how many rows.

        The first refresh reads everyone, in chunks; a refresh asked for meanwhile waits for
        it to finish (a search never sees half the people)."""
        if not self.loaded:
            with self._loading:
                if not self.loaded:
                    return self._refresh(session, chunked=True)
        with self._lock:  # later refreshes are small: each one whole, one at a time
            return self._refresh(session, chunked=False)

    def _refresh(self, session: Session, *, chunked: bool) -> int:
        people_since = self._people_mark - REFRESH_MARGIN if self._people_mark else None
        people_query = select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.preferred_name,
            Person.nickname,
            Person.birth_year,
            Person.phone,
            Person.merged_into_id,
            Person.removed_at,
            Person.updated_at,
            Person.last_visit_at,
        )
        if people_since is not None:
            people_query = people_query.where(Person.updated_at >= people_since)
        changed = 0
        newest = self._people_mark
        rows = session.execute(people_query.execution_options(yield_per=LOAD_CHUNK_ROWS))
        for chunk in rows.partitions():
            with self._lock:
                changed_here, newest = self._apply_people(chunk, newest)
                changed += changed_here
            if chunked:
                time.sleep(LOAD_PAUSE_SECONDS)
        with self._lock:
            return changed + self._finish_refresh(session, newest)

    def _apply_people(self, rows, newest: datetime | None) -> tuple[int, datetime | None]:
        changed = 0
        stamps = self._stamps
        for (
            person_id,
            first_name,
            last_name,
            preferred_name,
            nickname,
            birth_year,
            phone,
            merged_into_id,
            removed_at,
            updated_at,
            last_visit_at,
        ) in rows:
            if stamps.get(person_id) == updated_at:
                continue  # re-read within the margin, unchanged
            stamps[person_id] = updated_at
            changed += 1
            if newest is None or updated_at > newest:
                newest = updated_at
            if merged_into_id is not None or removed_at is not None:
                self._remove(person_id)
                continue
            self.put_person(
                person_id,
                first_name,
                last_name,
                preferred_name,
                nickname,
                birth_year,
                phone,
                last_visit_at,
            )
        return changed, newest

    def _finish_refresh(self, session: Session, newest: datetime | None) -> int:
        changed = 0
        visits_since = self._visits_mark - REFRESH_MARGIN if self._visits_mark else None
        self._people_mark = newest or datetime.now(UTC)
        # Only rows the next refresh reads again (within its margin) need their stamp: an
        # older row comes back only with a new updated_at, which is a change anyway. A stamp
        # for each of 100,000 people would be 5 MB.
        since = self._people_mark - REFRESH_MARGIN
        self._stamps = {key: stamp for key, stamp in self._stamps.items() if stamp >= since}
        if visits_since is None:
            # A first load takes recency from person.last_visit_at; from now on, visits.
            self._visits_mark = session.scalar(select(func.max(Visit.updated_at)))
            self._visits_mark = self._visits_mark or datetime.now(UTC)
        else:
            changed += self._refresh_visits(session, visits_since)
        self._rebuild_phones_if_stale()
        return changed

    def put_person(
        self,
        person_id: int,
        first_name: str,
        last_name: str | None = None,
        preferred_name: str | None = None,
        nickname: str | None = None,
        birth_year: int | None = None,
        phone: str | None = None,
        last_visit_at: datetime | None = None,
    ) -> None:
        """Add or replace one person (refresh does this for every changed row)."""
        with self._lock:
            # The record's own last visit is authoritative (an undone sign-in moves it back).
            if last_visit_at is not None:
                self._last_visit[person_id] = last_visit_at.timestamp()
            else:
                self._last_visit.pop(person_id, None)
            words = tuple(
                sorted(map(intern, name_tokens(first_name, last_name, preferred_name, nickname)))
            )
            full_name = tuple(
                sorted(map(intern, fold_words(first_name) + fold_words(last_name or "")))
            )
            if full_name == words:  # most people: no other name, one tuple for both
                full_name = words
            if birth_year is not None:
                birth_year = self._years.setdefault(birth_year, birth_year)
            person = _Person(
                intern(first_name),
                _interned(last_name),
                _interned(preferred_name),
                _interned(nickname),
                birth_year,
                phone,
                words,
                full_name,
            )
            self._put(person_id, person)

    def _note_visit(self, person_id: int, arrived_at: datetime) -> None:
        stamp = arrived_at.timestamp()
        if stamp > self._last_visit.get(person_id, 0.0):
            self._last_visit[person_id] = stamp

    def _refresh_visits(self, session: Session, since: datetime) -> int:
        query = select(Visit.person_id, Visit.arrived_at, Visit.updated_at).where(
            Visit.updated_at >= since,
            Visit.person_id.is_not(None),
            Visit.status != VisitStatus.UNDONE,
        )
        newest = self._visits_mark
        rows = 0
        for person_id, arrived_at, updated_at in session.execute(query):
            rows += 1
            self._note_visit(person_id, arrived_at)
            newest = updated_at if newest is None or updated_at > newest else newest
        self._visits_mark = newest or datetime.now(UTC)
        return rows

    def _put(self, person_id: int, person: _Person) -> None:
        old = self._people.get(person_id)
        if old == person:
            return  # re-read within the refresh margin, unchanged
        if old is not None:
            self._unlink(person_id, old)
        self._people[person_id] = person
        for word in person.words:
            postings = self._postings.get(word)
            if postings is None:
                postings = self._postings[word] = set()
                self._learn_word(word)
            postings.add(person_id)
        if person.birth_year is not None:
            self._by_year.setdefault(person.birth_year, set()).add(person_id)
        old_phone = old.phone if old is not None else None
        if person.phone == old_phone:
            return
        if old_phone is None and not self._phones.stale:
            self._phones.add(person_id, person.phone)
        else:
            self._phones.stale = True

    def _remove(self, person_id: int) -> None:
        old = self._people.pop(person_id, None)
        if old is not None:
            self._unlink(person_id, old)
            self._phones.stale = self._phones.stale or bool(old.phone)

    def _unlink(self, person_id: int, person: _Person) -> None:
        for word in person.words:
            self._postings.get(word, set()).discard(person_id)
        if person.birth_year is not None:
            self._by_year.get(person.birth_year, set()).discard(person_id)

    def _learn_word(self, word: str) -> None:
        bisect.insort(self._vocabulary, word)
        for length, prefixes in self._by_prefix.items():
            if len(word) >= length:
                key = word[:length]
                words = prefixes.get(key)
                if words is None:
                    prefixes[key] = [word]
                    self._prefix_keys[length].append(key)
                else:
                    words.append(word)

    def _prefixes_of_length(self, length: int) -> tuple[dict[str, list[str]], list[str]]:
        prefixes = self._by_prefix.get(length)
        if prefixes is None:
            prefixes = {}
            for word in self._vocabulary:
                if len(word) >= length:
                    prefixes.setdefault(word[:length], []).append(word)
            self._by_prefix[length] = prefixes
            self._prefix_keys[length] = list(prefixes)
        return prefixes, self._prefix_keys[length]

    # -- searching ----------------------------------------------------------------------
    def search(self, query: LookupQuery, limit: int = 8) -> list[PersonMatch]:
        if query.is_empty:
            return []
        with self._lock:
            scores = self._score_people(query)
            if not scores:
                # No one: a word may hold a typo the strict match does not forgive (a
                # doubled letter, a dropped one in a half-typed word); look again, relaxed.
                scores = self._score_people(query, relaxed=True)
            if not scores:
                return []
            last_visit = self._last_visit
            best = heapq.nsmallest(
                limit,
                scores.items(),
                key=lambda item: (-item[1], -last_visit.get(item[0], 0.0), item[0]),
            )
            return [self._match(person_id, score) for person_id, score in best]

    def _score_people(self, query: LookupQuery, *, relaxed: bool = False) -> dict[int, float]:
        scores: dict[int, float] | None = None
        for word in sorted(query.words, key=len, reverse=True):  # the most selective first
            word_scores = self._people_for_word(word, within=scores, relaxed=relaxed)
            scores = (
                word_scores
                if scores is None
                else {
                    person_id: scores[person_id] + score for person_id, score in word_scores.items()
                }
            )
            if not scores:
                return {}
        if scores and len(query.words) > 1 and len(scores) <= WHOLE_NAME_CHECK_LIMIT:
            typed = tuple(sorted(query.words))
            for person_id in scores:
                if self._people[person_id].full_name == typed:
                    scores[person_id] += WHOLE_NAME_BONUS
        if query.birth_year is not None or query.phone_digits:
            found = self._people_by_number(query)
            if scores is None:
                scores = found
            else:
                scores = {pid: score + found[pid] for pid, score in scores.items() if pid in found}
        return scores or {}

    def _people_for_word(
        self, word: str, within: dict[int, float] | None, *, relaxed: bool = False
    ) -> dict[int, float]:
        """Each person with a word matching `word`, at their best score (set operations in C:
        a one-letter word can match a third of everyone)."""
        by_score: dict[float, list[set[int]]] = {}
        for vocabulary_word, score in self._matching_words(word, relaxed=relaxed).items():
            postings = self._postings.get(vocabulary_word)
            if postings:
                by_score.setdefault(score, []).append(postings)
        people: dict[int, float] = {}
        for score in sorted(by_score):  # higher scores overwrite lower ones
            found = set().union(*by_score[score])
            if within is not None:
                found &= within.keys()
            people.update(dict.fromkeys(found, score))
        return people

    def _matching_words(self, word: str, *, relaxed: bool = False) -> dict[str, float]:
        """Vocabulary words `word` may stand for, each with how well it matches: itself, the
        words it starts, and those within one or two edits. Relaxed, one more edit is
        forgiven, half-typed words of three letters are compared with typos too, and a
        doubled letter counts as one ("jjua" starts "juan")."""
        hits: dict[str, float] = {}
        start = bisect.bisect_left(self._vocabulary, word)
        for index in range(start, len(self._vocabulary)):
            candidate = self._vocabulary[index]
            if not candidate.startswith(word):
                break
            hits[candidate] = EXACT if candidate == word else PREFIX
        if relaxed:  # a doubled letter is the likeliest slip: read it before other typos
            single = _single_letters(word)
            if single != word:
                for candidate in self._words_starting_singled(single):
                    hits.setdefault(candidate, TYPO)
        edits = _allowed_edits(len(word))
        if relaxed and len(word) >= 2:
            edits = max(edits, 1)  # short words too may hold one typo
        if edits:
            for candidate, distance, _ in process.extract(
                word, self._vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                if distance:
                    hits.setdefault(candidate, TYPO - 0.1 * (distance - 1))
        fuzzy_prefix_from = RELAXED_FUZZY_PREFIX_FROM if relaxed else FUZZY_PREFIX_FROM
        if edits and len(word) >= fuzzy_prefix_from:
            prefixes, keys = self._prefixes_of_length(len(word))
            allowed = min(edits, 1) if len(word) < FUZZY_PREFIX_FROM else edits
            for prefix, distance, _ in process.extract(
                word, keys, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                if distance:
                    for candidate in prefixes[prefix]:
                        hits.setdefault(candidate, TYPO_PREFIX - 0.1 * (distance - 1))
        return hits

    def _words_starting_singled(self, single: str) -> list[str]:
        """Vocabulary words whose doubled letters made single start with `single`."""
        singled = self._singled_vocabulary()
        start = bisect.bisect_left(singled, (single, ""))
        found = []
        for index in range(start, len(singled)):
            key, word = singled[index]
            if not key.startswith(single):
                break
            found.append(word)
        return found

    def _singled_vocabulary(self) -> list[tuple[str, str]]:
        if self._singled is None or self._singled_size != len(self._vocabulary):
            self._singled = sorted((_single_letters(word), word) for word in self._vocabulary)
            self._singled_size = len(self._vocabulary)
        return self._singled

    def _people_by_number(self, query: LookupQuery) -> dict[int, float]:
        found: dict[int, float] = {}
        if query.phone_digits:
            self._rebuild_phones_if_stale()
            for person_id in self._phones.owners_of(query.phone_digits):
                found[person_id] = EXACT
        if query.birth_year is not None:
            for person_id in self._by_year.get(query.birth_year, ()):
                found[person_id] = EXACT
        return found

    def _rebuild_phones_if_stale(self) -> None:
        if self._phones.stale:
            self._phones.rebuild((key, person.phone) for key, person in self._people.items())

    def _match(self, person_id: int, score: float) -> PersonMatch:
        person = self._people[person_id]
        last = self._last_visit.get(person_id)
        return PersonMatch(
            person_id,
            person.first_name,
            person.last_name,
            person.preferred_name,
            person.nickname,
            person.birth_year,
            person.phone,
            datetime.fromtimestamp(last, UTC) if last else None,
            round(score, 3),
        )
