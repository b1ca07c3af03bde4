"""QR codes drawn straight from segno's module matrix, as one filled path.

ReportLab's own QR widget encodes in pure Python and took about 50 ms per code; segno encodes
a web address in well under a millisecond, and the matrix is cached, so a reprint or a
handout with many codes pays almost nothing for them.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.platypus import Flowable, Paragraph

QUIET_ZONE = 2  # modules of white around the code; scanners want some, paper adds margin


@lru_cache(maxsize=2048)
def qr_runs(data: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The code's size in modules and its dark runs as (row, first column, length)."""
    # A fixed mask pattern: choosing the "best" of eight costs about 2.5 ms a code and buys
    # nothing a phone camera notices on a printed page at this size.
    code = segno.make(data, error="m", micro=False, mask=0)
    matrix = code.matrix
    runs = []
    for row_index, row in enumerate(matrix):
        start = None
        for column, dark in enumerate(row):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                runs.append((row_index, start, column - start))
                start = None
        if start is not None:
            runs.append((row_index, start, len(row) - start))
    return len(matrix), tuple(runs)


@lru_cache(maxsize=2048)
def qr_operators(data: str, size: float) -> str:
    """PDF drawing operators for the code in a `size`-point square whose origin is its
    bottom-left corner: black rectangles, one per run of dark modules, filled at once."""
    modules, runs = qr_runs(data)
    cell = size / (modules + 2 * QUIET_ZONE)
    lines = ["0 g"]
    for row, column, length in runs:
        x = (column + QUIET_ZONE) * cell
        y = size - (row + QUIET_ZONE + 1) * cell
        # A hair of overlap, so that viewers draw no seams between neighbouring modules.
        lines.append(f"{x:.3f} {y:.3f} {length * cell + 0.05:.3f} {cell + 0.05:.3f} re")
    lines.append("f")
    return "\n".join(lines)


class QrCode(Flowable):
    """A square QR code `size` points wide, with an optional caption underneath."""

    def __init__(self, data: str, size: float, caption: Paragraph | None = None) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.caption = caption
        self._caption_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._caption_height = 0.0
        if self.caption is not None:
            # No wider than the code: the code sits against the right margin.
            _, self._caption_height = self.caption.wrap(self.size, available_height)
        self.width = self.size
        self.height = self.size + self._caption_height + (2 if self.caption else 0)
        return self.width, self.height

    # ImageAndFlowables asks these of its image, so that text can flow beside the code.
    def _restrictSize(self, available_width: float, available_height: float):
        return self.width, self.height

    def _unRestrictSize(self) -> None:
        """Nothing to undo: the code's size never changed for the frame."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(0, self.height - self.size)
        canvas.addLiteral(qr_operators(self.data, round(self.size, 3)))
        canvas.restoreState()
        if self.caption is not None:
            self.caption.drawOn(canvas, 0, 0)
