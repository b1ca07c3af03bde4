"""The directory's categories: an HSDS taxonomy of our own, created with the first schema.

Services link to these terms through HSDS `attribute` rows (link_entity "service"). The ids
are fixed (UUID 5 of a recovery-desk URL), so every center's database and export agree.
"""

from __future__ import annotations

from dataclasses import dataclass

TAXONOMY_ID = "1fe3c125-bba6-52e6-818b-dd1a9a53b68d"
TAXONOMY_NAME = "Recovery Desk categories"
TAXONOMY_URI = "https://recovery-desk.invalid/taxonomy"


@dataclass(frozen=True)
class Category:
    code: str
    term_id: str
    name: str
    name_es: str
    description: str


CATEGORIES: tuple[Category, ...] = (
    Category(
        "detox",
        "378e7ef2-e2f7-56b4-a41f-780e973cdc83",
        "Detox & withdrawal",
        "Desintoxicación",
        "Medically monitored withdrawal management and stabilization.",
    ),
    Category(
        "treatment",
        "d1c1c4f0-8a36-507e-8bff-60b926bf1797",
        "Treatment",
        "Tratamiento",
        "Outpatient, residential and medication treatment for addiction.",
    ),
    Category(
        "sober_housing",
        "662f3b2b-58b2-5f71-957a-0ec45aff7a5d",
        "Sober housing",
        "Vivienda sobria",
        "Recovery residences and sober homes.",
    ),
    Category(
        "family_support",
        "fb06c06d-c9a1-5936-bb39-84c4ce70180c",
        "Family support",
        "Apoyo familiar",
        "Groups and help for families and allies.",
    ),
    Category(
        "support_groups",
        "d4abc5a1-c8db-5ca8-b36b-32869c1fde9b",
        "Support groups",
        "Grupos de apoyo",
        "Mutual-aid and peer support meetings, any pathway.",
    ),
    Category(
        "harm_reduction",
        "1b5aaa12-0101-5c08-b2c7-02fb1757f184",
        "Harm reduction",
        "Reducción de daños",
        "Naloxone, syringe services, test strips, safer-use supplies.",
    ),
    Category(
        "food",
        "e4cb2953-9d90-5734-abf6-2b8a11b2fdaa",
        "Food",
        "Comida",
        "Pantries, meals and help applying for SNAP.",
    ),
    Category(
        "shelter",
        "3c379fb8-44fc-528a-af84-300177ecd829",
        "Shelter",
        "Refugio",
        "Emergency and overnight shelter.",
    ),
    Category(
        "id_documents",
        "b7afb383-976e-530f-ab50-6f44b6fba5a0",
        "ID & documents",
        "Identificación y documentos",
        "State ID, birth certificates and record help.",
    ),
    Category(
        "jobs",
        "6f32f25c-35d7-5a73-8ef5-4b7a150d7ca4",
        "Jobs & training",
        "Empleo y capacitación",
        "Job search, training and education.",
    ),
)
CATEGORY_BY_CODE = {category.code: category for category in CATEGORIES}
CATEGORY_BY_TERM_ID = {category.term_id: category for category in CATEGORIES}
