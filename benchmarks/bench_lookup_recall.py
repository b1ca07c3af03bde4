"""Lookup recall: does the sign-in lookup find the person meant, whatever the typo?

    uv run python benchmarks/bench_lookup_recall.py --database sqlite:////tmp/bench5.sqlite3

For a seeded sample of people, the queries staff type for them (the first name, first and
part of the last, the whole name: every length) are spoiled one way each: two letters
swapped, one dropped, one doubled, accents left off (for names that have them), or none.
Each query goes to the lookup (the app's top ten) and, beside it, to a rapidfuzz scan of
everyone's name (WRatio, the top ten): the query counts as found when the intended name is
among the ten. The figures are recall@10 by kind of typo and query length, with the
time of each per query. A name that several people share counts once found for any of them:
the desk then tells them apart by birth year and phone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import load, machine, percentile
from desk.db.engine import Database
from desk.lookup.person_index import PersonIndex
from desk.lookup.query import parse_query
from desk.models import Person
from desk.text_folding import fold

KINDS = ("none", "swapped", "dropped", "doubled", "accent-less")
LENGTHS = ((1, 3), (4, 6), (7, 10), (11, 99))


def spoil(text: str, kind: str, rng: random.Random) -> str | None:
    """`text` with one typo of `kind` in a letter (never in a space); None if it cannot be."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if kind == "none":
        return text
    if kind == "accent-less":
        plain = fold(text)
        return plain if plain != text.lower() else None
    if kind == "swapped":
        pairs = [i for i in letters if i + 1 < len(text) and text[i + 1].isalpha()]
        pairs = [i for i in pairs if text[i] != text[i + 1]]
        if not pairs:
            return None
        i = rng.choice(pairs)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if not letters or len(text) < 2:
        return None
    i = rng.choice(letters)
    if kind == "dropped":
        return text[:i] + text[i + 1 :]
    return text[: i + 1] + text[i] + text[i + 1 :]  # doubled


def typed_forms(first: str, last: str | None) -> list[str]:
    """What staff type for a person, short to long: the first name's start, the first name,
    the first name and a start of the last, the whole name."""
    forms = [first[:3], first]
    if last:
        forms += [f"{first} {last[:2]}", f"{first} {last[:4]}", f"{first} {last}"]
    return list(dict.fromkeys(form.strip() for form in forms if len(form.strip()) >= 2))


def bucket(length: int) -> str:
    low, high = next((lo, hi) for lo, hi in LENGTHS if lo <= length <= hi)
    return f"{low}–{high}" if high < 99 else f"{low}+"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--people", type=int, default=200, help="people sampled")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    database = Database.open(args.database)
    index = PersonIndex()
    with database.session() as session:
        index.refresh(session)
        people = session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                Person.merged_into_id.is_(None)
            )
        ).all()
    name_of = {pid: fold(f"{first} {last or ''}") for pid, first, last in people}
    names = list(name_of.values())  # everyone's, as the app would scan them: ten people back
    rng = random.Random(args.seed)
    accented = [p for p in people if fold(p.first_name) != p.first_name.lower()]
    sample = rng.sample(people, args.people) + rng.sample(accented, min(len(accented), 40))
    found: dict[tuple[str, str, str], list[bool]] = defaultdict(list)
    ours_ms: list[float] = []
    theirs_ms: list[float] = []
    for _pid, first, last in sample:
        intended = fold(f"{first} {last or ''}")
        for form in typed_forms(first, last):
            for kind in KINDS:
                query = spoil(form, kind, rng)
                if query is None:
                    continue
                started = time.perf_counter()
                matches = index.search(parse_query(query, this_year=2026), limit=10)
                ours_ms.append((time.perf_counter() - started) * 1000)
                ours = intended in {name_of.get(m.person_id) for m in matches}
                started = time.perf_counter()
                top = process.extract(
                    fold(query), names, scorer=fuzz.WRatio, processor=None, limit=10
                )
                theirs_ms.append((time.perf_counter() - started) * 1000)
                theirs = intended in {name for name, _score, _position in top}
                key = (kind, bucket(len(query)))
                found[key].append(ours)
                found[(*key, "rapidfuzz")].append(theirs)
    print(f"\nLookup recall@10 on {database.description}: {len(people):,} people")
    print(f"machine: {machine()}; {load()}")
    print(f"{'typo':12} {'length':>7} {'queries':>8} {'lookup':>8} {'rapidfuzz':>10}")
    worse = []
    for kind in KINDS:
        for low, _high in LENGTHS:
            label = bucket(low)
            ours = found.get((kind, label), [])
            if not ours:
                continue
            theirs = found[(kind, label, "rapidfuzz")]
            mine, other = sum(ours) / len(ours), sum(theirs) / len(theirs)
            flag = "" if mine >= other else "  below rapidfuzz"
            if flag:
                worse.append((kind, label))
            print(f"{kind:12} {label:>7} {len(ours):>8} {mine:>8.2f} {other:>10.2f}{flag}")
        ours_all = [x for (k, *rest), v in found.items() if k == kind and len(rest) == 1 for x in v]
        theirs_all = [
            x for (k, *rest), v in found.items() if k == kind and len(rest) == 2 for x in v
        ]
        print(
            f"{kind:12} {'all':>7} {len(ours_all):>8} {sum(ours_all) / len(ours_all):>8.2f} "
            f"{sum(theirs_all) / len(theirs_all):>10.2f}"
        )
    print(
        f"lookup per query: p50 {statistics.median(ours_ms):.2f} ms, "
        f"p95 {percentile(ours_ms, 0.95):.2f} ms (target ≤ 16); rapidfuzz scan p50 "
        f"{statistics.median(theirs_ms):.1f} ms, p95 {percentile(theirs_ms, 0.95):.1f} ms"
    )
    print("below rapidfuzz: " + (", ".join(f"{kind} {span}" for kind, span in worse) or "none"))
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
