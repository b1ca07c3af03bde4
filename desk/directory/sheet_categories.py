"""Which of the center's categories a list's "Category" cell means, or none.

Lists use the center's own words, plain words ("food pantry", "methadone", "sober living") or
the names of 2-1-1 / AIRS (Inform USA) taxonomy terms ("Alcoholism Services", "Drug Abuse
Services", "Detoxification", "Homeless Shelter", "BD-1800.2000 Food Pantries"). Each known
phrase is looked for as whole words; a code in front of a term is ignored. Nothing is guessed
from a loose resemblance: a cell that holds none of the phrases gets no category, is noted,
and staff choose one in the directory. A category put on a resource by a near miss would
send someone looking for detox to a dentist.
"""

from __future__ import annotations

import re
from functools import cache

from desk.categories import CATEGORIES
from desk.directory.text_match import fold

# category -> phrases (folded, whole words). Checked longest phrase first.
PHRASES: dict[str, tuple[str, ...]] = {
    "detox": (
        "detox", "detoxification", "detoxification services", "alcohol detoxification",
        "drug detoxification", "withdrawal", "withdrawal management", "medically monitored",
        "medically managed withdrawal", "acute treatment services", "ats",
        "inpatient detox", "outpatient detox", "ambulatory detox",
    ),
    "treatment": (
        "treatment", "rehab", "rehabilitation", "alcoholism services", "drug abuse services",
        "substance abuse services", "substance use disorder services",
        "substance use disorder treatment", "substance use treatment",
        "substance abuse treatment", "alcoholism counseling", "drug abuse counseling",
        "substance abuse counseling", "addiction counseling", "methadone",
        "methadone maintenance", "methadone clinic", "opioid treatment program",
        "opioid treatment", "medication assisted treatment", "mat", "moud",
        "suboxone", "buprenorphine", "vivitrol", "naltrexone", "intensive outpatient",
        "iop", "partial hospitalization", "php", "residential treatment",
        "clinical stabilization services", "css", "transitional support services", "tss",
        "outpatient treatment", "outpatient counseling", "dual diagnosis", "co-occurring",
    ),
    "sober_housing": (
        "sober living", "sober living homes", "sober house", "sober houses", "sober home",
        "sober homes", "sober housing", "recovery housing", "recovery residence",
        "recovery residences", "recovery home", "recovery homes", "halfway house",
        "halfway houses", "three quarter house", "3/4 house", "recovery homes halfway houses",
    ),
    "family_support": (
        "family support", "al-anon", "alanon", "nar-anon", "naranon",
        "alateen", "learn to cope", "families anonymous", "family recovery",
        "substance abuse support groups for family friends", "grasp", "craft",
    ),
    "support_groups": (
        "support group", "support groups", "mutual support", "mutual aid", "peer support",
        "meetings", "meeting", "aa", "alcoholics anonymous", "narcotics anonymous",
        "na meeting", "na meetings", "smart recovery", "12 step", "12-step", "twelve step",
        "all recovery", "recovery support", "recovery center", "recovery community center",
        "recovery coaching", "alcoholism support groups", "drug abuse support groups",
        "substance use disorder support groups",
    ),
    "harm_reduction": (
        "harm reduction", "naloxone", "narcan", "syringe services", "syringe exchange",
        "needle exchange", "syringe service program", "ssp", "fentanyl test strips",
        "test strips", "overdose prevention", "safer use", "drug checking",
        "needle exchange programs", "naloxone distribution",
    ),
    "food": (
        "food", "food pantry", "food pantries", "pantry", "soup kitchen", "soup kitchens",
        "meals", "meal", "community meals", "free meals", "congregate meals",
        "food bank", "food banks", "snap", "food stamps", "wic", "groceries",
    ),
    "shelter": (
        "shelter", "shelters", "homeless shelter", "homeless shelters", "emergency shelter",
        "overnight shelter", "warming center", "cooling center", "homeless drop in centers",
        "homeless drop-in center", "street outreach", "homeless services",
    ),
    "id_documents": (
        "id", "ids", "state id", "identification", "identification cards",
        "birth certificate", "birth certificates", "social security card",
        "social security cards", "rmv", "driver's license", "drivers license",
        "vital records", "cori", "record sealing",
    ),
    "jobs": (
        "jobs", "job", "employment", "job search", "job training", "job readiness",
        "vocational", "vocational rehabilitation", "career", "career center",
        "resume", "ged", "hiset", "adult education", "workforce",
    ),
}  # fmt: skip
_AIRS_CODE = re.compile(r"^\s*[a-z]{1,2}-\d{4}(?:\.\d{3,4})*(?:-\d{3})?\s*", re.IGNORECASE)
_EMPTY = {"", "n/a", "na", "none", "-", "--", "?", "tbd", "other", "misc", "unknown"}


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    own = {
        category.code: (
            fold(category.name),
            fold(category.name_es),
            category.code.replace("_", " "),
        )
        for category in CATEGORIES
    }
    pairs = [(phrase, code) for code in PHRASES for phrase in (*PHRASES[code], *own.get(code, ()))]
    pairs.sort(key=lambda pair: -len(pair[0]))
    return [
        (re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"), code) for phrase, code in pairs
    ]


def _clean(text: str) -> str:
    value = _AIRS_CODE.sub("", fold(text)).strip()
    value = re.sub(r"[^a-z0-9'/&-]+", " ", value)
    return " ".join(value.split())


def is_empty(text: str) -> bool:
    return _clean(text) in _EMPTY


def match_categories(text: str) -> list[str]:
    """Every category whose phrases the text holds as whole words; [] when none does."""
    value = _clean(text)
    if value in _EMPTY:
        return []
    found: list[str] = []
    taken = value
    for pattern, code in _patterns():
        if pattern.search(taken):
            taken = pattern.sub(" ", taken)  # "detox treatment" is both; "sober housing" one
            if code not in found:
                found.append(code)
    order = [category.code for category in CATEGORIES]
    return sorted(found, key=order.index)


def match_category(text: str) -> str | None:
    """The one category a cell names, or None (no category, or more than one)."""
    found = match_categories(text)
    return found[0] if len(found) == 1 else None
