"""Scale at small scale (the full run: `python -m tests.soak.scale`): the harness runs, and
every operation is timed on both engines. No timing is asserted here (CI machines vary)."""

from __future__ import annotations

from tests.soak.private_postgres import PrivatePostgres
from tests.soak.scale import run


def test_operations_are_timed_and_their_growth_reported(
    private_pg: PrivatePostgres | str, private_template: str | None
) -> None:
    private = not isinstance(private_pg, str)
    engines = ["sqlite", "postgresql"] if private else ["sqlite"]
    admin = private_pg.url() if private else None
    rows, growth = run(engines, [0.02, 0.1], 40, 5, admin, private_template)
    whats = {r["what"] for r in rows}
    assert {"lookup per keystroke", "sign-in committed, seen in the queue"} <= whats
    assert all(r["n"] > 0 for r in rows)
    assert {g["engine"] for g in growth} == set(engines)
