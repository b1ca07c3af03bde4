"""Write desk/directory/language_names.py: the English and Spanish names of every ISO 639-1
language, from the CLDR data that langcodes ships (language_data).

    uv run python -m scripts.language_names

Why a table: the CLDR name tables take about a second and 18 MB to load, and the screens
name only a handful of common languages. `desk.directory.languages.language_name` reads
this table first and loads CLDR only for a language that is not in it. Run this again after
upgrading langcodes or language_data; tests/desk/directory/test_language_names.py fails when
the table and CLDR disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import langcodes
from langcodes.tag_parser import LanguageTagError

TARGET = Path(__file__).resolve().parent.parent / "desk" / "directory" / "language_names.py"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def iso_639_1_codes() -> list[str]:
    """Every two-letter code CLDR has an English name for."""
    codes = []
    for first in LETTERS:
        for second in LETTERS:
            code = first + second
            try:
                language = langcodes.Language.get(code)
            except LanguageTagError:
                continue
            if language.language != code:
                continue  # a deprecated code standing for another
            if language.language_name("en").startswith("Unknown language"):
                continue
            codes.append(code)
    return codes


def main() -> None:
    from desk.directory.languages import _cldr_name

    rows = [
        f"    {json.dumps(code)}: "
        f"({json.dumps(_cldr_name(code, 'en'), ensure_ascii=False)}, "
        f"{json.dumps(_cldr_name(code, 'es'), ensure_ascii=False)}),"
        for code in iso_639_1_codes()
    ]
    TARGET.write_text(
        '"""The English and Spanish names of every ISO 639-1 language, from CLDR (via\n'
        "langcodes' language_data, Unicode licence). Made by scripts/language_names.py: do not\n"
        'edit by hand."""\n\n'
        "NAMES: dict[str, tuple[str, str]] = {\n" + "\n".join(rows) + "\n}\n",
        encoding="utf-8",
    )
    print(f"wrote {len(rows)} languages to {TARGET}")


if __name__ == "__main__":
    main()
