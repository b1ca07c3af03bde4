"""Reading an HSDS tabular data package (a folder or .zip of CSV files with datapackage.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from desk.hsds.files import PackageSource, UnreadableFile, decode_text, iter_records, read_csv
from desk.hsds.records import RawRecord
from desk.hsds.report import ImportReport
from desk.hsds.spec import REQUIRED_TABLES, tables

DESCRIPTOR = "datapackage.json"
MAX_TABLE_NAME = 64  # the hsds_other_record.table_name column


def _standard_resources() -> list[dict[str, Any]]:
    return [{"name": spec.name, "path": spec.path} for spec in tables().values()]


def _resources(source: PackageSource, report: ImportReport) -> list[dict[str, Any]]:
    if not source.exists(DESCRIPTOR):
        report.note(
            DESCRIPTOR,
            "the package has no datapackage.json; its files were read by the standard HSDS "
            "3.0 names (services.csv, organizations.csv, ...)",
        )
        return _standard_resources()
    text = decode_text(source.read_bytes(DESCRIPTOR), DESCRIPTOR)
    try:
        descriptor = json.loads(text)
    except RecursionError:
        report.reject(DESCRIPTOR, "it is nested too deeply to be a package descriptor")
        return []
    except json.JSONDecodeError as error:
        report.note(
            DESCRIPTOR,
            f"not a package descriptor (JSON error on line {error.lineno}: {error.msg}); "
            "the files were read by the standard HSDS 3.0 names",
        )
        return _standard_resources()
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        report.reject(DESCRIPTOR, "it lists no resources (tables)")
        return []
    usable = []
    for position, resource in enumerate(resources):
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            report.reject(DESCRIPTOR, f"resource {position + 1} has no name")
            continue
        if not _usable_name(resource["name"]):
            report.reject(
                DESCRIPTOR,
                f"resource {position + 1} has the name “{resource['name'][:70]}”; a table's "
                f"name is at most {MAX_TABLE_NAME} letters, digits and underscores",
            )
            continue
        if resource.get("encoding") is not None and not isinstance(resource["encoding"], str):
            report.reject(DESCRIPTOR, f"resource “{resource['name']}” has an unreadable encoding")
            continue
        path = resource.get("path")
        if not isinstance(path, str):
            report.reject(
                DESCRIPTOR,
                f"resource “{resource['name']}” has no single file path (inline or multi-part "
                "resources are not supported)",
            )
            continue
        usable.append(resource)
    return usable


def _usable_name(name: str) -> bool:
    return 0 < len(name) <= MAX_TABLE_NAME and re.fullmatch(r"[A-Za-z0-9_.-]+", name) is not None


def read_tabular_package(path: Path, report: ImportReport) -> dict[str, list[RawRecord]]:
    """Every row of every table, as raw text; problems go to `report`."""
    source = PackageSource(path)
    try:
        return _read(source, report)
    finally:
        for name, target in source.followed_links:
            report.note(
                name,
                f"a link to {target}; it was followed, as the folder was chosen by you "
                "(a .zip holding links is refused)",
            )
        source.close()


def _read(source: PackageSource, report: ImportReport) -> dict[str, list[RawRecord]]:
    specs = tables()
    resources = _resources(source, report)
    found: dict[str, list[RawRecord]] = {}
    paths = {resource["name"]: resource["path"] for resource in resources}
    for name in REQUIRED_TABLES:
        spec = specs[name]
        if not source.exists(paths.get(name, spec.path)):
            report.reject(
                paths.get(name, spec.path),
                f"the package has no {paths.get(name, spec.path)} (the HSDS {name} table), "
                "which every directory package must have",
            )
    for resource in resources:
        name, file_name = resource["name"], resource["path"]
        if not source.exists(file_name):
            if name not in REQUIRED_TABLES and name in specs:
                continue  # an optional table the sender left out
            if name not in specs:
                report.note(file_name, "listed in datapackage.json but not in the package")
            continue
        try:
            data = source.read_bytes(file_name)
            table = read_csv(decode_text(data, file_name, resource.get("encoding")), file_name)
        except UnreadableFile as error:
            report.reject(file_name, str(error))
            continue
        spec = specs.get(name)
        if spec is None:
            if "id" not in table.header:
                report.note(
                    file_name,
                    f"“{name}” is not an HSDS table and has no id column; it was not kept",
                )
                continue
            report.note(file_name, f"“{name}” is not an HSDS 3.0 table; it is kept as it is")
        else:
            missing = [f for f in spec.required_fields if f not in table.header]
            if missing:
                columns = ", ".join(f"“{m}”" for m in missing)
                report.reject(
                    file_name,
                    f"has no column {columns}, which HSDS requires in the {name} table",
                )
                continue
        known = set(spec.field_names) if spec else set(table.header)
        records = found.setdefault(name, [])
        for line, cells, width in iter_records(table):
            where = f"{file_name} line {line}"
            if cells is None:
                report.reject(where, f"has {width} cells; the header has {len(table.header)}")
                continue
            records.append(
                RawRecord(
                    name,
                    where,
                    {k: v for k, v in cells.items() if k in known},
                    {k: v for k, v in cells.items() if k not in known and v != ""},
                )
            )
    return found
