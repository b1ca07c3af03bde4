"""Where Recovery Desk finds its bundled resources and keeps its data."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import platformdirs

APP_NAME = "RecoveryDesk"
APP_AUTHOR = "CPAR"
DATA_DIR_ENV = "RECOVERY_DESK_DATA_DIR"


def _bundle_root() -> Path:
    """The folder that holds `resources/`: the PyInstaller bundle, or the source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"


def data_dir() -> Path:
    """The per-user data folder (database, logs, backups); RECOVERY_DESK_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def logs_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return logs_dir() / "recovery-desk.log"


def bundled_version() -> str:
    """The version written in pyproject.toml, for a bundle with no package metadata."""
    pyproject = _bundle_root() / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"
