"""Save as PDF over an earlier PDF on a full disk: the earlier one survives (issue 16, defect 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk.atomic_files import TEMP_PREFIX
from desk.errors import DeskError
from tests.small_disk import SmallDisk
from ui.context import AppContext
from ui.printing.output import DocumentOutput, Target


def test_save_as_pdf_on_a_full_disk_keeps_the_old_file(
    qtbot, app_context: AppContext, small_disk: SmallDisk
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    output = DocumentOutput(app_context.tasks, parent)
    target = Target(path=small_disk.folder / "referral.pdf")
    done, failed = [], []
    output.send(b"%PDF-1.4 the good one", target, "sheet", done.append, failed.append)
    assert done == [target]
    small_disk.fill(leave=4096)

    output.send(b"%PDF-1.4 " + b"x" * 200_000, target, "sheet", done.append, failed.append)
    assert len(done) == 1 and isinstance(failed[0], DeskError)
    assert "No space left" in failed[0].message
    assert target.path.read_bytes() == b"%PDF-1.4 the good one"
    assert not list(small_disk.folder.glob(f"{TEMP_PREFIX}*"))
