"""The database: engine and sessions, migrations, and change notices between stations."""

from desk.db.engine import Database

__all__ = ["Database"]
