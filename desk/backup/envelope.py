"""Encrypting a backup for the center's backup passphrase, without the passphrase at hand.

Automatic backups are made when the app closes, with no one there to type a passphrase, yet
the passphrase must never be stored. So the passphrase is turned into a key pair:

- scrypt(passphrase, salt) gives 32 bytes, used as an X25519 private key. Only its public
  key is stored (with the salt and the scrypt cost) in the center settings: it can encrypt,
  never decrypt, and the passphrase is not kept anywhere.
- Each backup makes a new ephemeral X25519 key pair; its agreement with the center's public
  key, through HKDF-SHA256, gives a fresh AES-256-GCM key for that file alone.
- Restoring derives the private key from the passphrase and the salt written in the file's
  header (a restore must work on a new machine, with the database lost), checks that it
  matches the file's recipient key (a wrong passphrase is told apart from a damaged file),
  and decrypts. The header is authenticated with the data, so no byte of the file can change
  unnoticed, and a truncated file fails its tag.

Everything here is the `cryptography` package's primitives in their documented uses: the
same shape as age's X25519 recipients or ECIES, with one GCM stream per file.
"""

from __future__ import annotations

import hmac
import json
import os
import struct
from base64 import b64decode, b64encode
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desk.errors import NotABackup, ValidationError, WrongPassphrase
from desk.messages.backup import (
    BACKUP_IS_DAMAGED_OR_INCOMPLETE,
    BACKUP_PASSPHRASE_NEEDS_AT_LEAST,
    CHECK_PASSPHRASE_BACKUP_MADE_BEFORE,
    CHOOSE_ANOTHER_BACKUP_NOTHING_WAS,
    IS_NOT_ENCRYPTED_RECOVERY_DESK,
    RESTORE_IT_WITH_NEWER_RECOVERY,
    SEVERAL_ORDINARY_WORDS_IN_ROW,
    THAT_PASSPHRASE_DOES_NOT_OPEN,
    WAS_ENCRYPTED_BY_NEWER_RECOVERY,
)

MAGIC = b"RDBACKUP"  # the first bytes of every encrypted backup
FORMAT = 1
HKDF_INFO = b"recovery-desk backup v1"
TAG_BYTES = 16
CHUNK = 1 << 18  # small pieces: the desk's threads get the interpreter between them
# About half a second and 128 MiB on a desk computer: cheap once per restore, slow for
# anyone trying passphrases one after another.
SCRYPT_N = 1 << 17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 12


def _b64(data: bytes) -> str:
    return b64encode(data).decode("ascii")


