"""Backups of the center's database, and putting one back.

- `envelope`: encrypting a backup for the center's backup passphrase without knowing it.
- `files`: backup file names, folders, atomic placement, errors in words.
- `sqlite_copy`: SQLite's online backup API, into a private file, checked.
- `making`: one backup, plain or encrypted, SQLite or PostgreSQL (pg_dump).
- `retention`: which backups to keep (14 daily and 12 monthly by default).
- `restore`: checking a backup file and putting it in place of the current database.
"""
