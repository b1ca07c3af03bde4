"""Reading files that come from outside, safely: size limits, zip paths, links, encodings, CSV.

Every failure here is the sender's file, not a bug, so each becomes a plain message (an
`UnreadableFile`) naming the file, the line where it can, and what to do about it.

Limits: a table of a package or a spreadsheet may be 40 MB, a whole package 200 MB unpacked,
and a JSON file 512 MB. The desk's own exports stay well inside them: 10,000 services make a
tabular package of about 40 MB unpacked (services.csv about 6 MB) and a JSON file of about
70 MB, so a directory of some 70,000 services still imports from its own export. A folder the
person chose may hold links to regular files (the official HSDS example links its
datapackage.json one folder up); they are followed and noted. A link inside a zip could point
anywhere on the machine that opens it, so a zip holding one is refused.
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desk.errors import DeskError

MAX_FILE_BYTES = 40 * 1024 * 1024  # one table or spreadsheet
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # everything in one package, unpacked
MAX_JSON_BYTES = 512 * 1024 * 1024  # one HSDS JSON file (read service by service)
csv.field_size_limit(MAX_FILE_BYTES)

# What to do about a file over the limit, by what it is: a JSON file has no columns.
_SPLIT_HINTS = {
    "table": "Split the package into smaller ones (fewer services in each), and import each.",
    "spreadsheet": "Split the list into smaller files, or remove columns you do not need, and "
    "import each part.",
    "json": "Split its services into smaller files, or export the directory as a tabular "
    "package (.zip) instead, and import that.",
}


class UnreadableFile(DeskError):
    """A file that cannot be read as given; the message says which, where and why."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(name: str, size: int, kind: str = "table") -> None:
    """Refuse a file over the limit for its kind: "table", "spreadsheet" or "json"."""
    limit = MAX_JSON_BYTES if kind == "json" else MAX_FILE_BYTES
    if size > limit:
        what = {"json": "JSON file", "spreadsheet": "list"}.get(kind, "file")
        raise UnreadableFile(
            f"{name} is {megabytes(size)}; the largest {what} Recovery Desk imports is "
            f"{megabytes(limit)}.",
            hint=_SPLIT_HINTS[kind],
        )


def input_file(path: Path, kind: str) -> int:
    """The size of a file the person chose; a plain message when it is missing or no file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(f"There is no file {path}.") from None
    except OSError as error:
        raise UnreadableFile(f"{path} cannot be opened ({error.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(f"{path} is not a regular file.")
    check_size(path.name, info.st_size, kind)
    return info.st_size


def read_input_bytes(path: Path, kind: str) -> bytes:
    input_file(path, kind)
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path} cannot be read ({error.strerror}).") from None


def safe_member_path(name: str) -> PurePosixPath:
    """A path inside a package, refused if it would point outside the package's folder."""
    normalized = name.replace("\\", "/")
    path = PurePosixPath(normalized)
    if (
        normalized.startswith("/")
        or (len(normalized) > 1 and normalized[1] == ":")
        or any(part == ".." for part in path.parts)
    ):
        raise UnreadableFile(
            f"The package names a file outside its own folder (“{name}”); it was not opened.",
            hint="Ask the sender for a package whose files all sit inside it.",
        )
    return path


