"""Update and compile the screens' translations (docs/translating.md).

    uv run python scripts/translations.py update    # new and changed texts into the .ts files
    uv run python scripts/translations.py release   # compile the .ts files into .qm
    uv run python scripts/translations.py check     # fail on unfinished or obsolete entries

`update` reads every text marked for translation in ui/ (tr(), QT_TRANSLATE_NOOP), the
messages desk/ words its errors with (desk/messages/) and the reports' words (desk/reports/),
and keeps the translations already made.
A translator then opens the .ts file in Qt Linguist (`uv run pyside6-linguist FILE`), or any
text editor, fills in what is marked unfinished, and runs `release`.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "ui" / "translations"
# The languages translated in full; English ships only its plural forms ("1 visit", "2 visits").
FULL = ("es",)
PLURALS_ONLY = ("en",)


def sources() -> list[str]:
    files = sorted((ROOT / "ui").rglob("*.py"))
    # desk/ marks what the screens show in its words: errors (desk/messages), the reports'
    # titles and figures (desk/reports), the activity log's sentences (desk/audit) and the
    # groups' repeat rules in words (desk/groups), each with a plain-Python QT_TRANSLATE_NOOP.
    for folder in ("messages", "reports", "audit", "groups"):
        files += sorted((ROOT / "desk" / folder).rglob("*.py"))
    return [str(path.relative_to(ROOT)) for path in files]


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"recovery_desk_{language}.ts"


def update() -> None:
    for language in (*FULL, *PLURALS_ONLY):
        options = ["-pluralonly"] if language in PLURALS_ONLY else []
        _run(
            "pyside6-lupdate",
            *sources(),
            *options,
            "-no-obsolete",
            "-locations",
            "absolute",
            "-source-language",
            "en_US",
            "-target-language",
            language,
            "-ts",
            str(ts_file(language).relative_to(ROOT)),
        )


def release() -> None:
    for language in (*FULL, *PLURALS_ONLY):
        ts = ts_file(language)
        _run("pyside6-lrelease", "-nounfinished", str(ts), "-qm", str(ts.with_suffix(".qm")))


def problems(ts: Path) -> list[str]:
    """Entries not finished (or obsolete) in `ts`, one line each."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = message.find("translation").get("type") or ""
            if kind in ("unfinished", "obsolete", "vanished"):
                found.append(f"{ts.name}: {kind}: [{name}] {message.findtext('source')!r}")
    return found


def check() -> int:
    found = [line for language in (*FULL, *PLURALS_ONLY) for line in problems(ts_file(language))]
    print("\n".join(found) or "every translation is finished")
    return 1 if found else 0


def _run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, check=True)


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "update":
        update()
    elif action == "release":
        release()
    elif action == "check":
        sys.exit(check())
    else:
        print(__doc__)
        sys.exit(2)
