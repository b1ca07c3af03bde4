"""Language codes as directories write them ("es", "spa", "Spanish", "Español") made comparable.

HSDS asks for ISO 639 codes but does not say which part, and imports bring names too. The
desk compares two-letter ISO 639-1 codes; anything it cannot place is kept as written.
"""

from __future__ import annotations

from anyascii import anyascii

# code: (English name, Spanish name, other spellings seen in directories)
_LANGUAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "en": ("English", "Inglés", ("eng",)),
    "es": ("Spanish", "Español", ("spa", "castellano")),
    "pt": ("Portuguese", "Portugués", ("por", "portugues", "portuguese (brazil)")),
    "vi": ("Vietnamese", "Vietnamita", ("vie", "tieng viet")),
    "pl": ("Polish", "Polaco", ("pol", "polski")),
    "sq": ("Albanian", "Albanés", ("sqi", "alb", "shqip")),
    "ar": ("Arabic", "Árabe", ("ara",)),
    "zh": ("Chinese", "Chino", ("zho", "chi", "mandarin", "cantonese")),
    "fr": ("French", "Francés", ("fra", "fre", "francais")),
    "ht": ("Haitian Creole", "Criollo haitiano", ("hat", "kreyol", "creole")),
    "ru": ("Russian", "Ruso", ("rus",)),
    "sw": ("Swahili", "Suajili", ("swa",)),
    "tw": ("Twi", "Twi", ("twi",)),
    "ne": ("Nepali", "Nepalí", ("nep",)),
    "ur": ("Urdu", "Urdu", ("urd",)),
    "hi": ("Hindi", "Hindi", ("hin",)),
    "km": ("Khmer", "Jemer", ("khm",)),
    "so": ("Somali", "Somalí", ("som",)),
    "asl": ("American Sign Language", "Lengua de señas americana", ("ase", "sign language")),
}
_LOOKUP: dict[str, str] = {}
for _code, (_english, _spanish, _others) in _LANGUAGES.items():
    for _spelling in (_code, _english, _spanish, *_others):
        _LOOKUP[anyascii(_spelling).casefold()] = _code


def normalize_language(code: str | None, name: str | None = None) -> str | None:
    """The comparable code for a language row: "spa" -> "es", name "Spanish" -> "es"."""
    for value in (code, name):
        if value and value.strip():
            key = anyascii(value.strip()).casefold()
            if key in _LOOKUP:
                return _LOOKUP[key]
            primary = key.split("-")[0].split("_")[0]
            if primary in _LOOKUP:
                return _LOOKUP[primary]
    for value in (code, name):
        if value and value.strip():
            return value.strip().casefold()
    return None


def language_name(code: str, language: str = "en") -> str:
    """The name to show for a comparable code, in English or Spanish."""
    entry = _LANGUAGES.get(code)
    if entry is None:
        return code
    return entry[1] if language == "es" else entry[0]