@dataclass(frozen=True)
class BackupKey:
    """What the center keeps of its backup passphrase: a public key, and how to derive it."""

    public_key: bytes
    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "scrypt",
            "public_key": _b64(self.public_key),
            "salt": _b64(self.salt),
            "n": self.n,
            "r": self.r,
            "p": self.p,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BackupKey:
        return cls(
            public_key=b64decode(data["public_key"]),
            salt=b64decode(data["salt"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
        )


def check_passphrase(passphrase: str) -> str:
    """A passphrase long enough to resist guessing; refused in words otherwise."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            BACKUP_PASSPHRASE_NEEDS_AT_LEAST.with_(min_passphrase_length=MIN_PASSPHRASE_LENGTH),
            field="passphrase",
            hint=SEVERAL_ORDINARY_WORDS_IN_ROW,
        )
    return passphrase


def _private_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> X25519PrivateKey:
    seed = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return X25519PrivateKey.from_private_bytes(seed)


def _public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes_raw()


def new_backup_key(passphrase: str, *, n: int = SCRYPT_N) -> BackupKey:
    check_passphrase(passphrase)
    salt = os.urandom(16)
    private = _private_key(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    return BackupKey(_public_bytes(private), salt, n, SCRYPT_R, SCRYPT_P)


def passphrase_matches(passphrase: str, key: BackupKey) -> bool:
    private = _private_key(passphrase, key.salt, key.n, key.r, key.p)
    return hmac.compare_digest(_public_bytes(private), key.public_key)


def _file_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=HKDF_INFO)
    return hkdf.derive(shared)


def encrypt_stream(source: BinaryIO, target: BinaryIO, key: BackupKey, about: dict) -> None:
    """Write `source` encrypted for `key` to `target`; `about` (what the backup holds, when it
    was made) goes in the header, readable without the passphrase, and authenticated."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(key.public_key))
    nonce = os.urandom(12)
    header = {
        **about,
        "format": FORMAT,
        "recipient": key.to_json(),
        "ephemeral": _b64(ephemeral_public),
        "nonce": _b64(nonce),
    }
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    preamble = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
    file_key = _file_key(shared, ephemeral_public, key.public_key)
    encryptor = Cipher(algorithms.AES(file_key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(preamble)
    target.write(preamble)
    while chunk := source.read(CHUNK):
        target.write(encryptor.update(chunk))
    target.write(encryptor.finalize())
    target.write(encryptor.tag)


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _damaged(path: Path) -> NotABackup:
    return NotABackup(
        BACKUP_IS_DAMAGED_OR_INCOMPLETE.with_(name=path.name),
        hint=CHOOSE_ANOTHER_BACKUP_NOTHING_WAS,
    )


def read_header(path: Path) -> tuple[dict[str, Any], bytes]:
    """The header of an encrypted backup, and the bytes it authenticates."""
    with path.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise NotABackup(IS_NOT_ENCRYPTED_RECOVERY_DESK.with_(name=path.name))
        raw_length = handle.read(4)
        if len(raw_length) != 4:
            raise _damaged(path)
        (length,) = struct.unpack(">I", raw_length)
        header_bytes = handle.read(length) if length < 1 << 20 else b""
    try:
        header = json.loads(header_bytes)
        BackupKey.from_json(header["recipient"])
        b64decode(header["ephemeral"])
        b64decode(header["nonce"])
    except (ValueError, KeyError, TypeError):
        raise _damaged(path) from None
    if header.get("format") != FORMAT:
        raise NotABackup(
            WAS_ENCRYPTED_BY_NEWER_RECOVERY.with_(name=path.name, value=header.get("format")),
            hint=RESTORE_IT_WITH_NEWER_RECOVERY,
        )
    return header, MAGIC + raw_length + header_bytes


def decrypt_file(path: Path, target: BinaryIO, passphrase: str) -> dict[str, Any]:
    """Decrypt `path` into `target` (a private file: what it holds is only trusted once this
    returns); the header is returned. A wrong passphrase and a damaged file are told apart."""
    header, preamble = read_header(path)
    key = BackupKey.from_json(header["recipient"])
    private = _private_key(passphrase, key.salt, key.n, key.r, key.p)
    if not hmac.compare_digest(_public_bytes(private), key.public_key):
        raise WrongPassphrase(
            THAT_PASSPHRASE_DOES_NOT_OPEN.with_(name=path.name),
            hint=CHECK_PASSPHRASE_BACKUP_MADE_BEFORE,
        )
    ephemeral = b64decode(header["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    file_key = _file_key(shared, ephemeral, key.public_key)
    size = path.stat().st_size
    body = size - len(preamble) - TAG_BYTES
    if body < 0:
        raise _damaged(path)
    with path.open("rb") as handle:
        handle.seek(size - TAG_BYTES)
        tag = handle.read(TAG_BYTES)
        handle.seek(len(preamble))
        decryptor = Cipher(
            algorithms.AES(file_key), modes.GCM(b64decode(header["nonce"]), tag)
        ).decryptor()
        decryptor.authenticate_additional_data(preamble)
        remaining = body
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                raise _damaged(path)
            remaining -= len(chunk)
            target.write(decryptor.update(chunk))
    try:
        target.write(decryptor.finalize())
    except InvalidTag:
        raise _damaged(path) from None
    return header
