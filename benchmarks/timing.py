"""Shared by the benchmark scripts: timing, percentiles, and a results table."""

from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from desk.atomic_files import write_text_atomically


@dataclass
class Figure:
    name: str
    samples: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    target_ms: float | None = None

    @property
    def verdict(self) -> str:
        if self.target_ms is None:
            return ""
        return "meets" if self.p95_ms <= self.target_ms else "MISSES"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(name: str, runs: list[Callable[[], object]], target_ms: float | None = None) -> Figure:
    times = []
    for run in runs:
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return Figure(
        name,
        len(times),
        round(statistics.median(times), 2),
        round(percentile(times, 0.95), 2),
        round(max(times), 2),
        target_ms,
    )


def report(title: str, engine: str, figures: list[Figure], out: Path | None) -> None:
    print(f"\n{title} on {engine} ({platform.machine()}, Python {platform.python_version()})")
    print(f"{'what':48} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'target':>8}")
    for f in figures:
        target = f"≤{f.target_ms:g}" if f.target_ms is not None else ""
        print(
            f"{f.name:48} {f.samples:>6} {f.p50_ms:>9.2f} {f.p95_ms:>9.2f} {f.max_ms:>9.2f} "
            f"{target:>8} {f.verdict}"
        )
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(
            out,
            json.dumps(
                {"title": title, "engine": engine, "figures": [asdict(f) for f in figures]},
                indent=2,
            ),
        )
