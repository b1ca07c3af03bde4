"""A column of text with a fixed item (a QR code) at its top right, that can split across pages.

ReportLab's ImageAndFlowables flows text under the image once it has passed it, which leaves
a gap whenever a paragraph does not fit beside it. Here the text keeps one column width
from start to end, and only the first part carries the item.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable


class BesideItem(Flowable):
    def __init__(
        self, content: Sequence[Flowable], item: Flowable | None, gap: float, item_width: float
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.item = item
        self.gap = gap
        self.item_width = item_width  # reserved even when a continuation has no item
        self._sizes: list[tuple[float, float]] = []
        self._item_height = 0.0
        self._wrapped_at: float | None = None

    def _column_width(self, available_width: float) -> float:
        return available_width - self.item_width - self.gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Paragraphs break their lines anew on every wrap; a frame asks several times.
        if self._wrapped_at == available_width:
            return self.width, self.height
        column = self._column_width(available_width)
        self._sizes = []
        total = 0.0
        for index, flowable in enumerate(self.content):
            _, height = flowable.wrapOn(self.canv, column, 0x7FFFFFFF)
            if index:
                total += flowable.getSpaceBefore()
            total += height
            if index < len(self.content) - 1:
                total += flowable.getSpaceAfter()
            self._sizes.append((column, height))
        self._item_height = 0.0
        if self.item is not None:
            _, self._item_height = self.item.wrapOn(self.canv, self.item_width, available_height)
        self.width = available_width
        self.height = max(total, self._item_height)
        self._wrapped_at = available_width
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        if self.height <= available_height:
            return [self]
        # Splitting a paragraph drops its wrapped lines; wrap afresh whatever happens next.
        self._wrapped_at = None
        if self._item_height > available_height:
            return []  # the item alone does not fit: start on the next page
        column = self._column_width(available_width)
        used = 0.0
        first: list[Flowable] = []
        rest = list(self.content)
        while rest:
            flowable = rest[0]
            _, height = flowable.wrapOn(self.canv, column, 0x7FFFFFFF)
            space = flowable.getSpaceBefore() if first else 0.0
            if used + space + height <= available_height:
                first.append(rest.pop(0))
                used += space + height + flowable.getSpaceAfter()
                continue
            pieces = flowable.split(column, available_height - used - space)
            if len(pieces) >= 2:
                first.append(pieces[0])
                rest = [*pieces[1:], *rest[1:]]
            break
        if not first:
            return []
        return [
            BesideItem(first, self.item, self.gap, self.item_width),
            BesideItem(rest, None, self.gap, self.item_width),
        ]

    def draw(self) -> None:
        y = self.height
        for index, flowable in enumerate(self.content):
            if index:
                y -= flowable.getSpaceBefore()
            _, height = self._sizes[index]  # as wrapped last: wrapping again costs time
            y -= height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()
        if self.item is not None:
            self.item.drawOn(
                self.canv, self.width - self.item_width, self.height - self._item_height
            )
