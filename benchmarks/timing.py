"""Shared by the benchmark scripts: timing, percentiles, and a results table."""

from __future__ import annotations

import json
import os
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


def machine() -> str:
    """The machine the figures come from: CPU model and cores, memory, Python."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory = f", {memory_kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration, ValueError):
        memory = ""
    return f"{model}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def load() -> str:
    """The load average now (1, 5 and 15 minutes): figures taken under load are slower."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


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


def report(
    title: str, engine: str, figures: list[Figure], out: Path | None, *, load_before: str = ""
) -> None:
    print(f"\n{title} on {engine}")
    print(f"machine: {machine()}")
    print(f"{load_before + ' before, ' if load_before else ''}{load()} after")
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
                {
                    "title": title,
                    "engine": engine,
                    "machine": machine(),
                    "load_before": load_before,
                    "load_after": load(),
                    "figures": [asdict(f) for f in figures],
                },
                indent=2,
            ),
        )


def run_tables(
    title: str,
    engine: str,
    run: Callable[[], list[Figure]],
    times: int,
    out: Path | None,
) -> list[list[Figure]]:
    """Run the whole table `times` times, each printed with the machine and the load average
    before and after it: one run can be unlucky (another job on the machine), three say how
    much the figures move."""
    tables = []
    for number in range(1, times + 1):
        load_before = load()
        figures = run()
        where = out.with_name(f"{out.stem}-{number}{out.suffix}") if out else None
        report(f"{title}, run {number} of {times}", engine, figures, where, load_before=load_before)
        tables.append(figures)
    return tables
