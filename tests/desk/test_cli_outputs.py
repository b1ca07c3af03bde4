"""A document the command line writes takes its place only once its export is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli import main, referral_commands
from desk.errors import DatabaseUnavailable


def test_no_unrecorded_handout_is_left_behind(
    sqlite_database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    url = f"sqlite:///{sqlite_database.sqlite_path}"
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"yesterday's handout")

    def database_gone(*_args, **_kwargs) -> None:
        raise DatabaseUnavailable("The database cannot be reached.")

    monkeypatch.setattr(referral_commands, "record_document_output", database_gone)
    assert main(["--database", url, "handout", "--category", "detox", "--out", str(out)]) == 1
    assert "cannot be reached" in capsys.readouterr().err
    assert out.read_bytes() == b"yesterday's handout"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["db", "handout.pdf"]

    monkeypatch.undo()
    assert main(["--database", url, "handout", "--category", "detox", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
