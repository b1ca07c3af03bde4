"""The real app as a process: it opens on a demo database and closes cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.e2e.cli import COMMAND


def _start_demo(tmp_path: Path, log: Path, *, shown: int) -> subprocess.Popen:
    """The demo app, once its log says "window shown" `shown` times: once for the sign-in box
    at start, twice once the demo database is open too."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [str(COMMAND), "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if log.exists() and log.read_text(encoding="utf-8").count("window shown") >= shown:
            break
        time.sleep(0.05)
    assert process.poll() is None, process.communicate()
    return process


def test_demo_app_starts_and_closes_cleanly(isolated_data_dir: Path, tmp_path: Path) -> None:
    log = isolated_data_dir / "logs" / "recovery-desk.log"
    process = _start_demo(tmp_path, log, shown=2)
    demo_folders = list(tmp_path.glob("recovery-desk-demo-*"))
    assert len(demo_folders) == 1 and (demo_folders[0] / "demo.sqlite3").exists()
    process.send_signal(signal.SIGTERM)
    _out, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert not demo_folders[0].exists()
    assert "Recovery Desk closed" in log.read_text(encoding="utf-8")


def test_a_demo_closed_while_its_database_is_made_leaves_nothing(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """SIGTERM as soon as the sign-in box shows, while the demo database is still being made:
    the app waits for it, removes it, and closes cleanly."""
    log = isolated_data_dir / "logs" / "recovery-desk.log"
    process = _start_demo(tmp_path, log, shown=1)
    process.send_signal(signal.SIGTERM)
    _out, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert list(tmp_path.glob("recovery-desk-demo-*")) == []
    assert "Recovery Desk closed" in log.read_text(encoding="utf-8")