class PackageSource:
    """The files of a package: a folder, or a .zip checked before anything is read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._zip_root = PurePosixPath()
        self.followed_links: list[tuple[str, str]] = []  # (name in the package, target)
        if path.is_dir():
            return
        if not path.exists():
            raise UnreadableFile(f"There is no file or folder {path}.")
        try:
            if not path.is_file() or not zipfile.is_zipfile(path):
                raise UnreadableFile(
                    f"{path.name} is neither a folder nor a .zip file.",
                    hint="Choose the folder holding datapackage.json, or a .zip of it.",
                )
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise UnreadableFile(
                f"{path.name} is a damaged .zip file ({error}).",
                hint="Ask the sender for the package again.",
            ) from None
        self._check_zip()

    def _check_zip(self) -> None:
        assert self._zip is not None
        total = 0
        for info in self._zip.infolist():
            safe_member_path(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UnreadableFile(
                    f"The zip file holds a link (“{info.filename}”), which could point "
                    "outside it; it was not opened.",
                    hint="Ask the sender for a zip of plain files.",
                )
            check_size(info.filename, info.file_size)
            total += info.file_size
        if total > MAX_PACKAGE_BYTES:
            raise UnreadableFile(
                f"{self.path.name} unpacks to {megabytes(total)}; the most Recovery Desk imports "
                f"at once is {megabytes(MAX_PACKAGE_BYTES)}.",
                hint="Split the package.",
            )
        names = [PurePosixPath(i.filename) for i in self._zip.infolist() if not i.is_dir()]
        if not any(n.name == "datapackage.json" and len(n.parts) == 1 for n in names):
            nested = [n for n in names if n.name == "datapackage.json" and len(n.parts) == 2]
            if len(nested) == 1:  # a zip of the folder rather than of its files
                self._zip_root = nested[0].parent

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def exists(self, name: str) -> bool:
        relative = safe_member_path(name)
        if self._zip is None:  # a link is there even when it leads nowhere usable
            return (self.path / relative).is_file() or (self.path / relative).is_symlink()
        try:
            self._zip.getinfo(str(self._zip_root / relative))
        except KeyError:
            return False
        return True

    def read_bytes(self, name: str) -> bytes:
        relative = safe_member_path(name)
        if self._zip is None:
            return self._read_from_folder(name, relative)
        member = str(self._zip_root / relative)
        try:
            info = self._zip.getinfo(member)
        except KeyError:
            raise UnreadableFile(f"The package has no file {name}.") from None
        check_size(name, info.file_size)
        try:
            with self._zip.open(info) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
            raise UnreadableFile(
                f"{name} cannot be unpacked from {self.path.name} ({error}).",
                hint="Ask the sender for a plain .zip (no password, usual compression).",
            ) from None
        check_size(name, len(data))
        return data

    def _read_from_folder(self, name: str, relative: PurePosixPath) -> bytes:
        """A file of the folder; a link in it is followed to a regular file, and noted."""
        path = self.path / relative
        target = path.resolve()
        if not target.is_relative_to(self.path.resolve()):  # only a link leads out
            if not target.is_file():
                raise UnreadableFile(
                    f"“{name}” is a link to {target}, which is not a file; it was not opened."
                )
            self.followed_links.append((name, str(target)))
        elif path.is_symlink() and target.is_file():
            self.followed_links.append((name, str(target)))
        if not target.is_file():
            raise UnreadableFile(f"The package has no file {name}.")
        check_size(name, target.stat().st_size)
        try:
            return target.read_bytes()
        except OSError as error:
            raise UnreadableFile(f"{name} cannot be read ({error.strerror}).") from None


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without a byte-order mark) unless the package says otherwise."""
    chosen = encoding or "utf-8-sig"
    try:
        return data.decode(chosen)
    except LookupError:
        raise UnreadableFile(
            f"{name} declares the encoding “{encoding}”, which is unknown."
        ) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02X} on line {line}). It is "
            "probably saved in the Windows-1252 (ANSI) encoding.",
            hint='Save it again as “CSV UTF-8”, or add "encoding": "windows-1252" to its '
            "resource in datapackage.json, then import again.",
        ) from None


@dataclass(frozen=True)
class CsvTable:
    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, cells)


def read_csv(text: str, name: str) -> CsvTable:
    """Parse strictly: an unclosed quote or a stray NUL is an error with its line number."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise UnreadableFile(
            f"{name} is not a CSV file: it holds binary data (a NUL byte on line {line}).",
            hint="Export the table again as CSV.",
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if not any(cell.strip() for cell in cells):
                continue
            rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise UnreadableFile(
            f"{name} is not valid CSV near line {reader.line_num}: {error}.",
            hint="Check for a quote that is opened and never closed, then export it again.",
        ) from None
    if not header or not any(header):
        raise UnreadableFile(f"{name} is empty: it has no header row.")
    blanks = [str(i + 1) for i, cell in enumerate(header) if not cell]
    if blanks:
        raise UnreadableFile(f"{name} has a column with no name (column {', '.join(blanks)}).")
    seen: set[str] = set()
    for cell in header:
        if cell in seen:
            raise UnreadableFile(f"{name} has two columns named “{cell}”.")
        seen.add(cell)
    return CsvTable(name, header, rows)


def iter_records(table: CsvTable) -> Iterator[tuple[int, dict[str, str] | None, int]]:
    """(line, cells by column, cell count); the dict is None when the count is wrong."""
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) != width:
            yield line, None, len(cells)
        else:
            yield line, dict(zip(table.header, cells, strict=True)), width
