"""Unsaved drafts sealed with a key this station keeps in the OS keyring.

A draft can hold what a person told us ("relapsed last week, staying at the shelter") for up
to 12 hours. On disk (`station.ini`) it is sealed with AES-256-GCM (the `cryptography`
package) under a random key made once per station and data folder and kept by the OS
keyring (the `keyring` package: Windows Credential Manager, the macOS Keychain, the Secret
Service on a Linux desktop). A copy of the data folder alone then reveals no draft.

Where there is no keyring (a headless Linux station, CI, a keyring that is locked or
refuses), `station_cipher` returns None and drafts are kept in memory only: they survive a
closed window, not a closed app or a crash. Nothing is ever written in clear.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "Recovery Desk"
NONCE_BYTES = 12


class DraftCipher:
    """Seals and opens drafts (JSON objects) with one 256-bit key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("a drafts key is 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, data: dict[str, Any], *, label: str) -> str:
        """`data` encrypted and authenticated; `label` (the draft's name) is bound to it, so
        a sealed draft moved under another name does not open."""
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(data, ensure_ascii=False).encode("utf-8")
        sealed = self._aead.encrypt(nonce, plain, label.encode("utf-8"))
        return base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, token: str, *, label: str) -> dict[str, Any] | None:
        """The draft, or None when it cannot be opened (another key, damaged, moved)."""
        try:
            raw = base64.b64decode(token.encode("ascii"), validate=True)
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], label.encode())
            data = json.loads(plain.decode("utf-8"))
        except (InvalidTag, ValueError, UnicodeError):
            return None
        return data if isinstance(data, dict) else None


def station_cipher(account: str) -> DraftCipher | None:
    """The cipher for this station's drafts (`account` names the data folder), its key made
    and kept in the OS keyring the first time; None when this computer has no usable keyring."""
    import keyring  # looking for the OS keyring takes a while: only for a real station
    from keyring.backends import fail
    from keyring.errors import KeyringError

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        logger.info("no OS keyring on this station: unsaved drafts are kept in memory only")
        return None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, account)
        if stored is None:
            stored = base64.b64encode(AESGCM.generate_key(bit_length=256)).decode("ascii")
            keyring.set_password(KEYRING_SERVICE, account, stored)
            if keyring.get_password(KEYRING_SERVICE, account) != stored:
                raise KeyringError("the keyring did not keep the drafts key")
        return DraftCipher(base64.b64decode(stored))
    except (KeyringError, ValueError, OSError) as error:
        # A locked or broken keyring (no D-Bus session, a refused prompt): memory only.
        logger.warning("the OS keyring cannot keep the drafts key (%s): drafts in memory", error)
        return None
    except Exception as error:  # third-party backends raise their own errors
        logger.warning("the OS keyring failed (%s): drafts are kept in memory only", error)
        return None
