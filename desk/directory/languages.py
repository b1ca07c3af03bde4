"""Languages as directories write them ("es", "spa", "Spanish", "Español", "Cape Verdean Creole")
made into real codes, with `langcodes` and the CLDR names it ships (`language_data`), offline.

HSDS asks for an ISO 639 code. The desk stores the standard BCP 47 tag: ISO 639-1 where one
exists ("es"), else ISO 639-3 ("kea"), with a region when the name gives one ("pt-BR" for
Brazilian Portuguese); the name is kept as it was written. Searches and filters compare the
language alone, with a member of a macrolanguage under it (Mandarin "cmn" counts as
Chinese "zh"), so Brazilian Portuguese is found under Portuguese.

Names are matched exactly (case and spacing aside): `langcodes.find` also accepts a name
that merely starts with a known one, which reads "French Creole" as French and "Karen" as
Kari, so it is not used. A name the desk cannot place is kept as written, without a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import langcodes
from language_data.names import data_filename, get_trie_value, load_trie, normalize_name

from desk.directory.language_names import NAMES as COMMON_NAMES

MAX_CODE_LENGTH = 16  # the language.code column

# Spellings seen in US directories that CLDR does not list, or lists for another language.
_ALIASES = {
    "asl": "ase",  # the desk's own code for American Sign Language before it used real codes
    "sign language": "ase",
    "american sign": "ase",
    "kreyol": "ht",
    "kreyol ayisyen": "ht",
    "creole haitian": "ht",
    "french creole": "ht",
    "kriolu": "kea",
    "crioulo": "kea",
    "cape verdean": "kea",
    "capeverdean": "kea",
    "cape verdean kriolu": "kea",
    "karen": "kar",
    "farsi persian": "fa",
}
# Names staff know better than CLDR's ("Kabuverdianu"), in English and Spanish.
_NAMES = {
    "kea": ("Cape Verdean Creole", "Criollo caboverdiano"),
    "ht": ("Haitian Creole", "Criollo haitiano"),
    "ase": ("American Sign Language", "Lengua de señas americana"),
    "kar": ("Karen", "Karen"),
}
# Words around a language's name that say nothing about which language it is.
_FILLER = re.compile(
    r"\b(language|languages|speaking|speakers?|spoken|staff|interpreters?|interpretation|"
    r"available|only|fluent|dialect|bilingual|native)\b"
)
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_PARENTHESES = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


@cache
def _trie(category: str):
    return load_trie(data_filename(f"trie/und/name_to_{category}.marisa"))


def _exact(category: str, text: str) -> str | None:
    key = normalize_name(text)
    trie = _trie(category)
    return get_trie_value(trie, key) if key in trie else None


def _fold(text: str) -> str:
    from anyascii import anyascii

    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii(text).casefold()).split())


def _standard(tag: str) -> str | None:
    try:
        language = langcodes.Language.get(langcodes.standardize_tag(tag))
    except (langcodes.tag_parser.LanguageTagError, ValueError):
        return None
    if not language.language or language.language in ("und", "zxx", "mis", "mul"):
        return None
    if language.language.startswith("q") and "a" <= language.language[1:2] <= "t":
        return None  # reserved for private use: means nothing outside its sender
    if not _has_name(language.language):
        return None
    text = language.to_tag()
    return text if len(text) <= MAX_CODE_LENGTH else language.language


@cache
def _has_name(subtag: str) -> bool:
    return not langcodes.Language.get(subtag).language_name("en").startswith("Unknown language")


def _from_name(text: str) -> str | None:
    folded = _fold(text)
    if folded in _ALIASES:
        return _ALIASES[folded]
    found = _exact("language", text)
    if found:
        return found
    match = _PARENTHESES.match(text.strip())
    if match:  # "Chinese (Mandarin)", "Portuguese (Brazil)", "Creole (Haitian)"
        outer = _from_name(match["outer"])
        inner = _from_name(match["inner"])
        if outer and inner:
            outer_macro = _comparable_tag(outer)
            return inner if _comparable_tag(inner) == outer_macro else outer
        territory = _exact("territory", match["inner"])
        if outer and territory and "-" not in outer:
            return f"{outer}-{territory}"
        return outer or inner
    stripped = " ".join(_FILLER.sub(" ", folded).split())
    if stripped and stripped != folded:
        return _from_name(stripped)
    return None


@cache
def language_code(text: str | None) -> str | None:
    """The tag for a language as written (a name in most languages, or a code); None if the
    desk cannot place it. "Spanish", "español", "spa", "es" -> "es"; "Mandarin" -> "cmn"."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    looks_like_code = _CODE.match(value) is not None
    if looks_like_code and (len(value) == 2 or not value.isalpha()):
        # "en", "pt-BR": a code first ("en" is also the name of a language of Papua)
        return _standard(_ALIASES.get(value.casefold(), value)) or _standard_name(value)
    return _standard_name(value) or (
        _standard(_ALIASES.get(value.casefold(), value)) if looks_like_code else None
    )


@cache
def is_language_tag(text: str) -> bool:
    """Whether `text` is already a tag the desk stores as it is ("en", "kea", "pt-BR")."""
    value = text.strip()
    return (
        value == text
        and len(value) <= MAX_CODE_LENGTH
        and _CODE.match(value) is not None
        and langcodes.tag_is_valid(value)
        and _standard(value) is not None
    )


def _standard_name(value: str) -> str | None:
    found = _from_name(value)
    return _standard(found) if found else None


@cache
def _comparable_tag(tag: str) -> str:
    language = langcodes.Language.get(tag).prefer_macrolanguage()
    return language.language or tag


def comparable_code(tag: str) -> str:
    """The language alone, a macrolanguage's member under it: "pt-BR" -> "pt", "cmn" -> "zh"."""
    return _comparable_tag(tag)


def normalize_language(code: str | None, name: str | None = None) -> str | None:
    """The comparable code for a language row (its code, else its name); a name the desk
    cannot place is compared as written, folded."""
    for value in (code, name):
        found = language_code(value) if value else None
        if found:
            return comparable_code(found)
    for value in (name, code):
        if value and value.strip():
            return value.strip().casefold()
    return None


@cache
def language_name(code: str, language: str = "en") -> str:
    """The name to show for a code, in English or Spanish; a value with no code as it is.

    A two-letter code is named from the table made from CLDR beforehand
    (`desk/directory/language_names.py`), so that naming the usual languages does not load
    CLDR's own tables (a second and 18 MB); any other code is named from CLDR."""
    names = _NAMES.get(code) or COMMON_NAMES.get(code)
    if names is not None:
        return names[1 if language == "es" else 0]
    tag = (_standard(code) or language_code(code)) if code else None
    if tag is None:
        return code[:1].upper() + code[1:] if code else ""
    return _cldr_name(tag, language)


def _cldr_name(tag: str, language: str) -> str:
    if tag in _NAMES:
        return _NAMES[tag][1 if language == "es" else 0]
    name = langcodes.Language.get(tag).display_name("es" if language == "es" else "en")
    return name[:1].upper() + name[1:]


def load_language_names(codes: Iterable[str], languages: Iterable[str] = ("en", "es")) -> None:
    """Name `codes` once in each language, so that CLDR's tables (about a second to load) are
    read here, on a worker thread at start, and not when a screen first names a language."""
    for code in codes:
        for language in languages:
            language_name(code, language)
