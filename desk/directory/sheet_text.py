"""The columns of a list as the command line shows them: field, column, the first values.

name          “Program Name”   Harbor Street Detox · Lincoln Square Recovery … · …
Not imported: “Notes” (Call ahead after 10 pm · …), “location_id” (LOC-001 · …)
"""

from __future__ import annotations

from desk.directory.sheet_mapping import FIELDS, describe_columns, notes_like_column
from desk.directory.sheet_read import Sheet

SAMPLE_WIDTH = 28


def _short(text: str, width: int = SAMPLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def mapping_text(sheet: Sheet, mapping: dict[str, str], guessed: bool) -> str:
    columns = {column.heading: column for column in describe_columns(sheet, mapping)}
    how = "guessed from the headings" if guessed else "as given"
    lines = [f"Columns of {sheet.source} ({how}), with the first values of each:"]
    width = max(len(f"“{heading}”") for heading in mapping.values())
    for field in FIELDS:
        heading = mapping.get(field)
        if not heading:
            continue
        column = columns.get(heading)
        samples = " · ".join(_short(v) for v in column.samples) if column else ""
        more = " · …" if column and column.filled > len(column.samples) else ""
        lines.append(f"  {field:<13} {f'“{heading}”':<{width}}  {samples or '(empty)'}{more}")
    missing = [field for field in FIELDS if field not in mapping and field != "notes"]
    if missing:
        lines.append(f"  Not in this list: {', '.join(missing)}")
    left = [c for c in columns.values() if c.field is None and c.filled]
    if left:
        lines.append(
            "Not imported: "
            + "; ".join(
                f"“{c.heading}” ({' · '.join(_short(v, 20) for v in c.samples)})" for c in left
            )
        )
    notes = notes_like_column(sheet, mapping)
    if notes is not None:
        lines.append(
            f"To keep “{notes.heading}” as a paragraph of each description, add "
            f'--map "notes={notes.heading}".'
        )
    return "\n".join(lines)
