"""The real app as a process: it opens on a demo database and closes cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.e2e.cli import COMMAND


def test_demo_app_starts_and_closes_cleanly(isolated_data_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [str(COMMAND), "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    log = isolated_data_dir / "logs" / "recovery-desk.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if log.exists() and "window shown" in log.read_text(encoding="utf-8"):
            break
        time.sleep(0.2)
    assert process.poll() is None, process.communicate()
    demo_folders = list(tmp_path.glob("recovery-desk-demo-*"))
    assert len(demo_folders) == 1 and (demo_folders[0] / "demo.sqlite3").exists()
    process.send_signal(signal.SIGTERM)
    _out, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert not demo_folders[0].exists()
    assert "Recovery Desk closed" in log.read_text(encoding="utf-8")
