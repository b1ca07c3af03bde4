"""Filling a translated sentence with its values, the way Qt's translators expect.

A translated template keeps its values as %1..%9 so a translator can move them around
("%1 signed out." may become "Se cerró la sesión de %1."). Filling them one `.replace()` at a
time is wrong: a name that itself contains "%2" would be filled again by the next replace.
`fill` puts every value in, in one pass, and never looks inside what it put in.
Counts are not filled here: a sentence with a count uses Qt's numerus form,
`self.tr("%n visit(s)", "", n)`, so each language can say it in its own plural.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """`template` with %1 as the first value, %2 as the second, ... in one pass.

    A placeholder without a value stays as it is (as Qt's `QString.arg` leaves it).
    """
    texts = [str(value) for value in values]

    def value_for(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return texts[number - 1] if number <= len(texts) else match.group(0)

    return _PLACEHOLDER.sub(value_for, template)
