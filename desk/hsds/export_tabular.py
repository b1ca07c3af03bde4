"""Export as an HSDS 3.0 tabular data package: CSV files and datapackage.json, folder or .zip."""

from __future__ import annotations

import copy
import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desk.atomic_files import atomic_write, replace_files_atomically
from desk.errors import DeskError
from desk.hsds.collect import Row, collect_tables, field_order
from desk.hsds.spec import package_descriptor, tables
from desk.messages.imports import (
    CHOOSE_FOLDER_OR_NAME_ENDING,
    CHOOSE_FOLDER_YOU_MAY_WRITE,
    EXPORT_COULD_NOT_BE_WRITTEN,
    IS_FILE_TABULAR_PACKAGE_IS,
)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: str
    counts: dict[str, int]

    @property
    def services(self) -> int:
        return self.counts.get("service", 0)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        moment = value.astimezone(UTC)
        spec = "milliseconds" if moment.microsecond else "seconds"
        return moment.isoformat(timespec=spec).replace("+00:00", "Z")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _csv_bytes(fields: list[str], rows: list[Row]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for row in rows:
        writer.writerow([cell_text(row.get(name)) for name in fields])
    return buffer.getvalue().encode("utf-8")


def _descriptor(files: dict[str, list[str]]) -> dict[str, Any]:
    """The specification's descriptor, with a field added for each column a source brought."""
    descriptor = copy.deepcopy(package_descriptor())
    resources = []
    specs = tables()
    for resource in descriptor["resources"]:
        fields = files.get(resource["name"])
        if fields is None:
            continue
        known = {field["name"] for field in resource["schema"]["fields"]}
        resource["schema"]["fields"].extend(
            {"name": name, "type": "string", "description": "Kept from an import."}
            for name in fields
            if name not in known
        )
        resources.append(resource)
    for name, fields in files.items():
        if name not in specs:
            resources.append(
                {
                    "name": name,
                    "path": f"{name}.csv",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "profile": "tabular-data-resource",
                    "schema": {
                        "primaryKey": "id",
                        "fields": [{"name": f, "type": "string"} for f in fields],
                    },
                }
            )
    descriptor["resources"] = resources
    return descriptor


def build_package(session: Session) -> tuple[dict[str, bytes], dict[str, int]]:
    """File name -> bytes for every table, and the row count of each."""
    collected = collect_tables(session)
    specs = tables()
    files: dict[str, bytes] = {}
    fields_by_table: dict[str, list[str]] = {}
    for name, rows in collected.items():
        fields = field_order(name, rows)
        fields_by_table[name] = fields
        path = specs[name].path if name in specs else f"{name}.csv"
        files[path] = _csv_bytes(fields, rows)
    descriptor = _descriptor(fields_by_table)
    files["datapackage.json"] = (
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    ).encode()
    return files, {name: len(rows) for name, rows in collected.items()}


def export_tabular(session: Session, path: Path) -> ExportSummary:
    """Write the package to `path`: a .zip file, or else a folder (created if needed).

    Written atomically (desk.atomic_files): a failed export (a full disk, a USB stick pulled
    out) leaves the previous zip, or the previous files of a folder package, as they were."""
    files, counts = build_package(session)
    try:
        if path.suffix.lower() == ".zip":
            path.parent.mkdir(parents=True, exist_ok=True)
            with (
                atomic_write(path) as output,
                zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            ):
                for name, data in files.items():
                    archive.writestr(name, data)
        else:
            if path.exists() and not path.is_dir():
                raise DeskError(
                    IS_FILE_TABULAR_PACKAGE_IS.with_(path=path),
                    hint=CHOOSE_FOLDER_OR_NAME_ENDING,
                )
            replace_files_atomically(path, files)
    except OSError as error:
        raise DeskError(
            EXPORT_COULD_NOT_BE_WRITTEN.with_(path=path, value=error.strerror or error),
            hint=CHOOSE_FOLDER_YOU_MAY_WRITE,
        ) from None
    return ExportSummary(path, "csv", counts)
