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
from desk.messages.imports import (
    ASK_SENDER_FOR_PACKAGE_AGAIN,
    ASK_SENDER_FOR_PACKAGE_WHOSE,
    ASK_SENDER_FOR_PLAIN_ZIP,
    ASK_SENDER_FOR_ZIP_OF,
    CANNOT_BE_OPENED,
    CANNOT_BE_READ,
    CANNOT_BE_READ_2,
    CANNOT_BE_UNPACKED_FROM,
    CHECK_FOR_QUOTE_THAT_IS,
    CHOOSE_FOLDER_HOLDING_DATAPACKAGE_JSON,
    DECLARES_ENCODING_WHICH_IS_UNKNOWN,
    EXPORT_TABLE_AGAIN_AS_CSV,
    FILE,
    HAS_COLUMN_WITH_NO_NAME,
    HAS_TWO_COLUMNS_NAMED,
    IS_DAMAGED_ZIP_FILE,
    IS_EMPTY_IT_HAS_NO,
    IS_FOLDER_NOT_FILE,
    IS_LARGEST_RECOVERY_DESK_IMPORTS,
    IS_LINK_TO_WHICH_IS,
    IS_NEITHER_FOLDER_NOR_ZIP,
    IS_NOT_CSV_FILE_IT,
    IS_NOT_REGULAR_FILE,
    IS_NOT_UTF_8_TEXT,
    IS_NOT_VALID_CSV_NEAR,
    JSON_FILE,
    LIST,
    PACKAGE_HAS_NO_FILE,
    PACKAGE_NAMES_FILE_OUTSIDE_ITS,
    SAVE_IT_AGAIN_AS_CSV,
    SPLIT_JSON_HINT,
    SPLIT_LIST_HINT,
    SPLIT_PACKAGE,
    SPLIT_PACKAGE_HINT,
    THERE_IS_NO_FILE,
    THERE_IS_NO_FILE_OR,
    UNPACKS_TO_MOST_RECOVERY_DESK,
    ZIP_FILE_HOLDS_LINK_WHICH,
)

MAX_FILE_BYTES = 40 * 1024 * 1024  # one table or spreadsheet
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # everything in one package, unpacked
MAX_JSON_BYTES = 512 * 1024 * 1024  # one HSDS JSON file (read service by service)
csv.field_size_limit(MAX_FILE_BYTES)

# What to do about a file over the limit, by what it is: a JSON file has no columns.
_SPLIT_HINTS = {
    "table": SPLIT_PACKAGE_HINT,
    "spreadsheet": SPLIT_LIST_HINT,
    "json": SPLIT_JSON_HINT,
}


