"""Cold start: from process start to a window that takes typing, beside a bare PySide6 window.

    uv run python benchmarks/bench_start.py                        # the demo
    uv run python benchmarks/bench_start.py --database sqlite:////tmp/bench5.sqlite3
    uv run python benchmarks/bench_start.py --program dist/recovery-desk/recovery-desk

Each run starts Recovery Desk and a bare PySide6 window with one line edit
(benchmarks/bare_window.py) alternately, on a private Xvfb screen, and times each to:
- the window mapped (the first top-level window the program shows, whatever it is: a
  staff sign-in box once there is one);
- a key accepted: "x" is typed into whatever box has the keyboard as soon as the window is
  mapped, then Shift+Home, and the key counts as accepted when the box's selected text ("x")
  can be read from the X selection (benchmarks/x_display.py says why this is exact).
It then waits until the program is idle (no CPU used for half a second) and reads its peak
memory (VmHWM). With --sign-in USERNAME it then signs in from the keyboard, waits until the
app is idle again (the people lookup loaded, the pages built ahead, the day's first backup
made) and reads the peak once more. The first run of each is a warm-up and is not counted
(it fills the OS file cache and makes the demo's schema template); the figures are for a
warm OS file cache. The ratio is the median key time of
the app over the bare window's, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import load, machine
from benchmarks.x_display import VirtualScreen, XClient, environment_for

BARE = [sys.executable, str(Path(__file__).resolve().parent / "bare_window.py")]
IDLE_SECONDS = 0.5
IDLE_LIMIT_SECONDS = 60.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Start:
    mapped: float  # seconds from process start
    key: float
    idle: float  # until the program had done its start-up work
    peak_mb: float
    signed_in_peak_mb: float | None = None  # with --sign-in: once idle after signing in


@dataclass
class SignIn:
    login: str
    password: str


def _cpu_seconds(group: int) -> float:
    """CPU used by the program and the processes it started (the demo's seeding)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that has just ended
        if int(fields[2]) == group:
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _wait_until_idle(pid: int, started: float) -> float:
    """Seconds from start until the process used no CPU for IDLE_SECONDS."""
    last, last_change = _cpu_seconds(pid), time.monotonic()
    while time.monotonic() - last_change < IDLE_SECONDS:
        if time.monotonic() - started > IDLE_LIMIT_SECONDS:
            break
        time.sleep(0.05)
        now = _cpu_seconds(pid)
        if now != last:
            last, last_change = now, time.monotonic()
    return last_change - started


def start_once(
    x: XClient, command: list[str], env: dict[str, str], sign_in: SignIn | None = None
) -> Start:
    x.forget_windows()
    started = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        window = x.wait_for_window(started + 60, lambda: process.poll() is None)
        if window is None:
            raise RuntimeError(f"{command[0]} showed no window: {process.stderr.read()!r}")
        mapped = time.monotonic() - started
        x.focus(window)
        x.press("x")
        x.press("Shift_L", "Home")
        # Asked again every 0.1 s: a request that reaches the window in the instant it takes
        # the selection can go unanswered, and waiting out a longer timeout would be counted
        # as the program's time.
        while x.primary_selection(timeout=0.1) != "x":
            if time.monotonic() - started > 60 or process.poll() is not None:
                raise RuntimeError(f"{command[0]} never took the key typed into its window")
            time.sleep(0.005)
        key = time.monotonic() - started
        idle = _wait_until_idle(process.pid, started)
        start = Start(mapped, key, idle, _peak_mb(process.pid))
        if sign_in is not None:
            start.signed_in_peak_mb = _signed_in_peak(x, process.pid, sign_in)
        return start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _signed_in_peak(x: XClient, pid: int, sign_in: SignIn) -> float:
    """Sign in from the keyboard, wait until the app is idle (the people lookup loaded, the
    pages built ahead, the day's first backup made), and read its peak memory."""
    x.press("Control_L", "a")
    x.type_text(sign_in.login)
    x.press("Tab")
    x.press("Control_L", "a")
    x.type_text(sign_in.password)
    x.press("Return")
    time.sleep(2)  # the window comes up and starts its background work
    _wait_until_idle(pid, time.monotonic())
    return _peak_mb(pid)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _spread(values: list[float]) -> str:
    return f"{_median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def run_table(
    x: XClient, app: list[str], runs: int, env: dict[str, str], sign_in: SignIn | None = None
) -> dict:
    load_before = load()
    start_once(x, BARE, env)  # warm-ups: the file cache, the demo's schema template
    start_once(x, app, env)
    bare: list[Start] = []
    ours: list[Start] = []
    for _ in range(runs):
        bare.append(start_once(x, BARE, env))
        ours.append(start_once(x, app, env, sign_in))
    ratio = _median([s.key for s in ours]) / _median([s.key for s in bare])
    return {
        "load_before": load_before,
        "load_after": load(),
        "bare": bare,
        "app": ours,
        "ratio": ratio,
    }


