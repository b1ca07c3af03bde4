"""Encryption of backups that leave the machine: a round trip, and every way it must refuse."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from desk.backup.envelope import (
    BackupKey,
    check_passphrase,
    decrypt_file,
    encrypt_stream,
    new_backup_key,
    passphrase_matches,
    read_header,
)
from desk.errors import NotABackup, ValidationError, WrongPassphrase
from tests.desk.backup.conftest import PASSPHRASE


def encrypted_file(tmp_path: Path, data: bytes, key: BackupKey) -> Path:
    path = tmp_path / "backup.sqlite3.encrypted"
    with path.open("wb") as out:
        encrypt_stream(io.BytesIO(data), out, key, {"content": "sqlite", "schema": "s001"})
    return path


def test_round_trip_needs_only_the_public_key_to_encrypt(tmp_path: Path) -> None:
    key = new_backup_key(PASSPHRASE)
    stored = BackupKey.from_json(key.to_json())  # what the center settings keep
    data = os.urandom(3 * (1 << 20) + 123)  # several chunks, and a part of one
    path = encrypted_file(tmp_path, data, stored)
    assert data[:4096] not in path.read_bytes()
    out = io.BytesIO()
    header = decrypt_file(path, out, PASSPHRASE)
    assert out.getvalue() == data
    assert header["content"] == "sqlite" and header["schema"] == "s001"
    assert PASSPHRASE not in path.read_text("latin-1")
    assert PASSPHRASE not in str(key.to_json())


def test_two_backups_of_the_same_data_differ(tmp_path: Path) -> None:
    key = new_backup_key(PASSPHRASE)
    first = encrypted_file(tmp_path, b"same" * 1000, key).read_bytes()
    second = encrypted_file(tmp_path, b"same" * 1000, key).read_bytes()
    assert first != second  # a fresh key and nonce for every file


def test_a_wrong_passphrase_is_told_apart_from_damage(tmp_path: Path) -> None:
    path = encrypted_file(tmp_path, b"x" * 5000, new_backup_key(PASSPHRASE))
    with pytest.raises(WrongPassphrase, match="does not open"):
        decrypt_file(path, io.BytesIO(), "another long passphrase")


@pytest.mark.parametrize("where", ["header", "body", "tag"])
def test_any_changed_byte_is_refused_as_damage(tmp_path: Path, where: str) -> None:
    path = encrypted_file(tmp_path, b"x" * 5000, new_backup_key(PASSPHRASE))
    data = bytearray(path.read_bytes())
    position = {"header": 30, "body": len(data) // 2, "tag": len(data) - 3}[where]
    data[position] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises((NotABackup, WrongPassphrase)):
        decrypt_file(path, io.BytesIO(), PASSPHRASE)


@pytest.mark.parametrize("keep", [0.99, 0.5, 0.01])
def test_a_truncated_backup_is_refused_as_incomplete(tmp_path: Path, keep: float) -> None:
    path = encrypted_file(tmp_path, os.urandom(200_000), new_backup_key(PASSPHRASE))
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(NotABackup, match="damaged or incomplete"):
        decrypt_file(path, io.BytesIO(), PASSPHRASE)


def test_a_file_that_is_not_encrypted_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(NotABackup, match="not an encrypted"):
        read_header(path)


def test_short_passphrases_are_refused_and_matching_is_exact() -> None:
    with pytest.raises(ValidationError, match="at least 12"):
        check_passphrase("short one")
    key = new_backup_key(PASSPHRASE)
    assert passphrase_matches(PASSPHRASE, key)
    assert not passphrase_matches(PASSPHRASE + " ", key)
