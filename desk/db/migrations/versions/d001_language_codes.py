"""Language.code holds a real language code; a name written where the code goes moves to the name.

Before this revision a spreadsheet's "Cape Verdean Creole" was stored with the code "cape
verdean creole" (and American Sign Language as "asl", the code of another language). SQLite
kept such codes at any length, PostgreSQL refused those over 16 characters, and the HSDS
export then wrote codes no import accepts. Rows written so far are put right here: a code
that is already a language tag stays; anything else becomes the tag of the language it names
(ISO 639-1 where one exists, else ISO 639-3, from the CLDR names `langcodes` ships), and the
text as written becomes the name when the row had none. Text that names no language stays
only as the name. The column keeps its 16 characters: the desk never writes a longer tag.

The lookup is fixed here as it was on the day of this revision, so later changes to
`desk.directory.languages` cannot change what this upgrade did.

Revision ID: d001
Revises: f001
Create Date: 2026-12-04 22:00:00
"""

import re
from collections.abc import Sequence

import langcodes
import sqlalchemy as sa
from alembic import op
from language_data.names import data_filename, get_trie_value, load_trie, normalize_name

revision: str = "d001"
down_revision: str | None = "f001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MAX_CODE_LENGTH = 16
# What the desk wrote before this revision for languages CLDR names otherwise.
_OLD = {
    "asl": "ase", "sign language": "ase", "american sign language": "ase", "creole": "ht",
    "kreyol": "ht", "french creole": "ht", "kriolu": "kea", "crioulo": "kea",
    "cape verdean": "kea", "cape verdean creole": "kea", "castellano": "es",
    "portugues": "pt", "portuguese (brazil)": "pt-BR", "tieng viet": "vi", "shqip": "sq",
    "polski": "pl", "francais": "fr", "mandarin": "zh", "cantonese": "yue",
}  # fmt: skip
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _tag(tag: str) -> str | None:
    try:
        language = langcodes.Language.get(langcodes.standardize_tag(tag))
    except (langcodes.tag_parser.LanguageTagError, ValueError):
        return None
    if not language.language or language.language in ("und", "zxx", "mis", "mul"):
        return None
    if language.language_name("en").startswith("Unknown language"):
        return None
    text = language.to_tag()
    return text if len(text) <= MAX_CODE_LENGTH else language.language


def _named(text: str) -> str | None:
    trie = load_trie(data_filename("trie/und/name_to_language.marisa"))
    key = normalize_name(text)
    found = get_trie_value(trie, key) if key in trie else None
    return _tag(found) if found else None


def code_for(written: str) -> str | None:
    """The tag for what an earlier version stored as a code, or None if it names no language."""
    text = written.strip()
    key = " ".join(text.casefold().split())
    if key in _OLD:
        return _OLD[key]
    if _CODE.match(text) and len(text) <= MAX_CODE_LENGTH:
        found = _tag(text)
        if found:
            return found
    inner = re.match(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$", text)
    candidates = [text, inner["outer"]] if inner else [text]
    for candidate in candidates:
        found = _named(candidate)
        if found:
            return found
    return None


def upgrade() -> None:
    language = sa.table(
        "language", sa.column("id", sa.String()), sa.column("code"), sa.column("name")
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(language.c.id, language.c.code, language.c.name).where(
            language.c.code.is_not(None)
        )
    ).all()
    for row_id, code, name in rows:
        tag = code_for(code) if code.strip() else None
        if tag == code:
            continue
        kept_name = name if name and name.strip() and name.strip() != code.strip() else None
        connection.execute(
            language.update()
            .where(language.c.id == row_id)
            .values(code=tag, name=kept_name or code.strip() or None)
        )


def downgrade() -> None:
    """Nothing to undo: the codes written are valid for the schema before this revision."""