class UnreadableFile(DeskError):
    """A file that cannot be read as given; the message says which, where and why."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(name: str, size: int, kind: str = "table") -> None:
    """Refuse a file over the limit for its kind: "table", "spreadsheet" or "json"."""
    limit = MAX_JSON_BYTES if kind == "json" else MAX_FILE_BYTES
    if size > limit:
        what = {"json": JSON_FILE, "spreadsheet": LIST}.get(kind, FILE)
        raise UnreadableFile(
            IS_LARGEST_RECOVERY_DESK_IMPORTS.with_(
                name=name, size=megabytes(size), what=what, limit=megabytes(limit)
            ),
            hint=_SPLIT_HINTS[kind],
        )


def input_file(path: Path, kind: str) -> int:
    """The size of a file the person chose; a plain message when it is missing or no file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFile(THERE_IS_NO_FILE.with_(path=path)) from None
    except OSError as error:
        raise UnreadableFile(CANNOT_BE_OPENED.with_(path=path, strerror=error.strerror)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(IS_FOLDER_NOT_FILE.with_(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(IS_NOT_REGULAR_FILE.with_(path=path))
    check_size(path.name, info.st_size, kind)
    return info.st_size


def read_input_bytes(path: Path, kind: str) -> bytes:
    input_file(path, kind)
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(CANNOT_BE_READ.with_(path=path, strerror=error.strerror)) from None


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
            PACKAGE_NAMES_FILE_OUTSIDE_ITS.with_(name=name),
            hint=ASK_SENDER_FOR_PACKAGE_WHOSE,
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
            raise UnreadableFile(THERE_IS_NO_FILE_OR.with_(path=path))
        try:
            if not path.is_file() or not zipfile.is_zipfile(path):
                raise UnreadableFile(
                    IS_NEITHER_FOLDER_NOR_ZIP.with_(name=path.name),
                    hint=CHOOSE_FOLDER_HOLDING_DATAPACKAGE_JSON,
                )
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise UnreadableFile(
                IS_DAMAGED_ZIP_FILE.with_(name=path.name, error=error),
                hint=ASK_SENDER_FOR_PACKAGE_AGAIN,
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
                    ZIP_FILE_HOLDS_LINK_WHICH.with_(filename=info.filename),
                    hint=ASK_SENDER_FOR_ZIP_OF,
                )
            check_size(info.filename, info.file_size)
            total += info.file_size
        if total > MAX_PACKAGE_BYTES:
            raise UnreadableFile(
                UNPACKS_TO_MOST_RECOVERY_DESK.with_(
                    name=self.path.name,
                    total=megabytes(total),
                    max_package_bytes=megabytes(MAX_PACKAGE_BYTES),
                ),
                hint=SPLIT_PACKAGE,
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
            raise UnreadableFile(PACKAGE_HAS_NO_FILE.with_(name=name)) from None
        check_size(name, info.file_size)
        try:
            with self._zip.open(info) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
            raise UnreadableFile(
                CANNOT_BE_UNPACKED_FROM.with_(name=name, name_2=self.path.name, error=error),
                hint=ASK_SENDER_FOR_PLAIN_ZIP,
            ) from None
        check_size(name, len(data))
        return data

    def _read_from_folder(self, name: str, relative: PurePosixPath) -> bytes:
        """A file of the folder; a link in it is followed to a regular file, and noted."""
        path = self.path / relative
        target = path.resolve()
        if not target.is_relative_to(self.path.resolve()):  # only a link leads out
            if not target.is_file():
                raise UnreadableFile(IS_LINK_TO_WHICH_IS.with_(name=name, target=target))
            self.followed_links.append((name, str(target)))
        elif path.is_symlink() and target.is_file():
            self.followed_links.append((name, str(target)))
        if not target.is_file():
            raise UnreadableFile(PACKAGE_HAS_NO_FILE.with_(name=name))
        check_size(name, target.stat().st_size)
        try:
            return target.read_bytes()
        except OSError as error:
            raise UnreadableFile(
                CANNOT_BE_READ_2.with_(name=name, strerror=error.strerror)
            ) from None


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without a byte-order mark) unless the package says otherwise."""
    chosen = encoding or "utf-8-sig"
    try:
        return data.decode(chosen)
    except LookupError:
        raise UnreadableFile(
            DECLARES_ENCODING_WHICH_IS_UNKNOWN.with_(name=name, encoding=encoding)
        ) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            IS_NOT_UTF_8_TEXT.with_(name=name, data=data[error.start], line=line),
            hint=SAVE_IT_AGAIN_AS_CSV,
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
            IS_NOT_CSV_FILE_IT.with_(name=name, line=line),
            hint=EXPORT_TABLE_AGAIN_AS_CSV,
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
            IS_NOT_VALID_CSV_NEAR.with_(name=name, line_num=reader.line_num, error=error),
            hint=CHECK_FOR_QUOTE_THAT_IS,
        ) from None
    if not header or not any(header):
        raise UnreadableFile(IS_EMPTY_IT_HAS_NO.with_(name=name))
    blanks = [str(i + 1) for i, cell in enumerate(header) if not cell]
    if blanks:
        raise UnreadableFile(HAS_COLUMN_WITH_NO_NAME.with_(name=name, blanks=", ".join(blanks)))
    seen: set[str] = set()
    for cell in header:
        if cell in seen:
            raise UnreadableFile(HAS_TWO_COLUMNS_NAMED.with_(name=name, cell=cell))
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
