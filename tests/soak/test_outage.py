"""The database going away, at small scale (the full run: `python -m tests.soak.outage`).
The task deadline is shortened to 1 s here; the full run uses the app's own (8 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.soak.common import fresh_database
from tests.soak.outage import proxy_scenarios, server_scenarios, sqlite_scenario
from tests.soak.private_postgres import PrivatePostgres, Unavailable

DEADLINE_S = 1.0


def check(rows: list[dict]) -> None:
    for row in rows:
        assert row["within 10 s"] == row["typed kept"] == row["recovered"] == "yes", row
        assert row["people saved"] == 1 and row["crashes"] == 0, row


def test_postgresql_stopped_frozen_refused_reply_lost(
    qapp, tmp_path: Path, private_server: PrivatePostgres, private_template: str
) -> None:
    rows = server_scenarios(private_server, tmp_path, DEADLINE_S, private_template, only=1)
    with fresh_database("postgresql", tmp_path, private_server.url(), private_template) as url:
        rows += proxy_scenarios(url, tmp_path, DEADLINE_S, "postgresql (private)")
    check(rows)
    assert [r["scenario"] for r in rows] == [
        "server stopped",
        "network frozen",
        "connection refused",
        "commit reply lost",
    ]


def test_sqlite_disk_full(qapp, tmp_path: Path) -> None:
    try:
        rows = sqlite_scenario(tmp_path, DEADLINE_S)
    except Unavailable as why:
        pytest.skip(str(why))
    check(rows)
