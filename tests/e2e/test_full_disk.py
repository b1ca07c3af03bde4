"""Outputs written to a nearly full disk: the file there before survives whole (issue 16,
defect 1). The commands run as a script would run them, onto a real full file system."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desk.atomic_files import TEMP_PREFIX
from tests.e2e.cli import run_cli
from tests.small_disk import SmallDisk, mount_small_disk


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], list[str]]:
    folder = tmp_path_factory.mktemp("full-disk")
    env = {
        "RECOVERY_DESK_DATABASE_URL": f"sqlite:///{folder / 'desk.sqlite3'}",
        "RECOVERY_DESK_DATA_DIR": str(folder),
    }
    assert run_cli("seed-demo", env=env).returncode == 0
    exported = run_cli("export-hsds", str(folder / "hsds.json"), "--format", "json", env=env)
    assert exported.returncode == 0, exported.stderr
    document = json.loads((folder / "hsds.json").read_text(encoding="utf-8"))
    return env, [service["id"] for service in document["contents"]]


@pytest.fixture
def disk(tmp_path: Path):
    yield from mount_small_disk(tmp_path / "usb", 2048)


def no_leftovers(folder: Path) -> bool:
    return not list(folder.rglob(f"{TEMP_PREFIX}*"))


def test_a_referral_sheet_over_a_good_one(demo, disk: SmallDisk) -> None:
    env, ids = demo
    out = disk.folder / "sheet.pdf"
    args = ["referral-sheet", *(f"--service={service}" for service in ids[:2]), "--out", str(out)]
    assert run_cli(*args, env=env).returncode == 0
    good = out.read_bytes()
    disk.fill(leave=len(good) // 2)

    more = ["referral-sheet", *(f"--service={service}" for service in ids[:8]), "--out", str(out)]
    failed = run_cli(*more, env=env)
    assert failed.returncode == 1
    assert "No space left on device" in failed.stderr and "Traceback" not in failed.stderr
    assert out.read_bytes() == good
    assert no_leftovers(disk.folder)


def test_an_hsds_zip_and_folder_over_good_ones(demo, disk: SmallDisk) -> None:
    env, _ids = demo
    package, folder = disk.folder / "hsds.zip", disk.folder / "hsds"
    assert run_cli("export-hsds", str(package), env=env).returncode == 0
    assert run_cli("export-hsds", str(folder), env=env).returncode == 0
    zipped = package.read_bytes()
    services = (folder / "services.csv").read_bytes()
    disk.fill(leave=len(zipped) // 3)

    for target in (package, folder):
        failed = run_cli("export-hsds", str(target), env=env)
        assert failed.returncode == 1, failed.stdout
        assert "could not be written" in failed.stderr
    assert package.read_bytes() == zipped
    assert zipfile.ZipFile(package).testzip() is None
    assert (folder / "services.csv").read_bytes() == services
    assert no_leftovers(disk.folder)
