"""The proof under load and faults (issue 16), kept in the repository.

Five harnesses, each one documented command at full scale and a small scale that runs in the
normal `uv run pytest` (so CI runs it); docs/soak.md has the commands and the latest figures.

- crash_safety: a writer killed with SIGKILL at random moments during sign-ins, intakes,
  imports and a migration; integrity checked, every acknowledged write present, app starts.
- stations: many processes signing in, editing and checking out on one database at once.
- outage: the database stopped, frozen, cut or made read-only under a running app.
- fuzzing: Hypothesis over intake, directory editing, both imports and the sheet renderer
  (test_fuzzing.py; RECOVERY_DESK_SOAK=full for the full run).
- scale: timings at 1, 5 and 10 years of data on both engines.
"""