def print_table(title: str, table: dict) -> None:
    bare, ours = table["bare"], table["app"]
    print(f"\n{title}: {len(ours)} starts each, median (min–max), seconds")
    print(f"machine: {machine()}")
    print(f"{table['load_before']} before, {table['load_after']} after")
    print(f"{'':34} {'window mapped':>20} {'key accepted':>20} {'idle':>20} {'peak MB':>8}")
    for name, starts in (("bare PySide6 window + line edit", bare), ("Recovery Desk", ours)):
        print(
            f"{name:34} {_spread([s.mapped for s in starts]):>20} "
            f"{_spread([s.key for s in starts]):>20} {_spread([s.idle for s in starts]):>20} "
            f"{max(s.peak_mb for s in starts):8.0f}"
        )
    after = [s.signed_in_peak_mb for s in ours if s.signed_in_peak_mb is not None]
    if after:
        print(
            f"peak MB once signed in and idle: {_median(after):.0f} "
            f"({min(after):.0f}–{max(after):.0f})"
        )
    verdict = "meets" if table["ratio"] <= 2 else "MISSES"
    print(
        f"ratio of key accepted, Recovery Desk / bare: {table['ratio']:.2f} (target ≤ 2: {verdict})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--program",
        default=str(Path(sys.executable).with_name("recovery-desk")),
        help="the program to start (default: this environment's recovery-desk; or the frozen "
        "bundle's dist/recovery-desk/recovery-desk)",
    )
    parser.add_argument("--database", metavar="URL", help="open this database (default: --demo)")
    parser.add_argument("--runs", type=int, default=5, help="starts of each, after a warm-up")
    parser.add_argument("--tables", type=int, default=3, help="times the whole table is run")
    parser.add_argument("--size", default="1366x768", help="the virtual screen (default 1366x768)")
    parser.add_argument(
        "--sign-in",
        metavar="USERNAME",
        help="after each start, sign in as USERNAME (password: RECOVERY_DESK_PASSWORD; the "
        "demo's own by default) and report the peak memory once the app is idle",
    )
    args = parser.parse_args()
    sign_in = None
    if args.sign_in:
        from desk.demo.credentials import DEMO_PASSWORD

        sign_in = SignIn(args.sign_in, os.environ.get("RECOVERY_DESK_PASSWORD", DEMO_PASSWORD))
    app = [args.program, *(["--database", args.database] if args.database else ["--demo"])]
    screen = VirtualScreen(args.size)
    data = Path(tempfile.mkdtemp(prefix="bench-start-"))
    env = environment_for(screen.name) | {"RECOVERY_DESK_DATA_DIR": str(data)}
    x = XClient(screen.name)
    try:
        print(f"Start: {shlex.join(app)}, screen {args.size}")
        for number in range(1, args.tables + 1):
            table = run_table(x, app, args.runs, env, sign_in)
            print_table(f"Table {number} of {args.tables}", table)
    finally:
        x.close()
        screen.stop()
        subprocess.run(["rm", "-rf", str(data)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
