"""Validating exports against the official HSDS 3.0 JSON Schemas copied into tests/data."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

HSDS = Path(__file__).resolve().parents[2] / "data" / "hsds-3.0"
EXAMPLE_PACKAGE = HSDS / "examples" / "csv"
SERVICE_FULL = HSDS / "examples" / "service_full.json"


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((HSDS / "schema" / "compiled" / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def service_errors(service: dict[str, Any]) -> list[str]:
    return [error.message for error in _validator("service.json").iter_errors(service)]


def tabular_as_json(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The CSV package as the tabular schema sees it: typed cells, empty cells left out."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    document: dict[str, list[dict[str, Any]]] = {}
    for resource in descriptor["resources"]:
        types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = []
            for row in csv.DictReader(handle):
                typed: dict[str, Any] = {}
                for key, value in row.items():
                    if value == "":
                        continue
                    typed[key] = float(value) if types.get(key) == "number" else value
                rows.append(typed)
        document[resource["name"]] = rows
    return document


def tabular_errors(folder: Path) -> list[str]:
    document = tabular_as_json(folder)
    return [
        f"{'/'.join(map(str, error.path))}: {error.message}"
        for error in _validator("tabular.json").iter_errors(document)
    ]
