"""Switching to each page for the first time: the page shown and painted.

    uv run python benchmarks/bench_pages.py --database sqlite:////tmp/bench5.sqlite3
    uv run python benchmarks/bench_pages.py --demo

The app builds the other pages once the start is over (ui/page_preload.py); a page opened
before that is built then. Both are timed: each figure is one window, fresh, switched to
that page once (Alt+N), from the switch until the page's first paint has been drawn, as a
person sees it (its data then comes from a worker, which is not counted). Every
window is made in a new process, so no page is helped by another's imports. Qt runs on the
offscreen platform; the target is 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import load, machine

TARGET_MS = 100


def one_switch(database: str, page: int, ahead: bool) -> float:
    """In this process: open the window on `database`, then time the switch to `page`; with
    `ahead`, after the start is over (the other pages imported and built ahead, as the app
    does), else at once (the page imported and built when opened)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from desk.db.startup import open_and_upgrade
    from desk.services.actor import command_line_actor
    from ui.app import PAGES, _prepare_other_pages, build_main_window
    from ui.context import AppContext, ChangeSignals
    from ui.error_dialog import CrashReporter
    from ui.look import apply_style, install_bundled_fonts
    from ui.station_files import station_settings
    from ui.tasks import TaskRunner

    app = QApplication([])
    install_bundled_fonts(app)
    apply_style(app)
    db, _ = open_and_upgrade(database)
    with db.session() as session:
        admin = command_line_actor(session)  # an admin: every page is there
    tasks = TaskRunner(db, CrashReporter(Path("/dev/null")).report)
    context = AppContext(db, admin, tasks, ChangeSignals(), station_settings(demo=True))
    window = build_main_window(context)
    window.resize(1366, 740)
    if ahead:
        _prepare_other_pages(window)
    window.show()
    for _ in range(20):
        app.processEvents()
    waited = time.perf_counter()
    while ahead and not all(window.is_built(n) for n in range(len(PAGES))):
        app.processEvents()
        time.sleep(0.01)
        if time.perf_counter() - waited > 60:
            raise RuntimeError("the pages were not built ahead within a minute")
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    started = time.perf_counter()
    window.show_page(page)
    shown = window.current_page()
    watcher = FirstPaint()
    shown.installEventFilter(watcher)
    shown.repaint()  # the paint Qt would do next, now, so that it is counted
    while not painted and time.perf_counter() - started < 10:
        app.processEvents()
    window.context.tasks.wait_for_done()
    return (painted[0] - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="a database URL (a demo is made when not given)")
    parser.add_argument("--runs", type=int, default=3, help="windows per page")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # database, page, ahead
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_switch(args.one[0], int(args.one[1]), args.one[2] == "ahead")))
        return 0
    os.environ["RECOVERY_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-pages-")
    database = args.database
    if database is None:
        from desk.demo.database import create_demo_database

        demo = create_demo_database()
        demo.database.dispose()
        database = demo.url
    from ui.app import PAGES

    print(f"First switch to each page, {args.runs} windows each: {database}")
    print(f"machine: {machine()}")
    before = load()
    print(
        f"{'page':14} {'built ahead (ms)':>20} {'built when opened (ms)':>24}  target ≤ {TARGET_MS}"
    )
    for index, (page_id, *_rest) in enumerate(PAGES):
        cells = []
        for mode in ("ahead", "when-opened"):
            times = []
            for _ in range(args.runs):
                out = subprocess.run(
                    [sys.executable, __file__, "--one", database, str(index), mode],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                times.append(json.loads(out.stdout.strip().splitlines()[-1]))
            cells.append(f"{statistics.median(times):.1f} (max {max(times):.1f})")
        print(f"{page_id:14} {cells[0]:>20} {cells[1]:>24}")
    print(f"{before} before, {load()} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
